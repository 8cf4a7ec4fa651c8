"""The benchmark's result: medians and percentiles against the targets, as JSON and a table."""

from __future__ import annotations

import os
import platform
import statistics
from typing import Any

from .journals import Size

# figure: (label, unit, target); a target that differs on the stress journal is in STRESS
FIGURES: dict[str, tuple[str, str, str]] = {
    "startup_large": (
        "Start-up to a painted window with Today filled, large journal",
        "ms",
        "≤ 600 and ≤ 2.5× bare",
    ),
    "startup_empty": ("Start-up to a painted window, empty journal", "ms", "≤ 2× bare"),
    "startup_bare": ("Start-up, bare PySide6 window (floor)", "ms", ""),
    "startup_ratio": ("Start-up, large ÷ bare", "×", "≤ 2.5"),
    "startup_empty_ratio": ("Start-up, empty ÷ bare", "×", "≤ 2"),
    "cli_search": ("`rapport search`, whole process", "ms", "≤ 150"),
    "cli_today": ("`rapport today`, whole process", "ms", "≤ 150"),
    "cli_note": ("`rapport note`, whole process", "ms", "≤ 150"),
    "cli_rg": ("ripgrep over the notes as Markdown files, whole process (floor)", "ms", ""),
    "search_p50": ("Search as you type, key → results painted, p50", "ms", ""),
    "search_p95": ("Search as you type, key → results painted, p95", "ms", "≤ 50"),
    "search_busy_p95": ("Search as you type, GUI thread busy per key, p95", "ms", ""),
    "search_last_key": ("Search typed fast: last key → results painted, p95", "ms", ""),
    "search_names_p95": ("Search for a name, key → names painted, p95", "ms", ""),
    "fts_p50": ("Raw FTS5 query, p50", "ms", ""),
    "fts_p95": ("Raw FTS5 query, p95 (floor)", "ms", ""),
    "search_ratio": ("Search p95 ÷ FTS5 p95", "×", ""),
    "people_filter_p50": ("People filter, per key, p50", "ms", ""),
    "people_filter_p95": ("People filter, per key, p95", "ms", "≤ 30"),
    "people_scroll_bottom": ("People: jump from top to bottom", "ms", ""),
    "people_scroll_pages": ("People: Page Down from top to bottom, whole way", "ms", ""),
    "people_scroll_page_p95": ("People: one Page Down, p95", "ms", ""),
    "open_person": ("Open a person with 500 notes", "ms", "≤ 80"),
    "save_note": ("Save a note (journal.notes.add_note)", "ms", ""),
    "save_note_composer": ("Save a note through the composer, shown", "ms", "≤ 20"),
    "import_json": ("Import the large journal from its JSON", "ms", "≤ 10000"),
    "import_linkedin": ("Import LinkedIn connections (10 000) into a new journal", "ms", "≤ 1000"),
    "export_json": ("Export the whole journal to JSON", "ms", "≤ 3000"),
    "calendar_parse": ("Read a calendar file of 10 000 events (parse only)", "ms", ""),
    "calendar_follow": ("Follow a calendar file of 10 000 events, new journal", "ms", "≤ 2000"),
    "import_stall": (
        "Longest GUI stall while importing LinkedIn rows in the window",
        "ms",
        "≤ 100",
    ),
    "export_stall": ("Longest GUI stall while exporting the large journal", "ms", "≤ 100"),
    "composer_key_during_import_p95": (
        "Composer keystroke while an import runs, p95",
        "ms",
        "≤ 100",
    ),
    "copy_to_server": (
        "Copy the journal to PostgreSQL (`rapport copy`: read, write, exports checked equal)",
        "ms",
        "≤ 16000",
    ),
    "copy_from_server": (
        "Copy it back to a new file (`rapport copy`: read, write, exports checked equal)",
        "ms",
        "≤ 16000",
    ),
    "server_search_p95": (
        "PostgreSQL copy: search as you type, key → results painted, p95",
        "ms",
        "≤ 50",
    ),
    "server_people_filter_p95": ("PostgreSQL copy: People filter, per key, p95", "ms", "≤ 30"),
    "writers_acknowledged": (
        "PostgreSQL copy, 5 processes adding notes at once: notes acknowledged",
        "notes",
        "= found",
    ),
    "writers_found": (
        "PostgreSQL copy, 5 processes adding notes at once: notes found after",
        "notes",
        "none lost, none twice",
    ),
    "memory_large": ("Peak memory, large journal open (Today read)", "MB", ""),
    "memory_bare": ("Peak memory, bare window", "MB", ""),
    "memory_extra": ("Peak memory above the bare window", "MB", "≤ 80"),
}
STRESS = {"search_p95": "", "search_last_key": "≤ 150"}
# the figures measured on a PostgreSQL copy: -1 (and the reason in raw) when no server answered
SERVER = (
    "copy_to_server",
    "copy_from_server",
    "server_search_p95",
    "server_people_filter_p95",
    "writers_acknowledged",
    "writers_found",
)
# what a figure of -1 means, in the table
MISSING = {"cli_rg": "no ripgrep", **{key: "no PostgreSQL server" for key in SERVER}}


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


