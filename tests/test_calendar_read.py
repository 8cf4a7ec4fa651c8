"""Reading calendar files as Google, Outlook, Apple and Thunderbird export them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from calendar_helpers import FIXTURES, NOW, local_zone
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.calendar import CalendarError, parse_calendar, read_calendar_file
from journal.calendar.records import Attendee


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def read(name: str):  # type: ignore[no-untyped-def]
    return read_calendar_file(FIXTURES / name, now=NOW)


def at(day: int, hour: int, minute: int = 0, month: int = 6) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute)


def test_google_export_times_recurrence_and_all_day():
    calendar = read("google.ics")
    assert calendar.name == calendar.owner_email == "sam.seller@gmail.com"
    review = next(e for e in calendar.events if e.summary == "Quarterly review")
    assert (review.starts_at, review.ends_at) == (at(10, 10), at(10, 11))  # 08:00Z in Berlin
    assert review.attendees == (
        Attendee("dana@whitfieldbakery.example", "Dana Whitfield"),  # folded line, any case
        Attendee("sam.seller@gmail.com", ""),  # CN that is the address itself: no name
    )
    checkins = [e.starts_at for e in calendar.events if e.summary.startswith("Check-in")]
    assert checkins == [
        at(20, 15, month=5),
        at(27, 15, month=5),
        # 3 June is an EXDATE; 17 June moved to the 18th at 16:00 (RECURRENCE-ID)
        at(10, 15),
        at(18, 16),
        at(24, 15),
        at(1, 15, month=7),
        at(8, 15, month=7),
    ]
    fair = next(e for e in calendar.events if e.summary == "Trade fair")
    assert fair.all_day and (fair.starts_at, fair.ends_at) == (at(12, 0), at(13, 0))
    coffee = next(e for e in calendar.events if e.summary == "Coffee with Marco Rossi")
    assert coffee.attendees == () and coffee.organizer is None
    assert "Old lunch" not in {e.summary for e in calendar.events}  # outside the window
    assert calendar.total_events == 6


def test_outlook_export_with_windows_zone_names():
    calendar = read("outlook.ics")
    assert calendar.owner_email == "sam@sellerco.example"  # the usual organizer
    walk = next(e for e in calendar.events if e.summary == "Proposal walk-through")
    assert (walk.starts_at, walk.ends_at) == (at(11, 14), at(11, 15))  # W. Europe Standard Time
    assert walk.attendees == (
        Attendee("jonas.berg@fjord.example", "Jonas Berg"),
        Attendee("ingrid.lund@fjord.example", ""),  # the meeting room is not a person
    )
    assert walk.uid.startswith("040000008200E00074C5B7101A82E008")  # a folded UID, whole
    board = [e.starts_at for e in calendar.events if e.summary == "Board prep"]
    assert board == [at(5, 9, month=7), at(5, 9, month=8)]  # 5 June is an EXDATE
    summaries = {e.summary for e in calendar.events}
    assert "Canceled: Lunch with Jonas" not in summaries  # STATUS:CANCELLED
    office = next(e for e in calendar.events if e.summary == "Out of office")
    assert office.all_day


def test_windows_zone_names_without_their_vtimezone():
    """Some exports name a Windows zone and leave its VTIMEZONE out: icalendar knows the names."""
    text = (FIXTURES / "outlook.ics").read_text()
    start, end = text.index("BEGIN:VTIMEZONE"), text.index("END:VTIMEZONE") + len("END:VTIMEZONE")
    calendar = parse_calendar(text[:start] + text[end:], now=NOW)
    walk = next(e for e in calendar.events if e.summary == "Proposal walk-through")
    assert walk.starts_at == at(11, 14) and calendar.unknown_zones == set()


def test_apple_export_with_vtimezone_and_addresses_in_email_parameters():
    calendar = read("apple.ics")
    assert calendar.name == "Work"
    call = next(e for e in calendar.events if e.summary == "Discovery call")
    assert call.starts_at == at(10, 15)  # 09:00 in New York
    emails = [a.email for a in call.attendees]
    assert emails == ["priya.nair@northwind.example", "sam@sellerco.example"]  # Tom declined
    planning = [e.starts_at for e in calendar.events if e.summary.startswith("Planning")]
    assert planning == [at(1, 17), at(16, 17, 30), at(22, 17)]  # EXDATE 8th, 15th moved


def test_thunderbird_export():
    calendar = read("thunderbird.ics")
    assert calendar.name == "thunderbird"  # no calendar name in the file: the file's
    lunch = next(e for e in calendar.events if e.summary == "Lunch with Dana Whitfield")
    assert lunch.starts_at == at(10, 13, 30)  # 12:30 in London
    call = next(e for e in calendar.events if e.summary == "Follow-up call")
    assert call.attendees[0] == Attendee("jonas.berg@fjord.example", "")


def test_an_unknown_time_zone_is_read_as_local_time_and_said():
    calendar = read("unknown_zone.ics")
    assert calendar.unknown_zones == {"Mars/Olympus_Mons"}
    assert calendar.events[0].starts_at == at(10, 10)


def test_the_same_moment_in_another_local_zone():
    with local_zone("America/New_York"):
        review = next(e for e in read("google.ics").events if e.summary == "Quarterly review")
    assert review.starts_at == at(10, 4)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is empty"),
        ("   \r\n\r\n", "is empty"),
        ("<!DOCTYPE html><html><body>Sign in</body></html>", "web page (HTML)"),
        ("BEGIN:VCARD\r\nFN:Dana\r\nEND:VCARD\r\n", "no BEGIN:VCALENDAR"),
        ((FIXTURES / "google.ics").read_text()[:700], "cut short"),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
            "DTSTART:20260610T25\r\nSUMMARY:Broken\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "could not be read as a calendar",
        ),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260610T100000\r\n"
            "END:VCALENDAR\r\n",
            "could not be read as a calendar",
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(text: str, says: str):
    with pytest.raises(CalendarError, match=r"^bad\.ics .*") as caught:
        parse_calendar(text, source="bad.ics", now=NOW)
    assert says in str(caught.value)


def test_binary_data_is_not_a_calendar():
    with pytest.raises(CalendarError, match="no BEGIN:VCALENDAR"):
        parse_calendar(bytes(range(256)) * 10, source="bad.ics", now=NOW)


def test_an_empty_calendar_has_no_events():
    calendar = parse_calendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", now=NOW)
    assert calendar.events == [] and calendar.owner_email == ""


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(CalendarError, match="no such file"):
        read_calendar_file(tmp_path / "gone.ics", now=NOW)
    with pytest.raises(CalendarError, match="is a folder"):
        read_calendar_file(tmp_path, now=NOW)


GOOGLE_LINES = (FIXTURES / "google.ics").read_text().splitlines()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=len(GOOGLE_LINES) - 1), max_size=8),
    st.text(max_size=40),
)
def test_damaged_calendars_raise_only_calendar_error(dropped: list[int], noise: str):
    """Lines dropped and garbage put in: read, or refused with a CalendarError, nothing else."""
    lines = [line for i, line in enumerate(GOOGLE_LINES) if i not in set(dropped)]
    lines.insert(len(lines) // 2, noise)
    try:
        parse_calendar("\r\n".join(lines), source="fuzz.ics", now=NOW)
    except CalendarError as exc:
        assert str(exc).startswith("fuzz.ics ")
