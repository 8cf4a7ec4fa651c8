"""Figures measured straight on the journal, no window: raw FTS5, saving, import, export."""

from __future__ import annotations

import time
from pathlib import Path

from journal import notes, search
from journal.contacts import import_contacts
from journal.interchange import dump_json, export_json_text
from journal.models import database
from journal.storage import open_journal

from .window import SEARCH_QUERY


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


RAW_FTS5 = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50"


def fts_keystrokes(rounds: int) -> list[float]:
    """The floor for search: FTS5 alone (MATCH, ORDER BY rank, LIMIT 50; no join, no snippet)
    for each prefix of the query the search box would ask."""
    times = []
    for _ in range(rounds):
        for end in range(1, len(SEARCH_QUERY) + 1):
            query = search.fts_query(SEARCH_QUERY[:end])
            start = time.perf_counter()
            if query is not None:
                database.execute_sql(RAW_FTS5, (query,)).fetchall()
            times.append(_ms(start))
    return times


def add_notes(person_id: int, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        notes.add_note(person_id, f"Benchmark: a short call about the renewal ({i}).", kind="call")
        times.append(_ms(start))
    return times


def write_json(path: Path) -> Path:
    dump_json(path)
    return path


def export_json(runs: int) -> tuple[list[float], int]:
    """Times (ms) of exporting the whole journal to JSON text, and its size in bytes."""
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        text = export_json_text()
        times.append(_ms(start))
        size = len(text.encode())
    return times, size


def import_json(source: Path, folder: Path, runs: int) -> list[float]:
    """Times (ms) of importing the JSON file `source` into a fresh, empty journal."""
    from journal.interchange import import_journal, load_json

    times = []
    for i in range(runs):
        path = folder / f"import-json-{i}.sqlite"
        path.unlink(missing_ok=True)
        journal = open_journal(path)
        try:
            start = time.perf_counter()
            import_journal(load_json(source))
            times.append(_ms(start))
        finally:
            journal.close()
        path.unlink(missing_ok=True)
    return times


def import_linkedin(csv_path: Path, folder: Path, runs: int) -> tuple[list[float], str]:
    """Times (ms) of importing the file into a fresh, empty journal; the last report's summary."""
    times, summary = [], ""
    for i in range(runs):
        path = folder / f"import-{i}.sqlite"
        path.unlink(missing_ok=True)
        journal = open_journal(path)
        try:
            start = time.perf_counter()
            report = import_contacts(csv_path)
            times.append(_ms(start))
            summary = report.summary()
        finally:
            journal.close()
    return times, summary
