"""Batch reads for exports: every live person's records in one query per kind of record."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .. import decisions, listing, people
from ..followups import as_record
from ..goals import GOALS
from ..models import Decision, FollowUp, Goal, Note, Pain, Person
from ..notes import _record as note_record
from ..pains import PAINS
from ..records import (
    DecisionRecord,
    FollowUpRecord,
    GoalRecord,
    NoteRecord,
    PainRecord,
    PersonRecord,
    PersonRow,
)

Grouped = dict[int, list[Any]]


def live_people() -> list[PersonRecord]:
    """Every person not in the trash, by name."""
    return people.get_people(listing.person_ids())


def rows_of(person_ids: Iterable[int]) -> dict[int, PersonRow]:
    """Each person's list row (last touch, next reconnect), by id."""
    return {row.id: row for row in listing.person_rows(list(person_ids))}


def _live(model: Any) -> Any:
    return (
        model.select().join(Person).where(model.trashed_at.is_null(), Person.trashed_at.is_null())
    )


def _group(records: Iterable[Any]) -> Grouped:
    grouped: Grouped = defaultdict(list)
    for record in records:
        grouped[record.person_id].append(record)
    return grouped


def goals_by_person(status: str | None = "open") -> dict[int, list[GoalRecord]]:
    """Goals of live people (open ones unless told otherwise), oldest first."""
    query = _live(Goal).order_by(Goal.created_at, Goal.id)
    if status is not None:
        query = query.where(Goal.status == status)
    return _group(GOALS.record(row) for row in query)


def pains_by_person(status: str | None = "open") -> dict[int, list[PainRecord]]:
    """Pains of live people (open ones unless told otherwise), oldest first."""
    query = _live(Pain).order_by(Pain.created_at, Pain.id)
    if status is not None:
        query = query.where(Pain.status == status)
    return _group(PAINS.record(row) for row in query)


def decisions_by_person() -> dict[int, list[DecisionRecord]]:
    """Live decisions of live people with their objections, newest first."""
    query = decisions._with_names(Decision.select().where(Decision.trashed_at.is_null()))
    query = query.where(Person.trashed_at.is_null())
    query = query.order_by(Decision.decided_on.desc(), Decision.id.desc())
    return _group(decisions._records(list(query)))


def notes_by_person() -> dict[int, list[NoteRecord]]:
    """Live notes of live people, newest first."""
    query = _live(Note).order_by(Note.occurred_at.desc(), Note.id.desc())
    return _group(note_record(n) for n in query)


def follow_ups_by_person(include_done: bool = False) -> dict[int, list[FollowUpRecord]]:
    """Follow-ups of live people (open ones unless told otherwise), soonest first."""
    query = (
        FollowUp.select(FollowUp, Person.name.alias("person_name"))
        .join(Person)
        .where(FollowUp.trashed_at.is_null(), Person.trashed_at.is_null())
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    if not include_done:
        query = query.where(FollowUp.done == False)  # noqa: E712 - peewee expression
    rows: Iterable[Any] = query.objects()  # FollowUps with the person's name as person_name
    return _group(as_record(f, f.person_name) for f in rows)
