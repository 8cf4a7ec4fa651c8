"""Reminders: follow-ups due today once a day, and a meeting ten minutes ahead, each once."""

from __future__ import annotations

import datetime as dt

import pytest
from calendar_helpers import event, write_ics

from journal import calendar, followups, people
from journal.reminders import ReminderState, due_reminders

pytestmark = pytest.mark.both_backends

NOW = dt.datetime(2026, 6, 10, 9, 0)


def test_follow_ups_due_today_are_reminded_once_a_day(journal):
    dana = people.add_person("Dana Whitfield").id
    followups.add_follow_up(dana, "Send the proposal", "2026-06-10")
    followups.add_follow_up(dana, "Call about the oven", "2026-06-09")
    followups.add_follow_up(dana, "Not yet", "2026-06-11")
    state = ReminderState()
    [reminder] = due_reminders(NOW, state, meetings=False)
    assert reminder.title == "2 follow-ups due today"
    assert reminder.text == "Dana Whitfield: Call about the oven; Dana Whitfield: Send the proposal"
    assert reminder.person_id == dana
    assert due_reminders(NOW + dt.timedelta(hours=3), state, meetings=False) == []
    tomorrow = due_reminders(NOW + dt.timedelta(days=1), state, meetings=False)
    assert [r.title for r in tomorrow] == ["3 follow-ups due today"]


def test_no_follow_ups_no_reminder(journal):
    assert due_reminders(NOW, ReminderState(), meetings=False) == []


def test_a_meeting_with_someone_in_the_journal_ten_minutes_ahead(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", emails=["dana@bakery.example"]).id
    who = (("Dana Whitfield", "dana@bakery.example"),)
    path = write_ics(
        tmp_path / "work.ics",
        event("a", dt.datetime(2026, 6, 10, 9, 30), 30, "Quarterly review", who),
        event("b", dt.datetime(2026, 6, 10, 9, 35), 30, "With a stranger", (("X Y", "x@y.z"),)),
    )
    calendar.add_calendar(path, at=NOW)
    state = ReminderState()
    assert due_reminders(NOW, state, follow_ups=False) == []  # 30 minutes ahead: not yet
    at_21 = NOW.replace(minute=21)
    [reminder] = due_reminders(at_21, state, follow_ups=False)
    assert (reminder.title, reminder.text) == (
        "In 9 min: Quarterly review",
        "09:30 with Dana Whitfield",
    )
    assert reminder.person_id == dana
    assert due_reminders(NOW.replace(minute=25), state, follow_ups=False) == []  # once
    assert due_reminders(NOW.replace(minute=31), ReminderState(), follow_ups=False) == []  # begun
