"""A line of progress on stderr, redrawn in place, for slow commands run in a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_EVERY_S = 0.1


class ProgressLine:
    """A `journal.progress.Progress` callback: "LABEL: 12,000 of 130,000 rows" on one line,
    redrawn at most ten times a second; nothing when stderr is not a terminal (a script, a log).
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self.drawn = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if done < total and now - self.last < REDRAW_EVERY_S:
            return
        self.last = now
        self.stream.write(f"\r{self.label}: {done:,} of {total:,} rows\x1b[K")
        self.stream.flush()
        self.drawn = True

    def say(self, text: str) -> None:
        """A line of its own (what is being done now), after the progress line if one is drawn."""
        if not self.shown:
            return
        self.end()
        self.stream.write(f"{text}…\n")
        self.stream.flush()

    def end(self) -> None:
        """Finish the progress line so what follows starts on a line of its own."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
