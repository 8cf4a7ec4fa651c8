"""Slow journal work (import, export, backup, PDF) off the GUI thread: one worker at a time.

The worker thread gets its own SQLite connection (peewee keeps one per thread) and closes it
before it reports; the result or the failure comes back by signal on the GUI thread. While it
runs, a progress bar is busy: one the caller shows in its dialog, or a progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from shiboken6 import isValid

from journal.storage import current

from ..guard import attempt

SHOW_AFTER_MS = 300
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Worker(QThread):
    """Runs one job; `succeeded(result)` or `failed(exception)` once its connection is closed."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._db = current().db

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._job()
        except Exception as exc:
            error = exc
        finally:
            self._db.close()  # this thread's connection only
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)


def tell_failure(parent: QWidget | None, action: str) -> Failed:
    """The guard's plain dialog for a failed job (a JournalError's one line, or what broke)."""

    def failed(exc: BaseException) -> None:
        def reraise() -> None:
            raise exc

        attempt(parent, action, reraise)

    return failed


class Background(QObject):
    """The window's one worker: `run` starts a job unless another is still running."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._worker: Worker | None = None
        self._done: Done | None = None
        self._failed: Failed | None = None
        self._bar: QProgressBar | None = None
        self._dialog: QProgressDialog | None = None

    def run(
        self,
        action: str,
        job: Callable[[], Any],
        done: Done,
        *,
        failed: Failed | None = None,
        bar: QProgressBar | None = None,
    ) -> bool:
        """Start `job` in the worker; `done(result)` on success, `failed(exc)` (by default a
        dialog) on failure. `bar` is the caller's own progress bar, else a progress dialog
        appears if the job takes more than SHOW_AFTER_MS. False if the worker is busy."""
        if self._worker is not None:
            return False
        self._done = done
        self._failed = failed or tell_failure(self._parent, action)
        if bar is not None:
            self._bar = bar
            bar.setRange(0, 0)  # the journal's operations give no progress: busy
            bar.setFormat(f"{action}…")
            bar.show()
        else:
            self._dialog = busy_dialog(self._parent, action)
        self._worker = Worker(job, self)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed_in_worker)
        self._worker.start()
        return True

    def busy(self) -> bool:
        return self._worker is not None

    def wait(self) -> None:
        """Block until the job is over (before the journal closes)."""
        if self._worker is not None:
            self._worker.wait()

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        done = self._done
        self._end()
        if done is not None:
            done(result)

    @Slot(object)
    def _failed_in_worker(self, exc: BaseException) -> None:
        failed = self._failed
        self._end()
        if failed is not None:
            failed(exc)

    def _end(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()  # it has reported: only returning from run() is left
            worker.deleteLater()
        if self._bar is not None and isValid(self._bar):
            self._bar.hide()
        if self._dialog is not None and isValid(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
        self._bar = self._dialog = None
        self._done = self._failed = None


def busy_dialog(parent: QWidget, action: str) -> QProgressDialog:
    """A progress dialog with a busy bar and no Cancel (the work is all or nothing)."""
    progress = QProgressDialog(f"{action}…", "", 0, 0, parent)
    progress.setObjectName("progressDialog")
    progress.setWindowTitle("Rapport")
    progress.setCancelButton(None)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(True)
    return progress
