"""The focus list: the few relationships that deserve attention now, with what matters to them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from . import listing
from .listing import PeopleFilter
from .models import Goal, Pain
from .people import FOCUS_LIMIT
from .records import PersonRow

__all__ = ["FOCUS_LIMIT", "FocusEntry", "focus_list"]


@dataclass(frozen=True)
class FocusEntry:
    person: PersonRow
    open_goals: tuple[str, ...]
    open_pains: tuple[str, ...]
    days_since_touch: int | None


def _open_texts(model: type[Goal] | type[Pain], ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = (
        model.select(model.person, model.text)
        .where(model.person.in_(ids), model.status == "open", model.trashed_at.is_null())
        .order_by(model.created_at, model.id)
        .tuples()
    )
    for pid, text in query:
        found[pid].append(text)
    return found


def focus_list(today: dt.date | None = None) -> list[FocusEntry]:
    """Everyone on the focus list, longest untouched first."""
    today = today or dt.date.today()
    ids = listing.person_ids(PeopleFilter(focus=True))
    rows = listing.person_rows(ids)
    goals, pains = _open_texts(Goal, ids), _open_texts(Pain, ids)
    entries = [
        FocusEntry(
            row,
            tuple(goals.get(row.id, ())),
            tuple(pains.get(row.id, ())),
            None if row.last_touch is None else (today - row.last_touch.date()).days,
        )
        for row in rows
    ]
    entries.sort(key=lambda e: (e.days_since_touch is not None, -(e.days_since_touch or 0)))
    return entries
