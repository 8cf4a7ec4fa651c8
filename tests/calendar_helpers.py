"""Helpers for calendar tests: a fixed local time zone, and .ics files written around a day."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "calendars"
# The fixture files' events sit around this moment (a Wednesday).
NOW = dt.datetime(2026, 6, 10, 8, 0)


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """Run with the process's local time zone set to `name` (times are read into local time)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def event(
    uid: str,
    start: dt.datetime,
    minutes: int,
    summary: str,
    attendees: tuple[tuple[str, str], ...] = (),
) -> str:
    """A Google-shaped VEVENT in UTC-free floating time; attendees as (name, email)."""
    lines = [
        "BEGIN:VEVENT",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"DTEND:{start + dt.timedelta(minutes=minutes):%Y%m%dT%H%M%S}",
        "DTSTAMP:20260101T000000Z",
        f"UID:{uid}",
        *(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN={name}:mailto:{email}"
            for name, email in attendees
        ),
        f"SUMMARY:{summary}",
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def write_ics(path: Path, *events: str, name: str = "Work") -> Path:
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            f"X-WR-CALNAME:{name}",
            *events,
            "END:VCALENDAR",
            "",
        ]
    )
    path.write_text(text, encoding="utf-8", newline="")
    return path
