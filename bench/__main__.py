"""`make bench`: measure what a person feels on a large journal, print a table, write JSON.

python -m bench [--tiny] [--runs N] [--out FILE] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from . import calendar_read, journals, report, startup
from .journals import FULL, RESULTS, TINY


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="a 50-person journal (for tests)")
    parser.add_argument("--runs", type=int, default=None, help="repeats per figure")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    parser.add_argument("--cache", type=Path, default=None, help="where generated journals live")
    return parser.parse_args()


def main() -> int:
    args = parse()
    runs = args.runs or (2 if args.tiny else 5)
    out = args.out or RESULTS / ("tiny.json" if args.tiny else "latest.json")
    began = time.perf_counter()
    results = {}
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as tmp:
        work = Path(tmp)
        cache = args.cache or (work / "cache" if args.tiny else RESULTS / "journals")
        linger = 500 if args.tiny else 3000
        writing = 2.0 if args.tiny else 30.0
        for size in journals.both(TINY if args.tiny else FULL):
            results[size.text] = measure_journal(
                size, cache, work / size.text, runs, linger, writing
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    everything = {"seconds": round(time.perf_counter() - began, 1), "journals": results}
    out.write_text(json.dumps(everything, indent=2) + "\n")
    for res in results.values():
        print(report.table(res) + "\n")
    print(f"written to {out} ({everything['seconds']:.0f} s)")
    return 0


def measure_journal(
    size: journals.Size, cache: Path, work: Path, runs: int, linger: int, writing: float
) -> dict[str, object]:
    """Every figure on the journal of `size` (generated once into `cache`), with its floors;
    then on a PostgreSQL copy of it, with writers at work for `writing` seconds."""
    began = time.perf_counter()
    work.mkdir(parents=True)
    source, made = journals.large_journal(size, cache)
    print(f"journal {size.key}: {'generated' if made else 'reused'} {source}", flush=True)
    large = journals.working_copy(source, work)
    empty = journals.empty_journal(work)
    figures: dict[str, object] = {}
    figures.update(measure_start_up(large, empty, work, runs, linger))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from .inside import measure_inside
    from .server_journal import measure_server

    figures.update(measure_inside(large, work, size, runs))
    print("calendar …", flush=True)
    figures.update(calendar_read.measure(work, runs))
    figures.update(measure_server(large, work, runs, writing))
    return report.result(size, figures, runs, time.perf_counter() - began)


def measure_start_up(
    large: Path, empty: Path, work: Path, runs: int, linger: int
) -> dict[str, object]:
    home = work / "home"
    home.mkdir()
    print("start-up …", flush=True)
    big = startup.start_up(startup.rapport_command(large), home, runs)
    blank = startup.start_up(startup.rapport_command(empty), home, runs)
    bare = startup.start_up(startup.bare_command(), home, runs)
    big_mem = startup.peak_memory(startup.rapport_command(large), home, linger)
    bare_mem = startup.peak_memory(startup.bare_command(), home, linger)
    return {
        "startup_large_ms": [r.seconds * 1000 for r in big],
        "startup_empty_ms": [r.seconds * 1000 for r in blank],
        "startup_bare_ms": [r.seconds * 1000 for r in bare],
        "memory_large_mb": [big_mem],
        "memory_bare_mb": [bare_mem],
        "memory_at_paint_large_mb": [r.max_rss_mb for r in big],
        "memory_at_paint_bare_mb": [r.max_rss_mb for r in bare],
    }


if __name__ == "__main__":
    raise SystemExit(main())
