"""Personas: for each tag marked as one, what its people share, and the seller's messaging note."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal import tags
from journal.decisions import OUTCOME_LABELS
from journal.personas import Mention, Persona, TextGroup, personas
from journal.themes import THEME_LABELS

from ..item_models.tree_model import Node, TreeModel
from ..person.autosave import bind_text
from .common import heading
from .refresh_when_shown import RefreshWhenShown
from .wrapping import opens_people, reading_tree

HEADERS = ("What", "Who", "Offer")
EMPTY = (
    "No personas yet. A persona is a tag for a kind of person you sell to (\u201cCFO\u201d, "
    "\u201cfamily business\u201d). Mark a tag as a persona in Preferences, or from the menu of "
    "the Tags field on a person's page."
)


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def _mention(m: Mention, text: str | None = None) -> Node:
    focus = (m.kind, m.record_id)
    return Node((text or m.text, m.person_name, m.offer), m.person_id, focus)


def _grouped(group: TextGroup) -> Node:
    first = group.mentions[0]
    node = Node(
        (group.text, ", ".join(group.people), ""), first.person_id, (first.kind, first.record_id)
    )
    if len(group.mentions) > 1:
        node.children = [_mention(m) for m in group.mentions]
    return node


def _section(title: str, rows: list[Node], count: int | None = None) -> Node:
    label = f"{title} ({count if count is not None else len(rows)})"
    return Node((label, "", ""), bold=True, children=rows)


def persona_nodes(p: Persona) -> list[Node]:
    """The sections of one persona's page, each row opening the person it came from."""
    sections = [
        _section("People", [Node((name, "", ""), pid) for pid, name in p.people]),
        _section("Open goals", [_grouped(g) for g in p.goals]),
        _section("Open pains", [_grouped(g) for g in p.pains]),
        _section("Why they said yes", [_mention(m) for m in p.yes_reasons]),
    ]
    for theme, raised in p.objections:
        who = len({m.person_id for m in raised})
        title = f"Objections about {THEME_LABELS[theme].lower()} \u2014 {_people(who)}"
        sections.append(Node((title, "", ""), bold=True, children=[_mention(m) for m in raised]))
    lessons = []
    for lesson in p.lessons:
        parts = [lesson.lesson] if lesson.lesson else []
        parts.extend(f"{q} {a}" for q, a in lesson.answers)
        outcome = OUTCOME_LABELS[lesson.outcome].lower()
        lessons.append(
            Node(
                ("\n".join(parts), lesson.person_name, f"{lesson.offer} ({outcome})"),
                lesson.person_id,
                ("decision", lesson.decision_id),
            )
        )
    sections.append(_section("Lessons from the nos", lessons))
    offers = []
    for offer in p.offers:
        said = " \u00b7 ".join(
            f"{n} {OUTCOME_LABELS[o].lower()}" for o, n in offer.people_by_outcome
        )
        first = offer.mentions[0]
        offers.append(
            Node(
                (offer.offer, said, ""),
                first.person_id,
                ("decision", first.record_id),
                children=[_mention(m, m.text) for m in offer.mentions],
            )
        )
    sections.append(_section("Offers made, and what people decided", offers))
    return [s for s in sections if s.children]


class PersonasPage(RefreshWhenShown, QWidget):
    openPerson = Signal(int, object)
    kinds = frozenset({"person", "tag", "goal", "pain", "decision", "objection"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personasPage")
        self.setAccessibleName("Personas")
        self._personas: list[Persona] = []
        self.names = QStringListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("personasList")
        self.list.setAccessibleName("Personas")
        self.list.setModel(self.names)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.empty = QLabel(EMPTY, self)
        self.empty.setObjectName("personasEmpty")
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.title = heading("", "section", self)
        self.messaging = QPlainTextEdit(self)
        self.messaging.setObjectName("personaMessagingEdit")
        self.messaging.setAccessibleName("Messaging note")
        self.messaging.setPlaceholderText(
            "How to talk to them: what to open with, what to leave out (Markdown)"
        )
        self.messaging.setTabChangesFocus(True)
        line = self.messaging.fontMetrics().lineSpacing()
        self.messaging.setFixedHeight(line * 4 + 16)
        self.messaging_binder = bind_text(self.messaging, self._save_messaging)
        note_label = QLabel("&Messaging note", self)
        note_label.setBuddy(self.messaging)
        self.model = TreeModel(HEADERS, self)
        self.tree = reading_tree("personaTree", "What this persona shares", self.model, self)
        self.tree.header().resizeSection(1, 200)
        self.tree.header().resizeSection(2, 220)
        opens_people(self.tree, self.openPerson)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(note_label)
        right_layout.addWidget(self.messaging)
        right_layout.addWidget(self.tree, 1)
        self.detail = right
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 850])
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Personas", parent=self))
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self.messaging_binder.flush()
        chosen = self.current_name()
        self._personas = personas()
        self.names.setStringList([p.name for p in self._personas])
        self.empty.setVisible(not self._personas)
        self.splitter.setVisible(bool(self._personas))
        names = [p.name for p in self._personas]
        row = names.index(chosen) if chosen in names else 0
        if self._personas:
            self.list.setCurrentIndex(self.names.index(row))
        self._show_current()

    def current_name(self) -> str | None:
        index = self.list.currentIndex()
        return index.data() if index.isValid() else None

    def current(self) -> Persona | None:
        name = self.current_name()
        return next((p for p in self._personas if p.name == name), None)

    def show_persona(self, name: str) -> None:
        names = self.names.stringList()
        if name in names:
            self.list.setCurrentIndex(self.names.index(names.index(name)))

    def _show_current(self) -> None:
        self.messaging_binder.flush()
        persona = self.current()
        if persona is None:
            self.model.set_roots([])
            self.messaging_binder.load("")
            return
        self.title.setText(f"{persona.name} \u00b7 {_people(len(persona.people))}")
        self.messaging_binder.refresh(persona.messaging)
        if self.messaging.toPlainText() != persona.messaging and not self.messaging.hasFocus():
            self.messaging_binder.load(persona.messaging)
        self.model.set_roots(persona_nodes(persona))
        self.tree.expandAll()

    def _save_messaging(self, text: str) -> bool:
        name = self.current_name()
        if name is None:
            return False
        return self.write("Saving the messaging note", _set_messaging, name, text) is not None


def _set_messaging(name: str, text: str) -> bool:
    tags.set_messaging(name, text)
    return True
