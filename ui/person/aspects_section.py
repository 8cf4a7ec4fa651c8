"""The Goals and Pains sections: a table edited in place, a status combo per row, an add form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

from journal import goals, pains
from journal.models import GOAL_STATUSES, PAIN_STATUSES

from .aspect_model import AspectModel, RetryingDelegate, StatusDelegate
from .autosave import Saver
from .undo import Addition, PageChange, Place, Step, preview
from .widgets import muted, named


@dataclass(frozen=True)
class AspectSpec:
    kind: str  # "goal" or "pain"
    title: str
    hint: str
    detail: str
    detail_label: str
    detail_placeholder: str
    statuses: tuple[str, ...]
    of: Callable[[int], list[Any]]
    add: Callable[..., Any]
    update: Callable[..., Any]
    trash: Callable[[int], Any]
    restore: Callable[[int], Any]


GOALS = AspectSpec(
    "goal",
    "Goals",
    "What are they trying to achieve, and why does it matter to them?",
    "why",
    "Why it matters to them",
    "why it matters to them",
    GOAL_STATUSES,
    goals.goals_of,
    goals.add_goal,
    goals.update_goal,
    goals.trash_goal,
    goals.restore_goal,
)
PAINS = AspectSpec(
    "pain",
    "Pains",
    "What hurts, and what happens if nothing changes?",
    "ramifications",
    "Ramifications",
    "what happens if nothing changes",
    PAIN_STATUSES,
    pains.pains_of,
    pains.add_pain,
    pains.update_pain,
    pains.trash_pain,
    pains.restore_pain,
)


class AspectSection(QWidget):
    def __init__(self, spec: AspectSpec, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._saver = saver
        self._person_id: int | None = None
        kind = spec.kind
        named(self, f"{kind}sSection", spec.title)
        self.model = AspectModel(
            [spec.title[:-1], spec.detail_label, "Status"], spec.detail, self._write, self
        )
        self.view = QTableView()
        named(self.view, f"{kind}sView", spec.title)
        self.view.setModel(self.model)
        self.view.setItemDelegate(RetryingDelegate(self.view))
        self.view.setItemDelegateForColumn(2, StatusDelegate(spec.statuses, self.view))
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._reopen_editors)
        self.model.dataChanged.connect(lambda *_: self.view.resizeRowsToContents())

        self.text = QLineEdit()
        named(self.text, f"new{spec.title[:-1]}Edit", f"New {kind}")
        self.text.setPlaceholderText(f"A new {kind}")
        self.detail = QLineEdit()
        named(self.detail, f"new{spec.title[:-1]}DetailEdit", spec.detail_label)
        self.detail.setPlaceholderText(spec.detail_placeholder)
        self.add_button = QPushButton(f"Add {kind}")
        named(self.add_button, f"add{spec.title[:-1]}Button", f"Add the {kind}")
        self.remove_button = QPushButton("Remove")
        named(self.remove_button, f"remove{spec.title[:-1]}Button", f"Remove the selected {kind}")
        self.remove_button.setToolTip(
            f"Remove (Ctrl+Z brings it back); a {kind} that is over is better marked"
        )
        for signal in (self.text.returnPressed, self.detail.returnPressed, self.add_button.clicked):
            signal.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)

        form = QHBoxLayout()
        form.addWidget(self.text, 3)
        form.addWidget(self.detail, 3)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(muted(QLabel(f"{spec.hint} Double-click to edit; changes save at once.")))
        layout.addWidget(self.view, 1)
        layout.addLayout(form)

    def show_person(self, person_id: int) -> None:
        self._person_id = person_id
        self.refresh()

    def forget(self) -> None:
        self._person_id = None
        self.model.set_records([])

    def refresh(self) -> None:
        if self._person_id is not None:
            self.model.set_records(self.spec.of(self._person_id))

    def count(self) -> int:
        return self.model.rowCount()

    def highlight(self, record_id: int) -> bool:
        return self.model.select_in(self.view, record_id)

    def add(self) -> None:
        if self._person_id is None:
            return
        kind, text = self.spec.kind, self.text.text()
        record = self._saver.push(
            Addition(
                self._saver,
                f"Add the {kind} “{preview(text)}”",
                kind,
                Step(
                    f"Adding the {kind}",
                    self.spec.add,
                    (self._person_id, text),
                    {self.spec.detail: self.detail.text()},
                ),
                self.spec.trash,
                self.spec.restore,
                self._person_id,
                kind,
            )
        )
        if record is None:
            return
        self.text.clear()
        self.detail.clear()
        self.refresh()
        self.highlight(record.id)
        self.text.setFocus()

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or self._person_id is None:
            return
        record = self.model.record(index.row())
        kind = self.spec.kind
        change = PageChange(
            self._saver,
            f"Remove the {kind} “{preview(record.text)}”",
            kind,
            Step(f"Removing the {kind}", self.spec.trash, (record.id,)),
            Step(f"Bringing back the {kind}", self.spec.restore, (record.id,)),
            Place(self._person_id, kind, record.id),
            done=f"{kind.capitalize()} “{preview(record.text)}” removed. Undo with Ctrl+Z.",
        )
        if self._saver.push(change) is not None:
            self.refresh()

    def _write(self, record_id: int, field: str, value: Any) -> Any:
        row = self.model.row_of(record_id)
        if row is None or self._person_id is None:
            return None
        kind = self.spec.kind
        action = f"Saving the {kind}"
        old = getattr(self.model.record(row), field)
        return self._saver.push(
            PageChange(
                self._saver,
                f"Edit the {kind} “{preview(self.model.record(row).text)}”",
                kind,
                Step(action, self.spec.update, (record_id,), {field: value}),
                Step(action, self.spec.update, (record_id,), {field: old}),
                Place(self._person_id, kind, record_id, field),
            )
        )

    def _reopen_editors(self) -> None:
        for row in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(row, 2))
        self.view.resizeColumnToContents(2)  # the status combos, opened after the reset
        self.view.resizeRowsToContents()
