"""A table model of a person's follow-ups (what, due, done), edited in place: the text, the date
(Qt's own date editor) and a check box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from journal.records import FollowUpRecord

from ..item_models.headers import column_title
from .aspect_model import RecordTable
from .widgets import DATE_FORMAT, from_qdate, to_qdate

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("what", "due_on", "done")
HEADERS = ("Follow-up", "Due", "Done")
_ROOT = QModelIndex()


class FollowUpModel(RecordTable):
    def record(self, row: int) -> FollowUpRecord:
        record: FollowUpRecord = self._records[row]
        return record

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
        return self.write(index.row(), FIELDS[column], value)
