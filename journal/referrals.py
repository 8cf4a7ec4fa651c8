"""Referrals: who introduced whom, when, and in what context."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, IntegrityError

from . import validate as v
from .errors import JournalError
from .models import Person, Referral, fetch, now
from .records import ReferralRecord
from .writing import writes

Referrer = Person.alias("referrer")
Referred = Person.alias("referred")


def _query() -> Any:
    return (
        Referral.select(Referral, Referrer.id, Referrer.name, Referred.id, Referred.name)
        .join(Referrer, JOIN.INNER, on=(Referral.referrer == Referrer.id))
        .switch(Referral)
        .join(Referred, JOIN.INNER, on=(Referral.referred == Referred.id))
        .order_by(Referral.on.desc(nulls="LAST"), Referral.id.desc())
    )


def _records(query: Any) -> list[ReferralRecord]:
    return [
        ReferralRecord(
            r.id,
            r.referrer_id,
            r.referrer.name,
            r.referred_id,
            r.referred.name,
            r.on,
            r.context,
            r.trashed_at,
            r.author,
        )
        for r in query
    ]


@writes("referral")
def add_referral(
    referrer_id: int, referred_id: int, *, on: Any = None, context: str = ""
) -> ReferralRecord:
    """Link who introduced whom (on a date, today if not given)."""
    referrer, referred = fetch(Person, referrer_id), fetch(Person, referred_id)
    if referrer.id == referred.id:
        raise JournalError(f"{referrer.name} cannot refer themselves")
    # The same link in the trash gives way to the new one (the pair is unique).
    Referral.delete().where(
        Referral.referrer == referrer.id,
        Referral.referred == referred.id,
        Referral.trashed_at.is_null(False),
    ).execute()
    try:
        referral = Referral.create(
            referrer=referrer,
            referred=referred,
            on=dt.date.today() if on is None else v.date(on, "on"),
            context=v.text(context, "context"),
        )
    except IntegrityError:
        raise JournalError(
            f"{referrer.name} is already linked as referring {referred.name}"
        ) from None
    return get_referral(referral.id)


def get_referral(referral_id: int) -> ReferralRecord:
    fetch(Referral, referral_id)
    return _records(_query().where(Referral.id == referral_id))[0]


@writes("referral")
def update_referral(
    referral_id: int, *, on: Any = None, context: str | None = None
) -> ReferralRecord:
    fetch(Referral, referral_id)
    values: dict[str, Any] = {}
    if on is not None:
        values["on"] = v.date(on, "on")
    if context is not None:
        values["context"] = v.text(context, "context")
    if values:
        Referral.update(**values).where(Referral.id == referral_id).execute()
    return get_referral(referral_id)


@writes("referral")
def trash_referral(referral_id: int) -> ReferralRecord:
    """Move a referral to the trash: it no longer counts in credit or the network."""
    fetch(Referral, referral_id)
    Referral.update(trashed_at=now()).where(Referral.id == referral_id).execute()
    return get_referral(referral_id)


@writes("referral")
def restore_referral(referral_id: int) -> ReferralRecord:
    fetch(Referral, referral_id)
    Referral.update(trashed_at=None).where(Referral.id == referral_id).execute()
    return get_referral(referral_id)


def _live() -> Any:
    return _query().where(Referral.trashed_at.is_null())


def referred_by(person_id: int) -> list[ReferralRecord]:
    """Who introduced this person (live referrers only)."""
    return _records(_live().where(Referral.referred == person_id, Referrer.trashed_at.is_null()))


def referrals_from(person_id: int) -> list[ReferralRecord]:
    """Whom this person introduced (live people only)."""
    return _records(_live().where(Referral.referrer == person_id, Referred.trashed_at.is_null()))


def trashed_referrals() -> list[ReferralRecord]:
    return _records(_query().where(Referral.trashed_at.is_null(False)))


def all_referrals() -> list[ReferralRecord]:
    live = Referrer.trashed_at.is_null() & Referred.trashed_at.is_null()
    return _records(_live().where(live))
