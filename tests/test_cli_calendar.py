"""`rapport calendar …` and Today's meetings on the command line, run as subprocesses."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from calendar_helpers import FIXTURES, event, write_ics
from test_cli import fails, ok

pytestmark = pytest.mark.both_backends


def test_follow_list_today_and_remove(tmp_path, journal_location):
    journal = journal_location
    ok(journal, "add", "Dana Whitfield", "--email", "dana@bakery.example")
    today = dt.date.today()
    morning = dt.datetime.combine(today, dt.time(0, 5))
    path = write_ics(
        tmp_path / "work.ics",
        event("a", morning, 30, "Quarterly review", (("Dana Whitfield", "dana@bakery.example"),)),
        event(
            "b", morning + dt.timedelta(minutes=40), 20, "Intro", (("Ingrid Lund", "i@l.example"),)
        ),
        event("c", morning - dt.timedelta(days=400), 30, "Long ago"),
    )
    out = ok(journal, "calendar", "add", str(path))
    assert out.startswith("following Work: 2 meetings from 30 days ago to 60 days ahead")
    assert "(3 events in the file)" in out
    listed = ok(journal, "calendar", "list")
    assert listed.startswith("#1  Work  2 meetings, read ") and str(path) in listed
    data = json.loads(ok(journal, "today", "--json"))
    assert data["meetings"][0] == {
        "start": morning.isoformat(),
        "end": (morning + dt.timedelta(minutes=30)).isoformat(),
        "summary": "Quarterly review",
        "people": ["Dana Whitfield"],
        "not_in_journal": [],
        "all_day": False,
    }
    assert data["meetings"][1]["people"] == [] and data["meetings"][1]["not_in_journal"] == [
        "Ingrid Lund"
    ]
    text = ok(journal, "today")
    assert "Meetings today:\n  00:05–00:35 Quarterly review · with Dana Whitfield" in text
    assert "Ingrid Lund (not in the journal)" in text
    assert "read Work: 2 meetings" in ok(journal, "calendar", "refresh")
    assert "stopped following Work" in ok(journal, "calendar", "remove", "work")
    assert json.loads(ok(journal, "today", "--json"))["meetings"] == []
    assert ok(journal, "calendar", "list").startswith("no calendars followed")


def test_bad_calendar_files_fail_with_one_line_and_add_nothing(tmp_path, journal_location):
    journal = journal_location
    html = tmp_path / "calendar.ics"
    html.write_text("<!doctype html><html><head><title>Google Calendar</title></head></html>")
    assert "web page (HTML)" in fails(journal, "calendar", "add", str(html))
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    assert "empty.ics is empty" in fails(journal, "calendar", "add", str(empty))
    assert "no such file" in fails(journal, "calendar", "add", str(tmp_path / "gone.ics"))
    truncated = tmp_path / "cut.ics"
    truncated.write_bytes((FIXTURES / "outlook.ics").read_bytes()[:2000])
    assert "cut short" in fails(journal, "calendar", "add", str(truncated))
    assert ok(journal, "calendar", "list").startswith("no calendars followed")
    assert "no followed calendar named 'Work'" in fails(journal, "calendar", "remove", "Work")
    fails(journal, "calendar", code=2)  # no action given
