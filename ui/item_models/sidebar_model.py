"""The sidebar's entries: the pages, each with its icon and shortcut."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PAGES = (
    ("today", "Today"),
    ("people", "People"),
    ("decisions", "Decisions"),
    ("search", "Search"),
    ("network", "Network"),
    ("lessons", "Lessons"),
    ("focus", "Focus"),
    ("personas", "Personas"),
)


class SidebarModel(QAbstractListModel):
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(PAGES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(PAGES):
            return None
        name, label = PAGES[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label} (Ctrl+{index.row() + 1})"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(name)
        if role == Qt.ItemDataRole.UserRole:
            return name
        return None
