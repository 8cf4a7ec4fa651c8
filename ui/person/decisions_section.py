"""The Decisions section: record an offer's outcome, list a person's decisions, edit one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal import decisions
from journal.records import DecisionRecord

from .autosave import Saver
from .decision_editor import DecisionEditor, outcome_combo
from .decision_models import DecisionListModel
from .undo import Addition, Step, preview
from .widgets import muted, named


class DecisionsSection(QWidget):
    def __init__(self, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "decisionsSection", "Decisions")
        self._saver = saver
        self._person_id: int | None = None

        self.offer = QLineEdit()
        named(self.offer, "newDecisionOfferEdit", "Offer")
        self.offer.setPlaceholderText("The offer they decided on")
        self.outcome = outcome_combo("newDecisionOutcomeCombo")
        self.record_button = QPushButton("Record decision")
        named(self.record_button, "recordDecisionButton", "Record the decision")
        self.offer.returnPressed.connect(self.record)
        self.record_button.clicked.connect(self.record)
        self.setFocusProxy(self.offer)  # Alt+D puts the cursor where a new offer is typed
        new_row = QHBoxLayout()
        new_row.addWidget(self.offer, 1)
        new_row.addWidget(self.outcome)
        new_row.addWidget(self.record_button)

        self.model = DecisionListModel(self)
        self.view = QListView()
        named(self.view, "decisionsView", "Decisions")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.empty = muted(QLabel("No decisions recorded yet."))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            muted(QLabel("A weak no or an undecided is not finished: note the objections."))
        )
        left_layout.addLayout(new_row)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty)

        self.editor = DecisionEditor(saver)
        self.editor.changed.connect(self.model.replace)
        self.editor.trashed.connect(lambda _: self.refresh())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)

    def show_person(self, person_id: int) -> None:
        self.editor.flush()
        if person_id != self._person_id:
            self.offer.clear()
            self.editor.show_decision(None)
        self._person_id = person_id
        self.refresh()

    def flush(self) -> None:
        self.editor.flush()

    def forget(self) -> None:
        self._person_id = None
        for binder in self.editor.binders.values():
            binder.cancel()
        self.editor.show_decision(None)
        self.model.set_records([])

    def refresh(self, select: int | None = None) -> None:
        if self._person_id is None:
            return
        if select is None and self.editor.decision is not None:
            select = self.editor.decision.id
        self.editor.flush()
        self.model.set_records(decisions.decisions_of(self._person_id))
        self.empty.setVisible(self.model.rowCount() == 0)
        if not (select is not None and self.highlight(select)):
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0))
            else:
                self.editor.show_decision(None)

    def count(self) -> int:
        return self.model.rowCount()

    def highlight(self, decision_id: int, objection_id: int | None = None) -> bool:
        row = self.model.row_of(decision_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.editor.show_decision(self.model.record(row))
        if objection_id is not None:
            orow = self.editor.objections.row_of(objection_id)
            if orow is not None:
                self.editor.objection_view.setCurrentIndex(self.editor.objections.index(orow))
        return True

    def show_field(self, field: str) -> None:
        """Show a field of the decision as stored, even while it has the focus (after undo)."""
        decision = self.editor.decision
        if decision is not None and field in self.editor.binders:
            self.editor.binders[field].load(getattr(decision, field))

    def highlight_objection(self, objection_id: int) -> bool:
        for row in range(self.model.rowCount()):
            decision = self.model.record(row)
            if any(o.id == objection_id for o in decision.objections):
                return self.highlight(decision.id, objection_id)
        return False

    def record(self) -> None:
        if self._person_id is None:
            return
        offer = self.offer.text()
        record: DecisionRecord | None = self._saver.push(
            Addition(
                self._saver,
                f"Record the decision on “{preview(offer)}”",
                "decision",
                Step(
                    "Recording the decision",
                    decisions.record_decision,
                    (self._person_id, offer, self.outcome.currentData()),
                ),
                decisions.trash_decision,
                decisions.restore_decision,
                self._person_id,
                "decision",
            )
        )
        if record is None:
            return
        self.offer.clear()
        self.refresh(select=record.id)
        if record.unfinished:
            self.editor.new_objection.setFocus()
        else:
            self.editor.reason.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.editor.show_decision(self.model.record(current.row()))
