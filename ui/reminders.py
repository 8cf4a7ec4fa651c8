"""Desktop reminders while Rapport is open: follow-ups due today (once a day) and a meeting with
someone in the journal ten minutes ahead, shown by the system tray; clicking one opens the person.

`Reminders` decides (a clock and an interval are given to it, so tests need no tray and no
waiting); `Tray` shows, and only exists where the desktop has a system tray.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from journal.reminders import Reminder, ReminderState, due_reminders

from . import settings
from .icons import icon
from .single_instance import bring_forward

CHECK_MS = 30_000
FOLLOW_UPS_KEY = "reminders/follow_ups"
MEETINGS_KEY = "reminders/meetings"
KEEP_IN_TRAY_KEY = "tray/keep_running"
_DAY_KEY = "reminders/follow_ups_day"  # so a restart the same day does not remind again
SHOW_MS = 15_000


def follow_ups_on() -> bool:
    return settings.value_bool(FOLLOW_UPS_KEY, True)


def meetings_on() -> bool:
    return settings.value_bool(MEETINGS_KEY, True)


def keep_in_tray() -> bool:
    return settings.value_bool(KEEP_IN_TRAY_KEY, False)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Reminders(QObject):
    """Looks every `interval_ms` for reminders due at `clock()`; `reminded(Reminder)` for each."""

    reminded = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        interval_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        day = settings.value_str(_DAY_KEY)
        self.state = ReminderState(dt.date.fromisoformat(day) if day else None)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> list[Reminder]:
        """Emit the reminders due now that were not shown yet (each once)."""
        follow_ups, meetings = follow_ups_on(), meetings_on()
        if not (follow_ups or meetings):
            return []
        before = self.state.follow_ups_day
        try:
            found = due_reminders(
                self.clock(), self.state, follow_ups=follow_ups, meetings=meetings
            )
        except Exception:  # the journal is closing or being replaced: the next look will do
            return []
        if self.state.follow_ups_day != before and self.state.follow_ups_day is not None:
            settings.set_value(_DAY_KEY, self.state.follow_ups_day.isoformat())
        for reminder in found:
            self.reminded.emit(reminder)
        return found


class Host(Protocol):
    """What the tray needs of the main window."""

    def open_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None: ...

    def quit(self) -> None: ...


class Tray(QObject):
    """Rapport's icon in the system tray: shows reminders; a click on one opens the person."""

    def __init__(self, window: QWidget, reminders: Reminders) -> None:
        super().__init__(window)
        self.window = window
        self.host: Host = window  # type: ignore[assignment]
        self.last: Reminder | None = None
        app_icon = window.windowIcon()
        self.icon = QSystemTrayIcon(app_icon if not app_icon.isNull() else icon("today"), self)
        self.icon.setToolTip("Rapport")
        self.menu = QMenu()
        self.menu.addAction("Open Rapport", self.open_window)
        self.menu.addAction("Quit", self.host.quit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_reminded)
        reminders.reminded.connect(self.show_reminder)
        self.icon.show()
        QApplication.setQuitOnLastWindowClosed(False)  # the window may hide in the tray

    def show_reminder(self, reminder: Reminder) -> None:
        self.last = reminder
        self.icon.showMessage(
            reminder.title, reminder.text, QSystemTrayIcon.MessageIcon.Information, SHOW_MS
        )

    def open_window(self) -> None:
        self.window.show()
        bring_forward(self.window)

    def open_reminded(self) -> None:
        """The notification was clicked: the window, on the person it was about."""
        self.open_window()
        if self.last is not None and self.last.person_id is not None:
            self.host.open_person(self.last.person_id)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_window()

    def hide(self) -> None:
        self.icon.hide()


def tray_icon_for(window: QWidget, reminders: Reminders) -> Tray | None:
    """A tray icon where the desktop has a system tray (none offscreen or on a bare X server)."""
    return Tray(window, reminders) if tray_available() else None
