"""Who a journal's people belong to: the names known as owners and editors, and whether the
journal is shared enough that "mine" and "everyone's" differ."""

from __future__ import annotations

from . import authorship, dialect
from .models import Person


def _known() -> set[str]:
    """Every owner and last editor of a person ('' among them when someone has none)."""
    owners = Person.select(Person.owner.alias("name")).distinct()
    editors = Person.select(Person.updated_by.alias("name")).distinct()
    return {name for (name,) in (owners | editors).tuples()}


def names() -> list[str]:
    """The names a person can be given as owner: known owners and editors and whoever is
    writing now, by name (never '')."""
    return sorted((_known() | {authorship.author()}) - {""}, key=str.casefold)


def shared() -> bool:
    """True on a server journal, or when more than one name (or nobody's, beside a name) owns or
    edited people: where "mine" and "everyone's" can differ."""
    if dialect.is_postgres():
        return True
    return len(_known() | {authorship.author()}) > 1


def mine() -> str:
    """The owner "mine" stands for: whoever is writing now ('' on a file with no name set)."""
    return authorship.author()
