"""Today's "Meetings today" and "Write it up", the composer a meeting opens, and calendar files
followed from the window (File → Add calendar…, read again when the file changes)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from calendar_helpers import event, write_ics
from PySide6.QtCore import Qt

from journal import calendar, decisions, goals, notes, people
from journal.changes import EVERYTHING
from ui.pages.today import LONGEST_WAIT_MS

from .helpers import CTRL

pytestmark = pytest.mark.both_backends


def rows(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def day_with_meetings(tmp_path: Path) -> dict[str, int]:
    """Dana today at 23:00 (with Ingrid, who is not in the journal); Marco yesterday at 10:00."""
    dana = people.add_person("Dana Whitfield", emails=["dana@bakery.example"]).id
    goals.add_goal(dana, "Open a second shop")
    decisions.record_decision(dana, "Monthly bookkeeping", "undecided", decided_on="2026-05-01")
    marco = people.add_person("Marco Rossi").id
    today = dt.date.today()
    late = dt.datetime.combine(today, dt.time(23, 0))
    yesterday = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(10, 0))
    path = write_ics(
        tmp_path / "work.ics",
        event(
            "a",
            late,
            30,
            "Quarterly review",
            (("Dana Whitfield", "dana@bakery.example"), ("Ingrid Lund", "ingrid@lund.example")),
        ),
        event("b", yesterday, 45, "Coffee with Marco Rossi"),
    )
    calendar.add_calendar(path)
    return {"dana": dana, "marco": marco}


def on_today(window, tmp_path):  # type: ignore[no-untyped-def]
    """The day's meetings in the journal, and Today shown: (people's ids, the sections)."""
    ids = day_with_meetings(tmp_path)
    window.session.announce(EVERYTHING)
    window.show_page("today")
    return ids, window.today.meetings


def test_meetings_today_shows_who_their_goal_and_unfinished_decision(window, qtbot, tmp_path):
    ids, sections = on_today(window, tmp_path)
    qtbot.waitUntil(lambda: sections.meetings_model.rowCount() == 2)
    assert rows(sections.meetings_model) == [
        [
            "23:00–23:30",
            "Dana Whitfield",
            "Quarterly review",
            "Open a second shop",
            "Undecided: Monthly bookkeeping",
        ],
        ["23:00–23:30", "Ingrid Lund (not in the journal)", "Quarterly review", "", ""],
    ]
    assert sections.meetings_label.text() == "Meetings today (1)"
    assert sections.meetings_table.isVisible() and sections.brief_button.isVisible()
    table = sections.meetings_table
    table.setFocus()
    table.setCurrentIndex(sections.meetings_model.index(0, 0))
    assert sections.brief_button.isEnabled() and not sections.add_button.isEnabled()
    qtbot.mouseClick(sections.brief_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.brief_dialog.isVisible())
    assert "Dana Whitfield" in window.brief_dialog.windowTitle() + window.brief_dialog.markdown
    window.brief_dialog.reject()
    table.setCurrentIndex(sections.meetings_model.index(1, 0))
    assert sections.add_button.text() == "Add Ingrid Lund to the &journal"
    qtbot.mouseClick(sections.add_button, Qt.MouseButton.LeftButton)
    [ingrid] = people.find_people("Ingrid Lund")
    assert ingrid.emails == ("ingrid@lund.example",)
    qtbot.waitUntil(lambda: rows(sections.meetings_model)[1][1] == "Ingrid Lund")
    table.setCurrentIndex(sections.meetings_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.person.current_person_id() == ids["dana"]


def test_write_it_up_opens_the_composer_at_the_meetings_time(window, qtbot, tmp_path):
    ids, sections = on_today(window, tmp_path)
    qtbot.waitUntil(lambda: sections.write_up_model.rowCount() == 1)
    assert rows(sections.write_up_model) == [
        ["yesterday 10:00–10:45", "Marco Rossi", "Coffee with Marco Rossi"]
    ]
    table = sections.write_up_table
    table.setFocus()
    table.setCurrentIndex(sections.write_up_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # one key
    assert window.person.current_person_id() == ids["marco"]
    composer = window.person.page.journal.composer
    began = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(10, 0))
    assert composer.kind.currentData() == "meeting"
    assert composer.occurred_at() == began
    qtbot.waitUntil(composer.body.hasFocus)
    qtbot.keyClicks(composer.body, "Talked about the new roaster")
    qtbot.keyClick(composer.body, Qt.Key.Key_Return, CTRL)
    [note] = notes.notes_of(ids["marco"])
    assert (note.kind, note.occurred_at) == ("meeting", began)
    window.show_page("today")
    qtbot.waitUntil(lambda: sections.write_up_model.rowCount() == 0)
    assert not sections.write_up_table.isVisible()


def test_the_person_timeline_shows_their_meetings(window, qtbot, tmp_path):
    ids = day_with_meetings(tmp_path)
    window.open_person(ids["dana"])
    model = window.person.page.journal.model
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert any("Quarterly review" in t and "Meeting in the calendar" in t for t in texts)
    row = next(r for r, t in enumerate(texts) if "Quarterly review" in t)
    view = window.person.page.journal.view
    view.setCurrentIndex(model.index(row))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on a meeting: write it up
    composer = window.person.page.journal.composer
    assert composer.occurred_at() == dt.datetime.combine(dt.date.today(), dt.time(23, 0))


def test_add_calendar_and_read_it_again_when_the_file_is_replaced(window, qtbot, tmp_path):
    people.add_person("Dana Whitfield", emails=["dana@bakery.example"])
    today = dt.datetime.combine(dt.date.today(), dt.time(23, 0))
    who = (("Dana Whitfield", "dana@bakery.example"),)
    path = write_ics(tmp_path / "work.ics", event("a", today, 30, "First look", who))
    window.show_page("today")
    assert window.calendars.add_file(path)
    sections = window.today.meetings
    qtbot.waitUntil(lambda: sections.meetings_model.rowCount() == 1)
    assert "Following Work: 1 meetings" in window.statusBar().currentMessage()
    # An editor saves by writing a new file and renaming it over the old one.
    fresh = write_ics(tmp_path / "work.ics.new", event("b", today, 30, "Second look", who))
    os.replace(fresh, path)
    qtbot.waitUntil(lambda: window.calendars.reads == 1, timeout=10_000)
    qtbot.waitUntil(lambda: rows(sections.meetings_model)[0][2] == "Second look")
    again = write_ics(tmp_path / "work.ics.new", event("c", today, 30, "Third look", who))
    os.replace(again, path)  # still watched after the first replacement
    qtbot.waitUntil(lambda: window.calendars.reads == 2, timeout=10_000)
    qtbot.waitUntil(lambda: rows(sections.meetings_model)[0][2] == "Third look")


def test_a_bad_calendar_file_is_refused_from_the_window(window, qtbot, tmp_path, message_boxes):
    bad = tmp_path / "export.ics"
    bad.write_text("<html><body>Sign in to continue</body></html>")
    message_boxes.expect("web page (HTML)")
    assert window.calendars.add_file(bad)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    assert calendar.list_calendars() == []


def test_the_menu_has_add_calendar(window):
    assert window.registry["add_calendar"].text() == "Add &calendar…"


def test_at_start_a_calendar_file_gone_is_said_once(window, qtbot, tmp_path):
    path = write_ics(tmp_path / "home.ics", name="Home")
    calendar.add_calendar(path)
    path.unlink()
    bar = window.statusBar()
    assert window.calendars.start()
    qtbot.waitUntil(lambda: window.calendars.starts == 1)
    assert (
        bar.currentMessage().startswith("Calendar Home: ")
        and "no such file" in bar.currentMessage()
    )
    bar.clearMessage()
    assert window.calendars.start()  # the next start
    qtbot.waitUntil(lambda: window.calendars.starts == 2)
    assert bar.currentMessage() == ""


def test_a_meeting_that_ends_moves_to_write_it_up_by_itself(window, qtbot, tmp_path):
    """Nobody touches the window: Today's clock reads the day again when the meeting ends."""
    people.add_person("Dana Whitfield", emails=["dana@bakery.example"])
    ends = (dt.datetime.now() + dt.timedelta(seconds=4)).replace(microsecond=0)
    who = (("Dana Whitfield", "dana@bakery.example"),)
    path = write_ics(
        tmp_path / "work.ics", event("a", ends - dt.timedelta(minutes=30), 30, "Walk-through", who)
    )
    calendar.add_calendar(path)
    window.session.announce(EVERYTHING)
    window.show_page("today")
    sections = window.today.meetings
    assert rows(sections.meetings_model)[0][2] == "Walk-through"
    assert sections.write_up_model.rowCount() == 0
    qtbot.waitUntil(lambda: sections.write_up_model.rowCount() == 1, timeout=20_000)
    assert dt.datetime.now() >= ends
    assert rows(sections.write_up_model)[0][1:] == ["Dana Whitfield", "Walk-through"]
    assert sections.meetings_model.rowCount() == 0 and not sections.meetings_table.isVisible()
    midnight = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
    assert window.today.changes_at == midnight  # the next change: a new day
    assert 0 < window.today.clock.remainingTime() <= LONGEST_WAIT_MS  # looked at meanwhile
