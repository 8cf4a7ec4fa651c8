"""A full journal: saving a note says so in plain words and the composer keeps the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from journal import faults, notes, people
from ui.person.page import PersonPage


def test_saving_a_note_on_a_full_disk_keeps_the_text(qtbot, journal, message_boxes):
    page = PersonPage()
    qtbot.addWidget(page)
    page.show()
    ana = people.add_person("Ana")
    notes.add_note(ana.id, "already saved")
    page.show_person(ana.id)
    pages = journal.db.execute_sql("PRAGMA page_count").fetchone()[0]
    journal.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    text = "What she said about the renewal. " * 3000
    composer = page.journal.composer
    composer.body.setPlainText(text)
    message_boxes.expect(faults.FULL)
    qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    told = message_boxes.only()
    assert told.name == "errorDialog"
    assert told.icon == QMessageBox.Icon.Warning
    assert "what you typed is still in the window" in told.informative
    assert composer.body.toPlainText() == text
    assert [n.body for n in notes.notes_of(ana.id)] == ["already saved"]
    journal.db.execute_sql("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notes.notes_of(ana.id)[0].body == text.strip()
