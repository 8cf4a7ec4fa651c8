"""A small read-only table of text rows held in memory: an import's plan, pairs to review.

Each row may carry a key (a person id, a pair of ids) the view's owner reads back.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .headers import column_title

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


class TextRowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[Hashable] = []

    def set_rows(
        self, rows: Sequence[Sequence[str]], keys: Sequence[Hashable] | None = None
    ) -> None:
        width = len(self._headers)
        self.beginResetModel()
        self._rows = [tuple((list(r) + [""] * width)[:width]) for r in rows]
        self._keys = list(keys) if keys is not None else list(range(len(self._rows)))
        self.endResetModel()

    def key(self, row: int) -> Hashable | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_texts(self, row: int) -> tuple[str, ...]:
        return self._rows[row] if 0 <= row < len(self._rows) else ()

    def column_texts(self, column: int) -> list[str]:
        return [r[column] for r in self._rows]

    def remove_key(self, key: Hashable) -> bool:
        if key not in self._keys:
            return False
        row = self._keys.index(key)
        self.beginRemoveRows(_ROOT, row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()
        return True

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in TEXT_ROLES:
            text = self._rows[index.row()][index.column()]
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(text.split()) if "\n" in text else text
            return text or None
        if role == KEY_ROLE:
            key = self._keys[index.row()]
            return key if isinstance(key, int | str) else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(self._headers, section, orientation, role)
