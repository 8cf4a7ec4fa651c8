"""Reading a calendar file of 10 000 events: `python -m bench.calendar_read [--runs N]`.

Prints the median seconds to parse the file, and to follow it in a new journal (parse and
store its meetings); `make bench` reports the same figures. The events, shaped as Google
exports them, are one hour-long meeting every three hours over 3½ years around today, so
about 700 fall in the window kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from journal import open_journal
from journal.calendar import add_calendar, parse_calendar

EVENTS = 10_000


def calendar_text(today: dt.date, events: int = EVENTS) -> str:
    """A Google Calendar export: each event as Google writes it (tests/fixtures/calendars)."""
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:sam.seller@gmail.com",
        "X-WR-TIMEZONE:Europe/Berlin",
    ]
    first = dt.datetime.combine(today, dt.time(9)) - dt.timedelta(hours=3 * events // 2)
    seller = "sam.seller@gmail.com"
    for i in range(events):
        start = first + dt.timedelta(hours=3 * i)
        made = start - dt.timedelta(days=10)
        lines += [
            "BEGIN:VEVENT",
            f"DTSTART:{start:%Y%m%dT%H%M%S}Z",
            f"DTEND:{start + dt.timedelta(hours=1):%Y%m%dT%H%M%S}Z",
            f"DTSTAMP:{made:%Y%m%dT%H%M%S}Z",
            f"ORGANIZER;CN={seller}:mailto:{seller}",
            f"UID:busy{i:06d}k1l2m3n4o5p6q7r8s9@google.com",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Person",
            f"  {i % 400};X-NUM-GUESTS=0:mailto:p{i % 400}@example.com",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE",
            f" ;CN={seller};X-NUM-GUESTS=0:mailto:{seller}",
            f"CREATED:{made:%Y%m%dT%H%M%S}Z",
            "DESCRIPTION:Numbers for the quarter\\, the new oven and who signs. Join: https:/",
            " /meet.google.com/abc-defg-hij\\nOr dial: +49 30 1234567 PIN: 123456789#",
            f"LAST-MODIFIED:{made:%Y%m%dT%H%M%S}Z",
            "LOCATION:Whitfield Bakery\\, Hauptstr. 12\\, 10115 Berlin",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            f"SUMMARY:Meeting {i}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


def measure(work: Path, runs: int) -> dict[str, object]:
    """Seconds to parse the file and to follow it in a new journal, `runs` times each (ms)."""
    text = calendar_text(dt.date.today())
    path = work / "busy.ics"
    path.write_text(text, encoding="utf-8", newline="")
    parse_ms, follow_ms = [], []
    for run in range(runs):
        began = time.perf_counter()
        parsed = parse_calendar(text.encode())
        parse_ms.append((time.perf_counter() - began) * 1000)
        with open_journal(work / f"calendar-{run}.sqlite"):
            began = time.perf_counter()
            report = add_calendar(path)
            follow_ms.append((time.perf_counter() - began) * 1000)
    return {
        "calendar_parse_ms": parse_ms,
        "calendar_follow_ms": follow_ms,
        "calendar_summary": f"{EVENTS:,} events, {len(parsed.events)} in the window, "
        f"{report.meetings} meetings stored",
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calendar_read", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rapport-bench-calendar-") as tmp:
        figures = measure(Path(tmp), args.runs)
    print(f"{figures['calendar_summary']}; median of {args.runs} runs")
    for key in ("parse", "follow"):
        times: Any = figures[f"calendar_{key}_ms"]
        print(f"{key + ':':<8}{statistics.median(times) / 1000:.2f} s")
    print(f"load average {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
