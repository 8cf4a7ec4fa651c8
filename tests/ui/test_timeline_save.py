"""Saving a note through the composer puts it into the timeline shown, in its place, without
reading the person's other notes again."""

from __future__ import annotations

import pytest
from playhouse.test_utils import count_queries
from PySide6.QtCore import QDate, QDateTime, QTime

from journal import decisions, notes, people, timeline
from ui.person.page import PersonPage
from ui.person.timeline_model import EntryRole

pytestmark = pytest.mark.both_backends


@pytest.fixture
def page(qtbot, journal) -> PersonPage:
    widget = PersonPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(page: PersonPage) -> list:
    model = page.journal.model
    return [model.index(row).data(EntryRole) for row in range(model.rowCount())]


def test_a_saved_note_joins_the_timeline_without_a_re_read(qtbot, page) -> None:
    ana = people.add_person("Ana")
    for day in range(1, 29):
        notes.add_note(ana.id, f"Call {day}", occurred_at=f"2025-02-{day:02d} 09:00")
    decisions.record_decision(ana.id, "Payroll set-up", "weak_no", decided_on="2025-02-10")
    page.show_person(ana.id)
    composer = page.journal.composer
    composer.body.setPlainText("Met for coffee: the board said yes to a pilot")
    with count_queries() as log:
        page.save_note()
    read = [q.msg[0] for q in log.get_queries() if q.msg[0].startswith("SELECT")]
    assert not [sql for sql in read if 'FROM "note"' in sql and '."person_id" = ?' in sql], read
    shown = _shown(page)
    assert shown == timeline.timeline(ana.id)  # as a fresh read would show it
    assert shown[0].body == "Met for coffee: the board said yes to a pilot"
    assert page.journal.view.currentIndex().row() == 0
    assert not page.journal.empty.isVisible()


def test_an_edited_note_moves_to_its_new_time(qtbot, page) -> None:
    ana = people.add_person("Ana")
    first = notes.add_note(ana.id, "First", occurred_at="2025-01-01 09:00")
    for day in range(2, 6):
        notes.add_note(ana.id, f"Later {day}", occurred_at=f"2025-01-{day:02d} 09:00")
    page.show_person(ana.id)
    page.journal.highlight("note", first.id)
    page.journal.edit_selected()
    page.journal.composer.body.setPlainText("First, now the newest")
    page.journal.composer.when.setDateTime(QDateTime(QDate(2025, 3, 1), QTime(10, 0)))
    page.save_note()
    shown = _shown(page)
    assert shown == timeline.timeline(ana.id)
    assert (shown[0].id, shown[0].body) == (first.id, "First, now the newest")
    assert len(shown) == 5


def test_an_edited_note_is_measured_and_drawn_anew(qtbot, page) -> None:
    ana = people.add_person("Ana")
    note = notes.add_note(ana.id, "Short", occurred_at="2025-01-01 09:00")
    page.show_person(ana.id)
    view = page.journal.view
    qtbot.waitUntil(lambda: view.visualRect(page.journal.model.index(0)).height() > 0)
    before = view.visualRect(page.journal.model.index(0)).height()
    page.journal.highlight("note", note.id)
    page.journal.edit_selected()
    page.journal.composer.body.setPlainText("\n\n".join(f"Paragraph {i}" for i in range(12)))
    page.save_note()
    index = page.journal.model.index(0)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > before + 100)
    view.viewport().grab()  # painted with the new text, not a document kept for the old one
    documents = view.itemDelegate()._documents.values()
    assert any("Paragraph 11" in doc.toPlainText() for doc in documents)
