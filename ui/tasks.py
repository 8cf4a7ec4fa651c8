"""The window's one task runner: slow journal work (import, export, backup, restore, PDF) off the
GUI thread, one job at a time, with progress (rows done of all) and Cancel.

A job runs in a worker thread with its own SQLite connection (peewee keeps one per thread),
closed before the job reports; the result, the failure and what it changed come back by signal
on the GUI thread. Cancel makes the job's next progress report raise `Cancelled`, and the
operation rolls back: nothing of it is kept.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from shiboken6 import isValid

from journal.changes import NOTHING, Changes, recording
from journal.errors import JournalError
from journal.progress import Cancelled, Progress
from journal.storage import current

SHOW_AFTER_MS = 300
PAUSED_OLD_THRESHOLD = 1_000_000  # middle collections before a full one: never, in one job
REPORT_EVERY_S = 0.05  # progress signals at most twenty times a second
Job = Callable[[Progress], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Worker(QThread):
    """Runs one job; then `succeeded(result, changes)` or `failed(exception)`."""

    succeeded = Signal(object, object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, job: Job, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._db = _open_database()
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """The job's progress callback (called in the worker thread)."""
        if self._cancel.is_set():
            raise Cancelled("stopped by the person")
        now = time.monotonic()
        if done >= total or now - self._last_report >= REPORT_EVERY_S:
            self._last_report = now
            self.progressed.emit(done, total)

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        changes = NOTHING
        try:
            with recording() as recorder, full_collections_paused():
                result = self._job(self.report)
            changes = recorder.changes
        except Exception as exc:
            error = exc
        finally:
            # This thread's connections only: the journal's, and the one a restore reopened.
            for db in {self._db, _open_database()} - {None}:
                db.close()
        if error is None:
            self.succeeded.emit(result, changes)
        else:
            self.failed.emit(error)


@contextmanager
def full_collections_paused() -> Iterator[None]:
    """Python's full garbage collection walks every object holding the interpreter lock: while a
    job builds a whole journal in memory, each one would stall the window's thread for hundreds
    of ms. Young collections go on; the objects are freed by reference counting anyway."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, PAUSED_OLD_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def _open_database() -> Any:
    """The open journal's database (its connection in the worker is closed after the job), or
    None while the journal is closed (encryption rewrites the file)."""
    try:
        return current().db
    except JournalError:
        return None


class TaskRunner(QObject):
    """One worker at a time: `run` starts a job unless another is still running.

    `changed(Changes)` says what a finished job wrote (the session broadcasts it);
    `failure(action, exception, parent)` is a failure nobody else handled.
    """

    changed = Signal(object)
    failure = Signal(str, object, object)
    started = Signal(str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: Worker | None = None
        self._action = ""
        self._parent: QWidget | None = None
        self._done: Done | None = None
        self._failed: Failed | None = None
        self._bar: QProgressBar | None = None
        self._dialog: QProgressDialog | None = None

    def run(
        self,
        action: str,
        job: Job,
        done: Done,
        *,
        parent: QWidget | None = None,
        failed: Failed | None = None,
        bar: QProgressBar | None = None,
        cancellable: bool = False,
    ) -> bool:
        """Start `job(progress)` in the worker; `done(result)` on success, `failed(exc)` on
        failure (by default the plain or bug dialog). `bar` is the caller's own progress bar,
        else a progress dialog appears if the job takes more than SHOW_AFTER_MS. Returns False
        (and starts nothing) while another job runs."""
        if self._worker is not None:
            return False
        self._action, self._parent = action, parent
        self._done, self._failed = done, failed
        if bar is not None:
            self._bar = bar
            bar.setRange(0, 0)  # busy until the job says how far it got
            bar.setFormat(f"{action}… %p%")
            bar.show()
        elif parent is not None:
            self._dialog = progress_dialog(parent, action, cancellable)
            self._dialog.canceled.connect(self.cancel)
        self._worker = Worker(job, self)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed_in_worker)
        self._worker.progressed.connect(self._progressed)
        self._worker.start()
        self.started.emit(action)
        return True

    def busy(self) -> bool:
        return self._worker is not None

    def cancel(self) -> None:
        """Stop the running job at its next progress report; nothing of it is kept."""
        if self._worker is not None:
            self._worker.cancel()

    def wait(self) -> None:
        """Block until the job is over and it has reported (before the journal closes)."""
        if self._worker is not None:
            self._worker.wait()
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        for bar in (self._bar, self._dialog):
            if bar is not None and isValid(bar) and total > 0:
                bar.setMaximum(total)
                bar.setValue(min(done, total))

    @Slot(object, object)
    def _succeeded(self, result: Any, changes: Changes) -> None:
        done = self._done
        self._end()
        if changes:
            self.changed.emit(changes)
        if done is not None:
            done(result)

    @Slot(object)
    def _failed_in_worker(self, exc: BaseException) -> None:
        failed, action, parent = self._failed, self._action, self._parent
        self._end()
        if failed is not None:
            failed(exc)
        else:
            self.failure.emit(action, exc, parent)

    def _end(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()  # it has reported: only returning from run() is left
            worker.deleteLater()
        if self._bar is not None and isValid(self._bar):
            self._bar.hide()
        if self._dialog is not None and isValid(self._dialog):
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.deleteLater()
        self._bar = self._dialog = None
        self._done = self._failed = None
        self._parent = None
        self.finished.emit()


def progress_dialog(parent: QWidget, action: str, cancellable: bool) -> QProgressDialog:
    """A progress dialog, busy until the job reports; Cancel only where the work can stop."""
    progress = QProgressDialog(f"{action}…", "Cancel", 0, 0, parent)
    progress.setObjectName("progressDialog")
    progress.setWindowTitle("Rapport")
    if not cancellable:
        progress.setCancelButton(None)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    return progress
