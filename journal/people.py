"""People: adding, editing, finding, listing, trashing and restoring."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import fn

from . import authorship, dialect, search, tags
from . import validate as v
from .errors import JournalError
from .models import FITS, Person, fetch, now
from .models import database as db
from .records import PersonRecord
from .writing import writes

TEXT_FIELDS = ("company", "role", "location", "how_we_met", "about")
EDITABLE = (
    "name",
    *TEXT_FIELDS,
    "emails",
    "phones",
    "met_on",
    "fit",
    "focus",
    "cadence_days",
    "tags",
    "owner",
)


def _clean(field: str, value: Any) -> Any:
    if field == "name":
        return v.text(value, "name", required=True)
    if field in TEXT_FIELDS:
        return v.text(value, field)
    if field in ("emails", "phones"):
        return v.text_list(value, field)
    if field == "met_on":
        return v.date(value, field)
    if field == "fit":
        return v.choice(value, FITS, field)
    if field == "focus":
        return v.flag(value, field)
    if field == "cadence_days":
        return v.cadence(value, field)
    if field == "tags":
        return v.text_list(value, field)
    if field == "owner":
        return authorship.clean(value, "owner")
    raise JournalError(f"{field}: is not a field of a person")


def _record(person: Person, tag_names: tuple[str, ...] | None = None) -> PersonRecord:
    if tag_names is None:
        tag_names = tags.tags_of([person.id]).get(person.id, ())
    return PersonRecord(
        id=person.id,
        name=person.name,
        company=person.company,
        role=person.role,
        emails=tuple(person.emails),
        phones=tuple(person.phones),
        location=person.location,
        how_we_met=person.how_we_met,
        met_on=person.met_on,
        about=person.about,
        fit=person.fit,
        focus=bool(person.focus),
        cadence_days=person.cadence_days,
        tags=tag_names,
        created_at=person.created_at,
        updated_at=person.updated_at,
        trashed_at=person.trashed_at,
        owner=person.owner,
        updated_by=person.updated_by,
    )


def _get(person_id: int) -> Person:
    return fetch(Person, person_id)


FOCUS_LIMIT = 20


def _check_focus_room(person_id: int | None) -> None:
    others = Person.select().where(Person.focus == True, Person.trashed_at.is_null())  # noqa: E712
    if person_id is not None:
        others = others.where(Person.id != person_id)
    if others.count() >= FOCUS_LIMIT:
        raise JournalError(
            f"focus: the focus list is full ({FOCUS_LIMIT} people); "
            "take someone off it first, so the few who matter get the attention"
        )


@writes("person")
def add_person(name: str, **fields: Any) -> PersonRecord:
    """Add a person; every field but the name is optional (the owner is who adds them)."""
    values = {"name": _clean("name", name)}
    values.update({f: _clean(f, value) for f, value in fields.items()})
    if values.get("focus"):
        _check_focus_room(None)
    tag_names = values.pop("tags", [])
    person = Person.create(**values)
    if tag_names:
        tags.set_tags(person.id, tag_names)
    search.index_person(person.id)
    return get_person(person.id)


@writes("person")
def update_person(person_id: int, **changes: Any) -> PersonRecord:
    """Change some fields of a person, and only those: another window's edit of another field
    in the meantime is kept (each field is its own write, the last write wins)."""
    person = _get(person_id)
    values = {f: _clean(f, value) for f, value in changes.items()}
    if values.get("focus") and not person.focus:
        _check_focus_room(person_id)
    if "tags" in values:
        tags.set_tags(person_id, values.pop("tags"))
    if values:
        values["updated_at"] = now()
        values["updated_by"] = authorship.author()
        Person.update(**values).where(Person.id == person.id).execute()
    search.index_person(person_id)
    return get_person(person_id)


def get_person(person_id: int) -> PersonRecord:
    return _record(_get(person_id))


def get_people(person_ids: Iterable[int]) -> list[PersonRecord]:
    """Several people in the order asked for (missing ids are skipped)."""
    ids = list(person_ids)
    found = {p.id: p for p in Person.select().where(Person.id.in_(ids))}
    tag_map = tags.tags_of(found)
    return [_record(found[i], tag_map.get(i, ())) for i in ids if i in found]


def find_people(text: str, *, include_trashed: bool = False) -> list[PersonRecord]:
    """People whose name is exactly `text`, or else whose name starts with it (case-insensitive)."""
    wanted = v.text(text, "name", required=True)
    base = Person.select()
    if not include_trashed:
        base = base.where(Person.trashed_at.is_null())
    exact = list(base.where(fn.lower(Person.name) == wanted.lower()))
    if exact:
        return [_record(p) for p in exact]
    prefix = base.where(Person.name.startswith(wanted)).order_by(Person.name)
    return [_record(p) for p in prefix.limit(20)]


def resolve_person(text: str) -> PersonRecord:
    """The one person that `text` names, or a JournalError listing the candidates."""
    candidates = find_people(text)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise JournalError(f"no person called {text!r}")
    names = ", ".join(f"{p.name} ({p.company})" if p.company else p.name for p in candidates[:10])
    raise JournalError(f"{text!r} could be several people: {names}")


def person_names(include_trashed: bool = False) -> list[tuple[int, str]]:
    """(id, name) of every person, by name: what a completer offers."""
    query = Person.select(Person.id, Person.name).order_by(dialect.nocase_order(Person.name))
    if not include_trashed:
        query = query.where(Person.trashed_at.is_null())
    return [(pid, name) for pid, name in db.execute(query).fetchall()]  # no per-row field decoding


@writes("person")
def trash_person(person_id: int) -> PersonRecord:
    """Move a person (and so everything about them) to the trash."""
    person = _get(person_id)
    if person.trashed_at is None:
        Person.update(trashed_at=now()).where(Person.id == person_id).execute()
        search.index_everything_of(person_id)
    return get_person(person_id)


@writes("person")
def restore_person(person_id: int) -> PersonRecord:
    person = _get(person_id)
    if person.trashed_at is not None:
        Person.update(trashed_at=None).where(Person.id == person_id).execute()
        search.index_everything_of(person_id)
    return get_person(person_id)


def count_people(include_trashed: bool = False) -> int:
    query = Person.select()
    if not include_trashed:
        query = query.where(Person.trashed_at.is_null())
    return query.count()
