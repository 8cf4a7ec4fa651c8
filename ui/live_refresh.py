"""Keeping the window in step with its journal file: writes made by another process (the command
line) show up within a couple of seconds, and the window answers "come forward" requests for
whichever journal it has open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from journal.storage import changed_since_last_check

from .single_instance import InstanceServer, bring_forward

if TYPE_CHECKING:
    from .main_window import MainWindow

POLL_MS = 2000


class JournalWatch(QObject):
    """Polls `PRAGMA data_version` (no table read) every two seconds on the GUI thread."""

    def __init__(self, window: MainWindow, poll_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.instance = InstanceServer(self)
        self.instance.raiseRequested.connect(lambda: bring_forward(window))
        self.refreshes = 0
        self._journal = window.journal
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        window.windowTitleChanged.connect(lambda _: self._follow())
        self._follow()
        self.check()
        self.timer.start()

    def _follow(self) -> None:
        if self.window.lock is not None and self.window.lock.held:
            self.instance.listen(self.window.journal.path)
        else:
            self.instance.close()

    def check(self) -> bool:
        """Refresh what is shown if another process wrote since the last look."""
        window = self.window
        if window.journal is not self._journal:  # another journal: a new baseline
            self._journal = window.journal
            self._follow()
        try:
            changed = changed_since_last_check(window.journal)
        except Exception:  # the journal is closing or gone: the next look will tell
            return False
        if changed and not window.files.busy():
            self.refreshes += 1
            window.refresh_all()
            if window.person.isVisible():
                window.person.reload()
        return changed
