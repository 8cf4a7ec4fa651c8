"""Does the window stay responsive while slow work runs? A QTimer heartbeat on the GUI thread:
the longest gap between two beats is the longest time the window could not answer.

Measured in the real window (offscreen): a LinkedIn import from choosing the file to the
summary, the export of the large journal, and keystrokes in the composer while an import runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journal import people
from journal.storage import Journal, open_journal

from . import window as bench_window

BEAT_MS = 5
LONGEST_WAIT_S = 600


class Heartbeat(QObject):
    """Beats every BEAT_MS on the GUI thread; `longest()` is the longest gap between beats (ms)."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest()

    def longest(self) -> float:
        return max(self.gaps, default=0.0)


def wait_until(app: QApplication, done: Callable[[], bool]) -> None:
    """Run the event loop (as the window would) until `done()`."""
    deadline = time.monotonic() + LONGEST_WAIT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark waited too long for the window")
        app.processEvents()
        time.sleep(0.001)


def start_import(app: QApplication, main, csv_path: Path) -> None:  # type: ignore[no-untyped-def]
    """File → Import: the file read and planned, the preview shown, Import pressed."""
    flow = main.files.imports
    flow.start(csv_path)
    wait_until(app, lambda: flow.preview is not None and flow.preview.isVisible())
    flow.preview.import_button.click()


def work_over(app: QApplication, main) -> None:  # type: ignore[no-untyped-def]
    wait_until(app, lambda: not main.session.tasks.busy())


def import_in_window(app: QApplication, main, csv_path: Path) -> None:  # type: ignore[no-untyped-def]
    """File → Import from the file to the summary."""
    start_import(app, main, csv_path)
    work_over(app, main)


def import_stall_ms(app: QApplication, folder: Path, csv_path: Path, runs: int) -> list[float]:
    """The longest stall of the GUI thread while a LinkedIn file is imported in the window."""
    stalls = []
    for i in range(runs):
        journal = open_journal(folder / f"stall-import-{i}.sqlite")
        main = bench_window.open_window(app, journal)
        bench_window.settle(app)
        beat = Heartbeat()
        beat.start()
        import_in_window(app, main, csv_path)
        stalls.append(beat.stop())
        _close(app, main, journal)
    return stalls


def export_stall_ms(app: QApplication, journal: Journal, folder: Path, runs: int) -> list[float]:
    """The longest stall of the GUI thread while the large journal is exported to JSON."""
    main = bench_window.open_window(app, journal)
    bench_window.settle(app)
    stalls = []
    for i in range(runs):
        dialog = main.files.export()
        dialog.set_format("json")
        dialog.set_target(folder / f"export-{i}.json")
        beat = Heartbeat()
        beat.start()
        assert dialog.start(), "the export did not start"
        work_over(app, main)
        stalls.append(beat.stop())
    bench_window.close(app, main)
    return stalls


def composer_keys_during_import_ms(
    app: QApplication, folder: Path, csv_path: Path, runs: int
) -> list[float]:
    """Per keystroke in the composer (key press to handled), typed while an import runs."""
    times: list[float] = []
    for i in range(runs):
        journal = open_journal(folder / f"stall-typing-{i}.sqlite")
        ana = people.add_person("Ana Souza").id
        main = bench_window.open_window(app, journal)
        main.open_person(ana)
        page = main.person.page
        page.new_note()
        body = page.journal.composer.body
        start_import(app, main, csv_path)
        text = "Called about the renewal; she wants the numbers by Friday. "
        while main.session.tasks.busy():
            for char in text:
                if not main.session.tasks.busy():
                    break
                start = time.perf_counter()
                QTest.keyClick(body, char)
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
        work_over(app, main)
        _close(app, main, journal)
    return times or [0.0]


def _close(app: QApplication, main, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    preview = main.files.imports.preview
    if preview is not None:
        preview.close()
    bench_window.close(app, main)
    journal.close()


def measure_stalls(
    app: QApplication, large: Journal, work: Path, csv_path: Path, runs: int
) -> dict[str, object]:
    print("the window while slow work runs …", flush=True)
    import_runs = max(runs // 2, 1)
    return {
        "export_stall_ms": export_stall_ms(app, large, work, import_runs),
        "import_stall_ms": import_stall_ms(app, work, csv_path, import_runs),
        "composer_key_during_import_ms": composer_keys_during_import_ms(
            app, work, csv_path, import_runs
        ),
    }
