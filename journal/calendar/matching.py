"""Who a meeting is with: attendees matched to people by email, then by exact name; a meeting with
no attendee matches a person whose full name is in its summary. The seller is never a person."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from peewee import ColumnBase, fn

from .. import dialect, preferences
from ..models import Meeting, Person
from .records import Attendee, MeetingRecord, PersonMention


def attendees_json(attendees: Iterable[Attendee]) -> str:
    return json.dumps([[a.email, a.name] for a in attendees], ensure_ascii=False)


def _attendees(text: str) -> tuple[Attendee, ...]:
    return tuple(Attendee(email, name) for email, name in json.loads(text or "[]"))


@dataclass(frozen=True)
class _Stored:
    """A meeting row as read, with who is on it besides the seller."""

    row: Any
    attendees: tuple[Attendee, ...]
    participants: tuple[Attendee, ...]


def _participants(row: Any, own: frozenset[str]) -> _Stored:
    attendees = _attendees(row.attendees)
    organizer = _attendees(row.organizer)
    seen = {a.email for a in attendees if a.email}
    everyone = attendees + tuple(o for o in organizer if not o.email or o.email not in seen)
    others = tuple(a for a in everyone if not (a.email and a.email in own))
    return _Stored(row, attendees, others)


def _full_name_in(name: str, summary: str) -> bool:
    if len(name.split()) < 2:  # a first name alone says too little ("Coffee with Sam")
        return False
    pattern = rf"(?<!\w){re.escape(name.casefold())}(?!\w)"
    return re.search(pattern, summary.casefold()) is not None


def _candidates(stored: Sequence[_Stored]) -> list[tuple[int, str, list[str]]]:
    """The live people who could be on these meetings, in one query."""
    emails = {a.email for s in stored for a in s.participants if a.email}
    names = {a.name for s in stored for a in s.participants if a.name}
    summaries = {s.row.summary for s in stored if not s.participants and s.row.summary}
    conditions: list[ColumnBase] = [Person.emails.contains(email) for email in emails]
    if names:
        conditions.append(dialect.in_nocase(Person.name, sorted(names)))
    conditions += [
        dialect.position(fn.lower(Person.name), fn.lower(summary)) > 0 for summary in summaries
    ]
    if not conditions:
        return []
    query = (
        Person.select(Person.id, Person.name, Person.emails)
        .where(Person.trashed_at.is_null(), reduce(or_, conditions))
        .order_by(Person.id)
    )
    return [(p.id, p.name, [e.lower() for e in p.emails]) for p in query]


def match(rows: Sequence[Any]) -> list[MeetingRecord]:
    """Meeting rows as records with the people they are with (a few queries in all)."""
    own = frozenset(preferences.own_emails())
    stored = [_participants(row, own) for row in rows]
    people = _candidates(stored)
    by_email: dict[str, PersonMention] = {}
    by_name: dict[str, list[PersonMention]] = {}
    for pid, name, emails in people:
        mention = PersonMention(pid, name)
        for email in emails:
            by_email.setdefault(email, mention)
        by_name.setdefault(name.strip().casefold(), []).append(mention)
    return [_record(s, by_email, by_name, people) for s in stored]


def _record(
    stored: _Stored,
    by_email: dict[str, PersonMention],
    by_name: dict[str, list[PersonMention]],
    people: list[tuple[int, str, list[str]]],
) -> MeetingRecord:
    found: list[PersonMention] = []
    strangers: list[Attendee] = []
    for attendee in stored.participants:
        person = by_email.get(attendee.email) if attendee.email else None
        if person is None and attendee.name:
            same_name = by_name.get(attendee.name.casefold(), [])
            person = same_name[0] if len(same_name) == 1 else None
        if person is None:
            strangers.append(attendee)
        elif person not in found:
            found.append(person)
    if not stored.participants:
        found = [
            PersonMention(pid, name)
            for pid, name, _ in people
            if _full_name_in(name, stored.row.summary)
        ]
    row = stored.row
    return MeetingRecord(
        id=row.id,
        calendar_id=row.calendar_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        all_day=bool(row.all_day),
        summary=row.summary,
        people=tuple(found),
        strangers=tuple(strangers),
        attendees=stored.attendees,
    )


def mentions_of(person_id: int) -> Any:
    """A condition on Meeting for rows that may be with this person (checked by `match`)."""
    person = Person.get_by_id(person_id)
    conditions = [
        Meeting.attendees.contains(e) | Meeting.organizer.contains(e) for e in person.emails
    ]
    name = person.name.strip()
    if name:
        conditions.append(Meeting.attendees.contains(name))
        conditions.append(dialect.position(fn.lower(name), fn.lower(Meeting.summary)) > 0)
    return reduce(or_, conditions)
