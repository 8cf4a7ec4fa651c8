"""The Follow-ups section: what was promised to the person and by when, edited in place, ticked
done, added and removed (every change undoable)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal import followups

from .aspect_model import RetryingDelegate
from .autosave import Saver
from .followup_model import FollowUpModel
from .undo import Addition, PageChange, Place, Step, preview
from .widgets import date_edit, from_qdate, muted, named, to_qdate

FIRST_DUE_DAYS = 7  # a new follow-up is due in a week unless another day is chosen
FIELD_NAMES = {"what": "follow-up", "due_on": "due date", "done": "follow-up"}


class FollowUpsSection(QWidget):
    def __init__(self, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "followUpsSection", "Follow-ups")
        self._saver = saver
        self._person_id: int | None = None
        self.model = FollowUpModel(self._write, self)
        self.view = QTableView()
        named(self.view, "followUpsView", "Follow-ups")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RetryingDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.what = QLineEdit()
        named(self.what, "newFollowUpEdit", "New follow-up")
        self.what.setPlaceholderText("What you promised them, e.g. send the case study")
        self.due = date_edit("newFollowUpDueEdit", "Due on")
        self.add_button = QPushButton("Add follow-up")
        named(self.add_button, "addFollowUpButton", "Add the follow-up")
        self.remove_button = QPushButton("Remove")
        named(self.remove_button, "removeFollowUpButton", "Remove the selected follow-up")
        self.remove_button.setToolTip("Remove (Ctrl+Z brings it back); one kept is better ticked")
        self.what.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)

        form = QHBoxLayout()
        form.addWidget(self.what, 1)
        form.addWidget(QLabel("due"))
        form.addWidget(self.due)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        hint = "What you promised, and by when. Double-click to edit; tick it when it is done."
        layout.addWidget(muted(QLabel(hint)))
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        self._reset_due()

    def show_person(self, person_id: int) -> None:
        if person_id != self._person_id:
            self.what.clear()
            self._reset_due()
        self._person_id = person_id
        self.refresh()

    def forget(self) -> None:
        self._person_id = None
        self.model.set_records([])

    def refresh(self) -> None:
        if self._person_id is not None:
            self.model.set_records(followups.follow_ups_of(self._person_id, include_done=True))
            self.view.resizeRowsToContents()

    def count(self) -> int:
        """Follow-ups not done yet (the tab's number)."""
        return sum(not self.model.record(row).done for row in range(self.model.rowCount()))

    def highlight(self, record_id: int) -> bool:
        return self.model.select_in(self.view, record_id)

    def add(self) -> None:
        if self._person_id is None:
            return
        what = self.what.text()
        record = self._saver.push(
            Addition(
                self._saver,
                f"Add the follow-up “{preview(what)}”",
                "followup",
                Step(
                    "Adding the follow-up",
                    followups.add_follow_up,
                    (self._person_id, what, from_qdate(self.due.date())),
                ),
                followups.trash_follow_up,
                followups.restore_follow_up,
                self._person_id,
                "followup",
            )
        )
        if record is None:
            return
        self.what.clear()
        self._reset_due()
        self.refresh()
        self.highlight(record.id)
        self.what.setFocus()

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or self._person_id is None:
            return
        record = self.model.record(index.row())
        change = PageChange(
            self._saver,
            f"Remove the follow-up “{preview(record.what)}”",
            "followup",
            Step("Removing the follow-up", followups.trash_follow_up, (record.id,)),
            Step("Bringing back the follow-up", followups.restore_follow_up, (record.id,)),
            Place(self._person_id, "followup", record.id),
            done=f"Follow-up “{preview(record.what)}” removed. Undo with Ctrl+Z.",
        )
        if self._saver.push(change) is not None:
            self.refresh()

    def _write(self, record_id: int, field: str, value: Any) -> Any:
        row = self.model.row_of(record_id)
        if row is None or self._person_id is None:
            return None
        record = self.model.record(row)
        text = f"Edit the {FIELD_NAMES[field]} “{preview(record.what)}”"
        if field == "done":
            done = "done" if value else "not done"
            text = f"Mark the follow-up “{preview(record.what)}” {done}"
        action, old = "Saving the follow-up", getattr(record, field)
        return self._saver.push(
            PageChange(
                self._saver,
                text,
                "followup",
                Step(action, followups.update_follow_up, (record_id,), {field: value}),
                Step(action, followups.update_follow_up, (record_id,), {field: old}),
                Place(self._person_id, "followup", record_id, field),
            )
        )

    def _reset_due(self) -> None:
        self.due.setDate(to_qdate(dt.date.today() + dt.timedelta(days=FIRST_DUE_DAYS)))
