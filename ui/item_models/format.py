"""How dates and small values read in lists: short, relative where that is kinder."""

from __future__ import annotations

import datetime as dt

FIT_LABELS = {"good": "Good fit", "poor": "Poor fit", "unknown": ""}


def day(value: dt.date | dt.datetime | None, today: dt.date | None = None) -> str:
    """'today', 'yesterday', 'in 3 days', '12 days ago', or a date further away."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    today = today or dt.date.today()
    delta = (value - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    if 1 < delta < 14:
        return f"in {delta} days"
    if -14 < delta < -1:
        return f"{-delta} days ago"
    return value.strftime("%d %b %Y")


def cadence(days: int | None) -> str:
    if days is None:
        return ""
    if days % 7 == 0:
        weeks = days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return "every day" if days == 1 else f"every {days} days"
