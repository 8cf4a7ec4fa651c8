"""The trash: every kind of record that was removed, restored as it was or emptied for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from . import decisions, followups, goals, notes, pains, people, referrals
from .changes import record
from .errors import JournalError
from .models import Decision, FollowUp, Goal, Note, Objection, Pain, Person, Referral
from .models import database as db
from .trash_kinds import KINDS as KINDS

RESTORERS: dict[str, Callable[[int], object]] = {
    "person": people.restore_person,
    "note": notes.restore_note,
    "decision": decisions.restore_decision,
    "goal": goals.restore_goal,
    "pain": pains.restore_pain,
    "objection": decisions.restore_objection,
    "referral": referrals.restore_referral,
    "followup": followups.restore_follow_up,
}
# The order a record's parts go in for good: children before what they belong to.
_MODELS = (Objection, Referral, FollowUp, Goal, Pain, Note, Decision, Person)


@dataclass(frozen=True)
class TrashItem:
    kind: str
    id: int
    person_id: int
    label: str
    trashed_at: dt.datetime


def _preview(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _owned(model: Any, kind: str, label: Callable[[Any], str]) -> Iterator[TrashItem]:
    """Trashed records of a model that belongs to a person (`person` foreign key)."""
    query = (
        model.select(model, Person.id, Person.name)
        .join(Person)
        .where(model.trashed_at.is_null(False))
    )
    for row in query:
        text = f"{row.person.name}: {_preview(label(row))}"
        yield TrashItem(kind, row.id, row.person.id, text, row.trashed_at)


def _objections() -> Iterator[TrashItem]:
    query = (
        Objection.select(Objection, Decision.offer, Person.id, Person.name)
        .join(Decision)
        .join(Person)
        .where(Objection.trashed_at.is_null(False))
    )
    for o in query:
        person = o.decision.person
        text = f"{person.name}: {_preview(o.text)} (on {_preview(o.decision.offer, 30)})"
        yield TrashItem("objection", o.id, person.id, text, o.trashed_at or dt.datetime.min)


def _referrals() -> Iterator[TrashItem]:
    for r in referrals.trashed_referrals():
        label = f"{r.referrer_name} introduced {r.referred_name}"
        yield TrashItem("referral", r.id, r.referrer_id, label, r.trashed_at or dt.datetime.min)


def trashed_items() -> list[TrashItem]:
    """Everything in the trash, most recently removed first."""
    items = [
        TrashItem("person", p.id, p.id, p.name, p.trashed_at or dt.datetime.min)
        for p in Person.select().where(Person.trashed_at.is_null(False))
    ]
    items += _owned(Note, "note", lambda n: n.body)
    items += _owned(Decision, "decision", lambda d: d.offer)
    items += _owned(Goal, "goal", lambda g: g.text)
    items += _owned(Pain, "pain", lambda p: p.text)
    items += _owned(FollowUp, "followup", lambda f: f"{f.what} (due {f.due_on:%Y-%m-%d})")
    items += _objections()
    items += _referrals()
    items.sort(key=lambda i: (i.trashed_at, i.kind, i.id), reverse=True)
    return items


def restore(kind: str, record_id: int) -> object:
    """Take one item out of the trash, as it was; returns the restored record."""
    if kind not in RESTORERS:
        raise JournalError(
            f"nothing of kind {kind!r} goes to the trash (kinds: {', '.join(KINDS)})"
        )
    return RESTORERS[kind](record_id)


def empty_trash() -> int:
    """Delete for good everything in the trash; returns how many items went."""
    with db.atomic():
        items = trashed_items()
        for item in items:
            record(item.kind, item.person_id)
        for model in _MODELS:
            model.delete().where(model.trashed_at.is_null(False)).execute()
        return len(items)
