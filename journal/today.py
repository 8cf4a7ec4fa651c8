"""The Today view: who is due to reconnect, which decisions to revisit, which follow-ups are due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from . import decisions, listing, reconnect
from .calendar.agenda import MeetingAgenda, agenda
from .calendar.meetings import WriteUp, to_write_up
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
    meetings: list[MeetingAgenda] = field(default_factory=list)
    write_up: list[WriteUp] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.reconnect or self.revisit or self.follow_ups or self.meetings or self.write_up
        )

    @property
    def totals(self) -> tuple[int, int, int]:
        """How many people, decisions and follow-ups are due (shown or not)."""
        return (len(self.reconnect), len(self.revisit), len(self.follow_ups))


@dataclass(frozen=True)
class TodayShortlist(Today):
    """Today with only the first rows of each list; `more` says how many were left out."""

    more: tuple[int, int, int] = (0, 0, 0)

    @property
    def totals(self) -> tuple[int, int, int]:
        shown = super().totals
        return (shown[0] + self.more[0], shown[1] + self.more[1], shown[2] + self.more[2])


def _owned_by(query, owner: str | None):  # type: ignore[no-untyped-def]
    """The query narrowed to the people `owner` owns (None: everyone's); it has joined Person."""
    return query if owner is None else query.where(Person.owner == owner)


def _revisit_query(today: dt.date, owner: str | None = None):  # type: ignore[no-untyped-def]
    stale = today - dt.timedelta(days=UNDECIDED_GRACE_DAYS)
    due = Decision.revisit_on.is_null(False) & (Decision.revisit_on <= today)
    forgotten = (
        Decision.revisit_on.is_null()
        & (Decision.outcome == "undecided")
        & (Decision.decided_on <= stale)
    )
    query = (
        Decision.select(Decision.id)
        .join(Person)
        .where(
            Decision.trashed_at.is_null(),
            Person.trashed_at.is_null(),
            Decision.outcome.in_(["weak_no", "undecided"]),
            due | forgotten,
        )
    )
    return _owned_by(query, owner)


def decisions_to_revisit(
    today: dt.date, limit: int | None = None, *, owner: str | None = None
) -> list[DecisionRecord]:
    """Weak nos and undecideds whose revisit date has come, and undecideds left too long.

    Oldest first; with `limit`, only the first `limit` of them; with `owner`, only those of the
    people that name owns.
    """
    query = _revisit_query(today, owner).order_by(
        fn.COALESCE(Decision.revisit_on, Decision.decided_on), Decision.id
    )
    if limit is not None:
        query = query.limit(limit)
    found = decisions.decisions_by_id([d_id for (d_id,) in query.tuples()])
    return sorted(found, key=lambda d: (d.revisit_on or d.decided_on, d.id))


def _follow_ups_query(today: dt.date, owner: str | None = None):  # type: ignore[no-untyped-def]
    query = (
        FollowUp.select(FollowUp, Person.id, Person.name)
        .join(Person)
        .where(
            FollowUp.done == False,  # noqa: E712 - peewee expression
            FollowUp.due_on <= today,
            FollowUp.trashed_at.is_null(),
            Person.trashed_at.is_null(),
        )
    )
    return _owned_by(query, owner)


def follow_ups_due(
    today: dt.date, limit: int | None = None, *, owner: str | None = None
) -> list[FollowUpRecord]:
    query = _follow_ups_query(today, owner).order_by(FollowUp.due_on, FollowUp.id)
    if limit is not None:
        query = query.limit(limit)
    return [as_record(f, f.person.name) for f in query]


def today_view(
    today: dt.date | None = None,
    *,
    limit: int | None = None,
    now: dt.datetime | None = None,
    owner: str | None = None,
) -> Today:
    """Everything due on `today` (the real today unless given), in one call: also the day's
    meetings, and those that ended by `now` (this time of day on `today`) still to write up.
    With `owner`, the people, decisions and follow-ups are only those of the people that name
    owns (the calendar's meetings are this computer's, shown whoever owns whom).

    With `limit`, a TodayShortlist: each list holds only its first `limit` rows, `more` says how
    many were left out: the counts cost a few cheap queries, the rows are read only for those shown.
    """
    if now is None:
        now = dt.datetime.combine(today, dt.datetime.now().time()) if today else dt.datetime.now()
    today = today or now.date()
    meetings = agenda(today)
    write_up = to_write_up(now)
    due = reconnect.due_people(today, owner=owner)
    shown = due if limit is None else due[:limit]
    rows = listing.person_rows([pid for pid, _, _ in shown])
    revisit = decisions_to_revisit(today, limit, owner=owner)
    follow_ups = follow_ups_due(today, limit, owner=owner)
    if limit is None:
        return Today(today, rows, revisit, follow_ups, meetings, write_up)
    more = (
        len(due) - len(shown),
        _revisit_query(today, owner).count() - len(revisit) if len(revisit) == limit else 0,
        _follow_ups_query(today, owner).count() - len(follow_ups)
        if len(follow_ups) == limit
        else 0,
    )
    return TodayShortlist(today, rows, revisit, follow_ups, meetings, write_up, more=more)
