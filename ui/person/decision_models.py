"""List models for the Decisions section: a person's decisions, and one decision's objections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from journal.decisions import OUTCOME_LABELS
from journal.records import DecisionRecord, ObjectionRecord
from journal.themes import THEME_LABELS

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
UNFINISHED_TINT = QColor(230, 160, 20, 70)


def open_objections_text(decision: DecisionRecord) -> str:
    opened = decision.open_objections
    return "open objections: " + "; ".join(o.text for o in opened) if opened else ""


def summary(decision: DecisionRecord) -> str:
    text = f"{OUTCOME_LABELS[decision.outcome]} · {decision.offer} · {decision.decided_on:%d %b %Y}"
    if decision.unfinished:
        text += " · unfinished"
    return text


class DecisionListModel(QAbstractListModel):
    """A person's decisions, newest first; unfinished ones carry a tint and their objections."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[DecisionRecord] = []

    def set_records(self, records: list[DecisionRecord]) -> None:
        if list(records) == self._records:
            return  # nothing changed: keep the selection
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def replace(self, record: DecisionRecord) -> None:
        row = self.row_of(record.id)
        if row is not None:
            self._records[row] = record
            self.dataChanged.emit(self.index(row), self.index(row))

    def record(self, row: int) -> DecisionRecord:
        return self._records[row]

    def row_of(self, decision_id: int) -> int | None:
        return next((r for r, d in enumerate(self._records) if d.id == decision_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        decision = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary(decision)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, [summary(decision), open_objections_text(decision)]))
        if role == Qt.ItemDataRole.BackgroundRole and decision.unfinished:
            return UNFINISHED_TINT
        if role == IdRole:
            return decision.id
        return None


class ObjectionModel(QAbstractListModel):
    """One decision's objections: tick one to mark it addressed, edit its text in place.

    `writer(objection_id, **changes)` saves and returns the updated decision, or None.
    """

    def __init__(self, writer: Callable[..., DecisionRecord | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._records: list[ObjectionRecord] = []

    def set_records(self, records: tuple[ObjectionRecord, ...] | list[ObjectionRecord]) -> None:
        if list(records) == self._records:
            return  # nothing changed: keep the selection
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> ObjectionRecord:
        return self._records[row]

    def row_of(self, objection_id: int) -> int | None:
        return next((r for r, o in enumerate(self._records) if o.id == objection_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        objection = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{objection.text}  \u00b7  {THEME_LABELS[objection.theme]}"
        if role == Qt.ItemDataRole.EditRole:
            return objection.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if objection.addressed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Addressed" if objection.addressed else "Not addressed yet: tick when it is"
        if role == IdRole:
            return objection.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return False
        objection = self._records[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked == objection.addressed:
                return False
            decision = self._writer(objection.id, addressed=checked)
        elif role == Qt.ItemDataRole.EditRole:
            if str(value).strip() == objection.text:
                return False
            decision = self._writer(objection.id, text=str(value))
        else:
            return False
        if decision is None:
            return False
        updated = next((o for o in decision.objections if o.id == objection.id), objection)
        self._records[index.row()] = updated
        self.dataChanged.emit(index, index)
        return True
