"""A day's meetings as Today shows them: each person's first open goal and unfinished decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..decisions import OUTCOME_LABELS
from ..models import Decision, Goal
from .meetings import meetings_on
from .records import MeetingRecord


@dataclass(frozen=True)
class PersonAgenda:
    id: int
    name: str
    first_open_goal: str = ""
    unfinished_decision: str = ""


@dataclass(frozen=True)
class MeetingAgenda:
    meeting: MeetingRecord
    people: tuple[PersonAgenda, ...]


def _first_open_goals(person_ids: set[int]) -> dict[int, str]:
    query: Any = (
        Goal.select(Goal.person, Goal.text)
        .where(Goal.person.in_(person_ids), Goal.status == "open")
        .order_by(Goal.created_at.desc(), Goal.id.desc())
    )
    return {pid: text for pid, text in query.tuples()}  # the oldest is written last


def _unfinished_decisions(person_ids: set[int]) -> dict[int, str]:
    query: Any = (
        Decision.select(Decision.person, Decision.outcome, Decision.offer)
        .where(
            Decision.person.in_(person_ids),
            Decision.outcome.in_(["weak_no", "undecided"]),
            Decision.trashed_at.is_null(),
        )
        .order_by(Decision.decided_on, Decision.id)
    )
    return {pid: f"{OUTCOME_LABELS[o]}: {offer}" for pid, o, offer in query.tuples()}


def agenda(day: dt.date) -> list[MeetingAgenda]:
    """The day's meetings with someone on them (people in the journal or not), earliest first."""
    meetings = [m for m in meetings_on(day) if m.people or m.strangers]
    ids = {p.id for m in meetings for p in m.people}
    goals = _first_open_goals(ids) if ids else {}
    decisions = _unfinished_decisions(ids) if ids else {}
    return [
        MeetingAgenda(
            m,
            tuple(
                PersonAgenda(p.id, p.name, goals.get(p.id, ""), decisions.get(p.id, ""))
                for p in m.people
            ),
        )
        for m in meetings
    ]


def not_ended(meetings: list[MeetingAgenda], now: dt.datetime) -> list[MeetingAgenda]:
    """The meetings still ahead or under way at `now` (an all-day event lasts its day): one that
    has ended is left to "Write it up"."""
    return [a for a in meetings if a.meeting.ends_at > now]


def next_change(meetings: list[MeetingAgenda], now: dt.datetime) -> dt.datetime:
    """When Today next changes by itself: the next start or end of one of these meetings after
    `now`, or the next midnight (a new day) if that comes first."""
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    moments = [t for a in meetings for t in (a.meeting.starts_at, a.meeting.ends_at) if t > now]
    return min([*moments, midnight])
