"""Search as you type, off the GUI thread: one thread runs the newest query asked of it, and a
newer keystroke interrupts the query still running (SQLite's interrupt, PostgreSQL's cancel),
so typing never waits. The Search page runs two, side by side: the names, and the full-text
search."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from journal.search import SearchHit, interrupt, was_interrupted
from journal.storage import current

Answer = Callable[[int, str, list[SearchHit]], None]
Query = Callable[[str], list[SearchHit]]


class _Bridge(QObject):
    """Carries answers from the search thread to the GUI thread: its signals are emitted in
    the thread, its slots run on the GUI thread it lives in (a queued connection)."""

    answered = Signal(int, str, object)  # request number, text, hits
    failed = Signal(int, object)

    def __init__(self, worker: SearchWorker, parent: QObject | None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.answered.connect(self.deliver)
        self.failed.connect(self.fail)

    @Slot(int, str, object)
    def deliver(self, number: int, text: str, hits: list[SearchHit]) -> None:
        if number == self.worker.asked:
            self.worker.on_answer(number, text, hits)

    @Slot(int, object)
    def fail(self, number: int, exc: BaseException) -> None:
        if number == self.worker.asked:
            self.worker.on_failure(exc)


class SearchWorker:
    """`ask(text)` from the GUI thread; `answered(number, text, query(text))` comes back on it
    for the newest request only (older ones are interrupted or dropped)."""

    def __init__(
        self,
        query: Query,
        answered: Answer,
        failed: Callable[[BaseException], None],
        owner: QObject,
        name: str = "rapport-search",
    ) -> None:
        self.query = query
        self.on_answer, self.on_failure = answered, failed
        self.bridge = _Bridge(self, owner)  # deleted with its owner: the thread then ends
        owner.destroyed.connect(self.stop)
        self._lock = threading.Condition()
        self._pending: tuple[int, str, Any] | None = None  # number, text, database
        self._running: Any = None  # the connection a query runs on, while it runs
        self._stopped = False
        self.asked = 0  # the newest request's number
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def ask(self, text: str) -> int:
        """Search for `text` as soon as the thread is free (interrupting an older query)."""
        with self._lock:
            self.asked += 1
            self._pending = (self.asked, text, current().db)  # the GUI thread's journal
            if self._running is not None:
                interrupt(self._running)  # thread-safe; the query raises
            self._lock.notify()
            return self.asked

    def forget(self) -> int:
        """Drop whatever was asked (an answer on its way is not shown)."""
        with self._lock:
            self.asked += 1
            self._pending = None
            if self._running is not None:
                interrupt(self._running)
            return self.asked

    def stop(self, *_: object) -> None:
        with self._lock:
            self._stopped = True
            self._pending = None
            if self._running is not None:
                interrupt(self._running)
            self._lock.notify()

    def _loop(self) -> None:
        db: Any = None
        while True:
            with self._lock:
                while self._pending is None and not self._stopped:
                    self._lock.wait()
                if self._stopped:
                    break
                assert self._pending is not None
                number, text, db = self._pending
                self._pending = None
                try:
                    self._running = db.connection()  # this thread's own
                except Exception as exc:
                    self._emit_failed(number, exc)
                    continue
            try:
                hits = self.query(text)
            except Exception as exc:
                if not was_interrupted(exc):
                    self._emit_failed(number, exc)
                continue
            finally:
                with self._lock:
                    self._running = None
            try:
                self.bridge.answered.emit(number, text, hits)
            except RuntimeError:  # the page is gone
                break
        if db is not None:
            db.close()  # this thread's connection only

    def _emit_failed(self, number: int, exc: BaseException) -> None:
        with contextlib.suppress(RuntimeError):  # the page is gone
            self.bridge.failed.emit(number, exc)
