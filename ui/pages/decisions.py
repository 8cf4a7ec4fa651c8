"""Decisions: every decision on an offer, unfinished ones (weak no, undecided) first and marked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.decisions import OUTCOME_LABELS, all_decisions
from journal.themes import THEME_LABELS

from ..item_models.decisions_model import decisions_model
from .common import PersonTable, heading
from .refresh_when_shown import RefreshWhenShown

UNFINISHED = ("weak_no", "undecided")
CHOICES: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("All decisions", None),
    ("Unfinished (weak no, undecided)", UNFINISHED),
    *((label, (key,)) for key, label in OUTCOME_LABELS.items()),
)


class DecisionsPage(RefreshWhenShown, QWidget):
    openPerson = Signal(int, object)
    kinds = frozenset({"decision", "objection", "person"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsPage")
        self.setAccessibleName("Decisions")
        self.model = decisions_model(self)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcomeFilter")
        self.outcome_combo.setAccessibleName("Outcome")
        for label, _ in CHOICES:
            self.outcome_combo.addItem(label)
        self.outcome_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeFilter")
        self.theme_combo.setAccessibleName("Objection theme")
        self.theme_combo.addItem("Any objection, or none", None)
        for key, theme_label in THEME_LABELS.items():
            self.theme_combo.addItem(f"Objections about {theme_label.lower()}", key)
        self.theme_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.table = PersonTable("decisionsTable", "Decisions", self)
        self.table.setModel(self.model)
        self.table.stretch(1, 5)
        self.table.openRow.connect(self._open_row)
        self.hint = QLabel("● marks a decision that is not finished: a weak no or undecided.", self)
        self.hint.setProperty("role", "hint")
        bar = QHBoxLayout()
        label = QLabel("&Show:", self)
        label.setBuddy(self.outcome_combo)
        bar.addWidget(label)
        bar.addWidget(self.outcome_combo)
        theme_label = QLabel("&With:", self)
        theme_label.setBuddy(self.theme_combo)
        bar.addWidget(theme_label)
        bar.addWidget(self.theme_combo)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Decisions", parent=self))
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self.stale = True

    def set_outcomes(self, outcomes: tuple[str, ...] | None) -> None:
        for i, (_, wanted) in enumerate(CHOICES):
            if wanted == outcomes:
                self.outcome_combo.setCurrentIndex(i)
                return

    def set_theme(self, theme: str | None) -> None:
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(theme))

    def refresh(self) -> None:
        self.stale = False
        outcomes = CHOICES[max(self.outcome_combo.currentIndex(), 0)][1]
        self.model.set_records(all_decisions(outcomes, self.theme_combo.currentData()))

    def _open_row(self, row: int) -> None:
        record = self.model.record(row)
        if record is not None:
            self.openPerson.emit(record.person_id, ("decision", record.id))
