"""A small table over a list of records (Today's sections, Decisions), with columns as functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from .headers import column_title

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None


class RecordsModel(QAbstractTableModel):
    """Shows frozen records; `person_of(record)` names the person a row opens."""

    def __init__(
        self,
        columns: Sequence[Column],
        person_of: Callable[[Any], int],
        emphasise: Callable[[Any], bool] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._titles = tuple(c.title for c in self._columns)
        self._person_of = person_of
        self._emphasise = emphasise
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def person_id(self, row: int) -> int | None:
        record = self.record(row)
        return None if record is None else self._person_of(record)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        return column_title(self._titles, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role == PERSON_ID_ROLE:
            return self._person_of(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.FontRole and self._emphasise and self._emphasise(record):
            font = QFont()
            font.setBold(True)
            return font
        return None
