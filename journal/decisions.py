"""Decisions on offers (yes, strong no, weak no, undecided), their objections and lessons."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from . import search
from . import validate as v
from .errors import JournalError
from .models import OUTCOMES, Decision, Objection, Person, fetch, now
from .models import database as db
from .records import DecisionRecord, ObjectionRecord

OUTCOME_LABELS = {
    "yes": "Yes",
    "strong_no": "Strong no",
    "weak_no": "Weak no",
    "undecided": "Undecided",
}


def _objections_of(decision_ids: Iterable[int]) -> dict[int, tuple[ObjectionRecord, ...]]:
    result: dict[int, list[ObjectionRecord]] = defaultdict(list)
    ids = list(decision_ids)
    for start in range(0, len(ids), 500):
        query = (
            Objection.select()
            .where(Objection.decision.in_(ids[start : start + 500]))
            .order_by(Objection.id)
        )
        for o in query:
            result[o.decision_id].append(
                ObjectionRecord(o.id, o.decision_id, o.text, bool(o.addressed))
            )
    return {k: tuple(val) for k, val in result.items()}


def _records(rows: list[Decision]) -> list[DecisionRecord]:
    objections = _objections_of(d.id for d in rows)
    return [
        DecisionRecord(
            id=d.id,
            person_id=d.person_id,
            offer=d.offer,
            outcome=d.outcome,
            decided_on=d.decided_on,
            reason=d.reason,
            lesson=d.lesson,
            revisit_on=d.revisit_on,
            objections=objections.get(d.id, ()),
            person_name=getattr(d, "person_name", ""),
            trashed_at=d.trashed_at,
        )
        for d in rows
    ]


def _with_names(query: Any) -> Any:
    return query.select_extend(Person.name.alias("person_name")).join(Person).objects()


def get_decision(decision_id: int) -> DecisionRecord:
    fetch(Decision, decision_id)
    return _records(list(_with_names(Decision.select().where(Decision.id == decision_id))))[0]


def _clean(field: str, value: Any) -> Any:
    if field == "offer":
        return v.text(value, "offer", required=True)
    if field == "outcome":
        return v.choice(value, OUTCOMES, "outcome")
    if field == "decided_on":
        return v.date(value, "decided_on", required=True)
    if field in ("reason", "lesson"):
        return v.text(value, field)
    if field == "revisit_on":
        return v.date(value, "revisit_on")
    raise JournalError(f"{field}: not a field of a decision")


@db.atomic()
def record_decision(
    person_id: int,
    offer: str,
    outcome: str,
    *,
    decided_on: Any = None,
    reason: str = "",
    lesson: str = "",
    revisit_on: Any = None,
    objections: Iterable[str] = (),
) -> DecisionRecord:
    """Record what a person decided about an offer, with any objections they raised."""
    fetch(Person, person_id)
    decision = Decision.create(
        person=person_id,
        offer=_clean("offer", offer),
        outcome=_clean("outcome", outcome),
        decided_on=dt.date.today() if decided_on is None else _clean("decided_on", decided_on),
        reason=_clean("reason", reason),
        lesson=_clean("lesson", lesson),
        revisit_on=_clean("revisit_on", revisit_on),
    )
    for i, text in enumerate(objections):
        Objection.create(decision=decision, text=v.text(text, f"objections[{i}]", required=True))
    search.index_decision(decision.id)
    return get_decision(decision.id)


@db.atomic()
def update_decision(decision_id: int, **changes: Any) -> DecisionRecord:
    """Change an offer, outcome, dates, reason or lesson (a revisit often changes the outcome)."""
    fetch(Decision, decision_id)
    values = {f: _clean(f, x) for f, x in changes.items()}
    Decision.update(**values, updated_at=now()).where(Decision.id == decision_id).execute()
    search.index_decision(decision_id)
    return get_decision(decision_id)


@db.atomic()
def add_objection(decision_id: int, text: str) -> DecisionRecord:
    fetch(Decision, decision_id)
    Objection.create(decision=decision_id, text=v.text(text, "objection", required=True))
    search.index_decision(decision_id)
    return get_decision(decision_id)


@db.atomic()
def update_objection(
    objection_id: int, *, text: str | None = None, addressed: bool | None = None
) -> DecisionRecord:
    """Reword an objection or tick it as addressed."""
    objection = fetch(Objection, objection_id)
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = v.text(text, "objection", required=True)
    if addressed is not None:
        values["addressed"] = v.flag(addressed, "addressed")
    if values:
        Objection.update(**values).where(Objection.id == objection_id).execute()
    search.index_decision(objection.decision_id)
    return get_decision(objection.decision_id)


@db.atomic()
def delete_objection(objection_id: int) -> DecisionRecord:
    objection = fetch(Objection, objection_id)
    Objection.delete().where(Objection.id == objection_id).execute()
    search.drop_objection(objection_id)
    return get_decision(objection.decision_id)


@db.atomic()
def trash_decision(decision_id: int) -> DecisionRecord:
    fetch(Decision, decision_id)
    Decision.update(trashed_at=now()).where(Decision.id == decision_id).execute()
    search.index_decision(decision_id)
    return get_decision(decision_id)


@db.atomic()
def restore_decision(decision_id: int) -> DecisionRecord:
    fetch(Decision, decision_id)
    Decision.update(trashed_at=None).where(Decision.id == decision_id).execute()
    search.index_decision(decision_id)
    return get_decision(decision_id)


def decisions_by_id(decision_ids: Iterable[int]) -> list[DecisionRecord]:
    """These decisions (with person names and objections), in no particular order."""
    ids = list(decision_ids)
    if not ids:
        return []
    return _records(list(_with_names(Decision.select().where(Decision.id.in_(ids)))))


def decisions_of(person_id: int) -> list[DecisionRecord]:
    """A person's live decisions, newest first."""
    query = (
        Decision.select()
        .where(Decision.person == person_id, Decision.trashed_at.is_null())
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )
    return _records(list(_with_names(query)))


def all_decisions(outcomes: Iterable[str] | None = None) -> list[DecisionRecord]:
    """Every live decision of a live person: unfinished ones (weak no, undecided) first."""
    unfinished_first = Decision.outcome.in_(["weak_no", "undecided"]).desc()
    query = Decision.select().where(Decision.trashed_at.is_null())
    if outcomes is not None:
        query = query.where(Decision.outcome.in_(list(outcomes)))
    query = _with_names(query).where(Person.trashed_at.is_null())
    query = query.order_by(unfinished_first, Decision.decided_on.desc(), Decision.id.desc())
    return _records(list(query))
