"""Referrals: who introduced whom, when, and in what context."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, IntegrityError

from . import validate as v
from .errors import JournalError
from .models import Person, Referral, fetch
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
            r.id, r.referrer_id, r.referrer.name, r.referred_id, r.referred.name, r.on, r.context
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
def remove_referral(referral_id: int) -> ReferralRecord:
    record = get_referral(referral_id)
    Referral.delete().where(Referral.id == referral_id).execute()
    return record


def referred_by(person_id: int) -> list[ReferralRecord]:
    """Who introduced this person (live referrers only)."""
    return _records(_query().where(Referral.referred == person_id, Referrer.trashed_at.is_null()))


def referrals_from(person_id: int) -> list[ReferralRecord]:
    """Whom this person introduced (live people only)."""
    return _records(_query().where(Referral.referrer == person_id, Referred.trashed_at.is_null()))


def all_referrals() -> list[ReferralRecord]:
    live = Referrer.trashed_at.is_null() & Referred.trashed_at.is_null()
    return _records(_query().where(live))
