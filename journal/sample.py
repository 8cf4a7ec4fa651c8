"""The sample journal that `rapport --demo` opens: an independent bookkeeper and fractional CFO's
relationships with small business owners, moved in time so that it always looks current."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

from . import people
from .calendar import add_calendar
from .calendar.sample import sample_calendar
from .errors import JournalError
from .interchange import import_journal, load_json
from .storage import Journal, open_journal

SAMPLE_FILE = "sample_journal.json"
SAMPLE_CALENDAR = "sample-calendar.ics"
DAYS_SINCE_LATEST_NOTE = 2
DATE_KEYS = frozenset({"met_on", "decided_on", "revisit_on", "due_on", "on"})
DATETIME_KEYS = frozenset({"created_at", "occurred_at"})


def shift_dates(value: Any, offset: dt.timedelta) -> Any:
    """A copy of an interchange document (or any part of it) with every date moved by `offset`."""
    if isinstance(value, list):
        return [shift_dates(item, offset) for item in value]
    if not isinstance(value, dict):
        return value
    shifted: dict[str, Any] = {}
    for key, item in value.items():
        if key in DATE_KEYS and isinstance(item, str):
            item = (dt.date.fromisoformat(item) + offset).isoformat()
        elif key in DATETIME_KEYS and isinstance(item, str):
            item = (dt.datetime.fromisoformat(item) + offset).isoformat(timespec="seconds")
        else:
            item = shift_dates(item, offset)
        shifted[key] = item
    return shifted


def latest_note(data: dict[str, Any]) -> dt.datetime:
    """When the latest note of an interchange document happened."""
    return max(
        dt.datetime.fromisoformat(note["occurred_at"])
        for person in data["people"]
        for note in person.get("notes", [])
    )


def sample_data(today: dt.date | None = None) -> dict[str, Any]:
    """The sample journal as an interchange document, its latest note two days before `today`."""
    today = today or dt.date.today()
    text = resources.files("resources").joinpath(SAMPLE_FILE).read_text(encoding="utf-8")
    data = load_json(text)
    target = today - dt.timedelta(days=DAYS_SINCE_LATEST_NOTE)
    return shift_dates(data, target - latest_note(data).date())


def _noon(today: dt.date | None) -> dt.datetime | None:
    return None if today is None else dt.datetime.combine(today, dt.time(12))


def create_sample_journal(path: str | Path, *, today: dt.date | None = None) -> Journal:
    """Open a new journal at `path` holding the sample (refused if it already has people), and
    follow a sample calendar beside it with a few meetings around `today`."""
    journal = open_journal(path)
    try:
        if people.count_people(include_trashed=True):
            raise JournalError(f"{journal.path} already has people; the sample needs a new journal")
        import_journal(sample_data(today))
        calendar_file = journal.path.parent / SAMPLE_CALENDAR
        calendar_file.write_bytes(sample_calendar(today))
        add_calendar(calendar_file, at=_noon(today))
    except BaseException:
        journal.close()
        raise
    return journal
