"""What the nos teach: every lesson, the objections that keep coming up, decisions over time."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from . import tags
from .models import Decision, Objection, Person
from .records import AFTER_A_NO
from .themes import THEME_LABELS, THEMES

UNFINISHED = ("weak_no", "undecided")
INFORMED = ("yes", "strong_no")


@dataclass(frozen=True)
class LessonRow:
    decision_id: int
    person_id: int
    person_name: str
    offer: str
    outcome: str
    decided_on: dt.date
    lesson: str
    tags: tuple[str, ...]
    answers: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The lesson and the answers to the questions after a no, one per paragraph."""
        parts = [self.lesson] if self.lesson else []
        parts.extend(f"{question} {answer}" for question, answer in self.answers)
        return "\n".join(parts)


_ANSWERS = [getattr(Decision, name) for name, _ in AFTER_A_NO]


def lessons(text: str = "") -> list[LessonRow]:
    """Every lesson (or answer after a no) on a live decision, newest first; `text` narrows by
    any words."""
    taught = Decision.lesson != ""
    for column in _ANSWERS:
        taught = taught | (column != "")
    query = (
        Decision.select(Decision, Person.id, Person.name)
        .join(Person)
        .where(taught, Decision.trashed_at.is_null(), Person.trashed_at.is_null())
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )
    for word in text.split():
        matches = Decision.lesson.contains(word) | Decision.offer.contains(word)
        for column in _ANSWERS:
            matches = matches | column.contains(word)
        query = query.where(matches | Person.name.contains(word))
    rows = list(query)
    tag_map = tags.tags_of({d.person.id for d in rows})
    return [
        LessonRow(
            d.id,
            d.person.id,
            d.person.name,
            d.offer,
            d.outcome,
            d.decided_on,
            d.lesson,
            tag_map.get(d.person.id, ()),
            tuple((q, getattr(d, name)) for name, q in AFTER_A_NO if getattr(d, name)),
        )
        for d in rows
    ]


def group_lessons(rows: list[LessonRow], by: str = "offer") -> dict[str, list[LessonRow]]:
    """Lessons grouped by offer or by tag (a person with two tags counts under both), A to Z."""
    groups: dict[str, list[LessonRow]] = defaultdict(list)
    for row in rows:
        keys = [row.offer] if by == "offer" else (list(row.tags) or ["(no tag)"])
        for key in keys:
            groups[key].append(row)
    return dict(sorted(groups.items(), key=lambda kv: kv[0].casefold()))


@dataclass(frozen=True)
class RaisedObjection:
    objection_id: int
    text: str
    addressed: bool
    decision_id: int
    offer: str
    outcome: str
    person_id: int
    person_name: str


@dataclass(frozen=True)
class ObjectionTheme:
    """The objections raised under one theme (price, timing, …), and by whom."""

    theme: str
    objections: tuple[RaisedObjection, ...]

    @property
    def label(self) -> str:
        return THEME_LABELS[self.theme]

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.person_name for o in self.objections))


def objection_themes() -> list[ObjectionTheme]:
    """Every objection on a live decision, by theme; the theme most people raised first."""
    query = (
        Objection.select(Objection, Decision.id, Decision.offer, Decision.outcome, Person.id)
        .select_extend(Person.name)
        .join(Decision)
        .join(Person)
        .where(
            Objection.trashed_at.is_null(),
            Decision.trashed_at.is_null(),
            Person.trashed_at.is_null(),
        )
        .order_by(Decision.decided_on.desc(), Objection.id)
    )
    grouped: dict[str, list[RaisedObjection]] = defaultdict(list)
    for o in query:
        grouped[o.theme].append(
            RaisedObjection(
                o.id,
                o.text,
                bool(o.addressed),
                o.decision.id,
                o.decision.offer,
                o.decision.outcome,
                o.decision.person.id,
                o.decision.person.name,
            )
        )
    themes = [ObjectionTheme(t, tuple(grouped[t])) for t in THEMES if grouped.get(t)]
    themes.sort(key=lambda t: (-len(t.people), THEMES.index(t.theme)))
    return themes


@dataclass(frozen=True)
class MonthCount:
    month: dt.date
    informed: int
    unfinished: int


def decisions_over_time(months: int = 12, today: dt.date | None = None) -> list[MonthCount]:
    """Per month (oldest first): informed decisions (yes, strong no) and unfinished ones."""
    today = today or dt.date.today()
    first = _add_months(today.replace(day=1), -(months - 1))
    counts: dict[dt.date, list[int]] = {_add_months(first, i): [0, 0] for i in range(months)}
    query = (
        Decision.select(Decision.decided_on, Decision.outcome)
        .join(Person)
        .where(
            Decision.decided_on >= first,
            Decision.trashed_at.is_null(),
            Person.trashed_at.is_null(),
        )
        .tuples()
    )
    for decided_on, outcome in query:
        bucket = counts.get(decided_on.replace(day=1))
        if bucket is not None:
            bucket[0 if outcome in INFORMED else 1] += 1
    return [MonthCount(month, a, b) for month, (a, b) in counts.items()]


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)
