"""Last touch and keep-in-touch: when each person was last written about, and who is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import fn

from .models import Note, Person

LastTouches = dict[int, dt.datetime]


def parse_datetime(value: object) -> dt.datetime | None:
    """A datetime from what SQLite returns for an aggregate (text) or a column (datetime)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def last_touches(person_ids: Iterable[int] | None = None) -> LastTouches:
    """Latest live note per person, in one grouped query (all people when ids is None)."""
    query = (
        Note.select(Note.person, fn.MAX(Note.occurred_at))
        .where(Note.trashed_at.is_null())
        .group_by(Note.person)
    )
    if person_ids is not None:
        ids = list(person_ids)
        if not ids:
            return {}
        if len(ids) <= 900:
            query = query.where(Note.person.in_(ids))
    return {pid: parse_datetime(when) for pid, when in query.tuples()}


def next_reconnect(
    cadence_days: int | None, last_touch: dt.datetime | None, created_at: dt.datetime | None
) -> dt.date | None:
    """The day this person is due again; a person never written about is due from the start."""
    if cadence_days is None:
        return None
    if last_touch is None:
        return (created_at or dt.datetime.now()).date()
    return last_touch.date() + dt.timedelta(days=cadence_days)


def due_people(today: dt.date) -> list[tuple[int, dt.datetime | None, dt.date]]:
    """(person id, last touch, due date) of every live person whose reconnect date has come."""
    query = Person.select(Person.id, Person.cadence_days, Person.created_at).where(
        Person.cadence_days.is_null(False), Person.trashed_at.is_null()
    )
    rows = list(query.tuples())
    touches = last_touches(pid for pid, _, _ in rows)
    due = []
    for pid, cadence, created_at in rows:
        when = next_reconnect(cadence, touches.get(pid), parse_datetime(created_at))
        if when is not None and when <= today:
            due.append((pid, touches.get(pid), when))
    due.sort(key=lambda row: (row[2], row[0]))
    return due
