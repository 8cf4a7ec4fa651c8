"""Reading an iCalendar file (Google, Outlook, Apple, Thunderbird) into the events of a window
of days, in local time. icalendar parses, x-wr-timezone and recurring-ical-events do the rest."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import JournalError
from .records import Attendee, CalendarEvent, CalendarFile

WINDOW_PAST_DAYS = 30
WINDOW_AHEAD_DAYS = 60
MAX_BYTES = 200 * 1024 * 1024
_SLACK = dt.timedelta(days=2)  # wider than any time zone's offset
_LIBRARY_FAILURES = (ValueError, KeyError, IndexError, TypeError, AttributeError)
# An event's text, a line at a time (seven times quicker than a character at a time) and never
# past the next event's start (an event without its END would make each search run to the end
# of the file: minutes for 10 000 of them). Within it, a property is a line, after a newline.
_EVENT = re.compile(
    r"^BEGIN:VEVENT\n(?:(?!BEGIN:VEVENT\n).*\n)*?END:VEVENT\n", re.MULTILINE | re.IGNORECASE
)
_REPEATS = re.compile(r"\n(?:RRULE|RDATE|RECURRENCE-ID)[;:]", re.IGNORECASE)
_START_DAY = re.compile(r"\nDTSTART[^:\n]*:(\d{4})(\d{2})(\d{2})", re.IGNORECASE)
# Properties of an event that Rapport, recurring-ical-events and x-wr-timezone never read: left
# out before icalendar parses (they are half the lines of a Google or Outlook export).
_UNREAD = re.compile(
    r"^(?:DTSTAMP|CREATED|LAST-MODIFIED|DESCRIPTION|LOCATION|TRANSP|CLASS|PRIORITY|URL|"
    r"CATEGORIES|COMMENT|CONTACT|ATTACH|CONFERENCE|GEO|X-[A-Z0-9-]*)[;:].*\n",
    re.MULTILINE | re.IGNORECASE,
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SKIPPED_KINDS = {"RESOURCE", "ROOM"}
_RECURRENCE = ("RRULE", "RDATE", "RECURRENCE-ID")


class CalendarError(JournalError):
    """A calendar file that cannot be read; nothing was added."""


def window(now: dt.datetime | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The days of events kept: from WINDOW_PAST_DAYS ago to WINDOW_AHEAD_DAYS ahead."""
    day = (now or dt.datetime.now()).date()
    start = dt.datetime.combine(day - dt.timedelta(days=WINDOW_PAST_DAYS), dt.time())
    end = dt.datetime.combine(day + dt.timedelta(days=WINDOW_AHEAD_DAYS + 1), dt.time())
    return start, end


