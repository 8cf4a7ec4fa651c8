"""The in-process half of the benchmark: the large journal open, then the window on it."""

from __future__ import annotations

import gc
from pathlib import Path

from journal import people
from journal.exports.markdown import export_markdown
from journal.storage import open_journal

from . import command_line, data, journals, window
from .journals import Size
from .stalls import measure_stalls

HEAVY_PERSON = 1  # bench.generate gives the first person 500 notes


def measure_inside(large: Path, work: Path, size: Size, runs: int) -> dict[str, object]:
    figures: dict[str, object] = {}
    journal = open_journal(large)
    other = _another_person()
    print("search on FTS5, saving, export …", flush=True)
    figures["fts_keystroke_ms"] = data.fts_keystrokes(runs)
    figures["save_note_ms"] = data.add_notes(HEAVY_PERSON, runs * 4)
    export_times, export_bytes = data.export_json(max(runs // 2, 1))
    figures["export_json_ms"] = export_times
    figures["export_json_bytes"] = [export_bytes]
    exported = data.write_json(work / "export.json")
    markdown = work / "markdown"
    export_markdown(markdown)
    print("the window …", flush=True)
    app = window.application(work / "settings")
    main = window.open_window(app, journal)
    window.settle(app)
    painted, busy = window.search_keystrokes(app, main, runs)
    figures["search_keystroke_ms"] = painted
    figures["search_gui_busy_ms"] = busy
    figures["search_last_key_ms"] = window.search_last_key(app, main, runs)
    figures["search_names_ms"] = window.search_names(app, main, runs)
    figures["people_filter_keystroke_ms"] = window.filter_keystrokes(app, main, runs)
    figures["people_scroll_bottom_ms"] = [window.scroll_to_bottom(app, main) for _ in range(runs)]
    whole, pages = window.scroll_by_pages(app, main)
    figures["people_scroll_pages_ms"] = [whole]
    figures["people_scroll_page_ms"] = pages
    figures["open_person_ms"] = window.open_person(app, main, HEAVY_PERSON, other, runs)
    figures["save_note_composer_ms"] = window.save_through_composer(app, main, HEAVY_PERSON, runs)
    window.close(app, main)
    csv_path = journals.linkedin_csv(work / "Connections.csv", size.linkedin_rows)
    figures.update(measure_stalls(app, journal, work, csv_path, runs))
    journal.close()
    gc.collect()
    print("the command line …", flush=True)
    figures.update(command_line.measure(large, markdown, runs))
    print("JSON import …", flush=True)
    figures["import_json_ms"] = data.import_json(exported, work, 1)
    print("LinkedIn import …", flush=True)
    import_runs = max(runs // 2, 1)
    times, summary = data.import_linkedin(csv_path, work, import_runs)
    figures["import_linkedin_ms"] = times
    figures["import_linkedin_summary"] = summary
    return figures


def _another_person() -> int:
    """Someone other than the heavy person, to switch from before opening them."""
    return next((pid for pid, _ in people.person_names() if pid != HEAVY_PERSON), HEAVY_PERSON)
