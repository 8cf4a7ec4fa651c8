"""The sample journal's calendar: a few meetings around today, written as an .ics file."""

from __future__ import annotations

import datetime as dt

import icalendar

OWN = ("you@rapport-sample.example", "You")
# (days from today, start, minutes, summary, attendees as (name, email))
MEETINGS: tuple[tuple[int, str, int, str, tuple[tuple[str, str], ...]], ...] = (
    (-3, "12:30", 60, "Lunch with Grace Liu", ()),
    (-1, "11:00", 60, "Year-end planning", (("Omar Haddad", "omar@haddaddental.example"),)),
    (0, "09:30", 60, "Quarterly review", (("Priya Raman", "priya@ramanco.example"),)),
    (
        0,
        "14:00",
        45,
        "Cash-flow check-in",
        (
            ("Marco Silva", "marco@silvaroasters.example"),
            ("Inês Duarte", "ines@silvaroasters.example"),
        ),
    ),
    (0, "16:30", 30, "Coffee with Lena Novak", ()),
    (1, "10:00", 30, "Intro call", (("Zoe Fischer", "zoe.fischer@harbourbank.example"),)),
)


def _address(email: str, name: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    return address


def sample_calendar(today: dt.date | None = None) -> bytes:
    """An .ics of the sample meetings around `today`, in floating (local) time."""
    today = today or dt.date.today()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Rapport//Sample calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Sample calendar")
    for number, (offset, start, minutes, summary, attendees) in enumerate(MEETINGS):
        begins = dt.datetime.combine(
            today + dt.timedelta(days=offset), dt.time.fromisoformat(start)
        )
        event = icalendar.Event()
        event.add("uid", f"sample-{number}@rapport.example")
        event.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        event.add("dtstart", begins)
        event.add("dtend", begins + dt.timedelta(minutes=minutes))
        event.add("summary", summary)
        if attendees:
            event.add("organizer", _address(*OWN))
            for name, email in (*attendees, (OWN[1], OWN[0])):
                event.add("attendee", _address(email, name))
        calendar.add_component(event)
    text: bytes = calendar.to_ical()
    return text