def summarise(raw: dict[str, Any]) -> dict[str, float]:
    med = statistics.median
    s = {
        "cli_search": med(raw["cli_search_ms"]),
        "cli_today": med(raw["cli_today_ms"]),
        "cli_note": med(raw["cli_note_ms"]),
        "cli_rg": med(raw["cli_rg_ms"]) if raw["cli_rg_ms"] else -1.0,
        "import_json": med(raw["import_json_ms"]),
        "startup_large": med(raw["startup_large_ms"]),
        "startup_empty": med(raw["startup_empty_ms"]),
        "startup_bare": med(raw["startup_bare_ms"]),
        "search_p50": _p(raw["search_keystroke_ms"], 50),
        "search_p95": _p(raw["search_keystroke_ms"], 95),
        "search_busy_p95": _p(raw["search_gui_busy_ms"], 95),
        "search_last_key": _p(raw["search_last_key_ms"], 95),
        "search_names_p95": _p(raw["search_names_ms"], 95),
        "fts_p50": _p(raw["fts_keystroke_ms"], 50),
        "fts_p95": _p(raw["fts_keystroke_ms"], 95),
        "people_filter_p50": _p(raw["people_filter_keystroke_ms"], 50),
        "people_filter_p95": _p(raw["people_filter_keystroke_ms"], 95),
        "people_scroll_bottom": med(raw["people_scroll_bottom_ms"]),
        "people_scroll_pages": med(raw["people_scroll_pages_ms"]),
        "people_scroll_page_p95": _p(raw["people_scroll_page_ms"] or [0.0], 95),
        "open_person": med(raw["open_person_ms"]),
        "save_note": med(raw["save_note_ms"]),
        "save_note_composer": med(raw["save_note_composer_ms"]),
        "import_linkedin": med(raw["import_linkedin_ms"]),
        "export_json": med(raw["export_json_ms"]),
        "calendar_parse": med(raw["calendar_parse_ms"]),
        "calendar_follow": med(raw["calendar_follow_ms"]),
        "import_stall": max(raw["import_stall_ms"]),
        "export_stall": max(raw["export_stall_ms"]),
        "composer_key_during_import_p95": _p(raw["composer_key_during_import_ms"], 95),
        "memory_large": max(raw["memory_large_mb"]),
        "memory_bare": max(raw["memory_bare_mb"]),
    }
    s.update(_server_figures(raw))
    s["startup_ratio"] = s["startup_large"] / s["startup_bare"]
    s["startup_empty_ratio"] = s["startup_empty"] / s["startup_bare"]
    s["search_ratio"] = s["search_p95"] / max(s["fts_p95"], 1e-9)
    s["memory_extra"] = s["memory_large"] - s["memory_bare"]
    return s


def _server_figures(raw: dict[str, Any]) -> dict[str, float]:
    if "server_skipped" in raw:
        return dict.fromkeys(SERVER, -1.0)
    return {
        "copy_to_server": statistics.median(raw["copy_to_server_ms"]),
        "copy_from_server": statistics.median(raw["copy_from_server_ms"]),
        "server_search_p95": _p(raw["server_search_keystroke_ms"], 95),
        "server_people_filter_p95": _p(raw["server_people_filter_keystroke_ms"], 95),
        "writers_acknowledged": raw["writers_acknowledged"][0],
        "writers_found": raw["writers_found"][0],
    }


