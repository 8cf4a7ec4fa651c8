"""A table model of a person's follow-ups (what, due, done), edited in place: the text, the date
(Qt's own date editor) and a check box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal.records import FollowUpRecord

from ..item_models.headers import column_title
from .aspect_model import Writer
from .widgets import DATE_FORMAT, from_qdate, to_qdate

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("what", "due_on", "done")
HEADERS = ("Follow-up", "Due", "Done")
_ROOT = QModelIndex()


class FollowUpModel(QAbstractTableModel):
    def __init__(self, writer: Writer, parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._records: list[FollowUpRecord] = []

    def set_records(self, records: list[FollowUpRecord]) -> None:
        if list(records) == self._records:
            return
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> FollowUpRecord:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return next((r for r, rec in enumerate(self._records) if rec.id == record_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = index.column()
        if column == 2:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if record.done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return "Done" if record.done else "Not done"
            return None
        if column == 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return to_qdate(record.due_on).toString(DATE_FORMAT)
            if role == Qt.ItemDataRole.EditRole:
                return to_qdate(record.due_on)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return record.what
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.what
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 2:
            return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return False
        column = index.column()
        if column == 2 and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column != 2 and role == Qt.ItemDataRole.EditRole:
            value = from_qdate(value) if column == 1 and not isinstance(value, dt.date) else value
        else:
            return False
        record = self._records[index.row()]
        field = FIELDS[column]
        if getattr(record, field) == value:
            return False
        updated = self._writer(record.id, field, value)
        if updated is None:
            return False
        self._records[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True
