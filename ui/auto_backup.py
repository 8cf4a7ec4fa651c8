"""The daily backup, taken by the session's task runner a moment after a journal is opened."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from journal import backups

from . import damage
from .session import Session
from .tasks import Job

DELAY_MS = 3000


class DailyBackup(QObject):
    """Runs `backups.daily_backup_if_due` (a server journal's: `server_backup`'s JSON export)
    once per journal opened, when the task runner is free
    (busy with an import: it looks again later). A failure is only a status line: the journal
    itself is fine."""

    def __init__(self, session: Session, delay_ms: int = DELAY_MS) -> None:
        super().__init__(session)
        self.session = session
        self.result: object = None
        self.running = False
        self._for: object = None  # the journal last backed up (or being backed up)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.start)
        session.opened.connect(self.timer.start)
        self.timer.start()

    def start(self) -> None:
        journal = self.session.journal
        if journal is self._for:
            return
        if journal.is_server:
            from journal import server_backup

            job: Job = lambda _progress: server_backup.daily_backup_if_due(journal)  # noqa: E731
        else:
            job = lambda _progress: backups.daily_backup_if_due(  # noqa: E731
                journal.path, journal.passphrase
            )
        started = self.session.tasks.run(
            "Taking the daily backup",
            job,
            self._done,
            failed=self._failed,
        )
        if not started:
            self.timer.start()  # busy with other work: look again later
            return
        self._for = journal
        self.running = True

    def _done(self, path: object) -> None:
        self.running = False
        self.result = path
        if path is not None:
            self.session.status(f"Daily backup saved to {path}")

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.result = exc
        if damage.report(exc):  # the copy found the journal damaged: a backup is offered
            return
        self.session.status(f"The daily backup could not be taken: {exc}")
