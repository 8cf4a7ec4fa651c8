"""For the benchmark only: print a line and quit once a window has really been painted.

`rapport` arms it when RAPPORT_BENCH_PAINTED=1 (bench/bare_window.py arms it too); with
RAPPORT_BENCH_LINGER_MS=N it quits N ms after the paint instead (to read peak memory). "Painted"
means the window and the page it shows have both had their paint events and the event loop
has come round again, so the backing store has been flushed to the screen. Imports only Qt.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "RAPPORT_BENCH_PAINTED"
LINE = "rapport-bench: painted"
PEAK = "rapport-bench: peak-kb"


def armed() -> bool:
    return os.environ.get(ENV) == "1"


def peak_kb() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss would count the parent's too)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class FirstPaint(QObject):
    """Waits for paint events on `window` and on `page()`; then, next turn of the loop, reports."""

    def __init__(self, window: QWidget, page=None) -> None:  # page: () -> QWidget | None
        super().__init__(window)
        self._window = window
        self._page = page or (lambda: window)
        self._painted: set[int] = set()
        self._done = False
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._done or event.type() != QEvent.Type.Paint:
            return False
        page = self._page()
        for widget in (self._window, page):
            if watched is widget:
                self._painted.add(id(widget))
        if {id(self._window), id(page)} <= self._painted:
            self._done = True
            QTimer.singleShot(0, self._report)  # after this repaint has been flushed
        return False

    def _report(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None and not handle.isExposed():
            self._done = False  # painted off screen: wait for the real one
            self._painted.clear()
            return
        QApplication.instance().removeEventFilter(self)
        print(f"{LINE} {time.time():.6f}", flush=True)
        sys.stdout.flush()
        linger = int(os.environ.get("RAPPORT_BENCH_LINGER_MS") or 0)
        if linger > 0:
            QTimer.singleShot(linger, self._quit)
        else:
            self._quit()

    def _quit(self) -> None:
        print(f"{PEAK} {peak_kb()}", flush=True)
        QApplication.instance().quit()


def watch(window: QWidget, page=None) -> FirstPaint:
    """Report the first real paint of `window` (and of the widget `page()` returns)."""
    return FirstPaint(window, page)
