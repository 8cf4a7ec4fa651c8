"""Relationships you can see: tag cadences, the strong-no cool-down, the focus list, lessons,
objections by theme, decisions over time and connectors."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import decisions, focus, lessons, notes, people, preferences, referrals, tags
from journal.credit import connectors
from journal.errors import JournalError
from journal.goals import add_goal
from journal.pains import add_pain
from journal.today import today_view

pytestmark = pytest.mark.both_backends

TODAY = dt.date.today()


def days_ago(n: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(10))


def due_names() -> list[str]:
    return [p.name for p in today_view().reconnect]


def test_tag_cadence_applies_and_own_cadence_overrides(journal):
    cfo = people.add_person("Carla CFO", tags=["CFO"])
    own = people.add_person("Own Cadence", tags=["CFO"], cadence_days=90)
    for person in (cfo, own):
        notes.add_note(person.id, "call", occurred_at=days_ago(40))
    assert due_names() == []
    tags.set_tag_cadence("CFO", 30)
    assert due_names() == ["Carla CFO"]
    assert today_view().reconnect[0].cadence_days == 30
    assert tags.tag_cadences() == {"CFO": 30}
    with pytest.raises(JournalError, match="no tag called 'CEO'"):
        tags.set_tag_cadence("CEO", 10)


def test_strong_no_pauses_reconnect_for_the_cool_down(journal):
    ana = people.add_person("Ana", cadence_days=14)
    notes.add_note(ana.id, "met", occurred_at=days_ago(30))
    assert due_names() == ["Ana"]
    decisions.record_decision(ana.id, "Retainer", "strong_no", decided_on=TODAY - dt.timedelta(5))
    assert due_names() == []
    preferences.set_cool_down_days(3)
    assert due_names() == ["Ana"]
    preferences.set_cool_down_days(0)
    assert due_names() == ["Ana"]
    with pytest.raises(JournalError, match="cool_down_days"):
        preferences.set_cool_down_days(-1)


def test_focus_list_is_limited_to_twenty(journal):
    for i in range(people.FOCUS_LIMIT):
        people.add_person(f"P{i:02}", focus=True)
    extra = people.add_person("Extra")
    with pytest.raises(JournalError, match=r"focus list is full \(20 people\)"):
        people.update_person(extra.id, focus=True)
    with pytest.raises(JournalError, match="focus list is full"):
        people.add_person("Another", focus=True)
    assert len(focus.focus_list()) == 20


def test_focus_entries_show_goals_pains_and_days_since_touch(journal):
    ana = people.add_person("Ana", focus=True)
    add_goal(ana.id, "Open a second shop")
    add_pain(ana.id, "Payroll by hand")
    notes.add_note(ana.id, "coffee", occurred_at=days_ago(12))
    [entry] = focus.focus_list()
    assert entry.open_goals == ("Open a second shop",)
    assert entry.open_pains == ("Payroll by hand",)
    assert entry.days_since_touch == 12


def test_lessons_grouped_by_offer_and_tag(journal):
    ana = people.add_person("Ana", tags=["founder"])
    bruno = people.add_person("Bruno", tags=["agency", "founder"])
    decisions.record_decision(ana.id, "Retainer", "weak_no", lesson="Start smaller")
    decisions.record_decision(bruno.id, "Workshop", "strong_no", lesson="Wrong timing")
    decisions.record_decision(bruno.id, "Retainer", "yes")
    rows = lessons.lessons()
    assert {r.lesson for r in rows} == {"Start smaller", "Wrong timing"}
    by_offer = lessons.group_lessons(rows, by="offer")
    assert list(by_offer) == ["Retainer", "Workshop"]
    by_tag = lessons.group_lessons(rows, by="tag")
    assert [len(by_tag[t]) for t in ("agency", "founder")] == [1, 2]
    assert [r.lesson for r in lessons.lessons("smaller")] == ["Start smaller"]


def test_objections_grouped_by_theme_with_the_people_who_raised_them(journal):
    ana = people.add_person("Ana")
    bruno = people.add_person("Bruno")
    decisions.record_decision(
        ana.id, "Retainer", "weak_no", objections=["Too expensive for us", "Bad timing"]
    )
    decisions.record_decision(
        bruno.id, "Retainer", "undecided", objections=["too expensive", "Need to ask my partner"]
    )
    done = decisions.record_decision(bruno.id, "Audit", "strong_no", objections=["Costs more"])
    gone = decisions.record_decision(ana.id, "Old", "strong_no", objections=["Pricey"])
    decisions.trash_decision(gone.id)
    themes = lessons.objection_themes()
    assert [(t.theme, t.people) for t in themes] == [
        ("price", ("Ana", "Bruno")),
        ("timing", ("Ana",)),
        ("authority", ("Bruno",)),
    ]
    assert themes[0].label == "Price"
    assert {o.text for o in themes[0].objections} == {
        "Too expensive for us",
        "too expensive",
        "Costs more",
    }
    assert any(o.decision_id == done.id for o in themes[0].objections)


def test_decisions_over_time_counts_informed_and_unfinished(journal):
    ana = people.add_person("Ana")
    today = dt.date(2026, 11, 23)
    decisions.record_decision(ana.id, "A", "yes", decided_on="2026-11-02")
    decisions.record_decision(ana.id, "B", "strong_no", decided_on="2026-11-03")
    decisions.record_decision(ana.id, "C", "weak_no", decided_on="2026-10-03")
    decisions.record_decision(ana.id, "D", "undecided", decided_on="2025-01-03")
    months = lessons.decisions_over_time(3, today)
    assert [(m.month.month, m.informed, m.unfinished) for m in months] == [
        (9, 0, 0),
        (10, 0, 1),
        (11, 2, 0),
    ]


def test_connectors_know_who_was_thanked(journal):
    ana = people.add_person("Ana")
    friends = [people.add_person(n) for n in ("Bea", "Caio")]
    referrals.add_referral(ana.id, friends[0].id, on=TODAY - dt.timedelta(20))
    referrals.add_referral(ana.id, friends[1].id, on=TODAY - dt.timedelta(2))
    notes.add_note(ana.id, "Thank you for Bea!", kind="message", occurred_at=days_ago(10))
    [connector] = connectors()
    assert connector.credit.referred == 2
    assert connector.unthanked == ("Caio",)
    notes.add_note(ana.id, "Thanks for Caio", kind="message")
    assert connectors()[0].thanked
