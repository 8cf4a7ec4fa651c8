"""The journal's own preferences, kept in the journal file so every window and command agrees."""

from __future__ import annotations

import json
from collections.abc import Iterable

from . import validate as v
from .changes import record
from .errors import JournalError
from .models import Setting
from .writing import writes

COOL_DOWN_KEY = "strong_no_cool_down_days"
DEFAULT_COOL_DOWN_DAYS = 90


def _get(key: str) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return None if row is None else row.value


def _set(key: str, value: str) -> None:
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], preserve=[Setting.value]
    ).execute()


def cool_down_days() -> int:
    """Days after a strong no during which reconnect suggestions for that person pause."""
    value = _get(COOL_DOWN_KEY)
    return DEFAULT_COOL_DOWN_DAYS if value is None else int(value)


@writes("setting")
def set_cool_down_days(days: int) -> int:
    """Set the cool-down after a strong no (0 turns it off)."""
    if days != 0 or isinstance(days, bool) or not isinstance(days, int):
        v.cadence(days, "cool_down_days")
    _set(COOL_DOWN_KEY, str(days))
    return days


OWN_EMAILS_KEY = "own_email_addresses"


def own_emails() -> list[str]:
    """The seller's own email addresses: never a person on a meeting."""
    value = _get(OWN_EMAILS_KEY)
    return json.loads(value) if value else []


def set_own_emails(emails: Iterable[str]) -> list[str]:
    """Set the seller's own addresses (lower case, each once, in the order given)."""
    cleaned: list[str] = []
    for email in v.text_list(list(emails), "own email addresses"):
        email = email.lower()
        if "@" not in email:
            raise JournalError(f"own email addresses: {email!r} is not an email address")
        if email not in cleaned:
            cleaned.append(email)
    _set(OWN_EMAILS_KEY, json.dumps(cleaned))
    record("setting")
    return cleaned
