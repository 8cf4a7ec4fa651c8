"""Follow-ups: what was promised to a person, and by when."""

from __future__ import annotations

from typing import Any

from . import validate as v
from .errors import JournalError
from .models import FollowUp, Person, fetch, now
from .records import FollowUpRecord
from .writing import writes


def as_record(f: FollowUp, person_name: str = "") -> FollowUpRecord:
    return FollowUpRecord(
        f.id, f.person_id, f.due_on, f.what, bool(f.done), person_name, f.trashed_at, f.author
    )


@writes("followup")
def add_follow_up(person_id: int, what: str, due_on: Any) -> FollowUpRecord:
    fetch(Person, person_id)
    follow_up = FollowUp.create(
        person=person_id,
        what=v.text(what, "what", required=True),
        due_on=v.date(due_on, "due_on", required=True),
    )
    return as_record(follow_up)


@writes("followup")
def update_follow_up(follow_up_id: int, **changes: Any) -> FollowUpRecord:
    """Change what, when, or tick it done."""
    fetch(FollowUp, follow_up_id)
    checks = {
        "what": lambda x: v.text(x, "what", required=True),
        "due_on": lambda x: v.date(x, "due_on", required=True),
        "done": lambda x: v.flag(x, "done"),
    }
    unknown = set(changes) - set(checks)
    if unknown:
        raise JournalError(f"{', '.join(sorted(unknown))}: not a field of a follow-up")
    values = {f: checks[f](x) for f, x in changes.items()}
    FollowUp.update(**values, updated_at=now()).where(FollowUp.id == follow_up_id).execute()
    return as_record(fetch(FollowUp, follow_up_id))


def complete_follow_up(follow_up_id: int, done: bool = True) -> FollowUpRecord:
    return update_follow_up(follow_up_id, done=done)


@writes("followup")
def trash_follow_up(follow_up_id: int) -> FollowUpRecord:
    """Move a follow-up to the trash (one that was kept is better ticked done)."""
    fetch(FollowUp, follow_up_id)
    FollowUp.update(trashed_at=now()).where(FollowUp.id == follow_up_id).execute()
    return as_record(fetch(FollowUp, follow_up_id))


@writes("followup")
def restore_follow_up(follow_up_id: int) -> FollowUpRecord:
    fetch(FollowUp, follow_up_id)
    FollowUp.update(trashed_at=None).where(FollowUp.id == follow_up_id).execute()
    return as_record(fetch(FollowUp, follow_up_id))


def follow_ups_of(person_id: int, *, include_done: bool = False) -> list[FollowUpRecord]:
    query = FollowUp.select().where(FollowUp.person == person_id, FollowUp.trashed_at.is_null())
    if not include_done:
        query = query.where(FollowUp.done == False)  # noqa: E712 - peewee expression
    return [as_record(f) for f in query.order_by(FollowUp.due_on, FollowUp.id)]
