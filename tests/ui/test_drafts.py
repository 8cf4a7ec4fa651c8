"""The composer keeps what is typed as a draft in the journal and offers it back after a crash."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from journal import drafts, notes, people
from ui.person.page import PersonPage
from ui.person.timeline_model import EntryRole, render


@pytest.fixture
def page(qtbot, journal) -> PersonPage:
    widget = PersonPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_typing_is_saved_as_a_draft_within_a_second(qtbot, page) -> None:
    ana = people.add_person("Ana")
    page.show_person(ana.id)
    page.new_note()
    qtbot.keyClicks(page.journal.composer.body, "She wants a pilot in March")

    def saved() -> bool:
        draft = drafts.draft_of(ana.id)
        return draft is not None and draft.body == "She wants a pilot in March"

    qtbot.waitUntil(saved, timeout=2000)


def test_leaving_the_person_writes_the_draft_at_once(qtbot, page) -> None:
    ana, bruno = people.add_person("Ana"), people.add_person("Bruno")
    page.show_person(ana.id)
    page.journal.composer.body.setPlainText("half a thought")
    page.show_person(bruno.id)
    assert drafts.draft_of(ana.id).body == "half a thought"


def test_a_draft_left_behind_is_offered_back(qtbot, page) -> None:
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "call", None, "Called: budget frozen until")
    page.show_person(ana.id)
    composer = page.journal.composer
    assert composer.body.toPlainText() == "Called: budget frozen until"
    assert composer.kind.currentData() == "call"
    assert composer.notice.isVisible()
    assert "Recovered the note you were writing on" in composer.notice.text()


def test_saving_the_note_clears_the_draft(qtbot, page) -> None:
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "meeting", None, "Met at the fair")
    page.show_person(ana.id)
    page.new_note()
    qtbot.keyClick(
        page.journal.composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert [n.body for n in notes.notes_of(ana.id)] == ["Met at the fair"]
    assert drafts.draft_of(ana.id) is None
    assert not page.journal.composer.notice.isVisible()
    assert not page.journal.keeper.timer.isActive()  # no draft write is pending
    page.journal.keeper.flush()
    assert drafts.draft_of(ana.id) is None


def test_editing_a_note_leaves_the_new_notes_draft_alone(qtbot, page) -> None:
    ana = people.add_person("Ana")
    note = notes.add_note(ana.id, "first")
    page.show_person(ana.id)
    page.journal.composer.body.setPlainText("new note in progress")
    page.journal.highlight("note", note.id)
    page.journal.edit_selected()
    page.journal.composer.body.setPlainText("first, edited")
    assert not page.journal.keeper.timer.isActive()  # paused: the edit is no draft
    page.journal.keeper.flush()
    assert drafts.draft_of(ana.id).body == "new note in progress"
    page.journal.save_note()
    assert notes.get_note(note.id).body == "first, edited"
    assert page.journal.composer.body.toPlainText() == "new note in progress"


def test_the_window_names_people_with_unsaved_notes_at_start(qtbot, journal, make_window) -> None:
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "call", None, "unfinished")
    window = make_window()
    assert "Unsaved notes were kept for Ana" in window.statusBar().currentMessage()


def test_right_to_left_text_and_emoji_typed_in_the_composer_reach_the_timeline(qtbot, page):
    ana = people.add_person("Ana")
    page.show_person(ana.id)
    page.new_note()
    body = page.journal.composer.body
    qtbot.keyClicks(body, "Budget: ")  # QTest types ASCII only; the rest as an input method does
    for piece in ("שלום ", "مرحبا ", "👩🏽‍💻 🤝 🇵🇹"):
        QApplication.sendEvent(body, _commit(piece))
    typed = "Budget: שלום مرحبا 👩🏽‍💻 🤝 🇵🇹"
    assert body.toPlainText() == typed
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [note] = notes.notes_of(ana.id)
    assert note.body == typed
    model = page.journal.model
    row = model.row_of("note", note.id)
    entry = model.index(row).data(EntryRole)
    assert typed in model.index(row).data(Qt.ItemDataRole.DisplayRole)
    assert typed in render(entry, body.font(), 600).toPlainText()


def _commit(text: str) -> QInputMethodEvent:
    event = QInputMethodEvent()
    event.setCommitString(text)
    return event


def test_a_busy_journal_never_freezes_typing_and_the_draft_is_saved_later(qtbot, page, journal):
    ana = people.add_person("Ana")
    page.show_person(ana.id)
    other = sqlite3.connect(journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import holding the write lock
    keeper = page.journal.keeper
    page.journal.composer.body.setPlainText("typed while importing")
    started = time.monotonic()
    keeper.write()
    assert time.monotonic() - started < 1.5
    assert keeper.failed and keeper.timer.isActive()  # it will try again
    other.execute("ROLLBACK")
    other.close()
    qtbot.waitUntil(lambda: not keeper.failed, timeout=3000)
    assert drafts.draft_of(ana.id).body == "typed while importing"
