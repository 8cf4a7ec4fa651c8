"""Merging a contact into a person seen before, or two people into one: nothing is overwritten,
empty fields are filled, and emails, phones and tags united."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .. import people, search
from ..changes import record_everything
from ..errors import JournalError
from ..models import (
    Decision,
    FollowUp,
    Goal,
    Note,
    Pain,
    Person,
    PersonTag,
    Referral,
    fetch,
    now,
)
from ..models import database as db
from ..records import PersonRecord
from .model import Contact

FREE_MAIL = {
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
}
FILLABLE = ("company", "role", "location", "how_we_met", "met_on")


def key(text: str) -> str:
    """Text as compared for duplicates: case and runs of spaces do not matter."""
    return " ".join(text.casefold().split())


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits or key(phone)


@dataclass(eq=False)
class Draft:
    """A person as the import will leave them: already in the journal (`person_id`) or new."""

    name: str
    company: str = ""
    role: str = ""
    location: str = ""
    how_we_met: str = ""
    met_on: dt.date | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    person_id: int | None = None
    source_ref: str = ""
    changed: list[str] = field(default_factory=list)
    is_new: bool = False

    @classmethod
    def of(cls, contact: Contact) -> Draft:
        """A person this import adds."""
        c = contact
        draft = cls(c.name, c.company, c.role, c.location, c.how_we_met, c.met_on, is_new=True)
        draft.source_ref = c.source_ref
        _add(draft.emails, c.emails)
        _add(draft.phones, c.phones, _phone_key)
        _add(draft.tags, c.tags)
        if c.note.strip():
            draft.notes.append(c.note.strip())
        return draft

    @property
    def domains(self) -> set[str]:
        return {e.rpartition("@")[2].casefold() for e in self.emails if "@" in e} - FREE_MAIL


def _add(values: list[str], new: Iterable[str], norm: Callable[[str], str] = key) -> bool:
    """Append the new values not already in `values` (as `norm` compares them); any added?"""
    if not new:
        return False
    known = {norm(v) for v in values}
    added = False
    for value in new:
        value = value.strip()
        if value and norm(value) not in known:
            values.append(value)
            known.add(norm(value))
            added = True
    return added


def merge_into(draft: Draft, contact: Contact) -> tuple[str, ...]:
    """Fill the draft's empty fields from the contact and union its lists; what was filled."""
    filled = []
    for name in FILLABLE:
        value = getattr(contact, name)
        if value and not getattr(draft, name):
            setattr(draft, name, value)
            filled.append(name)
    if _add(draft.emails, contact.emails):
        filled.append("emails")
    if _add(draft.phones, contact.phones, _phone_key):
        filled.append("phones")
    if _add(draft.tags, contact.tags):
        filled.append("tags")
    note = contact.note.strip()
    if note and note not in draft.notes:
        draft.notes.append(note)
        filled.append("note")
    _add(draft.changed, filled)
    return tuple(filled)


@db.atomic()
def merge_people(keep_id: int, other_id: int) -> PersonRecord:
    """Merge two people by hand: everything about `other_id` now belongs to `keep_id`.

    Every note, goal, pain, decision, follow-up and referral of both is kept (a referral
    between the two is dropped; two alike referrals become one). Keep's empty fields are
    filled from the other's, their emails, phones and tags are united, and the other person,
    now an empty profile, goes to the trash, from where it can be restored or emptied.
    """
    keep, other = fetch(Person, keep_id), fetch(Person, other_id)
    if keep.id == other.id:
        raise JournalError(f"{keep.name} cannot be merged with themselves")
    for person in (keep, other):
        if person.trashed_at is not None:
            raise JournalError(f"{person.name} is in the trash; restore them before merging")
    for model in (Note, Goal, Pain, Decision, FollowUp):
        model.update(person=keep.id).where(model.person == other.id).execute()
    _move_referrals(keep.id, other.id)
    changes: dict[str, object] = {}
    for name in (*FILLABLE, "cadence_days"):
        if getattr(keep, name) in ("", None) and getattr(other, name) not in ("", None):
            changes[name] = getattr(other, name)
    if other.about and other.about not in keep.about:
        changes["about"] = "\n\n".join(a for a in (keep.about, other.about) if a)
    if keep.fit == "unknown" and other.fit != "unknown":
        changes["fit"] = other.fit
    if other.focus and not keep.focus:
        changes["focus"] = True
    emails, phones = list(keep.emails), list(keep.phones)
    if _add(emails, other.emails):
        changes["emails"] = emails
    if _add(phones, other.phones, _phone_key):
        changes["phones"] = phones
    Person.update(**changes, updated_at=now()).where(Person.id == keep.id).execute()
    other_tags = PersonTag.select(PersonTag.tag).where(PersonTag.person == other.id).tuples()
    rows = [{"person": keep.id, "tag": tag_id} for (tag_id,) in other_tags]
    if rows:
        PersonTag.insert_many(rows).on_conflict_ignore().execute()
    Person.update(trashed_at=now()).where(Person.id == other.id).execute()
    search.index_everything_of(keep.id)
    search.index_everything_of(other.id)
    record_everything()  # referrals of third people moved too
    return people.get_person(keep.id)


def _move_referrals(keep_id: int, other_id: int) -> None:
    pair = (Referral.referrer.in_([keep_id, other_id])) & (
        Referral.referred.in_([keep_id, other_id])
    )
    Referral.delete().where(pair).execute()
    sides = ((Referral.referrer, Referral.referred), (Referral.referred, Referral.referrer))
    for column, partner in sides:
        taken = {p for (p,) in Referral.select(partner).where(column == keep_id).tuples()}
        for ref_id, p in Referral.select(Referral.id, partner).where(column == other_id).tuples():
            if p in taken:
                Referral.delete().where(Referral.id == ref_id).execute()
            else:
                Referral.update({column: keep_id}).where(Referral.id == ref_id).execute()
                taken.add(p)
