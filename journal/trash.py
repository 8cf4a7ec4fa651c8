"""The trash: what was deleted, from where it can be restored (or emptied for good)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import decisions, notes, people
from .changes import record
from .models import Decision, Note, Person
from .models import database as db

RESTORERS = {
    "person": people.restore_person,
    "note": notes.restore_note,
    "decision": decisions.restore_decision,
}


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


def trashed_items() -> list[TrashItem]:
    """Everything in the trash, most recently deleted first."""
    items = [
        TrashItem("person", p.id, p.id, p.name, p.trashed_at)
        for p in Person.select().where(Person.trashed_at.is_null(False))
    ]
    note_query = (
        Note.select(Note, Person.id, Person.name).join(Person).where(Note.trashed_at.is_null(False))
    )
    items += [
        TrashItem("note", n.id, n.person.id, f"{n.person.name}: {_preview(n.body)}", n.trashed_at)
        for n in note_query
    ]
    decision_query = (
        Decision.select(Decision, Person.id, Person.name)
        .join(Person)
        .where(Decision.trashed_at.is_null(False))
    )
    items += [
        TrashItem("decision", d.id, d.person.id, f"{d.person.name}: {d.offer}", d.trashed_at)
        for d in decision_query
    ]
    items.sort(key=lambda i: (i.trashed_at, i.kind, i.id), reverse=True)
    return items


def restore(kind: str, record_id: int) -> object:
    """Take one item out of the trash; returns the restored record."""
    return RESTORERS[kind](record_id)


@db.atomic()
def empty_trash() -> int:
    """Delete for good everything in the trash; returns how many items went."""
    items = trashed_items()
    for item in items:
        record(item.kind, item.person_id)
    count = len(items)
    Note.delete().where(Note.trashed_at.is_null(False)).execute()
    Decision.delete().where(Decision.trashed_at.is_null(False)).execute()
    Person.delete().where(Person.trashed_at.is_null(False)).execute()
    return count
