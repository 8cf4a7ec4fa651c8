"""The daily backup, taken off the GUI thread a moment after the window shows a journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from journal import backups

from .dialogs.background import Worker

if TYPE_CHECKING:
    from .main_window import MainWindow

DELAY_MS = 3000


class DailyBackup(QObject):
    """Runs `backups.daily_backup_if_due` once in a thread of its own; the window waits for it
    before it closes. A failure is only a status line: the journal itself is fine."""

    def __init__(self, window: MainWindow, delay_ms: int = DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.worker: Worker | None = None
        self.result: object = None
        self._for: object = None  # the journal last backed up (or being backed up)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.start)
        window.installEventFilter(self)
        window.windowTitleChanged.connect(lambda _: self.timer.start())  # another journal
        self.timer.start()

    def start(self) -> None:
        journal = self.window.journal
        if journal is self._for:
            return
        if self.worker is not None and self.worker.isRunning():
            self.timer.start()  # still busy with the last one: look again later
            return
        self._for = journal
        self.worker = Worker(lambda: backups.daily_backup_if_due(journal), self)
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _done(self, path: object) -> None:
        self.result = path
        if path is not None:
            self.window.status(f"Daily backup saved to {path}")

    def _failed(self, exc: BaseException) -> None:
        self.result = exc
        self.window.status(f"The daily backup could not be taken: {exc}")

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.wait()
        return False
