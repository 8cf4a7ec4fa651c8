"""Calendars: meetings read from the calendar files a seller follows (.ics), matched to people.

The names below load their module when first used (PEP 562): Today's agenda needs no .ics
parser, so `rapport today` and the window's first page never import icalendar.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .follow import (
        ReadReport,
        add_calendar,
        find_calendar,
        list_calendars,
        refresh_calendar,
        refresh_calendars,
        remove_calendar,
    )
    from .meetings import WriteUp, meetings_between, meetings_of, meetings_on, to_write_up
    from .parse import CalendarError, parse_calendar, read_calendar_file
    from .records import Attendee, CalendarRecord, MeetingRecord, PersonMention

_HOME = {
    "follow": (
        "ReadReport",
        "add_calendar",
        "find_calendar",
        "list_calendars",
        "refresh_calendar",
        "refresh_calendars",
        "remove_calendar",
    ),
    "meetings": ("WriteUp", "meetings_between", "meetings_of", "meetings_on", "to_write_up"),
    "parse": ("CalendarError", "parse_calendar", "read_calendar_file"),
    "records": ("Attendee", "CalendarRecord", "MeetingRecord", "PersonMention"),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = [
    "Attendee",
    "CalendarError",
    "CalendarRecord",
    "MeetingRecord",
    "PersonMention",
    "ReadReport",
    "WriteUp",
    "add_calendar",
    "find_calendar",
    "list_calendars",
    "meetings_between",
    "meetings_of",
    "meetings_on",
    "parse_calendar",
    "read_calendar_file",
    "refresh_calendar",
    "refresh_calendars",
    "remove_calendar",
    "to_write_up",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
