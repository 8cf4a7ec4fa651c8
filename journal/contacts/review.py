"""People already in the journal who may be one person, and the pairs someone said are not.

Close names at the same company email domain are listed (as an import lists them); a pair
marked "not the same" is kept in the journal's settings and never listed again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..changes import record
from ..errors import JournalError
from ..models import Person, Setting, fetch
from ..writing import writes
from .dedupe import _Index, existing_people, near_duplicates
from .importer import NearDuplicate

NOT_THE_SAME_KEY = "contacts_not_the_same"
Pair = frozenset[int]


def not_the_same() -> set[Pair]:
    """Every pair of people marked as not the same person."""
    row = Setting.get_or_none(Setting.key == NOT_THE_SAME_KEY)
    if row is None:
        return set()
    try:
        pairs = json.loads(row.value)
    except ValueError:
        return set()
    return {frozenset(p) for p in pairs if isinstance(p, list) and len(set(p)) == 2}


@writes("setting")
def mark_not_the_same(person_id: int, other_id: int) -> None:
    """Remember that two people are different people: they are not listed for review again."""
    first, second = fetch(Person, person_id), fetch(Person, other_id)
    if first.id == second.id:
        raise JournalError(f"{first.name} is one person already")
    pairs = not_the_same() | {frozenset((first.id, second.id))}
    value = json.dumps(sorted(sorted(p) for p in pairs))
    Setting.insert(key=NOT_THE_SAME_KEY, value=value).on_conflict(
        conflict_target=[Setting.key], preserve=[Setting.value]
    ).execute()
    record("setting", second.id)


def still_to_review(pairs: Iterable[NearDuplicate]) -> list[NearDuplicate]:
    """The pairs (from an import's report) whose two people are both live and not marked."""
    pairs = list(pairs)
    ids = {i for n in pairs for i in (n.person_id, n.other_id)}
    live = {
        i
        for (i,) in Person.select(Person.id)
        .where(Person.id.in_(list(ids)) & Person.trashed_at.is_null())
        .tuples()
    }
    marked = not_the_same()
    return [
        n
        for n in pairs
        if {n.person_id, n.other_id} <= live and frozenset((n.person_id, n.other_id)) not in marked
    ]


def possible_duplicates() -> list[NearDuplicate]:
    """Pairs of live people with close names at the same company email domain, not yet
    marked "not the same" (at most dedupe.MAX_LISTED)."""
    drafts = existing_people()
    index = _Index()
    for draft in drafts:
        draft.is_new = True  # compare everyone with everyone
        index.add(draft)
    pairs = [
        NearDuplicate(a.person_id or 0, a.name, b.person_id or 0, b.name)
        for a, b in near_duplicates(drafts, index)
    ]
    marked = not_the_same()
    return [n for n in pairs if frozenset((n.person_id, n.other_id)) not in marked]
