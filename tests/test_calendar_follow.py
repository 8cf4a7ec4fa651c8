"""Following calendar files: adding, reading again, removing; bad files add nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from calendar_helpers import FIXTURES, NOW, event, local_zone, write_ics

from journal import calendar, preferences
from journal.calendar import CalendarError
from journal.changes import recording
from journal.errors import NotFound

pytestmark = pytest.mark.both_backends


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def copy(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copy(FIXTURES / name, tmp_path / name))


def test_add_list_and_remove(journal, tmp_path):
    path = copy(tmp_path, "outlook.ics")
    with recording() as changes:
        report = calendar.add_calendar(path, at=NOW)
    assert changes.changes.touches("meeting")
    assert report.meetings == 4 and report.calendar.name == "outlook"
    assert report.own_email_guessed == "sam@sellerco.example"
    assert "sam@sellerco.example looks like your own address" in report.summary()
    assert preferences.own_emails() == ["sam@sellerco.example"]
    [listed] = calendar.list_calendars()
    assert (listed.path, listed.meetings, listed.last_error) == (str(path), 4, "")
    again = calendar.add_calendar(path, at=NOW)  # already followed: read again, not twice
    assert again.calendar.id == listed.id and len(calendar.list_calendars()) == 1
    assert calendar.remove_calendar("OUTLOOK").id == listed.id
    assert calendar.list_calendars() == []
    assert calendar.meetings_between(NOW - dt.timedelta(days=90), NOW + dt.timedelta(days=90)) == []
    assert path.exists()  # the file itself is never touched


def test_remove_by_id_and_an_unknown_name(journal, tmp_path):
    added = calendar.add_calendar(copy(tmp_path, "apple.ics"), at=NOW)
    with pytest.raises(NotFound, match="no followed calendar named 'Home'"):
        calendar.remove_calendar("Home")
    assert calendar.remove_calendar(str(added.calendar.id)).name == "Work"


def test_two_calendars_with_one_name_are_told_apart(journal, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    calendar.add_calendar(shutil.copy(FIXTURES / "apple.ics", tmp_path / "a"), at=NOW)
    calendar.add_calendar(shutil.copy(FIXTURES / "apple.ics", tmp_path / "b"), at=NOW)
    assert [c.name for c in calendar.list_calendars()] == ["Work", "Work (2)"]


@pytest.mark.parametrize(
    "content",
    ["", "<html><body>Not found</body></html>", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"],
    ids=["empty", "html", "truncated"],
)
def test_a_bad_file_adds_nothing(journal, tmp_path, content):
    bad = tmp_path / "bad.ics"
    bad.write_text(content)
    with pytest.raises(CalendarError, match=r"^bad\.ics "):
        calendar.add_calendar(bad, at=NOW)
    assert calendar.list_calendars() == []
    assert preferences.own_emails() == []


def test_reading_again_replaces_the_events_all_or_nothing(journal, tmp_path):
    path = write_ics(
        tmp_path / "work.ics",
        event("a", dt.datetime(2026, 6, 10, 9), 30, "First"),
        event("b", dt.datetime(2026, 6, 11, 9), 30, "Second"),
    )
    added = calendar.add_calendar(path, at=NOW)
    write_ics(path, event("c", dt.datetime(2026, 6, 12, 9), 30, "Third"))
    calendar.refresh_calendar(added.calendar.id, at=NOW)
    span = (NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=5))
    assert [m.summary for m in calendar.meetings_between(*span)] == ["Third"]
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n")  # cut short mid-save
    with pytest.raises(CalendarError, match="cut short"):
        calendar.refresh_calendar(added.calendar.id, at=NOW)
    assert [m.summary for m in calendar.meetings_between(*span)] == ["Third"]  # kept
    [listed] = calendar.list_calendars()
    assert "cut short" in listed.last_error


def test_a_file_that_disappears_is_reported_once(journal, tmp_path):
    path = copy(tmp_path, "apple.ics")
    calendar.add_calendar(path, at=NOW)
    path.unlink()
    first = calendar.refresh_calendars(at=NOW)
    assert len(first) == 1 and "no such file" in first[0] and first[0].startswith("Calendar Work")
    assert calendar.refresh_calendars(at=NOW) == []  # the next start says nothing
    assert calendar.list_calendars()[0].meetings == 5  # what was read last time stays
    shutil.copy(FIXTURES / "apple.ics", path)
    assert calendar.refresh_calendars(at=NOW) == []
    assert calendar.list_calendars()[0].last_error == ""
    path.unlink()
    assert len(calendar.refresh_calendars(at=NOW)) == 1  # gone again: said again


def test_changed_only_reads_files_that_changed(journal, tmp_path):
    path = write_ics(tmp_path / "work.ics", event("a", dt.datetime(2026, 6, 10, 9), 30, "First"))
    calendar.add_calendar(path, at=NOW)
    write_ics(path, event("b", dt.datetime(2026, 6, 10, 9), 30, "Changed"))
    calendar.refresh_calendars(at=NOW, changed_only=True)
    day = (NOW.replace(hour=0), NOW.replace(hour=23))
    assert [m.summary for m in calendar.meetings_between(*day)] == ["Changed"]


def test_own_addresses_are_set_and_checked(journal):
    assert preferences.set_own_emails(["Me@Example.com", "me@example.com", " "]) == [
        "me@example.com"
    ]
    with pytest.raises(preferences.v.JournalError, match="not an email address"):
        preferences.set_own_emails(["nobody"])
    assert preferences.own_emails() == ["me@example.com"]
