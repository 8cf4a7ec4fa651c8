"""Checks and parsers for values a person typed; each failure is a JournalError naming the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from .errors import JournalError

MAX_TEXT = 1_000_000


def text(value: object, field: str, *, required: bool = False) -> str:
    """A string, stripped of surrounding whitespace; required ones must not end up empty."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise JournalError(f"{field}: expected text, got {type(value).__name__}")
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise JournalError(f"{field}: must not be empty")
    if len(value) > MAX_TEXT:
        raise JournalError(f"{field}: is longer than {MAX_TEXT:,} characters")
    return value


def choice(value: object, allowed: Sequence[str], field: str) -> str:
    if value not in allowed:
        raise JournalError(f"{field}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise JournalError(f"{field}: expected true or false, got {value!r}")
    return value


def text_list(values: Iterable[object] | None, field: str) -> list[str]:
    """Non-empty, trimmed, de-duplicated strings in their original order."""
    if values is None:
        return []
    if not isinstance(values, list | tuple):
        raise JournalError(f"{field}: expected a list of text")
    seen: dict[str, None] = {}
    for i, item in enumerate(values):
        cleaned = text(item, f"{field}[{i}]")
        if cleaned and cleaned.casefold() not in {s.casefold() for s in seen}:
            seen[cleaned] = None
    return list(seen)


def cadence(value: object, field: str = "cadence_days") -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise JournalError(f"{field}: expected a whole number of days, got {value!r}")
    if not 1 <= value <= 3650:
        raise JournalError(f"{field}: must be between 1 and 3650 days, got {value}")
    return value


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date(value: object, field: str, *, required: bool = False) -> dt.date | None:
    """A date from a `date` or an ISO `YYYY-MM-DD` string."""
    if value is None or value == "":
        if required:
            raise JournalError(f"{field}: a date is required")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise JournalError(f"{field}: {value!r} is not a date (YYYY-MM-DD)")


def datetime(value: object, field: str) -> dt.datetime:
    """A local date and time from a `datetime`, a `date` or an ISO string (seconds kept)."""
    if type(value) is str and len(value) == 19 and value[10] == "T" and value.isascii():
        # What an export writes ("2025-03-01T09:30:00"): parsed as it is, no other steps.
        try:
            plain = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if plain.tzinfo is None:
                return plain
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time(9, 0))
    elif isinstance(value, str):
        raw = value.strip().replace(" ", "T", 1) if value.strip() else ""
        if _DATE.match(raw):
            raw += "T09:00"
        try:
            result = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise JournalError(
                f"{field}: {value!r} is not a date and time (YYYY-MM-DD HH:MM)"
            ) from None
    else:
        raise JournalError(f"{field}: {value!r} is not a date and time (YYYY-MM-DD HH:MM)")
    if result.tzinfo is not None:
        try:
            result = result.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise JournalError(f"{field}: {value!r} is out of range") from None
    return result.replace(microsecond=0)
