"""Editing one decision: outcome, reason, objections (tick when addressed), lesson, revisit date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import decisions
from journal.decisions import OUTCOME_LABELS
from journal.records import DecisionRecord

from .aspect_model import RetryingDelegate
from .autosave import Binder, Saver, bind_combo, bind_date, bind_line, bind_text
from .decision_models import ObjectionModel, open_objections_text
from .undo import Addition, PageChange, Place, Step, preview
from .widgets import Badge, OptionalDate, date_edit, from_qdate, named, to_qdate


def outcome_combo(object_name: str) -> QComboBox:
    combo = QComboBox()
    named(combo, object_name, "Outcome")
    for value, label in OUTCOME_LABELS.items():
        combo.addItem(label, value)
    return combo


def _area(object_name: str, accessible: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    named(edit, object_name, accessible)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * 3 + 16)
    edit.setMaximumHeight(line * 7 + 16)
    return edit


class DecisionEditor(QWidget):
    """Shows one decision; every change saves at once (text areas after a short pause)."""

    changed = Signal(object)  # the updated DecisionRecord
    trashed = Signal(int)

    def __init__(self, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "decisionEditor", "Decision")
        self._saver = saver
        self.decision: DecisionRecord | None = None
        self.badge = Badge("decisionBadge")
        self.offer = QLineEdit()
        named(self.offer, "decisionOfferEdit", "Offer")
        self.outcome = outcome_combo("decisionOutcomeCombo")
        self.decided_on = date_edit("decidedOnEdit", "Decided on")
        self.reason = _area("decisionReasonEdit", "Reason", "why they decided this, in their words")
        self.objections = ObjectionModel(self._write_objection, self)
        self.objection_view = QListView()
        named(self.objection_view, "objectionsView", "Objections")
        self.objection_view.setModel(self.objections)
        self.objection_view.setItemDelegate(RetryingDelegate(self.objection_view))
        self.objection_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.objection_view.setToolTip(
            "Tick an objection once it is addressed; double-click to reword"
        )
        self.objection_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        remove = QAction("Remove objection", self.objection_view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_objection)
        self.objection_view.addAction(remove)
        self.new_objection = QLineEdit()
        named(self.new_objection, "newObjectionEdit", "New objection")
        self.new_objection.setPlaceholderText("Another objection they raised (Enter adds it)")
        self.new_objection.returnPressed.connect(self.add_objection)
        self.lesson = _area(
            "decisionLessonEdit",
            "Lesson",
            "what would have been a better solution or fit; what they expected vs. what we offered",
        )
        self.revisit = OptionalDate("Revisit on", "revisitOn")
        self.trash_button = QPushButton("Move to trash")
        named(self.trash_button, "trashDecisionButton", "Move the decision to the trash")
        self.trash_button.clicked.connect(self._trash)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Offer", self.offer)
        when = QHBoxLayout()
        when.addWidget(self.outcome)
        when.addWidget(self.decided_on)
        when.addStretch(1)
        form.addRow("Outcome", when)
        form.addRow("Reason", self.reason)
        form.addRow("Objections", self.objection_view)
        form.addRow("", self.new_objection)
        form.addRow("Lesson", self.lesson)
        form.addRow("", self.revisit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.trash_button)
        layout.addLayout(bottom)
        layout.addStretch(1)

        decided = Binder(
            self.decided_on,
            lambda: from_qdate(self.decided_on.date()),
            lambda v: self.decided_on.setDate(to_qdate(v or dt.date.today())),
            lambda v: self._write("decided_on", v),
        )
        self.decided_on.dateChanged.connect(decided.edited)
        self.binders: dict[str, Binder] = {
            "offer": bind_line(self.offer, lambda v: self._write("offer", v)),
            "outcome": bind_combo(self.outcome, lambda v: self._write("outcome", v)),
            "decided_on": decided,
            "reason": bind_text(self.reason, lambda v: self._write("reason", v)),
            "lesson": bind_text(self.lesson, lambda v: self._write("lesson", v)),
            "revisit_on": bind_date(self.revisit, lambda v: self._write("revisit_on", v)),
        }
        self.show_decision(None)

    def flush(self) -> None:
        for binder in self.binders.values():
            binder.flush()

    def show_decision(self, decision: DecisionRecord | None) -> None:
        """Show a decision; showing the same one again keeps any edit in progress."""
        self.flush()
        again = bool(decision and self.decision and decision.id == self.decision.id)
        self.decision = decision
        self.setEnabled(decision is not None)
        if decision is None:
            self.objections.set_records([])
            self.badge.show_as(None)
            return
        for field, binder in self.binders.items():
            value = getattr(decision, field)
            binder.refresh(value) if again else binder.load(value)
        self.objections.set_records(decision.objections)
        self._show_badge()

    def _show_badge(self) -> None:
        d = self.decision
        if d is None:
            return
        label = OUTCOME_LABELS[d.outcome]
        if d.unfinished:
            parts = [f"{label}: not finished yet", open_objections_text(d)]
            if d.revisit_on:
                parts.append(f"revisit on {d.revisit_on:%d %b %Y}")
            self.badge.show_as("unfinished", " · ".join(filter(None, parts)))
        else:
            kind = "done" if d.outcome == "yes" else "no"
            self.badge.show_as(kind, f"{label}: an informed decision")

    def _updated(self, record: DecisionRecord | None) -> bool:
        if record is None:
            return False
        self.decision = record
        self._show_badge()
        self.changed.emit(record)
        return True

    def _write(self, field: str, value: Any) -> bool:
        d = self.decision
        if d is None:
            return False
        old = getattr(d, field)
        text = f"Edit the decision on “{preview(d.offer)}”"
        if field == "outcome":
            text = f"Change the outcome of “{preview(d.offer)}” to {OUTCOME_LABELS[value]}"
        action = "Saving the decision"
        change = PageChange(
            self._saver,
            text,
            "decision",
            Step(action, decisions.update_decision, (d.id,), {field: value}),
            Step(action, decisions.update_decision, (d.id,), {field: old}),
            Place(d.person_id, "decision", d.id, field),
        )
        return self._updated(self._saver.push(change))

    def _write_objection(self, objection_id: int, **changes: Any) -> DecisionRecord | None:
        d = self.decision
        objection = (
            None if d is None else next((o for o in d.objections if o.id == objection_id), None)
        )
        if d is None or objection is None:
            return None
        old = {name: getattr(objection, name) for name in changes}
        action = "Saving the objection"
        field = ",".join(sorted(changes))
        change = PageChange(
            self._saver,
            f"Edit the objection “{preview(objection.text)}”",
            "decision",
            Step(action, decisions.update_objection, (objection_id,), changes),
            Step(action, decisions.update_objection, (objection_id,), old),
            Place(d.person_id, "objection", objection_id, field),
        )
        record: DecisionRecord | None = self._saver.push(change)
        self._updated(record)
        return record

    def add_objection(self) -> None:
        if self.decision is None:
            return
        text = self.new_objection.text()
        record = self._saver.push(
            Addition(
                self._saver,
                f"Add the objection “{preview(text)}”",
                "decision",
                Step("Adding the objection", decisions.add_objection, (self.decision.id, text)),
                decisions.trash_objection,
                decisions.restore_objection,
                self.decision.person_id,
                "objection",
                id_of=lambda d: max(o.id for o in d.objections),
            )
        )
        if self._updated(record):
            self.objections.set_records(record.objections)
            self.new_objection.clear()

    def remove_objection(self) -> None:
        index = self.objection_view.currentIndex()
        if self.decision is None or not index.isValid():
            return
        objection = self.objections.record(index.row())
        change = PageChange(
            self._saver,
            f"Remove the objection “{preview(objection.text)}”",
            "decision",
            Step("Removing the objection", decisions.trash_objection, (objection.id,)),
            Step("Bringing back the objection", decisions.restore_objection, (objection.id,)),
            Place(self.decision.person_id, "objection", objection.id),
            done=f"Objection “{preview(objection.text)}” removed. Undo with Ctrl+Z.",
        )
        record = self._saver.push(change)
        if self._updated(record):
            self.objections.set_records(record.objections)

    def _trash(self) -> None:
        d = self.decision
        if d is None:
            return
        decision_id = d.id
        change = PageChange(
            self._saver,
            f"Move the decision on “{preview(d.offer)}” to the trash",
            "decision",
            Step("Moving the decision to the trash", decisions.trash_decision, (decision_id,)),
            Step("Bringing back the decision", decisions.restore_decision, (decision_id,)),
            Place(d.person_id, "decision", decision_id),
            done=f"Decision on “{preview(d.offer)}” moved to the trash. Undo with Ctrl+Z.",
        )
        if self._saver.push(change) is not None:
            self.decision = None
            self.trashed.emit(decision_id)
