"""Decisions on offers (yes, strong no, weak no, undecided), their objections and lessons."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from . import search
from . import validate as v
from .changes import record
from .errors import JournalError
from .models import OUTCOMES, Decision, Objection, Person, fetch, now
from .records import AFTER_A_NO, DecisionRecord, ObjectionRecord
from .themes import caveat_in, check_theme, suggest_theme
from .writing import writes

ANSWER_FIELDS = tuple(name for name, _ in AFTER_A_NO)
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
            .where(Objection.decision.in_(ids[start : start + 500]), Objection.trashed_at.is_null())
            .order_by(Objection.id)
        )
        for o in query:
            result[o.decision_id].append(
                ObjectionRecord(
                    o.id, o.decision_id, o.text, bool(o.addressed), o.theme, author=o.author
                )
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
            better_solution=d.better_solution,
            better_fit=d.better_fit,
            expected=d.expected,
            objections=objections.get(d.id, ()),
            person_name=getattr(d, "person_name", ""),
            trashed_at=d.trashed_at,
            author=d.author,
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
    if field in ("reason", "lesson", *ANSWER_FIELDS):
        return v.text(value, field)
    if field == "revisit_on":
        return v.date(value, "revisit_on")
    raise JournalError(f"{field}: not a field of a decision")


@writes("decision")
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
    **answers: str,
) -> DecisionRecord:
    """Record what a person decided about an offer, with any objections they raised.

    `answers` are the questions after a no (`better_solution`, `better_fit`, `expected`);
    each objection gets the theme its words suggest.
    """
    fetch(Person, person_id)
    for name in answers:
        if name not in ANSWER_FIELDS:
            raise JournalError(f"{name}: not a field of a decision")
    decision = Decision.create(
        person=person_id,
        offer=_clean("offer", offer),
        outcome=_clean("outcome", outcome),
        decided_on=dt.date.today() if decided_on is None else _clean("decided_on", decided_on),
        reason=_clean("reason", reason),
        lesson=_clean("lesson", lesson),
        revisit_on=_clean("revisit_on", revisit_on),
        **{name: _clean(name, value) for name, value in answers.items()},
    )
    for i, text in enumerate(objections):
        cleaned = v.text(text, f"objections[{i}]", required=True)
        Objection.create(decision=decision, text=cleaned, theme=suggest_theme(cleaned))
    search.index_decision(decision.id)
    return get_decision(decision.id)


@writes("decision")
def update_decision(decision_id: int, **changes: Any) -> DecisionRecord:
    """Change an offer, outcome, dates, reason or lesson (a revisit often changes the outcome)."""
    fetch(Decision, decision_id)
    values = {f: _clean(f, x) for f, x in changes.items()}
    Decision.update(**values, updated_at=now()).where(Decision.id == decision_id).execute()
    search.index_decision(decision_id)
    return get_decision(decision_id)


@writes("objection")
def add_objection(decision_id: int, text: str, theme: str | None = None) -> DecisionRecord:
    """Add an objection; its theme is the one given, else the one its words suggest."""
    fetch(Decision, decision_id)
    cleaned = v.text(text, "objection", required=True)
    chosen = suggest_theme(cleaned) if theme is None else check_theme(theme)
    Objection.create(decision=decision_id, text=cleaned, theme=chosen)
    search.index_decision(decision_id)
    return get_decision(decision_id)


@writes("objection")
def set_objection_theme(objection_id: int, theme: str) -> DecisionRecord:
    """Put an objection under another theme (price, timing, authority, need, trust, fit, other)."""
    objection = fetch(Objection, objection_id)
    Objection.update(theme=check_theme(theme)).where(Objection.id == objection_id).execute()
    return get_decision(objection.decision_id)


def suggest_missing_themes() -> int:
    """Give every objection without a theme the one its words suggest; how many got one."""
    rows = Objection.select(Objection.id, Objection.text).where(Objection.theme == "").tuples()
    by_theme: dict[str, list[int]] = defaultdict(list)
    for objection_id, text in rows:
        by_theme[suggest_theme(text)].append(objection_id)
    for theme, ids in by_theme.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            Objection.update(theme=theme).where(Objection.id.in_(chunk)).execute()
    if by_theme:
        record("objection")
    return sum(len(ids) for ids in by_theme.values())


def looks_like_weak_no(decision: DecisionRecord) -> str | None:
    """For a strong no whose reason or objections hedge, the hedge ("not now", "until", …).

    Such a no is often an "I don't know": the seller is offered to record it as a weak no;
    the journal never changes it by itself.
    """
    if decision.outcome != "strong_no":
        return None
    return caveat_in(decision.reason, *(o.text for o in decision.objections))


@writes("objection")
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


@writes("objection")
def trash_objection(objection_id: int) -> DecisionRecord:
    """Move an objection to the trash; the decision is returned without it."""
    return _set_objection_trashed(objection_id, now())


@writes("objection")
def restore_objection(objection_id: int) -> DecisionRecord:
    """Take an objection out of the trash, back on its decision as it was."""
    return _set_objection_trashed(objection_id, None)


def _set_objection_trashed(objection_id: int, when: dt.datetime | None) -> DecisionRecord:
    objection = fetch(Objection, objection_id)
    Objection.update(trashed_at=when).where(Objection.id == objection_id).execute()
    search.index_decision(objection.decision_id)
    return get_decision(objection.decision_id)


@writes("decision")
def trash_decision(decision_id: int) -> DecisionRecord:
    fetch(Decision, decision_id)
    Decision.update(trashed_at=now()).where(Decision.id == decision_id).execute()
    search.index_decision(decision_id)
    return get_decision(decision_id)


@writes("decision")
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


def all_decisions(
    outcomes: Iterable[str] | None = None, theme: str | None = None
) -> list[DecisionRecord]:
    """Every live decision of a live person: unfinished ones (weak no, undecided) first;
    with a `theme`, only those with an objection of that theme."""
    unfinished_first = Decision.outcome.in_(["weak_no", "undecided"]).desc()
    query = Decision.select().where(Decision.trashed_at.is_null())
    if outcomes is not None:
        query = query.where(Decision.outcome.in_(list(outcomes)))
    if theme is not None:
        themed = Objection.select(Objection.decision).where(
            Objection.theme == check_theme(theme), Objection.trashed_at.is_null()
        )
        query = query.where(Decision.id.in_(themed))
    query = _with_names(query).where(Person.trashed_at.is_null())
    query = query.order_by(unfinished_first, Decision.decided_on.desc(), Decision.id.desc())
    return _records(list(query))
