"""Reminders in the window: decided on an injected clock (no tray needed, no waiting), shown by the
tray where there is one; a click on one opens the person; Preferences turn them off."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal import followups, people, preferences
from ui import reminders, settings
from ui.reminders import Reminders, Tray

from .test_preferences import open_preferences


def test_follow_ups_reminded_once_a_day_even_across_restarts(window, qtbot):
    dana = people.add_person("Dana Whitfield").id
    followups.add_follow_up(dana, "Send the proposal", dt.date(2026, 6, 10))
    clock = [dt.datetime(2026, 6, 10, 9, 0)]
    first = Reminders(window, clock=lambda: clock[0], interval_ms=10)
    with qtbot.waitSignal(first.reminded) as shown:
        first.start()
    assert shown.args[0].title == "1 follow-up due today"
    clock[0] += dt.timedelta(hours=1)
    assert first.check() == []
    again = Reminders(window, clock=lambda: clock[0])  # Rapport started again that day
    assert again.check() == []
    clock[0] += dt.timedelta(days=1)
    assert [r.title for r in again.check()] == ["1 follow-up due today"]


def test_preferences_turn_reminders_off(window, qtbot):
    dana = people.add_person("Dana Whitfield").id
    followups.add_follow_up(dana, "Send the proposal", dt.date(2026, 6, 10))
    dialog = open_preferences(window, qtbot)
    group = dialog.calendars
    assert group.follow_ups_box.isChecked() and group.meetings_box.isChecked()
    assert not group.tray_box.isEnabled()  # offscreen: no system tray
    group.follow_ups_box.setChecked(False)
    group.meetings_box.setChecked(False)
    group.own_edit.setText("Me@Example.com; me@work.example")
    qtbot.keyClick(group.own_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert preferences.own_emails() == ["me@example.com", "me@work.example"]
    assert not reminders.follow_ups_on() and not reminders.meetings_on()
    quiet = Reminders(window, clock=lambda: dt.datetime(2026, 6, 10, 9, 0))
    assert quiet.check() == []


def test_a_wrong_own_address_keeps_preferences_open(window, qtbot, message_boxes):
    dialog = open_preferences(window, qtbot)
    dialog.calendars.own_edit.setText("not an address")
    message_boxes.expect("not an email address")
    dialog.accept()
    assert dialog.isVisible() and preferences.own_emails() == []


@pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged", "does not support raise", "propagateSizeHints"
)
def test_clicking_a_reminder_opens_the_person_and_the_window_can_stay_in_the_tray(window, qtbot):
    dana = people.add_person("Dana Whitfield").id
    followups.add_follow_up(dana, "Send the proposal", dt.date(2026, 6, 10))
    source = Reminders(window, clock=lambda: dt.datetime(2026, 6, 10, 9, 0))
    window.tray = Tray(window, source)  # a real tray icon, which offscreen cannot show
    try:
        source.check()
        assert window.tray.last is not None and window.tray.last.person_id == dana
        window.show_page("people")
        window.tray.icon.messageClicked.emit()
        assert window.person.current_person_id() == dana
        assert window.stack.currentWidget() is window.person
        settings.set_value(reminders.KEEP_IN_TRAY_KEY, True)
        assert window.close() is False  # the window hides in the tray; Rapport goes on
        assert not window.isVisible()
        window.tray.open_window()
        assert window.isVisible()
        assert window.quit() is True  # File → Quit ends Rapport even so
        assert not window.isVisible()
    finally:
        window.tray.hide()
        window.tray = None
        QApplication.setQuitOnLastWindowClosed(True)
