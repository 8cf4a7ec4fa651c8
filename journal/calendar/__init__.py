"""Calendars: meetings read from the calendar files a seller follows (.ics), matched to people."""

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
