"""Editing one decision: outcome, reason, objections (tick when addressed, a theme each), lesson,
the three questions after a no, the revisit date, and the offer to record a hedged no as weak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import decisions
from journal.decisions import OUTCOME_LABELS
from journal.records import AFTER_A_NO, DecisionRecord, ObjectionRecord
from journal.themes import THEME_LABELS

from .aspect_model import RetryingDelegate
from .autosave import Binder, Saver, bind_combo, bind_date, bind_line, bind_text
from .decision_models import ObjectionModel, open_objections_text
from .undo import Addition, PageChange, Place, Step, preview
from .widgets import Badge, OptionalDate, date_edit, from_qdate, named, to_qdate

NO_OUTCOMES = ("strong_no", "weak_no")
REVISIT_AFTER_DAYS = 90


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
        self.objection_theme = QComboBox()
        named(self.objection_theme, "objectionThemeCombo", "Theme of the selected objection")
        for value, label in THEME_LABELS.items():
            self.objection_theme.addItem(label, value)
        self.objection_theme.setToolTip("The theme of the selected objection: pick another")
        self.objection_theme.activated.connect(self._choose_theme)
        self.objection_view.selectionModel().currentChanged.connect(self._show_theme)
        self.objections.modelReset.connect(self._show_theme)
        self.answers: dict[str, QPlainTextEdit] = {}
        for field, question in AFTER_A_NO:
            self.answers[field] = _area(f"{field}Edit", question, "their words, if you asked")
            self.answers[field].setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 16)
        self.weak_offer = QWidget()
        named(self.weak_offer, "weakNoOffer", "This no may be an I don't know")
        self.weak_text = QLabel()
        self.weak_text.setWordWrap(True)
        self.weak_revisit = date_edit("weakNoRevisit", "Revisit on")
        self.weak_button = QPushButton("Record as weak no")
        named(self.weak_button, "weakNoButton", "Record as a weak no, to revisit")
        self.weak_button.clicked.connect(self.record_as_weak_no)
        offer_row = QHBoxLayout(self.weak_offer)
        offer_row.setContentsMargins(6, 4, 6, 4)
        offer_row.addWidget(self.weak_text, 1)
        offer_row.addWidget(QLabel("revisit on"))
        offer_row.addWidget(self.weak_revisit)
        offer_row.addWidget(self.weak_button)
        self.weak_offer.setStyleSheet("#weakNoOffer { background: rgba(230, 160, 20, 0.22); }")
        self.weak_offer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
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
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_objection, 1)
        add_row.addWidget(self.objection_theme)
        form.addRow("", add_row)
        form.addRow("Lesson", self.lesson)
        for field, question in AFTER_A_NO:
            asked = QLabel(question)
            asked.setWordWrap(True)
            asked.setBuddy(self.answers[field])
            form.addRow(asked, self.answers[field])
        form.addRow("", self.revisit)
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.weak_offer)
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
        for field, edit in self.answers.items():
            self.binders[field] = bind_text(edit, self._writer(field))
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
            self._show_after_a_no()
            return
        for field, binder in self.binders.items():
            value = getattr(decision, field)
            binder.refresh(value) if again else binder.load(value)
        self.objections.set_records(decision.objections)
        self._show_badge()

    def questions_shown(self) -> bool:
        """Whether the three questions after a no are on screen (for a strong or weak no)."""
        return not self.answers["better_solution"].isHidden()

    def _show_after_a_no(self) -> None:
        d = self.decision
        is_no = d is not None and d.outcome in NO_OUTCOMES
        for field in self.answers:
            self.form.setRowVisible(self.answers[field], is_no)
        hedge = decisions.looks_like_weak_no(d) if d is not None else None
        if hedge:
            self.weak_text.setText(
                f"This strong no hedges (\u201c{hedge}\u201d): "
                "it may be an \u201cI don't know\u201d."
            )
            self.weak_revisit.setDate(
                to_qdate(dt.date.today() + dt.timedelta(days=REVISIT_AFTER_DAYS))
            )
        self.weak_offer.setVisible(bool(hedge))

    def record_as_weak_no(self) -> None:
        """The one-click offer: record this strong no as a weak no, to revisit on the date shown."""
        d = self.decision
        if d is None:
            return
        action = "Recording it as a weak no"
        weak = {"outcome": "weak_no", "revisit_on": from_qdate(self.weak_revisit.date())}
        change = PageChange(
            self._saver,
            f"Record “{preview(d.offer)}” as a weak no",
            "decision",
            Step(action, decisions.update_decision, (d.id,), weak),
            Step(
                action,
                decisions.update_decision,
                (d.id,),
                {"outcome": d.outcome, "revisit_on": d.revisit_on},
            ),
            Place(d.person_id, "decision", d.id),
        )
        record = self._saver.push(change)
        if self._updated(record):
            self.show_decision(record)

    def _current_objection(self) -> ObjectionRecord | None:
        index = self.objection_view.currentIndex()
        return self.objections.record(index.row()) if index.isValid() else None

    def _show_theme(self, *_: object) -> None:
        objection = self._current_objection()
        self.objection_theme.setEnabled(objection is not None)
        if objection is not None:
            self.objection_theme.setCurrentIndex(self.objection_theme.findData(objection.theme))

    def _choose_theme(self, _row: int) -> None:
        objection = self._current_objection()
        theme = self.objection_theme.currentData()
        if objection is None or theme == objection.theme:
            return
        d = self.decision
        assert d is not None  # an objection is shown only with its decision
        action = "Changing the theme"
        change = PageChange(
            self._saver,
            f"Put “{preview(objection.text)}” under {THEME_LABELS[theme].lower()}",
            "decision",
            Step(action, decisions.set_objection_theme, (objection.id,), {"theme": theme}),
            Step(
                action, decisions.set_objection_theme, (objection.id,), {"theme": objection.theme}
            ),
            Place(d.person_id, "objection", objection.id, "theme"),
        )
        record = self._saver.push(change)
        if self._updated(record):
            row = self.objection_view.currentIndex().row()
            self.objections.set_records(record.objections)
            self.objection_view.setCurrentIndex(self.objections.index(row))

    def _show_badge(self) -> None:
        d = self.decision
        self._show_after_a_no()
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

    def _writer(self, field: str) -> Callable[[Any], bool]:
        return lambda value: self._write(field, value)

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
