"""Possible duplicates, side by side: merge two people into one by hand, or say they differ.

Merging keeps every note, goal, pain, decision, follow-up and referral of both; the other
profile goes to the trash, from where it can be restored.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import decisions, goals, notes, pains, people
from journal.contacts import NearDuplicate, merge_people
from journal.contacts.review import mark_not_the_same
from journal.records import PersonRecord

from ..item_models.text_rows import TextRowsModel
from ..pages.common import PersonTable
from ..session import Session, run_write

HEADERS = ("Person", "Company", "Email", "Maybe the same as", "Company", "Email")
INTRO = (
    "These people have close names and an email at the same company. Merging keeps every "
    "note, goal, pain, decision and referral of both on the person you keep; the other "
    "profile goes to the trash."
)
Pair = tuple[int, int]


def written_about(person_id: int) -> str:
    """What the journal holds about them: "3 notes, 1 goal, 2 decisions"."""
    counts = (
        (len(notes.notes_of(person_id)), "note"),
        (len(goals.goals_of(person_id)), "goal"),
        (len(pains.pains_of(person_id)), "pain"),
        (len(decisions.decisions_of(person_id)), "decision"),
    )
    said = [f"{n} {word}{'s' if n > 1 else ''}" for n, word in counts if n]
    return ", ".join(said) or "nothing written yet"


def card_html(p: PersonRecord) -> str:
    e = html.escape
    rows = [f"<b style='font-size:large'>{e(p.name)}</b>"]
    rows += [e(" · ".join(x for x in (p.role, p.company) if x))] if p.role or p.company else []
    for label, values in (
        ("Email", p.emails),
        ("Phone", p.phones),
        ("Tags", p.tags),
        ("Location", (p.location,) if p.location else ()),
        ("How we met", (p.how_we_met,) if p.how_we_met else ()),
    ):
        if values:
            rows.append(f"<i>{label}:</i> {e(', '.join(values))}")
    rows.append(f"<i>In the journal:</i> {e(written_about(p.id))}")
    return "<br>".join(rows)


class DuplicatesDialog(QDialog):
    """Merges through the session, which tells the pages about both people."""

    def __init__(
        self, pairs: list[NearDuplicate], session: Session | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("duplicatesDialog")
        self.setAccessibleName("Possible duplicates")
        self.setWindowTitle("Possible duplicates")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.model = TextRowsModel(HEADERS, self)
        self.table = PersonTable("duplicatesTable", "Possible duplicates", self)
        self.table.setModel(self.model)
        self.empty = QLabel("No possible duplicates left to review.")
        self.empty.setObjectName("noDuplicatesLabel")
        self.empty.setProperty("role", "hint")
        self.left, self.right = QLabel(), QLabel()
        cards = QHBoxLayout()
        for side, name in ((self.left, "leftCard"), (self.right, "rightCard")):
            side.setObjectName(name)
            side.setTextFormat(Qt.TextFormat.RichText)
            side.setWordWrap(True)
            side.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            side.setFrameShape(QFrame.Shape.StyledPanel)
            side.setMargin(8)
            side.setMinimumHeight(110)
            cards.addWidget(side, 1)
        self.keep_left = QPushButton()
        self.keep_left.setObjectName("mergeIntoLeftButton")
        self.keep_right = QPushButton()
        self.keep_right.setObjectName("mergeIntoRightButton")
        self.different = QPushButton("&Not the same person")
        self.different.setObjectName("notTheSameButton")
        self.keep_left.clicked.connect(lambda: self.merge_selected(keep_left=True))
        self.keep_right.clicked.connect(lambda: self.merge_selected(keep_left=False))
        self.different.clicked.connect(self.not_the_same)
        actions = QHBoxLayout()
        for button in (self.keep_left, self.keep_right, self.different):
            button.setAutoDefault(False)  # Enter never merges by accident
            actions.addWidget(button)
        actions.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(cards)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self._people: dict[int, PersonRecord] = {}
        self.set_pairs(pairs)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

    def set_pairs(self, pairs: list[NearDuplicate]) -> None:
        ids = {i for n in pairs for i in (n.person_id, n.other_id)}
        self._people = {p.id: p for p in people.get_people(sorted(ids))}
        live = [n for n in pairs if n.person_id in self._people and n.other_id in self._people]
        rows, keys = [], []
        for n in live:
            a, b = self._people[n.person_id], self._people[n.other_id]
            rows.append(
                (a.name, a.company, ", ".join(a.emails), b.name, b.company, ", ".join(b.emails))
            )
            keys.append((a.id, b.id))
        self.model.set_rows(rows, keys)
        self.table.stretch(0, 2, 3, 5)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_current()

    def current_pair(self) -> Pair | None:
        index = self.table.currentIndex()
        key = self.model.key(index.row()) if index.isValid() else None
        return key if isinstance(key, tuple) else None

    def select_pair(self, pair: Pair) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.key(row) == pair:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def merge_selected(self, keep_left: bool = True) -> PersonRecord | None:
        pair = self.current_pair()
        if pair is None:
            return None
        keep, other = pair if keep_left else (pair[1], pair[0])
        record = run_write(self.session, self, "Merging", merge_people, keep, other)
        if record is None:
            return None
        self._people[keep] = record
        self._people.pop(other, None)
        for key in [self.model.key(r) for r in range(self.model.rowCount())]:
            if isinstance(key, tuple) and other in key:
                self.model.remove_key(key)
        self._after_change()
        return record

    def not_the_same(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        marking = "Marking them as different people"
        if run_write(self.session, self, marking, mark_not_the_same, *pair) is None:
            self.model.remove_key(pair)
            self._after_change()

    def _after_change(self) -> None:
        if self.model.rowCount():
            row = min(max(self.table.currentIndex().row(), 0), self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_current()

    def _show_current(self) -> None:
        pair = self.current_pair()
        has_pair = pair is not None
        self.empty.setVisible(not has_pair)
        self.table.setVisible(self.model.rowCount() > 0)
        for button in (self.keep_left, self.keep_right, self.different):
            button.setEnabled(has_pair)
        if pair is None:
            self.left.setText("")
            self.right.setText("")
            self.keep_left.setText("Merge into the left")
            self.keep_right.setText("Merge into the right")
            return
        a, b = self._people[pair[0]], self._people[pair[1]]
        self.left.setText(card_html(a))
        self.right.setText(card_html(b))
        first, second = (p.name.replace("&", "&&") for p in (a, b))
        self.keep_left.setText(f"&Keep {first}, merge {second} in")
        self.keep_right.setText(f"K&eep {second}, merge {first} in")
