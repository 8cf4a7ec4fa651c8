"""Who a meeting is with, Today's meetings and write-ups, and why a meeting is not a touch."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator

import pytest
from calendar_helpers import FIXTURES, NOW, event, local_zone, write_ics

from journal import calendar, decisions, goals, notes, people, preferences
from journal.calendar.agenda import next_change, not_ended
from journal.reconnect import due_people
from journal.today import today_view

pytestmark = pytest.mark.both_backends


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def follow(tmp_path, *names: str) -> None:
    for name in names:
        calendar.add_calendar(shutil.copy(FIXTURES / name, tmp_path / name), at=NOW)


def names(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in meeting.people]


def test_attendees_match_by_email_then_exact_name(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", emails=["DANA@whitfieldbakery.example"])
    people.add_person("Priya Nair")  # no email: matched by her name
    people.add_person("Jonas Berg", emails=["jonas@another.example"])
    follow(tmp_path, "google.ics", "outlook.ics")
    day = calendar.meetings_on(NOW.date())
    review = next(m for m in day if m.summary == "Quarterly review")
    assert review.people == (calendar.PersonMention(dana.id, "Dana Whitfield"),)
    assert review.strangers == ()  # the seller's own address is nobody
    checkin = next(m for m in day if m.summary == "Check-in with Priya")
    assert names(checkin) == ["Priya Nair"]
    walk = next(m for m in calendar.meetings_on(dt.date(2026, 6, 11)))
    assert names(walk) == ["Jonas Berg"]  # a different address, the same exact name
    assert [s.email for s in walk.strangers] == ["ingrid.lund@fjord.example"]


def test_an_event_without_attendees_matches_a_full_name_in_its_summary(journal, tmp_path):
    people.add_person("Marco Rossi")
    people.add_person("Marco")  # a first name alone is not enough
    people.add_person("Dana Whitfield")
    people.add_person("Dana Whitfielder")
    follow(tmp_path, "google.ics", "thunderbird.ics")
    coffee = next(
        m for m in calendar.meetings_on(dt.date(2026, 6, 9)) if m.summary.startswith("Coffee")
    )
    assert names(coffee) == ["Marco Rossi"]
    lunch = next(m for m in calendar.meetings_on(NOW.date()) if m.summary.startswith("Lunch"))
    assert names(lunch) == ["Dana Whitfield"]


def test_a_name_shared_by_two_people_matches_neither(journal, tmp_path):
    people.add_person("Priya Nair", company="Northwind")
    people.add_person("Priya Nair", company="Elsewhere")
    follow(tmp_path, "google.ics")
    checkin = next(m for m in calendar.meetings_on(NOW.date()) if m.summary.startswith("Check"))
    assert checkin.people == () and [s.name for s in checkin.strangers] == ["Priya Nair"]


def test_trashed_people_are_not_on_meetings(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", emails=["dana@whitfieldbakery.example"])
    people.trash_person(dana.id)
    follow(tmp_path, "google.ics")
    review = next(m for m in calendar.meetings_on(NOW.date()) if m.summary == "Quarterly review")
    assert review.people == () and review.strangers[0].name == "Dana Whitfield"


def test_the_sellers_address_set_in_preferences_is_never_a_person(journal, tmp_path):
    people.add_person("Sam Seller", emails=["sam@sellerco.example"])  # the seller, as a person
    preferences.set_own_emails(["sam@sellerco.example"])
    follow(tmp_path, "apple.ics")
    call = next(m for m in calendar.meetings_on(NOW.date()) if m.summary == "Discovery call")
    assert "Sam Seller" not in names(call)
    assert [s.name for s in call.strangers] == ["Priya Nair"]


def test_meetings_of_a_person_past_and_upcoming(journal, tmp_path):
    priya = people.add_person("Priya Nair", emails=["priya.nair@northwind.example"])
    follow(tmp_path, "google.ics", "apple.ics")
    found = [(m.starts_at.date().isoformat(), m.summary) for m in calendar.meetings_of(priya.id)]
    assert found[:2] == [
        ("2026-05-20", "Check-in with Priya"),
        ("2026-05-27", "Check-in with Priya"),
    ]
    assert ("2026-06-10", "Discovery call") in found
    assert ("2026-06-18", "Check-in with Priya (moved)") in found
    assert len(found) == 8


def test_today_lists_meetings_with_the_first_open_goal_and_unfinished_decision(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", emails=["dana@whitfieldbakery.example"])
    goals.add_goal(dana.id, "Open a second shop")
    goals.add_goal(dana.id, "Hire a baker")
    goals.add_goal(dana.id, "Done already", status="attained")
    decisions.record_decision(dana.id, "Monthly bookkeeping", "weak_no", decided_on="2026-05-01")
    follow(tmp_path, "google.ics")
    view = today_view(now=NOW)
    [review] = [a for a in view.meetings if a.meeting.summary == "Quarterly review"]
    [person] = review.people
    assert person.first_open_goal == "Open a second shop"
    assert person.unfinished_decision == "Weak no: Monthly bookkeeping"
    assert "Trade fair" not in {a.meeting.summary for a in view.meetings}  # nobody on it
    assert not view.empty


def test_today_changes_when_a_meeting_begins_or_ends_and_at_midnight(journal, tmp_path):
    people.add_person("Dana Whitfield", emails=["dana@whitfieldbakery.example"])
    people.add_person("Priya Nair")
    follow(tmp_path, "google.ics")
    meetings = today_view(now=NOW).meetings
    moments, at = [], NOW
    while at.date() == NOW.date():
        at = next_change(meetings, at)
        moments.append(at.strftime("%d %H:%M"))
    assert moments == ["10 10:00", "10 11:00", "10 15:00", "10 15:30", "11 00:00"]
    assert next_change([], NOW) == dt.datetime(2026, 6, 11)
    summaries = [a.meeting.summary for a in meetings]
    assert summaries == ["Quarterly review", "Check-in with Priya"]
    under_way = NOW.replace(hour=10, minute=30)
    assert [a.meeting.summary for a in not_ended(meetings, under_way)] == summaries
    ended = [a.meeting.summary for a in not_ended(meetings, NOW.replace(hour=11))]
    assert ended == ["Check-in with Priya"]  # the review is left to "Write it up"


def test_write_it_up_until_a_note_is_written(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", emails=["dana@whitfieldbakery.example"])
    marco = people.add_person("Marco Rossi")
    follow(tmp_path, "google.ics")
    evening = NOW.replace(hour=20)
    listed = [(w.meeting.summary, w.person.id) for w in today_view(now=evening).write_up]
    assert listed == [("Quarterly review", dana.id), ("Coffee with Marco Rossi", marco.id)]
    notes.add_note(dana.id, "Before the meeting", occurred_at=dt.datetime(2026, 6, 10, 9, 59))
    assert len(today_view(now=evening).write_up) == 2  # a note from before it does not count
    notes.add_note(dana.id, "Went well", occurred_at=dt.datetime(2026, 6, 10, 11, 5))
    listed = [w.person.id for w in today_view(now=evening).write_up]
    assert listed == [marco.id]
    assert today_view(now=NOW.replace(hour=9)).write_up[0].person.id == marco.id  # not yet ended
    two_days_on = evening + dt.timedelta(days=2)
    assert today_view(now=two_days_on).write_up == []  # older than yesterday


def test_a_meeting_alone_does_not_reset_the_cadence(journal, tmp_path):
    dana = people.add_person("Dana Whitfield", cadence_days=14)
    notes.add_note(dana.id, "Last real talk", occurred_at="2026-05-01 10:00")
    path = write_ics(
        tmp_path / "work.ics",
        event(
            "m1", dt.datetime(2026, 6, 9, 10), 60, "Meeting", (("Dana Whitfield", "d@x.example"),)
        ),
    )
    calendar.add_calendar(path, at=NOW)
    assert calendar.meetings_of(dana.id)  # the meeting is hers
    due = due_people(NOW.date())
    assert [(pid, touch) for pid, touch, _ in due] == [(dana.id, dt.datetime(2026, 5, 1, 10))]
    assert people.get_person(dana.id).cadence_days == 14
    notes.add_note(dana.id, "Wrote it up", occurred_at="2026-06-09 11:00")
    assert due_people(NOW.date()) == []
