"""Slow journal work (backup, import) off the GUI thread, with a busy progress dialog.

The worker thread gets its own SQLite connection (peewee keeps one per thread) and closes it
when the work is done; results and failures come back by signal on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from journal.storage import current

from ..guard import attempt

SHOW_AFTER_MS = 300


class Worker(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any], parent: QWidget) -> None:
        super().__init__(parent)
        self._job = job
        self._db = current().db

    def run(self) -> None:
        try:
            self.succeeded.emit(self._job())
        except Exception as exc:
            self.failed.emit(exc)
        finally:
            self._db.close()  # this thread's connection only


def run_in_background(
    parent: QWidget, action: str, job: Callable[[], Any], done: Callable[[Any], None]
) -> Worker:
    """Run `job` in a worker; `done(result)` on success, the guard's dialog on failure."""
    progress = QProgressDialog(f"{action}…", "", 0, 0, parent)
    progress.setObjectName("progressDialog")
    progress.setWindowTitle("Rapport")
    progress.setCancelButton(None)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(True)
    worker = Worker(job, parent)

    def failed(exc: BaseException) -> None:
        def reraise() -> None:
            raise exc

        attempt(parent, action, reraise)

    worker.succeeded.connect(done)
    worker.failed.connect(failed)
    worker.finished.connect(progress.reset)
    worker.finished.connect(progress.deleteLater)
    worker.finished.connect(worker.deleteLater)
    worker.start()
    return worker
