"""Window writes that found another Rapport writing, or the journal's server out of reach: kept in
order and tried again by timer, so typing never waits on the other process or the network and
nothing typed is lost."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from journal import faults
from journal.applied_writes import new_id, once
from journal.changes import Changes, recording
from journal.errors import JournalBusy
from journal.writing import patiently

WAIT_S = 0.1  # a window write waits this long for the other writer before it is queued
RETRY_MS = 250
OFFLINE_RETRY_MAX_MS = 5000  # a server out of reach is asked again, less and less often
GIVE_UP_S = 120.0  # then the person is told the journal is busy (what they typed stays)
CLOSING_WAIT_S = 5.0
CLOSING_RETRY_S = 0.5
WAITING = "Waiting for another Rapport to finish writing: your change is kept and will be saved."
OFFLINE = (
    "The journal's server cannot be reached: your change is kept and will be saved when it is back."
)


@dataclass
class Write:
    """One write the window asked for: run it, and say what it changed."""

    parent: QWidget | None
    action: str
    op: Callable[[], Any]
    later: Callable[[Any], None] | None = None
    since: float = field(default_factory=time.monotonic)
    id: str = field(default_factory=new_id)  # one per Save, kept across retries

    def run(self) -> Any:
        """Run the write once: a retry of one already in (its answer was lost) writes nothing."""
        return once(self.id, self.op)


def run_briefly(op: Callable[[], Any]) -> tuple[Any, Changes]:
    """Run `op`, waiting at most WAIT_S for another writer (JournalBusy past that)."""
    with recording() as recorder:
        result = patiently(op, first=WAIT_S, limit=WAIT_S)
    return result, recorder.changes


class WriteQueue(QObject):
    """`done(write, result, changes)` once a queued write is in; `failed(write, exc)` when it
    cannot be (busy for GIVE_UP_S, or any other failure); `waiting(bool)` as the queue fills
    and empties. A server out of reach is waited for as long as the window is open (`offline`
    says so), asked again after RETRY_MS, then twice as long each time up to
    OFFLINE_RETRY_MAX_MS."""

    done = Signal(object, object, object)
    failed = Signal(object, object)
    waiting = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes: list[Write] = []
        self.offline = False  # the last try found the journal's server out of reach
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)

    def __len__(self) -> int:
        return len(self._writes)

    def last(self) -> Write | None:
        """The write queued last (the one just asked for, when the queue is not empty)."""
        return self._writes[-1] if self._writes else None

    def add(self, write: Write, offline: bool = False) -> None:
        """Queue `write`; `offline` when it found the journal's server out of reach."""
        self._writes.append(write)
        self.offline = self.offline or offline
        if len(self._writes) == 1:
            self.waiting.emit(True)
        self.timer.start(RETRY_MS)

    def nudge(self) -> None:
        """The server answers again: try the writes waiting for it now, not after the back-off."""
        if self._writes and self.offline:
            self.timer.start(0)

    def retry(self) -> None:
        """Try the queued writes in order; stop at the first still kept out."""
        while self._writes:
            write = self._writes[0]
            try:
                result, changes = run_briefly(write.run)
            except JournalBusy as exc:
                if time.monotonic() - write.since < GIVE_UP_S:
                    self.timer.start(RETRY_MS)
                    return
                self._writes.pop(0)
                self.failed.emit(write, exc)
                continue
            except Exception as exc:
                if faults.classify(exc) is faults.Fault.OFFLINE:
                    if not self.offline:  # it was waiting for another writer: now for this
                        self.offline = True
                        self.waiting.emit(True)
                    interval = self.timer.interval()
                    self.timer.start(min(max(interval, RETRY_MS) * 2, OFFLINE_RETRY_MAX_MS))
                    return
                self._writes.pop(0)
                self.failed.emit(write, exc)
                continue
            self._writes.pop(0)
            self.done.emit(write, result, changes)
        self.waiting.emit(False)
        self.offline = False

    def flush(self) -> None:
        """Before the journal closes: the queued writes wait up to CLOSING_WAIT_S more, each for
        another writer, and all of them together for a server out of reach."""
        self.timer.stop()
        deadline = time.monotonic() + CLOSING_WAIT_S
        while self._writes:
            write = self._writes.pop(0)
            try:
                result, changes = self._last_try(write, deadline)
            except Exception as exc:
                self.failed.emit(write, exc)
                continue
            self.done.emit(write, result, changes)
        self.waiting.emit(False)
        self.offline = False

    @staticmethod
    def _last_try(write: Write, deadline: float) -> tuple[Any, Changes]:
        while True:
            try:
                with recording() as recorder:
                    result = patiently(write.run, first=WAIT_S, limit=CLOSING_WAIT_S)
                return result, recorder.changes
            except Exception as exc:
                offline = faults.classify(exc) is faults.Fault.OFFLINE
                if not offline or time.monotonic() + CLOSING_RETRY_S > deadline:
                    raise
                time.sleep(CLOSING_RETRY_S)
