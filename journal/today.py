"""The Today view: who is due to reconnect, which decisions to revisit, which follow-ups are due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import decisions, listing, reconnect
from .followups import as_record
from .models import Decision, FollowUp, Person
from .records import DecisionRecord, FollowUpRecord, PersonRow

UNDECIDED_GRACE_DAYS = 14


@dataclass(frozen=True)
class Today:
    day: dt.date
    reconnect: list[PersonRow]
    revisit: list[DecisionRecord]
    follow_ups: list[FollowUpRecord]

    @property
    def empty(self) -> bool:
        return not (self.reconnect or self.revisit or self.follow_ups)


def decisions_to_revisit(today: dt.date) -> list[DecisionRecord]:
    """Weak nos and undecideds whose revisit date has come, and undecideds left too long."""
    stale = today - dt.timedelta(days=UNDECIDED_GRACE_DAYS)
    due = Decision.revisit_on.is_null(False) & (Decision.revisit_on <= today)
    forgotten = (
        Decision.revisit_on.is_null()
        & (Decision.outcome == "undecided")
        & (Decision.decided_on <= stale)
    )
    ids = [
        d.id
        for d in Decision.select(Decision.id)
        .join(Person)
        .where(
            Decision.trashed_at.is_null(),
            Person.trashed_at.is_null(),
            Decision.outcome.in_(["weak_no", "undecided"]),
            due | forgotten,
        )
    ]
    found = decisions.decisions_by_id(ids)
    return sorted(found, key=lambda d: (d.revisit_on or d.decided_on, d.id))


def follow_ups_due(today: dt.date) -> list[FollowUpRecord]:
    query = (
        FollowUp.select(FollowUp, Person.id, Person.name)
        .join(Person)
        .where(FollowUp.done == False, FollowUp.due_on <= today, Person.trashed_at.is_null())  # noqa: E712
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return [as_record(f, f.person.name) for f in query]


def today_view(today: dt.date | None = None) -> Today:
    """Everything due on `today` (the real today unless given), in one call."""
    today = today or dt.date.today()
    due = reconnect.due_people(today)
    rows = listing.person_rows([pid for pid, _, _ in due])
    return Today(today, rows, decisions_to_revisit(today), follow_ups_due(today))
