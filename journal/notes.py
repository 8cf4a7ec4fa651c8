"""Notes: the journal entries written between meetings (meeting, call, message, thought)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from . import search
from . import validate as v
from .errors import JournalError
from .models import NOTE_KINDS, Note, Person, fetch, now
from .records import NoteRecord
from .writing import writes


def _record(note: Note) -> NoteRecord:
    return NoteRecord(
        id=note.id,
        person_id=note.person_id,
        occurred_at=note.occurred_at,
        kind=note.kind,
        body=note.body,
        trashed_at=note.trashed_at,
        author=note.author,
    )


@writes("note")
def add_note(
    person_id: int, body: str, *, kind: str = "meeting", occurred_at: Any = None
) -> NoteRecord:
    """Write a note about a person; it happened now unless `occurred_at` says otherwise."""
    fetch(Person, person_id)
    note = Note.create(
        person=person_id,
        body=v.text(body, "note", required=True),
        kind=v.choice(kind, NOTE_KINDS, "kind"),
        occurred_at=now() if occurred_at is None else v.datetime(occurred_at, "occurred_at"),
    )
    search.index_note(note.id)
    return _record(note)


@writes("note")
def update_note(note_id: int, **changes: Any) -> NoteRecord:
    """Change a note's body, kind or time."""
    fetch(Note, note_id)
    values: dict[str, Any] = {}
    if "body" in changes:
        values["body"] = v.text(changes.pop("body"), "note", required=True)
    if "kind" in changes:
        values["kind"] = v.choice(changes.pop("kind"), NOTE_KINDS, "kind")
    if "occurred_at" in changes:
        values["occurred_at"] = v.datetime(changes.pop("occurred_at"), "occurred_at")
    if changes:
        raise JournalError(f"{', '.join(changes)}: not a field of a note")
    values["updated_at"] = now()
    Note.update(**values).where(Note.id == note_id).execute()
    search.index_note(note_id)
    return get_note(note_id)


def get_note(note_id: int) -> NoteRecord:
    return _record(fetch(Note, note_id))


def notes_of(person_id: int, *, limit: int | None = None) -> list[NoteRecord]:
    """A person's live notes, newest first."""
    query = (
        Note.select(
            Note.id,
            Note.person,
            Note.occurred_at,
            Note.kind,
            Note.body,
            Note.trashed_at,
            Note.author,
        )
        .where(Note.person == person_id, Note.trashed_at.is_null())
        .order_by(Note.occurred_at.desc(), Note.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    # plain tuples, no model object per note (peewee's stubs type the rows as models)
    rows = cast("Iterable[tuple[Any, ...]]", query.tuples())
    return [NoteRecord(*row) for row in rows]


@writes("note")
def trash_note(note_id: int) -> NoteRecord:
    Note.update(trashed_at=now()).where(Note.id == fetch(Note, note_id).id).execute()
    search.index_note(note_id)
    return get_note(note_id)


@writes("note")
def restore_note(note_id: int) -> NoteRecord:
    Note.update(trashed_at=None).where(Note.id == fetch(Note, note_id).id).execute()
    search.index_note(note_id)
    return get_note(note_id)


def last_touch(person_id: int) -> dt.datetime | None:
    """When the latest live note about this person happened."""
    latest: dt.datetime | None = (
        Note.select(Note.occurred_at)
        .where(Note.person == person_id, Note.trashed_at.is_null())
        .order_by(Note.occurred_at.desc())
        .scalar()
    )
    return latest
