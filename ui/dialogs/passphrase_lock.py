"""Locking an encrypted journal's window after a while without use: its contents are hidden until
the passphrase is typed again (Cancel closes the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from journal import crypto
from journal.crypto import WrongPassphrase

from .. import settings
from .passphrase import PassphraseDialog

if TYPE_CHECKING:
    from ..shell import Shell

SETTING = "privacy/lock_after_minutes"
MAX_MINUTES = 24 * 60
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


def lock_minutes() -> int:
    """Minutes without use before an encrypted journal locks (0: never)."""
    try:
        return max(0, min(MAX_MINUTES, int(settings.value_str(SETTING, "0") or 0)))
    except ValueError:
        return 0


def set_lock_minutes(minutes: int) -> None:
    settings.set_value(SETTING, str(max(0, min(MAX_MINUTES, minutes))))


class IdleLock(QObject):
    """Watches the application's input; after `lock_minutes()` without any, locks the window."""

    def __init__(self, window: Shell) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        """Count the idle time from now (the setting is read again each time)."""
        minutes = lock_minutes()
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked:
            interval = self.timer.interval()
            if not self.timer.isActive() or self.timer.remainingTime() < interval - 1000:
                self.restart()  # at most once a second, however much the mouse moves
        return False

    def lock(self) -> bool:
        """Hide the journal and ask for its passphrase; False if there is nothing to lock now."""
        passphrase = crypto.passphrase_of(self.window.session.journal.db)
        if passphrase is None or self.locked or QApplication.activeModalWidget() is not None:
            self.restart()  # a plain journal, or a dialog open: try again later
            return False
        self.locked = True
        self.window.flush_edits()
        central, menus = self.window.centralWidget(), self.window.menuBar()
        central.hide()
        menus.setEnabled(False)

        def same(typed: str) -> bool:
            if typed != passphrase:
                raise WrongPassphrase("wrong passphrase")
            return True

        minutes = lock_minutes()
        dialog = PassphraseDialog(
            self.window,
            "Journal locked",
            f"The journal was locked after {minutes} minute{'s' if minutes != 1 else ''} "
            "without use. Type its passphrase to go on.",
            attempt=same,
            ok_text="Unlock",
        )
        dialog.setObjectName("lockDialog")
        unlocked = dialog.exec() == QDialog.DialogCode.Accepted
        central.show()
        menus.setEnabled(True)
        self.locked = False
        if unlocked:
            self.restart()
        else:
            self.window.close()
        return True
