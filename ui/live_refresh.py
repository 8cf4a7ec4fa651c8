"""Keeping the window in step with its journal: writes made by another process show up within a
couple of seconds (a file is looked at every two seconds; a server tells its listeners), and
"come forward" requests for whichever journal the session has open are answered."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from journal.changes import EVERYTHING, Changes
from journal.storage import changed_since_last_check

from .session import Session
from .single_instance import InstanceServer

POLL_MS = 2000
STOP_WAIT_S = 5.0


class ServerWatch(QObject):
    """Hears what the other writers of a server journal changed (journal.server_events, LISTEN
    on a connection of its own, in a thread of its own) and hands it to the session's
    broadcast, so pages refresh what was touched. `heard(Changes)` on the GUI thread, and
    `away(bool)` when the server is found out of reach (True) or answering again (False)."""

    heard = Signal(object)
    away = Signal(bool)
    _reached = Signal(bool)  # from the listening thread

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        journal = session.journal
        if journal.url is None:
            raise ValueError(f"{journal.location} is not a server journal")
        from journal.server_events import listener_for  # psycopg: for a server journal only

        self.listener = listener_for(journal.url, journal.db)
        self.heard.connect(self._announce)  # queued: emitted from the listening thread
        self.listener.on_reach = self._reached.emit
        self._reached.connect(self._reach)
        self.listening = threading.Thread(target=self._listen, name="server events", daemon=True)
        self.listening.start()

    def _listen(self) -> None:
        for changes in self.listener.changes():
            self.heard.emit(changes)

    def _announce(self, changes: Changes) -> None:
        if self.listener.stopped:
            return
        self.session.queue.nudge()  # the server answers again: what waits for it goes now
        self.session.announce(changes)

    def _reach(self, reached: bool) -> None:
        if not self.listener.stopped:
            self.away.emit(not reached)

    def stop(self) -> None:
        self.listener.stop()
        self.listening.join(STOP_WAIT_S)


class JournalWatch(QObject):
    """Polls `PRAGMA data_version` (no table read) every two seconds on the GUI thread; another
    process's write is announced as a change to everything. A server journal is heard instead
    (ServerWatch). `raiseRequested` when another `rapport` asked for this journal's window to
    come forward. `serverAway(bool)` while the server journal's server is out of reach."""

    raiseRequested = Signal()
    serverAway = Signal(bool)

    def __init__(self, session: Session, poll_ms: int = POLL_MS) -> None:
        super().__init__(session)
        self.session = session
        self.instance = InstanceServer(self)
        self.instance.raiseRequested.connect(self.raiseRequested)
        self.server: ServerWatch | None = None
        self.refreshes = 0
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        session.opened.connect(self._follow)
        session.closing.connect(self.stop_hearing)
        self._follow()
        self.timer.start()

    def _follow(self) -> None:
        """Listen for the journal now open (the first look only takes note of its version)."""
        self.stop_hearing()
        journal = self.session.journal
        lock = self.session.lock
        if journal.is_server and journal.url is not None:
            self.instance.listen(journal.url)
            self.server = ServerWatch(self.session)
            self.server.away.connect(self.serverAway)
        elif lock is not None and lock.held:
            self.instance.listen(journal.path)
        else:
            self.instance.close()
        self.check()

    def stop_hearing(self) -> None:
        """Stop listening to the server journal (it closes, or another one is opened)."""
        if self.server is not None:
            self.serverAway.emit(False)  # whatever is opened next says so itself
            self.server.stop()
            if not self.server.listening.is_alive():  # else it goes with the session
                self.server.deleteLater()
            self.server = None

    def stop(self) -> None:
        self.timer.stop()
        self.stop_hearing()
        self.instance.close()

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
