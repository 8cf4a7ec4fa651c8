"""Figures on a PostgreSQL copy of the large journal: `rapport copy` there and back (each leg
checked by comparing exports), search and the People filter in the window on the copy, and
five processes adding notes to it at once. Skipped, with the reason, when no server answers."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from journal import copying, server_admin
from journal.storage import open_journal

from . import window, writers

WRITERS = 5


def measure_server(large: Path, work: Path, runs: int, writing_seconds: float) -> dict[str, Any]:
    reason = server_admin.unavailable_reason()
    if reason is not None:
        print(f"PostgreSQL rows skipped: {reason}", flush=True)
        return {"server_skipped": reason}
    data_home = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(work / "data")  # the server journal's side files
    server_admin.drop_leftovers("rapport_bench")  # of a run that was stopped
    url = server_admin.create_database("rapport_bench")
    try:
        print("a PostgreSQL copy: rapport copy there and back …", flush=True)
        figures = copy_there_and_back(large, url, work)
        print("the window on the PostgreSQL copy …", flush=True)
        figures.update(in_the_window(url, work, runs))
        print(f"{WRITERS} processes writing to the PostgreSQL copy …", flush=True)
        figures.update(writers.measure(url, WRITERS, writing_seconds))
        return figures
    finally:
        server_admin.drop_database(url)
        if data_home is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = data_home


def timed_copy(source: str | Path, dest: str | Path) -> tuple[float, dict[str, float], str]:
    """The whole copy (ms), each of its steps (reading, writing, checking: ms), what it checked."""
    began = last = time.perf_counter()
    steps: dict[str, float] = {}
    step = ""

    def heard(what: str) -> None:
        nonlocal last, step
        now = time.perf_counter()
        if step:
            steps[step] = (now - last) * 1000
        step, last = what.split()[0], now

    report = copying.copy_journal(source, dest, on_step=heard)
    end = time.perf_counter()
    steps[step] = (end - last) * 1000
    return (end - began) * 1000, steps, report.checked


def copy_there_and_back(large: Path, url: str, work: Path) -> dict[str, Any]:
    """The large journal copied onto the server, then from there into a new file: each leg is
    kept only once its destination's export equals its source's, so the file at the end holds
    what the large journal holds."""
    there, there_steps, checked = timed_copy(large, url)
    back, back_steps, checked_back = timed_copy(url, work / "back-from-server.sqlite")
    return {
        "copy_to_server_ms": [there],
        "copy_to_server_steps_ms": there_steps,
        "copy_from_server_ms": [back],
        "copy_from_server_steps_ms": back_steps,
        "copy_checked": [checked, checked_back],
    }


def in_the_window(url: str, work: Path, runs: int) -> dict[str, Any]:
    """Search as you type and the People filter, the same code paths as on the file journal."""
    journal = open_journal(url)
    try:
        app = window.application(work / "settings-server")
        main = window.open_window(app, journal)
        window.settle(app)
        painted, _ = window.search_keystrokes(app, main, runs)
        filtered = window.filter_keystrokes(app, main, runs)
        window.close(app, main)
    finally:
        journal.close()
    return {"server_search_keystroke_ms": painted, "server_people_filter_keystroke_ms": filtered}
