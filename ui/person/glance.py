"""The person at a glance, above the tabs: open goals, open pains, unfinished decisions with
their open objections. What a seller reads during a meeting; each item opens where it is kept."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from journal import decisions, goals, pains
from journal.decisions import OUTCOME_LABELS
from journal.records import DecisionRecord

from .widgets import muted, named

MOST = 4  # items a line shows before "and N more"


def _link(kind: str, record_id: int, text: str) -> str:
    return f'<a href="{kind}:{record_id}">{html.escape(text)}</a>'


def _line(kind: str, records: list[tuple[int, str]]) -> str:
    """Up to MOST items, each a link; "and N more" opens the first of the rest."""
    shown = " \u00b7 ".join(_link(kind, rid, text) for rid, text in records[:MOST])
    if len(records) > MOST:
        rest = len(records) - MOST
        shown += " \u00b7 " + _link(kind, records[MOST][0], f"and {rest} more")
    return shown


def _unfinished(d: DecisionRecord) -> str:
    head = _link("decision", d.id, d.offer)
    state = OUTCOME_LABELS[d.outcome].lower()
    if d.revisit_on:
        state += f", revisit {d.revisit_on.day} {d.revisit_on:%b}"
    opened = "; ".join(html.escape(o.text) for o in d.open_objections)
    return f"{head} ({state})" + (f": {opened}" if opened else "")


class Glance(QFrame):
    """`openRecord(kind, record_id)` when an item is chosen."""

    openRecord = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "personGlance", "At a glance")
        self._person_id: int | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for row, (key, title) in enumerate(
            (("goals", "Open goals"), ("pains", "Open pains"), ("unfinished", "Unfinished"))
        ):
            label = muted(QLabel(title))
            label.setWordWrap(False)
            value = QLabel()
            named(value, f"glance_{key}", title)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.linkActivated.connect(self._open)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.rows[key] = (label, value)

    def set_person(self, person_id: int | None) -> None:
        """Whose glance this is; `refresh()` reads it."""
        self._person_id = person_id

    def refresh(self) -> None:
        pid = self._person_id
        if pid is None:
            self.hide()
            return
        texts = {
            "goals": _line("goal", [(g.id, g.text) for g in goals.goals_of(pid, status="open")]),
            "pains": _line("pain", [(p.id, p.text) for p in pains.pains_of(pid, status="open")]),
            "unfinished": "<br>".join(
                _unfinished(d) for d in decisions.decisions_of(pid) if d.unfinished
            ),
        }
        for key, (label, value) in self.rows.items():
            value.setText(texts[key])
            label.setVisible(bool(texts[key]))
            value.setVisible(bool(texts[key]))
        self.setVisible(any(texts.values()))

    def text(self, key: str) -> str:
        """What a line says, as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.rows[key][1].text())
        return doc.toPlainText()

    def _open(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        self.openRecord.emit(kind, int(record_id))
