"""Plain copies of what calendars hold: events read from a file, followed calendars, meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attendee:
    """Someone on an event: an email address (lower case) and a name; either may be empty."""

    email: str
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence of an event, its times in local time (no time zone)."""

    uid: str
    recurrence_id: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    summary: str
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()


@dataclass(frozen=True)
class CalendarFile:
    """What a calendar file holds within the window that was read."""

    name: str
    owner_email: str
    events: list[CalendarEvent]
    unknown_zones: frozenset[str] = frozenset()
    total_events: int = 0  # events in the file, before the window


@dataclass(frozen=True)
class CalendarRecord:
    id: int
    path: str
    name: str
    owner_email: str
    read_at: dt.datetime | None
    last_error: str
    meetings: int = 0


@dataclass(frozen=True)
class PersonMention:
    """A person in the journal who is on a meeting."""

    id: int
    name: str


@dataclass(frozen=True)
class MeetingRecord:
    """A stored meeting with who it is with: people in the journal, and attendees who are not."""

    id: int
    calendar_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    summary: str
    people: tuple[PersonMention, ...] = ()
    strangers: tuple[Attendee, ...] = ()
    attendees: tuple[Attendee, ...] = field(default=(), compare=False)

    def time_label(self) -> str:
        if self.all_day:
            return "all day"
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
