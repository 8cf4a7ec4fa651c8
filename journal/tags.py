"""Tags: personas and segments, attached to people by name (case-insensitive)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from . import search
from . import validate as v
from .errors import JournalError
from .models import PersonTag, Tag, database


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
            .order_by(Tag.name.collate("NOCASE"))
            .tuples()
        )
        for person_id, name in query:
            result[person_id].append(name)
    return {pid: tuple(names) for pid, names in result.items()}


@database.atomic()
def set_tags(person_id: int, names: Iterable[str]) -> tuple[str, ...]:
    """Replace a person's tags; new tag names are created, unused ones kept for completion."""
    wanted = v.text_list(names, "tags")
    PersonTag.delete().where(PersonTag.person == person_id).execute()
    for name in wanted:
        tag = Tag.get_or_none(Tag.name == name) or Tag.create(name=name)
        PersonTag.create(person=person_id, tag=tag)
    search.index_person(person_id)
    return tags_of([person_id]).get(person_id, ())


def all_tags() -> list[str]:
    """Every tag in use by at least one person, alphabetical."""
    query = (
        Tag.select(Tag.name)
        .join(PersonTag)
        .distinct()
        .order_by(Tag.name.collate("NOCASE"))
        .tuples()
    )
    return [name for (name,) in query]


@database.atomic()
def set_tag_cadence(name: str, days: int | None) -> None:
    """Keep in touch every `days` with everyone who has this tag (None: no cadence of its own).

    A person's own cadence, when set, overrides it; with several tags the shortest applies.
    """
    tag = Tag.get_or_none(Tag.name == v.text(name, "tag", required=True))
    if tag is None:
        raise JournalError(f"no tag called {name!r}")
    Tag.update(cadence_days=v.cadence(days, "cadence_days")).where(Tag.id == tag.id).execute()


def tag_cadences() -> dict[str, int]:
    """The tags that have a cadence of their own, with it."""
    query = Tag.select(Tag.name, Tag.cadence_days).where(Tag.cadence_days.is_null(False))
    return dict(query.tuples())