def _server_verdicts(s: dict[str, float], raw: dict[str, Any]) -> dict[str, bool]:
    if "server_skipped" in raw:
        return {}
    whole = s["writers_acknowledged"] == s["writers_found"] > 0
    none_lost = raw["writers_lost"] == [0] and raw["writers_twice"] == [0]
    return {
        "copy_to_server": s["copy_to_server"] <= 16_000,
        "copy_from_server": s["copy_from_server"] <= 16_000,
        "server_search_p95": s["server_search_p95"] <= 50,
        "server_people_filter_p95": s["server_people_filter_p95"] <= 30,
        "writers_acknowledged": whole,
        "writers_found": whole and none_lost,
    }


def verdicts(
    s: dict[str, float], text: str = "realistic", raw: dict[str, Any] | None = None
) -> dict[str, bool]:
    stress = text == "stress"
    return {
        **_server_verdicts(s, raw or {"server_skipped": "not measured"}),
        "startup_large": s["startup_large"] <= 600 and s["startup_ratio"] <= 2.5,
        "startup_empty": s["startup_empty_ratio"] <= 2,
        "startup_ratio": s["startup_ratio"] <= 2.5,
        "startup_empty_ratio": s["startup_empty_ratio"] <= 2,
        "cli_search": s["cli_search"] <= 150,
        "cli_today": s["cli_today"] <= 150,
        "cli_note": s["cli_note"] <= 150,
        **(
            {"search_last_key": s["search_last_key"] <= 150}
            if stress
            else {"search_p95": s["search_p95"] <= 50}
        ),
        "people_filter_p95": s["people_filter_p95"] <= 30,
        "open_person": s["open_person"] <= 80,
        "save_note_composer": s["save_note_composer"] <= 20,
        "import_json": s["import_json"] <= 10_000,
        "import_linkedin": s["import_linkedin"] <= 1000,
        "export_json": s["export_json"] <= 3000,
        "calendar_follow": s["calendar_follow"] <= 2000,
        "import_stall": s["import_stall"] <= 100,
        "export_stall": s["export_stall"] <= 100,
        "composer_key_during_import_p95": s["composer_key_during_import_p95"] <= 100,
        "memory_extra": s["memory_extra"] <= 80,
    }


def machine() -> dict[str, Any]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": pyside,
        "qpa": "offscreen",
        "load_average": [round(x, 2) for x in os.getloadavg()],  # others' work on the machine
    }


def result(size: Size, raw: dict[str, Any], runs: int, seconds: float) -> dict[str, Any]:
    summary = summarise(raw)
    return {
        "journal": size.as_dict(),
        "runs": runs,
        "seconds": round(seconds, 1),
        "machine": machine(),
        "figures": {k: round(v, 2) for k, v in summary.items()},
        "ok": verdicts(summary, size.text, raw),
        "targets": _targets(size.text),
        "raw": raw,
    }


def _targets(text: str) -> dict[str, str]:
    targets = {k: v[2] for k, v in FIGURES.items() if v[2]}
    return {**targets, **STRESS} if text == "stress" else targets


def table(res: dict[str, Any]) -> str:
    """A Markdown table: figure, value, target, and whether it holds; the machine under it."""
    m = res["machine"]
    size = res["journal"]
    lines = [
        f"**{size['text'].capitalize()} text.** "
        f"{size['people']:,} people, {size['notes']:,} notes, {size['decisions']:,} decisions, "
        f"{size['referrals']:,} referrals; median of {res['runs']} runs. {m['cpus']} × {m['cpu']}, "
        f"Python {m['python']}, Qt {m['qt']} (PySide6 {m['pyside6']}), QPA {m['qpa']}, "
        f"load average {' / '.join(map(str, m['load_average']))} at the end.",
        "",
        "| figure | measured | target | |",
        "| --- | ---: | --- | --- |",
    ]
    targets = res["targets"]
    for key, (label, unit, _) in FIGURES.items():
        value, target = res["figures"][key], targets.get(key, "")
        shown = f"{value:.2f} {unit}" if unit == "×" else f"{value:,.0f} {unit}"
        if value < 0:
            shown = f"— ({MISSING[key]})"
        verdict = res["ok"].get(key)
        mark = "" if verdict is None else ("✅" if verdict else "❌")
        lines.append(f"| {label} | {shown} | {target} | {mark} |")
    if skipped := res["raw"].get("server_skipped"):
        lines.append(f"\nThe PostgreSQL rows were skipped: {skipped}")
    return "\n".join(lines)
