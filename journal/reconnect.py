"""Last touch and keep-in-touch: when each person was last written about, and who is due.

A person's cadence is their own, else the shortest cadence among their tags. After a strong no,
reconnect suggestions for that person pause for the cool-down set in the preferences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import fn

from . import preferences
from .models import Decision, Note, Person, PersonTag, Tag, database

LastTouches = dict[int, dt.datetime]
_MANY = 900


def parse_datetime(value: object) -> dt.datetime | None:
    """A datetime from what SQLite returns for an aggregate (text) or a column (datetime)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _parse_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _for(query, column, person_ids: list[int] | None):  # type: ignore[no-untyped-def]
    """Narrow a per-person query to these ids when there are few (else fetch all, cheaper)."""
    if person_ids is not None and len(person_ids) <= _MANY:
        return query.where(column.in_(person_ids))
    return query


def last_touches(person_ids: Iterable[int] | None = None) -> LastTouches:
    """Latest live note per person, in one grouped query (all people when ids is None)."""
    ids = None if person_ids is None else list(person_ids)
    if ids == []:
        return {}
    query = (
        Note.select(Note.person, fn.MAX(Note.occurred_at))
        .where(Note.trashed_at.is_null())
        .group_by(Note.person)
    )
    rows = database.execute(_for(query, Note.person, ids)).fetchall()  # raw: 10 000 rows
    return {pid: parse_datetime(when) for pid, when in rows}


@dataclass(frozen=True)
class Schedule:
    """What decides when people are due: tag cadences, last touches, strong-no cool-downs."""

    touches: LastTouches = field(default_factory=dict)
    tag_cadence: dict[int, int] = field(default_factory=dict)
    paused_until: dict[int, dt.date] = field(default_factory=dict)

    def cadence(self, person_id: int, own: int | None) -> int | None:
        return own if own is not None else self.tag_cadence.get(person_id)

    def next_reconnect(
        self, person_id: int, own_cadence: int | None, created_at: object
    ) -> dt.date | None:
        """The day this person is due again; someone never written about is due from the start."""
        cadence = self.cadence(person_id, own_cadence)
        if cadence is None:
            return None
        touch = self.touches.get(person_id)
        if touch is None:
            due = (parse_datetime(created_at) or dt.datetime.now()).date()
        else:
            due = touch.date() + dt.timedelta(days=cadence)
        paused = self.paused_until.get(person_id)
        return max(due, paused) if paused else due


def schedule(person_ids: Iterable[int] | None = None) -> Schedule:
    """Load, in three queries, what `Schedule` needs for these people (or everyone)."""
    ids = None if person_ids is None else list(person_ids)
    if ids == []:
        return Schedule()
    return Schedule(last_touches(ids), _tag_cadences(ids), _pauses(ids))


def _tag_cadences(ids: list[int] | None) -> dict[int, int]:
    """The shortest cadence among each person's tags (people whose tags have none: absent)."""
    tag_query = (
        PersonTag.select(PersonTag.person, fn.MIN(Tag.cadence_days))
        .join(Tag)
        .where(Tag.cadence_days.is_null(False))
        .group_by(PersonTag.person)
    )
    return dict(database.execute(_for(tag_query, PersonTag.person, ids)))


def _pauses(ids: list[int] | None) -> dict[int, dt.date]:
    """Until when reconnect suggestions pause, for each person with a strong no."""
    paused: dict[int, dt.date] = {}
    cool_down = preferences.cool_down_days()
    if cool_down:
        no_query = (
            Decision.select(Decision.person, fn.MAX(Decision.decided_on))
            .where(Decision.outcome == "strong_no", Decision.trashed_at.is_null())
            .group_by(Decision.person)
        )
        for pid, day in database.execute(_for(no_query, Decision.person, ids)):
            paused[pid] = _parse_date(day) + dt.timedelta(days=cool_down)
    return paused


def due_people(
    today: dt.date, *, owner: str | None = None
) -> list[tuple[int, dt.datetime | None, dt.date]]:
    """(person id, last touch, due date) of every live person whose reconnect date has come;
    with `owner`, only of the people that name owns.

    Only the people with a cadence (their own or a tag's) have their last touch read, each with
    one step down the live-notes index: no pass over every note of the journal.
    """
    tag_cadence = _tag_cadences(None)
    last_touch = Note.select(fn.MAX(Note.occurred_at)).where(
        Note.person == Person.id, Note.trashed_at.is_null()
    )
    with_cadence = Person.cadence_days.is_null(False)
    if tag_cadence:
        with_cadence |= Person.id.in_(
            PersonTag.select(PersonTag.person).join(Tag).where(Tag.cadence_days.is_null(False))
        )
    query = Person.select(
        Person.id, Person.cadence_days, Person.created_at, last_touch.alias("touch")
    ).where(Person.trashed_at.is_null(), with_cadence)
    if owner is not None:
        query = query.where(Person.owner == owner)
    rows = database.execute(query).fetchall()
    plan = Schedule(
        {pid: parse_datetime(touch) for pid, _, _, touch in rows if touch is not None},
        tag_cadence,
        _pauses(None),
    )
    due = []
    for pid, cadence, created_at, _ in rows:
        when = plan.next_reconnect(pid, cadence, created_at)
        if when is not None and when <= today:
            due.append((pid, plan.touches.get(pid), when))
    due.sort(key=lambda row: (row[2], row[0]))
    return due
