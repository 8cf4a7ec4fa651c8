"""Who a journal's people belong to: the names known as owners and editors, and whether the
journal is shared enough that "mine" and "everyone's" differ."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import authorship, dialect
from .models import Person


def names() -> list[str]:
    """The names a person can be given as owner: known owners and editors and whoever is
    writing now, by name (never '')."""
    known = {authorship.author()}
    for field in (Person.owner, Person.updated_by):  # each read from its index alone
        rows: Any = Person.select(field).distinct().tuples()
        known.update(str(value) for (value,) in rows)
    return sorted(known - {""}, key=str.casefold)


def shared() -> bool:
    """True on a server journal, or when a person is owned or was last edited by someone other
    than whoever writes now (nobody's counts as someone else's): where "mine" and "everyone's"
    can differ."""
    if dialect.is_postgres():
        return True
    me = authorship.author()
    others = (
        Person.owner < me,
        Person.owner > me,
        Person.updated_by < me,
        Person.updated_by > me,
    )  # four probes of the two indexes: no scan of the people, however many
    return any(Person.select(Person.id).where(other).exists() for other in others)


def shared_among(person_ids: Iterable[int]) -> bool:
    """True when one of these people is owned or was last edited by someone other than whoever
    writes now (or on a server): a change to them made the journal shared."""
    if dialect.is_postgres():
        return True
    me = authorship.author()
    others = (Person.owner != me) | (Person.updated_by != me)
    return Person.select(Person.id).where(Person.id.in_(list(person_ids)), others).exists()


def mine() -> str:
    """The owner "mine" stands for: whoever is writing now ('' on a file with no name set)."""
    return authorship.author()
