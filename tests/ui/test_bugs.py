"""A bug is logged and shown, never swallowed: the window keeps working and keeps what was typed."""

from __future__ import annotations

import stat
import sys
import threading

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from journal import people
from ui import bugs


def bug_dialog(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "bugDialog")


def test_a_type_error_in_a_save_shows_the_bug_dialog_logs_it_and_keeps_the_text(
    window, qtbot, monkeypatch, bug_log
):
    ana = people.add_person("Ana").id
    window.open_person(ana)
    name = window.person.page.header.name
    real_update = people.update_person

    def broken(*args, **kwargs):
        raise TypeError("update_person() got an unexpected keyword argument 'nmae'")

    monkeypatch.setattr(people, "update_person", broken)
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Ana Souza")
    qtbot.keyClick(name, "\r")
    qtbot.waitUntil(lambda: bug_dialog(window) is not None and bug_dialog(window).isVisible())
    box = bug_dialog(window)
    assert "Rapport hit a bug while saving the name" in box.text()
    assert str(bug_log) in box.informativeText()
    assert "could not be written" not in box.informativeText()
    logged = bug_log.read_text()
    assert "Traceback" in logged and "TypeError" in logged and "'nmae'" in logged
    assert stat.S_IMODE(bug_log.stat().st_mode) == 0o600
    box.findChild(type(box.buttons()[0]), "copyDetails").click()
    assert box.isVisible()  # copying keeps the dialog open
    assert "TypeError" in QApplication.clipboard().text()
    box.close()
    assert name.text() == "Ana Souza"  # what was typed stays
    assert people.get_person(ana).name == "Ana"
    monkeypatch.setattr(people, "update_person", real_update)
    qtbot.keyClicks(name, " Lima")
    qtbot.keyClick(name, "\r")
    assert people.get_person(ana).name == "Ana Souza Lima"  # the window keeps working


def test_a_mistake_is_a_plain_dialog_not_a_bug(window, qtbot):
    told: list[tuple[str, str]] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append((box.objectName(), box.informativeText()))
            box.close()

    closer = QTimer()
    closer.timeout.connect(close_dialog)
    closer.start(20)
    assert window.session.run(window, "Adding the person", people.add_person, "  ") is None
    closer.stop()
    assert told and told[0][0] == "errorDialog"
    assert "Please correct it and try again." in told[0][1]
    assert bug_dialog(window) is None


def test_only_one_bug_dialog_at_a_time_and_every_bug_is_logged(window, qtbot, bug_log):
    def broken() -> None:
        raise KeyError("first")

    def broken_again() -> None:
        raise KeyError("second")

    assert window.session.run(window, "Saving", broken) is None
    assert window.session.run(window, "Saving", broken_again) is None
    assert len(window.findChildren(QMessageBox, "bugDialog")) == 1
    logged = bug_log.read_text()
    assert "'first'" in logged and "'second'" in logged
    bug_dialog(window).close()


def test_uncaught_exceptions_and_thread_exceptions_are_logged_and_shown(qtbot, window, bug_log):
    try:
        raise ValueError("in a slot")
    except ValueError:
        bugs.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bug_dialog(window) is not None or bool(bugs._shown))
    assert "ValueError: in a slot" in bug_log.read_text()
    bugs._shown.close()
    previous = threading.excepthook
    bugs.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0, name="worker-test")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bugs._shown is not None)
        assert "working in the background (worker-test)" in bugs._shown.text()
        assert "ZeroDivisionError" in bug_log.read_text()
        bugs._shown.close()
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
    assert QtMsgType.QtWarningMsg in bugs._LEVELS
