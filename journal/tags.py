"""Tags: personas and segments, attached to people by name (case-insensitive)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import JOIN, fn

from . import dialect, search
from . import validate as v
from .changes import record
from .errors import JournalError
from .models import Person, PersonTag, Tag
from .writing import writes


def tags_of(person_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each person's tags, alphabetical, in one query."""
    ids = list(person_ids)
    result: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        query = (
            PersonTag.select(PersonTag.person, Tag.name)
            .join(Tag)
            .where(PersonTag.person.in_(chunk))
            .order_by(dialect.nocase_order(Tag.name))
            .tuples()
        )
        for person_id, name in query:
            result[person_id].append(name)
    return {pid: tuple(names) for pid, names in result.items()}


@writes("tag")
def set_tags(person_id: int, names: Iterable[str]) -> tuple[str, ...]:
    """Replace a person's tags; new tag names are created, unused ones kept for completion."""
    wanted = v.text_list(names, "tags")
    PersonTag.delete().where(PersonTag.person == person_id).execute()
    for name in wanted:
        tag = Tag.get_or_none(dialect.equal_nocase(Tag.name, name)) or Tag.create(name=name)
        PersonTag.create(person=person_id, tag=tag)
    search.index_person(person_id)
    return tags_of([person_id]).get(person_id, ())


@writes("tag")
def remove_tag(person_id: int, name: str) -> tuple[str, ...]:
    """Take one tag off a person; returns the tags they had before, which `set_tags` takes to
    put it back exactly (the tag itself, with its cadence, stays in the journal)."""
    before = tags_of([person_id]).get(person_id, ())
    wanted = v.text(name, "tag", required=True).casefold()
    set_tags(person_id, [t for t in before if t.casefold() != wanted])
    return before


def all_tags() -> list[str]:
    """Every tag in use by at least one person, alphabetical."""
    query = (
        Tag.select(Tag.name)
        .where(Tag.id.in_(PersonTag.select(PersonTag.tag)))
        .order_by(dialect.nocase_order(Tag.name))
        .tuples()
    )
    return [name for (name,) in query]


@writes("tag")
def set_tag_cadence(name: str, days: int | None) -> None:
    """Keep in touch every `days` with everyone who has this tag (None: no cadence of its own).

    A person's own cadence, when set, overrides it; with several tags the shortest applies.
    """
    tag = Tag.get_or_none(dialect.equal_nocase(Tag.name, v.text(name, "tag", required=True)))
    if tag is None:
        raise JournalError(f"no tag called {name!r}")
    Tag.update(cadence_days=v.cadence(days, "cadence_days")).where(Tag.id == tag.id).execute()
    holders = PersonTag.select(PersonTag.person).where(PersonTag.tag == tag.id).tuples()
    record("tag", *(person_id for (person_id,) in holders))


def tag_cadences() -> dict[str, int]:
    """The tags that have a cadence of their own, with it."""
    query = Tag.select(Tag.name, Tag.cadence_days).where(Tag.cadence_days.is_null(False))
    return dict(query.tuples())


@dataclass(frozen=True)
class TagInfo:
    """A tag as Preferences and the Personas page show it."""

    name: str
    people: int
    persona: bool
    messaging: str
    cadence_days: int | None


def _tag(name: str) -> Tag:
    tag = Tag.get_or_none(dialect.equal_nocase(Tag.name, v.text(name, "tag", required=True)))
    if tag is None:
        raise JournalError(f"no tag called {name!r}")
    return tag


def tag_infos() -> list[TagInfo]:
    """Every tag with how many live people carry it, alphabetical (one query)."""
    people = fn.COUNT(Person.id)
    query = (
        Tag.select(Tag.name, people, Tag.persona, Tag.messaging, Tag.cadence_days)
        .join(PersonTag, JOIN.LEFT_OUTER)
        .join(
            Person,
            JOIN.LEFT_OUTER,
            on=(PersonTag.person == Person.id) & Person.trashed_at.is_null(),
        )
        .group_by(Tag.id)
        .order_by(dialect.nocase_order(Tag.name))
        .tuples()
    )
    return [TagInfo(n, count, bool(p), m, c) for n, count, p, m, c in query]


@writes("tag")
def set_persona(name: str, persona: bool) -> TagInfo:
    """Mark a tag as a persona (a kind of person the seller sells to) or unmark it."""
    tag = _tag(name)
    Tag.update(persona=v.flag(persona, "persona")).where(Tag.id == tag.id).execute()
    return next(t for t in tag_infos() if t.name == tag.name)


@writes("tag")
def set_messaging(name: str, text: str) -> None:
    """The seller's note on what to say (and not say) to this persona, in Markdown."""
    tag = _tag(name)
    Tag.update(messaging=v.text(text, "messaging")).where(Tag.id == tag.id).execute()


def messaging_for(person_id: int) -> list[tuple[str, str]]:
    """(persona, messaging note) for each persona this person carries that has a note."""
    query = (
        Tag.select(Tag.name, Tag.messaging)
        .join(PersonTag)
        .where(PersonTag.person == person_id, Tag.persona == True, Tag.messaging != "")  # noqa: E712
        .order_by(dialect.nocase_order(Tag.name))
        .tuples()
    )
    return list(query)
