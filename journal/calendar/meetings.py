"""Meetings as the journal sees them: on a day, with a person, and those still to write up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..models import Meeting
from ..reconnect import last_touches
from .matching import match, mentions_of
from .records import MeetingRecord, PersonMention

_COLUMNS = (
    Meeting.id,
    Meeting.calendar,
    Meeting.starts_at,
    Meeting.ends_at,
    Meeting.all_day,
    Meeting.summary,
    Meeting.organizer,
    Meeting.attendees,
)


@dataclass(frozen=True)
class WriteUp:
    """A meeting with a person that ended and has no note about them since it began."""

    meeting: MeetingRecord
    person: PersonMention


def _read(query: Any) -> list[MeetingRecord]:
    rows = list(query.order_by(Meeting.starts_at, Meeting.id))
    return match(rows)


def meetings_between(start: dt.datetime, end: dt.datetime) -> list[MeetingRecord]:
    """Meetings that overlap [start, end), with who they are with, earliest first."""
    query = Meeting.select(*_COLUMNS).where(Meeting.starts_at < end, Meeting.ends_at > start)
    return _read(query)


def meetings_on(day: dt.date) -> list[MeetingRecord]:
    start = dt.datetime.combine(day, dt.time())
    return [
        m
        for m in meetings_between(start, start + dt.timedelta(days=1))
        if not m.all_day or m.starts_at.date() <= day < m.ends_at.date()
    ]


def meetings_of(person_id: int) -> list[MeetingRecord]:
    """Every kept meeting with this person (past and upcoming), earliest first."""
    query = Meeting.select(*_COLUMNS).where(mentions_of(person_id))
    return [m for m in _read(query) if any(p.id == person_id for p in m.people)]


def to_write_up(now: dt.datetime) -> list[WriteUp]:
    """Meetings with people that ended today or yesterday with no note about them since they
    began, newest first. All-day events are not meetings to write up."""
    since = dt.datetime.combine(now.date() - dt.timedelta(days=1), dt.time())
    query = Meeting.select(*_COLUMNS).where(
        Meeting.ends_at >= since,
        Meeting.ends_at <= now,
        Meeting.all_day == False,  # noqa: E712
    )
    meetings = [m for m in _read(query) if m.people]
    touches = last_touches({p.id for m in meetings for p in m.people})
    found = [
        WriteUp(m, p)
        for m in meetings
        for p in m.people
        if (touch := touches.get(p.id)) is None or touch < m.starts_at
    ]
    found.sort(key=lambda w: (w.meeting.ends_at, w.person.name), reverse=True)
    return found
