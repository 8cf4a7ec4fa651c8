"""Reading a calendar file of 10 000 events: `python -m bench.calendar_read [--runs N]`.

Prints the median seconds to parse the file, and to follow it in a new journal (parse and
store its meetings). The events are one an hour-long meeting every three hours over 3½ years
around today, so about 700 fall in the window Rapport keeps.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from journal import open_journal
from journal.calendar import add_calendar, parse_calendar

EVENTS = 10_000


def calendar_text(today: dt.date, events: int = EVENTS) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "X-WR-CALNAME:Busy",
        "X-WR-TIMEZONE:Europe/Berlin",
    ]
    first = dt.datetime.combine(today, dt.time(9)) - dt.timedelta(hours=3 * events // 2)
    for i in range(events):
        start = first + dt.timedelta(hours=3 * i)
        lines += [
            "BEGIN:VEVENT",
            f"DTSTART:{start:%Y%m%dT%H%M%S}Z",
            f"DTEND:{start + dt.timedelta(hours=1):%Y%m%dT%H%M%S}Z",
            "DTSTAMP:20260101T000000Z",
            f"UID:busy-{i}@google.com",
            f"ATTENDEE;CN=Person {i % 400};PARTSTAT=ACCEPTED:mailto:p{i % 400}@example.com",
            f"SUMMARY:Meeting {i}",
            "END:VEVENT",
        ]
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calendar_read", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = calendar_text(dt.date.today())
    parse_times, follow_times = [], []
    with tempfile.TemporaryDirectory(prefix="rapport-bench-calendar-") as tmp:
        path = Path(tmp) / "busy.ics"
        path.write_text(text, encoding="utf-8", newline="")
        for run in range(args.runs):
            began = time.perf_counter()
            parsed = parse_calendar(text.encode())
            parse_times.append(time.perf_counter() - began)
            with open_journal(Path(tmp) / f"j{run}.sqlite"):
                began = time.perf_counter()
                report = add_calendar(path)
                follow_times.append(time.perf_counter() - began)
    print(f"{EVENTS:,} events, {len(parsed.events)} in the window; median of {args.runs} runs")
    print(f"parse:  {statistics.median(parse_times):.2f} s")
    print(f"follow: {statistics.median(follow_times):.2f} s ({report.meetings} meetings stored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
