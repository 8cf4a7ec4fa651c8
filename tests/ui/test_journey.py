"""A salesperson's afternoon in the real window, keyboard first: a new person, a note after the
meeting, a weak no with two objections and a lesson, found again on Today when its day comes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from journal import decisions, notes, people
from ui.dialogs.new_person import NewPersonDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_meeting_to_weak_no_to_today(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.findChild(NewPersonDialog)
    qtbot.keyClicks(dialog.name_edit, "Marta Quintero")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (marta,) = people.find_people("Marta Quintero")

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    body = window.findChild(QPlainTextEdit, "noteBodyEdit")
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "Lunch. Her **payroll** is done by hand on Sundays.")
    qtbot.keyClick(body, Qt.Key.Key_Return, CTRL)
    assert [n.body for n in notes.notes_of(marta.id)] == [
        "Lunch. Her **payroll** is done by hand on Sundays."
    ]

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    offer = window.findChild(QLineEdit, "newDecisionOfferEdit")
    outcome = window.findChild(QComboBox, "newDecisionOutcomeCombo")
    outcome.setCurrentIndex(outcome.findData("weak_no"))
    offer.setFocus()
    qtbot.keyClicks(offer, "Payroll set-up")
    qtbot.keyClick(offer, Qt.Key.Key_Return)

    objection = window.findChild(QLineEdit, "newObjectionEdit")
    for text in ("Her brother does it for free", "Not before the busy season ends"):
        qtbot.keyClicks(objection, text)
        qtbot.keyClick(objection, Qt.Key.Key_Return)
    lesson = window.findChild(QPlainTextEdit, "decisionLessonEdit")
    lesson.setFocus()
    qtbot.keyClicks(lesson, "Ask who does it today before offering anything")
    objection.setFocus()
    revisit = window.findChild(QCheckBox, "revisitOnSet")
    revisit.setFocus()
    qtbot.keyClick(revisit, Qt.Key.Key_Space)

    [decision] = decisions.decisions_of(marta.id)
    assert decision.outcome == "weak_no" and len(decision.open_objections) == 2
    assert decision.lesson == "Ask who does it today before offering anything"
    assert decision.revisit_on is not None

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.stack.currentWidget() is window.today
    revisit = window.today.revisit_model
    qtbot.waitUntil(lambda: revisit.rowCount() == 1)
    assert revisit.index(0, 0).data() == "Marta Quintero"
    assert "Her brother does it for free" in revisit.index(0, 3).data()
