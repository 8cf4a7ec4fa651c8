"""What each persona (a tag marked as one) shares: goals, pains, reasons, objections, lessons.

Read in a fixed number of queries, whatever the number of people. Near-identical texts are
grouped: the same words once case, punctuation and spacing are set aside, or a `difflib` ratio
of at least `SIMILAR` between those normalised texts.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import dialect
from .models import OUTCOMES, Decision, Goal, Objection, Pain, Person, PersonTag, Tag
from .records import AFTER_A_NO
from .themes import THEMES

SIMILAR = 0.85
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Mention:
    """A text one person gave (a goal, a pain, a reason, an objection), with where it lives."""

    person_id: int
    person_name: str
    text: str
    kind: str
    record_id: int
    offer: str = ""


@dataclass(frozen=True)
class TextGroup:
    """Mentions that say the same thing; `text` is the wording most of them use."""

    text: str
    mentions: tuple[Mention, ...]

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.person_name for m in self.mentions))


@dataclass(frozen=True)
class OfferOutcomes:
    """An offer made to the persona and how many people gave each outcome (never a share)."""

    offer: str
    people_by_outcome: tuple[tuple[str, int], ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class PersonaLesson:
    decision_id: int
    person_id: int
    person_name: str
    offer: str
    outcome: str
    lesson: str
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Persona:
    name: str
    messaging: str
    people: tuple[tuple[int, str], ...]
    goals: tuple[TextGroup, ...] = ()
    pains: tuple[TextGroup, ...] = ()
    yes_reasons: tuple[Mention, ...] = ()
    objections: tuple[tuple[str, tuple[Mention, ...]], ...] = ()
    lessons: tuple[PersonaLesson, ...] = ()
    offers: tuple[OfferOutcomes, ...] = ()


def normalise(text: str) -> str:
    """Case, punctuation and spacing set aside: "Cash-flow, monthly!" → "cash flow monthly"."""
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def group_texts(mentions: Iterable[Mention]) -> list[TextGroup]:
    """Identical or near-identical texts together; the group most people share first."""
    groups: list[tuple[str, list[Mention]]] = []
    exact: dict[str, int] = {}
    for mention in mentions:
        key = normalise(mention.text)
        index = exact.get(key)
        if index is None:
            index = next((i for i, (k, _) in enumerate(groups) if _near(k, key)), None)
        if index is None:
            index = len(groups)
            groups.append((key, []))
        exact[key] = index
        groups[index][1].append(mention)
    result = [TextGroup(_most_said(members), tuple(members)) for _, members in groups]
    result.sort(key=lambda g: (-len(g.people), g.text.casefold()))
    return result


def _most_said(members: list[Mention]) -> str:
    """The wording most mentions share (set aside case and punctuation); the first on a tie."""
    said = Counter(normalise(m.text) for m in members)
    top = max(said.values())
    return next(m.text for m in members if said[normalise(m.text)] == top)


def _near(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def persona_names() -> list[str]:
    """The tags marked as personas, alphabetical."""
    query = Tag.select(Tag.name).where(Tag.persona == True)  # noqa: E712
    return [name for (name,) in query.order_by(dialect.nocase_order(Tag.name)).tuples()]


def personas() -> list[Persona]:
    """Every persona with what its people have in common (six queries in all)."""
    tags = list(
        Tag.select(Tag.id, Tag.name, Tag.messaging)
        .where(Tag.persona == True)  # noqa: E712
        .order_by(dialect.nocase_order(Tag.name))
        .tuples()
    )
    if not tags:
        return []
    live = Person.trashed_at.is_null()
    members = (
        PersonTag.select(PersonTag.tag, Person.id, Person.name)
        .join(Person)
        .where(PersonTag.tag.in_([t for t, _, _ in tags]), live)
        .order_by(dialect.nocase_order(Person.name), Person.id)
        .tuples()
    )
    people_of: dict[int, list[tuple[int, str]]] = defaultdict(list)
    names: dict[int, str] = {}
    for tag_id, person_id, name in members:
        people_of[tag_id].append((person_id, name))
        names[person_id] = name
    of_personas = (
        PersonTag.select(PersonTag.person).join(Tag).where(Tag.persona == True)  # noqa: E712
    )
    goals = _open(Goal, of_personas, names)
    pains = _open(Pain, of_personas, names)
    decided = list(
        Decision.select()
        .where(Decision.person.in_(of_personas), Decision.trashed_at.is_null())
        .order_by(Decision.decided_on, Decision.id)
    )
    raised: dict[int, list[Objection]] = defaultdict(list)
    for o in (
        Objection.select()
        .join(Decision)
        .where(
            Decision.person.in_(of_personas),
            Decision.trashed_at.is_null(),
            Objection.trashed_at.is_null(),
        )
        .order_by(Objection.id)
    ):
        raised[o.decision_id].append(o)
    decisions_of: dict[int, list[Decision]] = defaultdict(list)
    for d in decided:
        if d.person_id in names:
            decisions_of[d.person_id].append(d)
    result = []
    for tag_id, name, messaging in tags:
        who = people_of.get(tag_id, [])
        ids = [pid for pid, _ in who]
        mine = [d for pid in ids for d in decisions_of.get(pid, [])]
        result.append(
            Persona(
                name=name,
                messaging=messaging,
                people=tuple(who),
                goals=tuple(group_texts(m for pid in ids for m in goals.get(pid, []))),
                pains=tuple(group_texts(m for pid in ids for m in pains.get(pid, []))),
                yes_reasons=tuple(
                    _mention(d, names, d.reason, "decision")
                    for d in mine
                    if d.outcome == "yes" and d.reason
                ),
                objections=_by_theme(mine, raised, names),
                lessons=tuple(_lesson(d, names) for d in mine if _teaches(d)),
                offers=_offers(mine, names),
            )
        )
    return result


def _open(
    model: type[Goal] | type[Pain], of_personas: Any, names: dict[int, str]
) -> dict[int, list[Mention]]:
    query = (
        model.select(model.id, model.person, model.text)
        .where(model.person.in_(of_personas), model.status == "open", model.trashed_at.is_null())
        .order_by(model.created_at, model.id)
        .tuples()
    )
    kind = model.__name__.lower()
    found: dict[int, list[Mention]] = defaultdict(list)
    for record_id, person_id, text in query:
        if person_id in names:
            found[person_id].append(Mention(person_id, names[person_id], text, kind, record_id))
    return found


def _mention(d: Decision, names: dict[int, str], text: str, kind: str) -> Mention:
    return Mention(d.person_id, names[d.person_id], text, kind, d.id, d.offer)


def _by_theme(
    mine: list[Decision], raised: dict[int, list[Objection]], names: dict[int, str]
) -> tuple[tuple[str, tuple[Mention, ...]], ...]:
    themed: dict[str, list[Mention]] = defaultdict(list)
    for d in mine:
        for o in raised.get(d.id, []):
            mention = Mention(d.person_id, names[d.person_id], o.text, "objection", o.id, d.offer)
            themed[o.theme].append(mention)
    return tuple((t, tuple(themed[t])) for t in THEMES if themed.get(t))


def _teaches(d: Decision) -> bool:
    return d.outcome != "yes" and bool(d.lesson or d.better_solution or d.better_fit or d.expected)


def _lesson(d: Decision, names: dict[int, str]) -> PersonaLesson:
    answers = tuple(
        (question, getattr(d, field)) for field, question in AFTER_A_NO if getattr(d, field)
    )
    return PersonaLesson(
        d.id, d.person_id, names[d.person_id], d.offer, d.outcome, d.lesson, answers
    )


def _offers(mine: list[Decision], names: dict[int, str]) -> tuple[OfferOutcomes, ...]:
    latest: dict[tuple[int, str], Decision] = {}
    for d in mine:  # oldest first: a person's latest word on an offer counts
        latest[(d.person_id, normalise(d.offer))] = d
    groups = group_texts(
        _mention(d, names, d.offer, "decision") for d in sorted(latest.values(), key=_when)
    )
    by_id = {d.id: d for d in latest.values()}
    result = []
    for group in groups:
        people: dict[str, set[int]] = defaultdict(set)
        for m in group.mentions:
            people[by_id[m.record_id].outcome].add(m.person_id)
        counts = tuple((o, len(people[o])) for o in OUTCOMES)
        result.append(OfferOutcomes(group.text, tuple(c for c in counts if c[1]), group.mentions))
    return tuple(result)


def _when(d: Decision) -> tuple[dt.date, int]:
    return (d.decided_on, d.id)
