"""A full journal: saving a note says so in plain words and the composer keeps the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal import faults, notes, people
from ui.person.page import PersonPage


def test_saving_a_note_on_a_full_disk_keeps_the_text(qtbot, journal):
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
    seen: list[tuple[str, str]] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.objectName(), box.informativeText()))
            box.close()

    closer = QTimer()
    closer.timeout.connect(close_dialog)
    closer.start(20)
    qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    closer.stop()
    assert seen and seen[0][0] == "errorDialog"
    assert faults.FULL in seen[0][1]
    assert "what you typed is still in the window" in seen[0][1]
    assert composer.body.toPlainText() == text
    assert [n.body for n in notes.notes_of(ana.id)] == ["already saved"]
    journal.db.execute_sql("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notes.notes_of(ana.id)[0].body == text.strip()
