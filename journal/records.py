"""Plain, immutable copies of records that operations return (the window never sees a model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The three questions to ask after a no, by the decision field that keeps the answer.
AFTER_A_NO = (
    ("better_solution", "What would have been a better solution for them?"),
    ("better_fit", "How could we have been a better fit?"),
    ("expected", "What did they expect from the conversation?"),
)


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    company: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    location: str = ""
    how_we_met: str = ""
    met_on: dt.date | None = None
    about: str = ""
    fit: str = "unknown"
    focus: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    trashed_at: dt.datetime | None = None
    owner: str = ""
    updated_by: str = ""


@dataclass(frozen=True)
class PersonRow:
    """What a list of people shows: one row, with its derived dates."""

    id: int
    name: str
    company: str
    role: str
    fit: str
    focus: bool
    cadence_days: int | None
    last_touch: dt.datetime | None
    next_reconnect: dt.date | None
    tags: tuple[str, ...] = ()
    trashed: bool = False
    owner: str = ""


@dataclass(frozen=True)
class GoalRecord:
    id: int
    person_id: int
    text: str
    why: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class PainRecord:
    id: int
    person_id: int
    text: str
    ramifications: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class ObjectionRecord:
    id: int
    decision_id: int
    text: str
    addressed: bool
    theme: str = "other"
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    person_id: int
    offer: str
    outcome: str
    decided_on: dt.date
    reason: str = ""
    lesson: str = ""
    revisit_on: dt.date | None = None
    better_solution: str = ""
    better_fit: str = ""
    expected: str = ""
    objections: tuple[ObjectionRecord, ...] = ()
    person_name: str = ""
    trashed_at: dt.datetime | None = None
    author: str = ""

    @property
    def unfinished(self) -> bool:
        """A weak no or an undecided is not an informed decision yet."""
        return self.outcome in ("weak_no", "undecided")

    @property
    def open_objections(self) -> tuple[ObjectionRecord, ...]:
        return tuple(o for o in self.objections if not o.addressed)

    @property
    def answers(self) -> tuple[tuple[str, str], ...]:
        """The questions after a no that have an answer, with it."""
        given = zip(AFTER_A_NO, (self.better_solution, self.better_fit, self.expected), strict=True)
        return tuple((question, answer) for (_, question), answer in given if answer)


@dataclass(frozen=True)
class ReferralRecord:
    id: int
    referrer_id: int
    referrer_name: str
    referred_id: int
    referred_name: str
    on: dt.date | None
    context: str
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class NoteRecord:
    id: int
    person_id: int
    occurred_at: dt.datetime
    kind: str
    body: str
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    person_id: int
    due_on: dt.date
    what: str
    done: bool
    person_name: str = ""
    trashed_at: dt.datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a person's history: a note, a decision, a goal or a pain."""

    kind: str
    id: int
    when: dt.datetime
    title: str
    body: str
    detail: dict[str, object] = field(default_factory=dict, compare=False)
