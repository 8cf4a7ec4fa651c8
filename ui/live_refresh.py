"""Keeping the window in step with its journal file: writes made by another process (the command
line) show up within a couple of seconds, and "come forward" requests for whichever journal the
session has open are answered."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from journal.changes import EVERYTHING
from journal.storage import changed_since_last_check

from .session import Session
from .single_instance import InstanceServer

POLL_MS = 2000


class JournalWatch(QObject):
    """Polls `PRAGMA data_version` (no table read) every two seconds on the GUI thread; another
    process's write is announced as a change to everything. `raiseRequested` when another
    `rapport` asked for this journal's window to come forward."""

    raiseRequested = Signal()

    def __init__(self, session: Session, poll_ms: int = POLL_MS) -> None:
        super().__init__(session)
        self.session = session
        self.instance = InstanceServer(self)
        self.instance.raiseRequested.connect(self.raiseRequested)
        self.refreshes = 0
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        session.opened.connect(self._follow)
        self._follow()
        self.timer.start()

    def _follow(self) -> None:
        """Listen for the journal now open (the first look only takes note of its version)."""
        lock = self.session.lock
        if lock is not None and lock.held:
            self.instance.listen(self.session.journal.path)
        else:
            self.instance.close()
        self.check()

    def check(self) -> bool:
        """Announce a change to everything if another process wrote since the last look."""
        try:
            changed = changed_since_last_check(self.session.journal)
        except Exception:  # the journal is closing or gone: the next look will tell
            return False
        if changed and not self.session.tasks.busy():
            self.refreshes += 1
            self.session.announce(EVERYTHING)
        return changed
