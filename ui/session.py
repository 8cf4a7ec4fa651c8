"""The window's session: the open journal, its lock and the one task runner; every write from
the window goes through it and it broadcasts what changed (Anki's operations are the model).

    session.run(parent, "Saving the note", notes.add_note, pid, text, handler=self)
        -> the result, or None once the person was told why not
    session.changed(changes, handler)  -> pages refresh only what `changes` touches;
                                          `handler` is who asked, so it can skip its own echo
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from journal import faults
from journal.changes import EVERYTHING, Changes
from journal.errors import JournalBusy
from journal.lock import JournalLock
from journal.progress import Cancelled
from journal.storage import Journal

from . import guard
from .tasks import TaskRunner
from .write_queue import OFFLINE, WAITING, Write, WriteQueue, run_briefly

T = TypeVar("T")


class Session(QObject):
    """Owns the open journal; signals `opened()` after another journal is shown, `closing()`
    before the journal closes, `changed(Changes, handler)` after a write and `statusMessage`."""

    opened = Signal()
    closing = Signal()
    changed = Signal(object, object)
    statusMessage = Signal(str)

    def __init__(
        self, journal: Journal, lock: JournalLock | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._lock = lock
        self.tasks = TaskRunner(self)
        self.queue = WriteQueue(self)
        self.queue.done.connect(self._queued_write_done)
        self.queue.failed.connect(
            lambda write, exc: guard.tell_failure(write.parent, write.action, exc)
        )
        self.queue.waiting.connect(self._waiting)
        self.tasks.changed.connect(lambda changes: self.announce(changes))
        self.tasks.failure.connect(self._task_failed)

    # --- the journal -------------------------------------------------------------------------
    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def lock(self) -> JournalLock | None:
        return self._lock

    def switch(self, journal: Journal, lock: JournalLock | None = None) -> None:
        """Show another journal (already opened and unlocked); `lock` replaces the held one."""
        self.tasks.wait()
        self.closing.emit()
        self.queue.flush()
        if lock is not None:
            self.release_lock()
            self._lock = lock
        self._journal = journal
        self.opened.emit()
        self.announce(EVERYTHING)

    def release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        """The window is closing: finish the running job, close the journal, drop the lock."""
        self.tasks.wait()
        self.closing.emit()
        self.queue.flush()
        self._journal.close()
        self.release_lock()

    # --- operations --------------------------------------------------------------------------
    def run(
        self,
        parent: QWidget | None,
        action: str,
        op: Callable[..., T],
        *args: Any,
        handler: object = None,
        later: Callable[[T], None] | None = None,
        **kwargs: Any,
    ) -> T | None:
        """Run a write on the GUI thread and broadcast what it changed.

        On failure the person is told (a mistake to correct, a known trouble, or a bug) and
        None is returned; nothing is broadcast. When another Rapport is writing, the write
        waits at most ~100 ms, then is queued and tried again by timer (the status bar says so);
        so is a write that found the journal's server out of reach (it wrote nothing):
        None is returned now, and once it is in, `later(result)` runs and the change is
        broadcast to every page, the asking one included.
        """
        call = functools.partial(op, *args, **kwargs)
        write = Write(parent, action, call, later)
        if len(self.queue):  # writes wait behind the ones queued before them
            self.queue.add(write)
            return None
        try:
            result, changes = run_briefly(write.run)
        except JournalBusy:
            self.queue.add(write)
            return None
        except Exception as exc:
            if faults.classify(exc) is faults.Fault.OFFLINE:  # nothing was written: kept
                self.queue.add(write, offline=True)
                return None
            guard.tell_failure(parent, action, exc)
            return None
        self.announce(changes, handler)
        return result

    def read(
        self, parent: QWidget | None, action: str, op: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T | None:
        """Run a read; a failure is told as for a write (a read says nothing of writing)."""
        return guard.attempt(parent, action, op, *args, **kwargs)

    def announce(self, changes: Changes, handler: object = None) -> None:
        """Tell every page what changed (a write made here, by a task, or by another process)."""
        if changes:
            self.changed.emit(changes, handler)

    def status(self, message: str) -> None:
        self.statusMessage.emit(message)

    def _queued_write_done(self, write: Write, result: Any, changes: Changes) -> None:
        self.announce(changes)
        if write.later is not None:
            write.later(result)

    def _queued_write_failed(self, write: Write, exc: BaseException) -> None:
        guard.tell_failure(write.parent, write.action, exc)

    def _waiting(self, waiting: bool) -> None:
        offline = self.queue.offline
        if waiting:
            self.status(OFFLINE if offline else WAITING)
        elif offline:
            self.status("Saved: the journal's server is back.")
        else:
            self.status("Saved: the other Rapport has finished writing.")

    def _task_failed(self, action: str, exc: BaseException, parent: QWidget | None) -> None:
        if isinstance(exc, Cancelled):
            self.status(f"{action}: cancelled. Nothing of it was kept.")
            return
        guard.tell_failure(parent, action, exc)


def run_write(
    session: Session | None,
    parent: QWidget | None,
    action: str,
    op: Callable[..., T],
    *args: Any,
    handler: object = None,
    later: Callable[[T], None] | None = None,
    **kwargs: Any,
) -> T | None:
    """`session.run`, or only the guard for a widget used on its own (outside a window)."""
    if session is None:
        return guard.attempt(parent, action, op, *args, **kwargs)
    return session.run(parent, action, op, *args, handler=handler, later=later, **kwargs)
