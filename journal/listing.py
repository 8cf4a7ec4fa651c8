"""The list of people as the People page shows it: filtered ids first, rows fetched on demand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from . import dialect, reconnect, tags
from .models import Person, PersonTag, Tag, database
from .records import PersonRow

SORT_KEYS = ("name", "company", "last_touch", "next_reconnect", "fit", "focus")


@dataclass(frozen=True)
class PeopleFilter:
    """What narrows the list: typed text (name, company or tag) and the quick filters."""

    text: str = ""
    focus: bool = False
    due: bool = False
    good_fit: bool = False
    tag: str | None = None
    trashed: bool = False
    owner: str | None = None  # only the people this name owns ('' = nobody's); None = everyone's


@dataclass(frozen=True)
class Roster:
    """Everyone a filter passes but for its text, in display order, each with the text typing is
    matched against (name, company and tags, case-folded): typing narrows it with no read."""

    ids: tuple[int, ...]
    haystacks: tuple[str, ...]

    def matching(self, text: str) -> list[int]:
        """The ids whose name, company or one of whose tags contains `text` (any case)."""
        needle = text.strip().casefold()
        if not needle:
            return list(self.ids)
        return [pid for pid, hay in zip(self.ids, self.haystacks, strict=True) if needle in hay]


def person_ids(
    where: PeopleFilter = PeopleFilter(),
    *,
    sort: str = "name",
    descending: bool = False,
    today: dt.date | None = None,
) -> list[int]:
    """Ids of the people that pass the filter, in the order asked for."""
    if where.text.strip():
        return roster(where, sort=sort, descending=descending, today=today).matching(where.text)
    return [r[0] for r in _ordered_rows(where, sort, descending, today)]


def roster(
    where: PeopleFilter = PeopleFilter(),
    *,
    sort: str = "name",
    descending: bool = False,
    today: dt.date | None = None,
) -> Roster:
    """The people passing `where` but for its text, in order, ready to be matched as typed."""
    rows = _ordered_rows(where, sort, descending, today)
    tag_names: dict[int, list[str]] = {}
    for pid, name in database.execute(PersonTag.select(PersonTag.person, Tag.name).join(Tag)):
        tag_names.setdefault(pid, []).append(name)
    sep = "\x1f"  # no typed text holds it, so a match never spans two fields
    haystacks = tuple(sep.join((r[1], r[2], *tag_names.get(r[0], ()))).casefold() for r in rows)
    return Roster(tuple(r[0] for r in rows), haystacks)


def _ordered_rows(
    where: PeopleFilter, sort: str, descending: bool, today: dt.date | None
) -> list[tuple]:
    """(id, name, company, fit, focus, cadence, created) of everyone passing `where` but for its
    text, in the order asked for."""
    today = today or dt.date.today()
    query = Person.select(
        Person.id,
        Person.name,
        Person.company,
        Person.fit,
        Person.focus,
        Person.cadence_days,
        Person.created_at,
    )
    query = query.where(Person.trashed_at.is_null(not where.trashed))
    if where.focus:
        query = query.where(Person.focus == True)  # noqa: E712 - peewee expression
    if where.good_fit:
        query = query.where(Person.fit == "good")
    if where.owner is not None:
        query = query.where(Person.owner == where.owner)
    if where.tag:
        tagged = (
            PersonTag.select(PersonTag.person)
            .join(Tag)
            .where(dialect.equal_nocase(Tag.name, where.tag))
        )
        query = query.where(Person.id.in_(tagged))
    rows = database.execute(query).fetchall()  # raw rows: 10 000 people, no per-row field decoding
    needs_schedule = where.due or sort in ("last_touch", "next_reconnect")
    plan = reconnect.schedule() if needs_schedule else reconnect.Schedule()
    touches = plan.touches

    def due_on(row: tuple) -> dt.date | None:
        pid, _, _, _, _, cadence, created = row
        return plan.next_reconnect(pid, cadence, created)

    if where.due:
        rows = [r for r in rows if (d := due_on(r)) is not None and d <= today]
    keys = {
        "name": lambda r: r[1].casefold(),
        "company": lambda r: (r[2].casefold(), r[1].casefold()),
        "fit": lambda r: (
            ("good", "unknown", "poor").index(r[3]) if r[3] in ("good", "unknown", "poor") else 3,
            r[1].casefold(),
        ),
        "focus": lambda r: (not r[4], r[1].casefold()),
        "last_touch": lambda r: _nones_last(touches.get(r[0]), descending),
        "next_reconnect": lambda r: _nones_last(due_on(r), descending),
    }
    rows.sort(key=keys.get(sort, keys["name"]), reverse=descending)
    return rows


def _nones_last(value: object, descending: bool) -> tuple[bool, object]:
    missing = value is None
    return (not missing if descending else missing, value or "")


def person_rows(ids: Sequence[int]) -> list[PersonRow]:
    """The rows for these ids, in the same order, in a fixed number of queries."""
    wanted = list(ids)
    query = Person.select(
        Person.id,
        Person.name,
        Person.company,
        Person.role,
        Person.fit,
        Person.focus,
        Person.cadence_days,
        Person.created_at,
        Person.trashed_at,
        Person.owner,
    ).where(Person.id.in_(wanted))
    people = {row[0]: row for row in database.execute(query)}  # raw rows: no model objects
    plan = reconnect.schedule(wanted)
    tag_map = tags.tags_of(people)
    rows = []
    for pid in wanted:
        if pid not in people:
            continue
        _, name, company, role, fit, focus, cadence, created_at, trashed_at, owner = people[pid]
        rows.append(
            PersonRow(
                id=pid,
                name=name,
                company=company,
                role=role,
                fit=fit,
                focus=bool(focus),
                cadence_days=plan.cadence(pid, cadence),
                last_touch=plan.touches.get(pid),
                next_reconnect=plan.next_reconnect(pid, cadence, created_at),
                tags=tag_map.get(pid, ()),
                trashed=trashed_at is not None,
                owner=owner,
            )
        )
    return rows
