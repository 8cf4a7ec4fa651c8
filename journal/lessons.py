"""What the nos teach: every lesson, the objections that keep coming up, decisions over time."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from . import tags
from .models import Decision, Objection, Person

UNFINISHED = ("weak_no", "undecided")
INFORMED = ("yes", "strong_no")
_WORD = re.compile(r"\w+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "too",
        "was",
        "we",
        "were",
        "with",
        "our",
        "your",
        "you",
        "not",
        "no",
    ]
)


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


def lessons(text: str = "") -> list[LessonRow]:
    """Every lesson recorded on a live decision, newest first; `text` narrows by any words."""
    query = (
        Decision.select(Decision, Person.id, Person.name)
        .join(Person)
        .where(Decision.lesson != "", Decision.trashed_at.is_null(), Person.trashed_at.is_null())
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )
    for word in text.split():
        query = query.where(
            Decision.lesson.contains(word)
            | Decision.offer.contains(word)
            | Person.name.contains(word)
        )
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
class OpenObjection:
    objection_id: int
    text: str
    decision_id: int
    offer: str
    person_id: int
    person_name: str


@dataclass(frozen=True)
class ObjectionTheme:
    """Open objections that say roughly the same thing."""

    label: str
    objections: tuple[OpenObjection, ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP) or frozenset(
        _WORD.findall(text.casefold())
    )


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= 0.5


def objection_themes() -> list[ObjectionTheme]:
    """Open objections on unfinished decisions, grouped by similar words, biggest group first."""
    query = (
        Objection.select(Objection, Decision.id, Decision.offer, Person.id, Person.name)
        .join(Decision)
        .join(Person)
        .where(
            Objection.addressed == False,  # noqa: E712 - peewee expression
            Decision.outcome.in_(UNFINISHED),
            Decision.trashed_at.is_null(),
            Person.trashed_at.is_null(),
        )
        .order_by(Objection.id)
    )
    groups: list[tuple[frozenset[str], list[OpenObjection]]] = []
    for o in query:
        item = OpenObjection(
            o.id,
            o.text,
            o.decision.id,
            o.decision.offer,
            o.decision.person.id,
            o.decision.person.name,
        )
        words = _words(o.text)
        for key, members in groups:
            if _similar(key, words):
                members.append(item)
                break
        else:
            groups.append((words, [item]))
    themes = [ObjectionTheme(_label(members), tuple(members)) for _, members in groups]
    themes.sort(key=lambda t: (-len(t.objections), t.label.casefold()))
    return themes


def _label(members: list[OpenObjection]) -> str:
    """The shortest wording in the group names it."""
    return min((m.text for m in members), key=lambda t: (len(t), t))


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
