"""Followed calendars: a file's path is remembered and its events kept in the journal; reading
it again replaces them in one transaction. A file that cannot be read keeps its last events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import fn

from .. import bulk, preferences
from ..changes import record
from ..errors import NotFound
from ..models import Calendar, Meeting, now
from ..models import database as db
from .matching import attendees_json
from .parse import WINDOW_AHEAD_DAYS, WINDOW_PAST_DAYS, CalendarError, read_calendar_file
from .records import CalendarFile, CalendarRecord


@dataclass(frozen=True)
class ReadReport:
    """What reading a calendar did, in words fit to show."""

    calendar: CalendarRecord
    meetings: int
    total_events: int
    unknown_zones: frozenset[str] = frozenset()
    own_email_guessed: str = ""

    def summary(self) -> str:
        window = f"from {WINDOW_PAST_DAYS} days ago to {WINDOW_AHEAD_DAYS} days ahead"
        text = f"{self.calendar.name}: {self.meetings} meetings {window}"
        if self.total_events:
            text += f" ({self.total_events} events in the file)"
        if self.unknown_zones:
            zones = ", ".join(sorted(self.unknown_zones))
            text += f"; unknown time zone {zones}: those times are read as local time"
        if self.own_email_guessed:
            text += (
                f"; {self.own_email_guessed} looks like your own address: it is never a person "
                "(change it in Preferences)"
            )
        return text


def _record(calendar: Calendar, meetings: int | None = None) -> CalendarRecord:
    if meetings is None:
        meetings = Meeting.select().where(Meeting.calendar == calendar.id).count()
    return CalendarRecord(
        calendar.id,
        calendar.path,
        calendar.name,
        calendar.owner_email,
        calendar.read_at,
        calendar.last_error,
        meetings,
    )


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _unique_name(name: str, calendar_id: int | None = None) -> str:
    others: Any = Calendar.select(Calendar.name).where(Calendar.id != (calendar_id or 0))
    taken = {name.casefold() for (name,) in others.tuples()}
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _replace_meetings(calendar_id: int, parsed: CalendarFile) -> None:
    Meeting.delete().where(Meeting.calendar == calendar_id).execute()
    rows = [
        {
            "calendar": calendar_id,
            "uid": e.uid,
            "recurrence_id": e.recurrence_id,
            "starts_at": e.starts_at,
            "ends_at": e.ends_at,
            "all_day": e.all_day,
            "summary": e.summary,
            "organizer": attendees_json([e.organizer] if e.organizer else []),
            "attendees": attendees_json(e.attendees),
        }
        for e in parsed.events
    ]
    bulk.insert(Meeting, rows)


def _guess_own_email(parsed: CalendarFile) -> str:
    """Remember the calendar's owner as the seller's own address (once, when it is added)."""
    known = preferences.own_emails()
    if not parsed.owner_email or parsed.owner_email in known:
        return ""
    preferences.set_own_emails([*known, parsed.owner_email])
    return parsed.owner_email


def add_calendar(path: str | Path, *, at: dt.datetime | None = None) -> ReadReport:
    """Follow the calendar file at `path` (read again if it is followed already).

    The file is read before anything is written: a file that cannot be read adds nothing.
    """
    path = Path(path).expanduser().absolute()
    existing = Calendar.get_or_none(Calendar.path == str(path))
    if existing is not None:
        return refresh_calendar(existing.id, at=at)
    parsed = read_calendar_file(path, now=at)
    with db.atomic():
        calendar = Calendar.create(
            path=str(path),
            name=_unique_name(parsed.name if parsed.name != "Calendar" else path.stem),
            owner_email=parsed.owner_email,
            read_at=now(),
            file_mtime=_mtime(path),
            last_error="",
        )
        _replace_meetings(calendar.id, parsed)
        guessed = _guess_own_email(parsed)
        record("meeting")
    return ReadReport(
        _record(calendar, len(parsed.events)),
        len(parsed.events),
        parsed.total_events,
        parsed.unknown_zones,
        guessed,
    )


def refresh_calendar(calendar_id: int, *, at: dt.datetime | None = None) -> ReadReport:
    """Read a followed calendar again; its events are replaced, all or nothing.

    A file that is gone or unreadable raises CalendarError and keeps the events read last time;
    the error is remembered (`last_error`).
    """
    calendar = _get(calendar_id)
    path = Path(calendar.path)
    try:
        parsed = read_calendar_file(path, now=at)
    except CalendarError as exc:
        _remember_error(calendar.id, str(exc))
        raise
    with db.atomic():
        _replace_meetings(calendar.id, parsed)
        Calendar.update(
            read_at=now(), file_mtime=_mtime(path), last_error="", owner_email=parsed.owner_email
        ).where(Calendar.id == calendar.id).execute()
        record("meeting")
    return ReadReport(
        _record(_get(calendar.id), len(parsed.events)),
        len(parsed.events),
        parsed.total_events,
        parsed.unknown_zones,
    )


def _remember_error(calendar_id: int, message: str) -> None:
    with db.atomic():
        Calendar.update(last_error=message).where(Calendar.id == calendar_id).execute()
        record("meeting")


def refresh_calendars(*, at: dt.datetime | None = None, changed_only: bool = False) -> list[str]:
    """Read every followed calendar again (with `changed_only`, those whose file changed or that
    were read on another day). Returns the problems to tell: each only when it is new, so a file
    that disappeared is reported once, not on every start."""
    problems = []
    today = (at or dt.datetime.now()).date()
    for calendar in Calendar.select().order_by(Calendar.id):
        path = Path(calendar.path)
        if changed_only and not calendar.last_error:
            fresh = calendar.read_at is not None and calendar.read_at.date() == today
            if fresh and _mtime(path) == calendar.file_mtime:
                continue
        try:
            refresh_calendar(calendar.id, at=at)
        except CalendarError as exc:
            if str(exc) != calendar.last_error:
                problems.append(f"Calendar {calendar.name}: {exc}")
    return problems


def list_calendars() -> list[CalendarRecord]:
    per_calendar: Any = Meeting.select(Meeting.calendar, fn.COUNT(Meeting.id))
    counts: dict[int, int] = dict(per_calendar.group_by(Meeting.calendar).tuples())
    return [_record(c, counts.get(c.id, 0)) for c in Calendar.select().order_by(Calendar.name)]


def find_calendar(name_or_id: str | int) -> CalendarRecord:
    """A followed calendar by id, name (any case) or path."""
    text = str(name_or_id).strip()
    found = None
    if text.isdigit():
        found = Calendar.get_or_none(Calendar.id == int(text))
    if found is None:
        found = Calendar.get_or_none(fn.lower(Calendar.name) == text.lower())
    if found is None:
        found = Calendar.get_or_none(Calendar.path == str(Path(text).expanduser().absolute()))
    if found is None:
        raise NotFound(f"no followed calendar named {text!r} (rapport calendar list shows them)")
    return _record(found)


def remove_calendar(name_or_id: str | int) -> CalendarRecord:
    """Stop following a calendar; its meetings leave the journal (the file is not touched)."""
    calendar = find_calendar(name_or_id)
    with db.atomic():
        Calendar.delete().where(Calendar.id == calendar.id).execute()
        record("meeting")
    return calendar


def _get(calendar_id: int) -> Calendar:
    calendar = Calendar.get_or_none(Calendar.id == calendar_id)
    if calendar is None:
        raise NotFound(f"no followed calendar with id {calendar_id}")
    return calendar