def read_calendar_file(path: str | Path, *, now: dt.datetime | None = None) -> CalendarFile:
    """The events of the calendar file at `path` within the window around `now`."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise CalendarError(f"{path} is a folder, not a calendar file")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CalendarError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CalendarError(f"{path}: no such file") from exc
    except OSError as exc:
        raise CalendarError(f"{path} cannot be read ({exc.strerror or exc})") from exc
    return parse_calendar(data, source=path.name, now=now, fallback_name=path.stem)


def parse_calendar(
    data: bytes | str,
    *,
    source: str = "the calendar",
    now: dt.datetime | None = None,
    fallback_name: str = "Calendar",
) -> CalendarFile:
    """The events of an iCalendar text within the window around `now`; CalendarError if it is not
    a whole calendar."""
    import icalendar  # the calendar libraries load with the first calendar read, not at start
    import x_wr_timezone
    from icalendar.error import GloballyUniqueTZIDGuessed

    text = _checked_text(data, source)
    start, end = window(now)
    text, total = _events_to_parse(text, start.date() - _SLACK, end.date() + _SLACK)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GloballyUniqueTZIDGuessed)
        try:
            calendar = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(text))
            found = _occurrences(calendar, start - _SLACK, end + _SLACK)
            events = [e for c in found if (e := _event(c)) is not None]
            unknown = _unknown_zones(calendar)
        except CalendarError:
            raise
        except _LIBRARY_FAILURES as exc:
            raise CalendarError(
                f"{source} could not be read as a calendar: {_first_line(exc)}"
            ) from exc
    kept: dict[tuple[str, str], CalendarEvent] = {}
    for event in events:
        if event.starts_at < end and event.ends_at > start:
            kept[(event.uid, event.recurrence_id)] = event
    name = str(calendar.get("X-WR-CALNAME", "")).strip() or fallback_name
    return CalendarFile(
        name=name,
        owner_email=_owner(name, kept.values()),
        events=sorted(kept.values(), key=lambda e: (e.starts_at, e.uid)),
        unknown_zones=frozenset(unknown),
        total_events=total,
    )


def _checked_text(data: bytes | str, source: str) -> str:
    text = data if isinstance(data, str) else _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CalendarError(f"{source} is empty: there is no calendar in it")
    head = text.lstrip()[:1000].lower()
    if head.startswith("<") or "<html" in head or "<!doctype" in head:
        raise CalendarError(
            f"{source} is a web page (HTML), not a calendar file. Save the calendar's own .ics "
            "file (in Google Calendar: Settings, Import & export, Export) and add that."
        )
    upper = text.upper()
    if "BEGIN:VCALENDAR" not in upper:
        raise CalendarError(f"{source} is not an iCalendar (.ics) file: it has no BEGIN:VCALENDAR")
    if "END:VCALENDAR" not in upper:
        raise CalendarError(
            f"{source} is cut short: it ends before END:VCALENDAR "
            "(was it downloaded or copied completely?)"
        )
    return re.sub(r"\n[ \t]", "", text)  # unfold long lines: one property per line


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _events_to_parse(text: str, first: dt.date, last: dt.date) -> tuple[str, int]:
    """The text without one-off events that start far outside the window, nor the properties
    nobody reads, and how many events it had: icalendar takes ~0.5 ms an event, 10 000 events
    take it seconds, and a window holds a few hundred."""
    total = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal total
        total += 1
        block = match.group(0)
        day = _START_DAY.search(block)
        if day is not None and not _REPEATS.search(block):
            try:
                start = dt.date(int(day[1]), int(day[2]), int(day[3]))
            except ValueError:
                return block  # icalendar will say what is wrong with it
            if not first <= start <= last:
                return ""
        return _UNREAD.sub("", block)

    return _EVENT.sub(keep, text), total


def _occurrences(calendar: Any, start: dt.datetime, end: dt.datetime) -> list[Any]:
    """The event components of every occurrence between `start` and `end`, roughly (the caller
    trims to the window). Series that repeat, with their moved occurrences, are expanded by
    recurring-ical-events; an event that happens once is its own occurrence, taken as parsed
    instead of copied (it is most of a big calendar)."""
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    repeating = [e for e in events if any(name in e for name in _RECURRENCE)]
    series_uids = {str(e.get("UID", "")) for e in repeating}
    once = [e for e in events if str(e.get("UID", "")) not in series_uids]
    single = {id(e) for e in once}
    series = calendar.copy()  # its properties (CALSCALE), with the series' components only
    series.subcomponents = [c for c in calendar.subcomponents if id(c) not in single]
    import recurring_ical_events

    # CalendarQuery, not of(): of() would apply X-WR-TIMEZONE a second time.
    found = recurring_ical_events.CalendarQuery(series).between(start, end)
    return [*once, *found]


def _unknown_zones(calendar: Any) -> set[str]:
    """Time zones named by events that neither the file nor the zone database knows."""
    unknown = set()
    for event in calendar.walk("VEVENT"):
        prop = event.get("DTSTART")
        zone = getattr(prop, "params", {}).get("TZID")
        value = getattr(prop, "dt", None)
        if zone and isinstance(value, dt.datetime) and value.tzinfo is None:
            unknown.add(str(zone))
    return unknown


def _event(component: Any) -> CalendarEvent | None:
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    summary = str(component.get("SUMMARY", "")).strip()
    start_prop = component.get("DTSTART")
    if start_prop is None:
        return None
    start = start_prop.dt
    all_day = not isinstance(start, dt.datetime)
    end_prop = component.get("DTEND")
    if end_prop is not None:
        end = end_prop.dt
    elif component.get("DURATION") is not None:
        end = start + component["DURATION"].dt
    else:
        end = start + dt.timedelta(days=1) if all_day else start
    starts_at = _local(start)
    ends_at = max(starts_at, _local(end))
    uid = str(component.get("UID", "")).strip() or f"no-uid:{starts_at.isoformat()}:{summary}"
    recurrence = component.get("RECURRENCE-ID")
    return CalendarEvent(
        uid=uid,
        recurrence_id=_local(recurrence.dt).isoformat() if recurrence else "",
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        summary=summary,
        organizer=_address(component.get("ORGANIZER")),
        attendees=tuple(_attendees(component.get("ATTENDEE"))),
    )


def _local(value: dt.date) -> dt.datetime:
    """A naive local datetime; a floating time (or one in a zone nobody knows) is local time."""
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is not None:
        return value.astimezone().replace(tzinfo=None)
    return value


def _attendees(value: Any) -> Iterable[Attendee]:
    for address in value if isinstance(value, list) else [value] if value is not None else []:
        params = getattr(address, "params", {})
        if str(params.get("PARTSTAT", "")).upper() == "DECLINED":
            continue
        if str(params.get("CUTYPE", "")).upper() in _SKIPPED_KINDS:
            continue
        attendee = _address(address)
        if attendee is not None:
            yield attendee


def _address(value: Any) -> Attendee | None:
    if value is None:
        return None
    raw = str(value).strip()
    email = raw[7:] if raw.lower().startswith("mailto:") else raw
    if not _EMAIL.match(email.strip()):  # Apple: urn:uuid:… with the address in EMAIL=
        email = str(getattr(value, "params", {}).get("EMAIL", ""))
    email = email.strip().lower() if _EMAIL.match(email.strip()) else ""
    name = str(getattr(value, "params", {}).get("CN", "")).strip().strip('"').strip()
    if name.lower() == email:
        name = ""
    return Attendee(email, name) if email or name else None


def _owner(name: str, events: Iterable[CalendarEvent]) -> str:
    """Whose calendar it is: Google names it after its owner's address, else the usual organizer."""
    if _EMAIL.match(name):
        return name.lower()
    organizers = Counter(e.organizer.email for e in events if e.organizer and e.organizer.email)
    return organizers.most_common(1)[0][0] if organizers else ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else exc.__class__.__name__
