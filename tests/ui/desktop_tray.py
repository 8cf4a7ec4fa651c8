"""Reminders on a real desktop's system tray. tests/test_tray_desktop.py runs this file under Xvfb
with a tray host (trayer) and QT_QPA_PLATFORM=xcb; `make test` does not collect it (offscreen
there is no tray), as its name is not test_*.py."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QWidget

from journal import followups, people
from journal.reminders import Reminder
from ui.app import start_reminders
from ui.reminders import Reminders, tray_available


def notifications() -> list[QWidget]:
    """The notifications shown: Qt's own bubble by the tray icon (no notification service runs)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.metaObject().className() == "QBalloonTip" and w.isVisible()
    ]


def test_a_follow_up_due_today_is_shown_once_and_a_click_opens_the_person(window, qtbot):
    assert QGuiApplication.platformName() == "xcb"
    qtbot.waitUntil(QSystemTrayIcon.isSystemTrayAvailable, timeout=20_000)  # the host has begun
    assert tray_available()
    dana = people.add_person("Dana Whitfield").id
    followups.add_follow_up(dana, "Send the proposal", dt.date.today())
    window.show_page("people")
    start_reminders(window)  # as the app does at start: the tray icon, a look at once
    assert window.tray is not None and window.tray.icon.isVisible()
    shown: list[Reminder] = []
    window.reminders.reminded.connect(shown.append)
    qtbot.waitUntil(lambda: len(notifications()) == 1)
    [bubble] = notifications()
    words = " ".join(label.text() for label in bubble.findChildren(QLabel))
    assert "1 follow-up due today" in words and "Dana Whitfield: Send the proposal" in words
    assert [r.title for r in shown] == ["1 follow-up due today"]

    qtbot.mouseClick(bubble, Qt.MouseButton.LeftButton)  # a click on the notification
    qtbot.waitUntil(lambda: window.person.current_person_id() == dana)
    assert window.stack.currentWidget() is window.person and not notifications()

    assert window.reminders.check() == []  # the next look, later the same day: not again
    assert Reminders(window).check() == []  # nor after Rapport starts again that day
    assert len(shown) == 1 and not notifications()  # showMessage shows at once: none came
