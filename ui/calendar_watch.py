"""Followed calendar files in the window: File → Add calendar…, and each file read again when it
changes on disk (editors and sync tools often replace the file: its path is watched again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QFileDialog
from shiboken6 import isValid

from journal import calendar
from journal.calendar import CalendarError, ReadReport
from journal.errors import NotFound

from .shell import Shell

DEBOUNCE_MS = 500  # a sync tool writes a file in several steps
FILTER = "Calendar files (*.ics *.ical *.icalendar);;All files (*)"


class CalendarWatch(QObject):
    """Watches the followed calendars' files and their folders; reads a changed one again."""

    def __init__(self, window: Shell, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.read_pending)
        self._pending: set[str] = set()
        self._followed: dict[str, int] = {}  # path → calendar id
        self.reads = 0
        self.starts = 0

    def stop(self) -> None:
        """Watch nothing (the window closes)."""
        self.timer.stop()
        self._pending.clear()
        self._followed = {}
        for paths in (self.watcher.files(), self.watcher.directories()):
            if paths:
                self.watcher.removePaths(paths)

    def follow_all(self) -> None:
        """Watch the calendars the open journal follows (another journal: others)."""
        self.stop()
        try:
            followed = calendar.list_calendars()
        except Exception:  # a journal that cannot be read now: nothing to watch
            followed = []
        self._followed = {c.path: c.id for c in followed}
        for path in self._followed:
            self._watch(path)

    def _watch(self, path: str) -> None:
        folder = str(Path(path).parent)
        if Path(folder).is_dir() and folder not in self.watcher.directories():
            self.watcher.addPath(folder)
        if Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)

    def start(self) -> bool:
        """Read again, in the background, the calendars that changed since the last run (at
        start-up); each problem is said once (a file that went away is not said at every start).
        """
        job = lambda: calendar.refresh_calendars(changed_only=True)  # noqa: E731
        return self._run("Reading your calendars", job, self._started)

    def _started(self, problems: list[str]) -> None:
        if not isValid(self.watcher):  # the window closed meanwhile
            return
        self.starts += 1
        if problems:
            self.window.status(" ".join(problems))
        self.follow_all()

    def _run(self, action: str, job: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """Run `job` in the session's one worker; what it changed is broadcast to the pages."""
        return self.window.session.tasks.run(
            action, lambda _progress: job(), done, parent=self.window
        )

    def _changed(self, path: str) -> None:
        self._watch(path)  # replaced by rename: the watcher dropped it
        self._pending.add(path)
        self.timer.start()

    def _folder_changed(self, folder: str) -> None:
        for path in self._followed:
            here = str(Path(path).parent) == folder and Path(path).exists()
            if here and path not in self.watcher.files():
                self._watch(path)
                self._pending.add(path)
                self.timer.start()

    def read_pending(self) -> None:
        """Read again, in the background, the calendars whose files changed."""
        paths = sorted(p for p in self._pending if p in self._followed)
        if not paths:
            self._pending.clear()
            return
        if self._run("Reading the calendar again", lambda: _read_again(paths), self._read):
            self._pending.clear()
        else:  # the worker is busy (an import): try again in a moment
            self.timer.start()

    def _read(self, messages: list[str]) -> None:
        if not isValid(self.watcher) or not messages:
            return
        self.reads += sum(1 for m in messages if m.startswith("Read again"))
        self.window.status(" ".join(messages))

    # --- File → Add calendar… ---------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Add a calendar file", str(Path.home()), FILTER
        )
        if path and not self.add_file(Path(path)):
            self.window.status("Rapport is busy with another task: add the calendar in a moment.")

    def add_file(self, path: Path) -> bool:
        """Follow a calendar file, read in the background; False if the worker is busy."""
        return self._run("Reading the calendar", lambda: calendar.add_calendar(path), self._added)

    def _added(self, report: ReadReport) -> None:
        if not isValid(self.watcher):
            return
        self.follow_all()
        self.window.status(f"Following {report.summary()}.")


def _read_again(paths: list[str]) -> list[str]:
    """Read the calendars of these files again; a line for each, to show. A file the journal no
    longer follows (it was removed, or another journal is open) is left alone."""
    messages = []
    for path in paths:
        try:
            report = calendar.refresh_calendar(calendar.find_calendar(path).id)
        except NotFound:
            continue
        except CalendarError as exc:
            messages.append(f"The calendar could not be read again: {exc}")
        else:
            messages.append(f"Read again: {report.calendar.name}, {report.meetings} meetings.")
    return messages
