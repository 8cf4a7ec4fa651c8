"""A bug is logged and shown, never swallowed: the window keeps working and keeps what was typed."""

from __future__ import annotations

import stat
import sys
import threading

from PySide6.QtCore import qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication

from journal import people
from ui import bugs

BUG = "Rapport hit a bug"


def test_a_type_error_in_a_save_shows_the_bug_dialog_logs_it_and_keeps_the_text(
    window, qtbot, monkeypatch, bug_log, message_boxes
):
    ana = people.add_person("Ana").id
    window.open_person(ana)
    name = window.person.page.header.name
    real_update = people.update_person

    def broken(*args, **kwargs):
        raise TypeError("update_person() got an unexpected keyword argument 'nmae'")

    monkeypatch.setattr(people, "update_person", broken)
    message_boxes.expect(BUG, answer="Copy details")
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Ana Souza")
    qtbot.keyClick(name, "\r")
    box = message_boxes.only()
    assert box.name == "bugDialog"
    assert box.text == "Rapport hit a bug while saving the name."
    assert str(bug_log) in box.informative and "could not be written" not in box.informative
    assert "TypeError" in QApplication.clipboard().text()  # Copy details copied the traceback
    bugs.dismiss()
    logged = bug_log.read_text()
    assert "Traceback" in logged and "TypeError" in logged and "'nmae'" in logged
    assert stat.S_IMODE(bug_log.stat().st_mode) == 0o600
    assert name.text() == "Ana Souza"  # what was typed stays
    assert people.get_person(ana).name == "Ana"
    monkeypatch.setattr(people, "update_person", real_update)
    qtbot.keyClicks(name, " Lima")
    qtbot.keyClick(name, "\r")
    assert people.get_person(ana).name == "Ana Souza Lima"  # the window keeps working


def test_copy_details_leaves_the_dialog_open(qtbot, bug_log):
    box = bugs.bug_dialog(None, "Saving", "Traceback: KeyError")
    qtbot.addWidget(box)
    box.show()
    copy = next(b for b in box.buttons() if b.objectName() == "copyDetails")
    copy.click()
    assert box.isVisible()
    assert QApplication.clipboard().text() == "Traceback: KeyError"


def test_a_mistake_is_a_plain_dialog_not_a_bug(window, message_boxes):
    message_boxes.expect("Please correct it and try again.")
    assert window.session.run(window, "Adding the person", people.add_person, "  ") is None
    assert message_boxes.only().name == "errorDialog"


def test_a_read_that_fails_says_nothing_of_writing(window, message_boxes):
    message_boxes.expect("Opening the person did not work.")
    assert window.session.read(window, "Opening the person", people.get_person, 10**9) is None
    box = message_boxes.only()
    assert "written" not in box.text + box.informative


def test_every_bug_is_logged(window, bug_log, message_boxes):
    def broken() -> None:
        raise KeyError("first")

    def broken_again() -> None:
        raise KeyError("second")

    message_boxes.expect(BUG)
    message_boxes.expect(BUG)
    assert window.session.run(window, "Saving", broken) is None
    assert window.session.run(window, "Saving", broken_again) is None
    logged = bug_log.read_text()
    assert "'first'" in logged and "'second'" in logged


def test_uncaught_exceptions_in_slots_and_threads_are_logged_and_shown(
    qtbot, window, bug_log, message_boxes
):
    message_boxes.expect(BUG)
    try:
        raise ValueError("in a slot")
    except ValueError:
        bugs.excepthook(*sys.exc_info())
    assert "ValueError: in a slot" in bug_log.read_text()
    previous = threading.excepthook
    message_boxes.expect("working in the background (worker-test)")
    bugs.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0, name="worker-test")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(message_boxes.shown) == 2)
        assert "ZeroDivisionError" in bug_log.read_text()
    finally:
        threading.excepthook = previous
        sys.excepthook = sys.__excepthook__


def test_qt_warnings_go_to_the_log(bug_log):
    previous = qInstallMessageHandler(bugs.qt_message)
    try:
        qWarning("a Qt warning for the log")
    finally:
        qInstallMessageHandler(previous)
    assert "WARNING Qt: a Qt warning for the log" in bug_log.read_text()
