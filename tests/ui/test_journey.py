"""A salesperson's afternoon in the real window, keyboard only: a new person, the first note typed
straight away, a weak no with two objections and a lesson, found again on Today when its day comes.

Every field is reached with the keys a person presses (Tab, shortcuts), never with setFocus().
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from journal import decisions, notes, people
from ui.dialogs.new_person import NewPersonDialog

pytestmark = pytest.mark.both_backends

CTRL = Qt.KeyboardModifier.ControlModifier
MOST_TABS = 30


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot, target: QWidget) -> None:
    """Press Tab until `target` has the focus, as a person would (fails if it never does)."""
    for _ in range(MOST_TABS):
        if target.hasFocus():
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reached {target.objectName()}"


def type_into(qtbot, target: QWidget, text: str) -> None:
    assert target.hasFocus() and target.isVisible(), f"{target.objectName()} is not at hand"
    qtbot.keyClicks(target, text)


def test_meeting_to_weak_no_to_today(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.findChild(NewPersonDialog)
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    type_into(qtbot, focused(), "Marta Quintero")
    tab_to(qtbot, dialog.company_edit)
    type_into(qtbot, focused(), "Quintero Bakes")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (marta,) = people.find_people("Marta Quintero")
    assert marta.company == "Quintero Bakes"

    body = window.findChild(QPlainTextEdit, "noteBodyEdit")
    qtbot.waitUntil(body.hasFocus)  # the cursor waits in the composer: typing is the first note
    type_into(qtbot, focused(), "Lunch. Her **payroll** is done by hand on Sundays.")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert [n.body for n in notes.notes_of(marta.id)] == [
        "Lunch. Her **payroll** is done by hand on Sundays."
    ]

    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.person
    offer = window.findChild(QLineEdit, "newDecisionOfferEdit")
    outcome = window.findChild(QComboBox, "newDecisionOutcomeCombo")
    tab_to(qtbot, offer)
    type_into(qtbot, offer, "Payroll set-up")
    tab_to(qtbot, outcome)
    while outcome.currentData() != "weak_no":
        qtbot.keyClick(outcome, Qt.Key.Key_Down)
    record = window.findChild(QWidget, "recordDecisionButton")
    tab_to(qtbot, record)
    qtbot.keyClick(record, Qt.Key.Key_Space)
    [decision] = decisions.decisions_of(marta.id)
    assert (decision.offer, decision.outcome) == ("Payroll set-up", "weak_no")

    objection = window.findChild(QLineEdit, "newObjectionEdit")
    tab_to(qtbot, objection)
    for text in ("Her brother does it for free", "Not before the busy season ends"):
        type_into(qtbot, objection, text)
        qtbot.keyClick(objection, Qt.Key.Key_Return)
    lesson = window.findChild(QPlainTextEdit, "decisionLessonEdit")
    tab_to(qtbot, lesson)
    type_into(qtbot, lesson, "Ask who does it today before offering anything")
    expected = window.findChild(QPlainTextEdit, "expectedEdit")
    tab_to(qtbot, expected)  # a weak no: the questions after a no are there
    type_into(qtbot, expected, "Advice on the Sunday payroll, not an offer")
    revisit = window.findChild(QCheckBox, "revisitOnSet")
    tab_to(qtbot, revisit)
    qtbot.keyClick(revisit, Qt.Key.Key_Space)

    [decision] = decisions.decisions_of(marta.id)
    assert decision.outcome == "weak_no" and len(decision.open_objections) == 2
    assert decision.lesson == "Ask who does it today before offering anything"
    assert decision.expected == "Advice on the Sunday payroll, not an offer"
    assert decision.revisit_on is not None

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.stack.currentWidget() is window.today
    revisit_model = window.today.revisit_model
    qtbot.waitUntil(lambda: revisit_model.rowCount() == 1)
    assert revisit_model.index(0, 0).data() == "Marta Quintero"
    assert "Her brother does it for free" in revisit_model.index(0, 3).data()
