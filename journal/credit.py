"""Referral credit: how many people each person introduced, and whether they ever said yes."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from .models import Decision, Note, Person, Referral


@dataclass(frozen=True)
class Credit:
    person_id: int
    name: str
    referred: int
    said_yes: bool

    @property
    def served_without_buying(self) -> bool:
        """Never bought, yet sent others: served well, and trusted enough to be recommended."""
        return self.referred > 0 and not self.said_yes


def _said_yes(person_ids: list[int]) -> set[int]:
    query = Decision.select(Decision.person).where(
        Decision.outcome == "yes",
        Decision.trashed_at.is_null(),
        Decision.person.in_(person_ids),
    )
    return {pid for (pid,) in query.distinct().tuples()}


def referral_credit() -> list[Credit]:
    """Everyone who referred at least one live person, most referrals first."""
    Referred = Person.alias("referred")
    count = fn.COUNT(Referral.id)
    query = (
        Person.select(Person.id, Person.name, count)
        .join(Referral, on=(Referral.referrer == Person.id))
        .join(Referred, on=(Referral.referred == Referred.id))
        .where(
            Person.trashed_at.is_null(),
            Referral.trashed_at.is_null(),
            Referred.trashed_at.is_null(),
        )
        .group_by(Person.id)
        .order_by(count.desc(), Person.name)
    )
    rows = list(query.tuples())
    yes = _said_yes([pid for pid, _, _ in rows])
    return [Credit(pid, name, n, pid in yes) for pid, name, n in rows]


def credit_of(person_id: int) -> Credit:
    """One person's credit (zero referrals is a valid answer)."""
    person = Person.get_by_id(person_id)
    Referred = Person.alias("referred")
    referred = (
        Referral.select()
        .join(Referred, on=(Referral.referred == Referred.id))
        .where(
            Referral.referrer == person_id,
            Referral.trashed_at.is_null(),
            Referred.trashed_at.is_null(),
        )
        .count()
    )
    return Credit(person_id, person.name, referred, person_id in _said_yes([person_id]))


@dataclass(frozen=True)
class Connector:
    """Someone who opened doors, and whether each introduction was thanked."""

    credit: Credit
    unthanked: tuple[str, ...]

    @property
    def thanked(self) -> bool:
        return not self.unthanked


def connectors() -> list[Connector]:
    """Referral credit with thanks: a referral is thanked by a message note on or after its day."""
    credits = referral_credit()
    ids = [c.person_id for c in credits]
    Referred = Person.alias("referred")
    latest_message = dict(
        Note.select(Note.person, fn.MAX(Note.occurred_at))
        .where(Note.kind == "message", Note.trashed_at.is_null(), Note.person.in_(ids))
        .group_by(Note.person)
        .tuples()
    )
    unthanked: dict[int, list[str]] = {pid: [] for pid in ids}
    query = (
        Referral.select(Referral.referrer, Referral.on, Referred.name)
        .join(Referred, on=(Referral.referred == Referred.id))
        .where(
            Referral.referrer.in_(ids), Referral.trashed_at.is_null(), Referred.trashed_at.is_null()
        )
        .tuples()
    )
    for referrer, on, name in query:
        last = latest_message.get(referrer)
        last_day = None if last is None else str(last)[:10]
        if last_day is None or (on is not None and last_day < on.isoformat()):
            unthanked[referrer].append(name)
    return [Connector(c, tuple(sorted(unthanked[c.person_id]))) for c in credits]
