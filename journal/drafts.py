"""Drafts: the note being written about a person, saved as it is typed so a crash loses little.

One draft per person, for a new note; saving the note (`add_note_from_draft`) clears it in the
same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import DateTimeField, ForeignKeyField, TextField

from . import notes
from . import validate as v
from .models import NOTE_KINDS, BaseModel, Person, fetch, now
from .records import NoteRecord
from .writing import patiently, writes


class Draft(BaseModel):
    person = ForeignKeyField(Person, primary_key=True, on_delete="CASCADE")
    kind = TextField()
    occurred_at = DateTimeField(null=True)
    body = TextField()
    saved_at = DateTimeField(default=now)


@dataclass(frozen=True)
class DraftRecord:
    person_id: int
    person_name: str
    kind: str
    occurred_at: dt.datetime | None  # None: the note happens "now" when it is saved
    body: str
    saved_at: dt.datetime


def _record(draft: Draft) -> DraftRecord:
    who = draft.person
    return DraftRecord(who.id, who.name, draft.kind, draft.occurred_at, draft.body, draft.saved_at)


@writes("draft")
def save_draft(person_id: int, kind: str, occurred_at: Any, body: str) -> None:
    """Keep what is in the composer for a person; an empty body clears the draft."""
    if not body.strip():
        clear_draft(person_id)
        return
    fetch(Person, person_id)
    when = None if occurred_at is None else v.datetime(occurred_at, "occurred_at")
    Draft.insert(
        person=person_id,
        kind=v.choice(kind, NOTE_KINDS, "kind"),
        occurred_at=when,
        body=body,
        saved_at=now(),
    ).on_conflict(
        conflict_target=[Draft.person],
        preserve=[Draft.kind, Draft.occurred_at, Draft.body, Draft.saved_at],
    ).execute()


def save_draft_quickly(
    person_id: int, kind: str, occurred_at: Any, body: str, *, wait_ms: int = 200
) -> None:
    """`save_draft`, waiting at most `wait_ms` for another writer (an import running in the
    background) instead of the usual seconds, then JournalBusy: typing must never freeze."""
    wait = wait_ms / 1000
    patiently(lambda: save_draft(person_id, kind, occurred_at, body), first=wait, limit=wait)


def draft_of(person_id: int) -> DraftRecord | None:
    row = (
        Draft.select(Draft, Person.id, Person.name)
        .join(Person)
        .where(Draft.person == person_id)
        .first()
    )
    return None if row is None else _record(row)


@writes("draft")
def clear_draft(person_id: int) -> None:
    Draft.delete().where(Draft.person == person_id).execute()


def all_drafts() -> list[DraftRecord]:
    """Every draft left about a person not in the trash, the most recently typed first."""
    query = (
        Draft.select(Draft, Person.id, Person.name)
        .join(Person)
        .where(Person.trashed_at.is_null())
        .order_by(Draft.saved_at.desc(), Person.name)
    )
    return [_record(d) for d in query]


@writes("note", "draft")
def add_note_from_draft(
    person_id: int, body: str, *, kind: str = "meeting", occurred_at: Any = None
) -> NoteRecord:
    """Save the note and clear the person's draft, both or neither."""
    record = notes.add_note(person_id, body, kind=kind, occurred_at=occurred_at)
    clear_draft(person_id)
    return record
