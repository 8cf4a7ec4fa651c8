"""The trash, as the Trash dialog lists it: most recently deleted first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from journal.trash import TrashItem

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
KIND_NAMES = {
    "person": "Person",
    "note": "Note",
    "decision": "Decision",
    "goal": "Goal",
    "pain": "Pain",
    "objection": "Objection",
    "referral": "Referral",
    "followup": "Follow-up",
}


class TrashModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[TrashItem] = []

    def set_items(self, items: list[TrashItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TrashItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{KIND_NAMES.get(item.kind, item.kind)}: {item.label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Deleted {item.trashed_at:%d %b %Y %H:%M}"
        return None
