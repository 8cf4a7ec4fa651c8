"""Derived views: last touch, due to reconnect, Today, referral credit, timeline, people list."""

from __future__ import annotations

import datetime as dt

import pytest
from playhouse.test_utils import assert_query_count

from journal import decisions, followups, goals, listing, notes, pains, people, referrals
from journal.credit import credit_of, referral_credit
from journal.reconnect import Schedule, due_people
from journal.timeline import timeline
from journal.today import today_view

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 23)


def test_next_reconnect_rules():
    created = dt.datetime(2026, 1, 1, 9)
    plan = Schedule(touches={2: dt.datetime(2026, 11, 1, 15)})
    assert plan.next_reconnect(1, None, created) is None
    assert plan.next_reconnect(1, 30, created) == dt.date(2026, 1, 1)
    assert plan.next_reconnect(2, 30, created) == dt.date(2026, 12, 1)


def test_due_to_reconnect(journal):
    due = people.add_person("Due", cadence_days=30)
    notes.add_note(due.id, "old", occurred_at="2026-10-01")
    fresh = people.add_person("Fresh", cadence_days=30)
    notes.add_note(fresh.id, "recent", occurred_at="2026-11-20")
    never = people.add_person("Never", cadence_days=90)
    people.add_person("No cadence")
    gone = people.add_person("Gone", cadence_days=7)
    people.trash_person(gone.id)
    rows = due_people(dt.date.today())
    assert [pid for pid, _, _ in rows] == [due.id, never.id]
    assert rows[0][2] == dt.date(2026, 10, 31)


def test_trashed_note_does_not_count_as_touch(journal):
    person = people.add_person("Ana", cadence_days=10)
    notes.add_note(person.id, "old", occurred_at="2026-10-01")
    recent = notes.add_note(person.id, "recent", occurred_at="2026-11-22")
    assert person.id not in {pid for pid, _, _ in due_people(TODAY)}
    notes.trash_note(recent.id)
    assert person.id in {pid for pid, _, _ in due_people(TODAY)}


def test_who_is_due_agrees_with_each_persons_next_reconnect(journal):
    """due_people reads last touches its own way (only for people with a cadence); each person's
    row reads them the People list's way: both give the same people, touches and dates."""
    from journal import preferences, tags

    own = people.add_person("Own", cadence_days=30, tags=["client"])  # their own wins over a tag's
    tags.set_tag_cadence("client", 14)
    notes.add_note(own.id, "old", occurred_at="2026-09-01 10:30")
    notes.add_note(own.id, "older", occurred_at="2026-08-01")
    tagged = people.add_person("Tagged", tags=["client"])
    notes.add_note(tagged.id, "x", occurred_at="2026-11-01")
    trashed_touch = notes.add_note(tagged.id, "later, trashed", occurred_at="2026-11-20")
    notes.trash_note(trashed_touch.id)
    people.add_person("Never written", cadence_days=7, owner="dana")
    said_no = people.add_person("Said no", cadence_days=10)
    notes.add_note(said_no.id, "y", occurred_at="2026-08-01")
    decisions.record_decision(said_no.id, "Retainer", "strong_no", decided_on="2026-10-01")
    people.add_person("No cadence")
    gone = people.add_person("Gone", cadence_days=1)
    people.trash_person(gone.id)
    preferences.set_cool_down_days(60)
    live = [pid for pid, _ in people.person_names()]
    rows = listing.person_rows(live)
    assert [r.name for r in rows if r.next_reconnect is not None] != []
    for day in (dt.date(2026, 8, 1), TODAY, dt.date(2026, 12, 1), dt.date(2027, 6, 1)):
        for owner in (None, "dana"):
            expected = sorted(
                (r.id, r.last_touch, r.next_reconnect)
                for r in rows
                if r.next_reconnect is not None
                and r.next_reconnect <= day
                and owner in (None, r.owner)
            )
            got = due_people(day, owner=owner)
            assert got == sorted(got, key=lambda row: (row[2], row[0]))
            assert sorted(got) == expected, (day, owner)
    assert {pid for pid, _, _ in due_people(dt.date(2027, 6, 1))} == {
        own.id,
        tagged.id,
        said_no.id,
        *[r.id for r in rows if r.name == "Never written"],
    }


def test_today_lists_revisits_and_follow_ups(journal):
    ana = people.add_person("Ana")
    came = decisions.record_decision(
        ana.id,
        "Retainer",
        "weak_no",
        decided_on="2026-10-01",
        revisit_on="2026-11-23",
        objections=["price", "timing"],
    )
    decisions.record_decision(
        ana.id, "Later", "weak_no", decided_on="2026-10-01", revisit_on="2026-11-24"
    )
    stale = decisions.record_decision(ana.id, "Audit", "undecided", decided_on="2026-11-09")
    decisions.record_decision(ana.id, "Fresh", "undecided", decided_on="2026-11-10")
    decisions.record_decision(
        ana.id, "Done", "strong_no", decided_on="2026-01-01", revisit_on="2026-02-01"
    )
    due = followups.add_follow_up(ana.id, "Send proposal", "2026-11-22")
    followups.add_follow_up(ana.id, "Future", "2026-12-22")
    done = followups.add_follow_up(ana.id, "Old", "2026-11-01")
    followups.complete_follow_up(done.id)

    view = today_view(TODAY)
    assert [d.id for d in view.revisit] == [stale.id, came.id]
    assert [o.text for o in view.revisit[1].open_objections] == ["price", "timing"]
    assert [f.id for f in view.follow_ups] == [due.id]
    assert view.follow_ups[0].person_name == "Ana"

    people.trash_person(ana.id)
    assert today_view(TODAY).empty


def test_referral_credit_shows_who_served_without_buying(journal):
    connector = people.add_person("Connector")
    buyer = people.add_person("Buyer")
    others = [people.add_person(f"Friend {i}") for i in range(3)]
    for other in others:
        referrals.add_referral(connector.id, other.id)
    referrals.add_referral(buyer.id, others[0].id)
    decisions.record_decision(buyer.id, "Retainer", "yes")
    credits = referral_credit()
    assert [(c.name, c.referred, c.said_yes) for c in credits] == [
        ("Connector", 3, False),
        ("Buyer", 1, True),
    ]
    assert credits[0].served_without_buying
    assert credit_of(others[1].id).referred == 0
    people.trash_person(others[2].id)
    assert credit_of(connector.id).referred == 2


def test_timeline_in_date_order(journal):
    ana = people.add_person("Ana")
    notes.add_note(ana.id, "first", occurred_at="2026-01-01 10:00")
    decisions.record_decision(ana.id, "Offer", "weak_no", decided_on="2026-02-01")
    notes.add_note(ana.id, "third", occurred_at="2026-03-01 10:00")
    goals.add_goal(ana.id, "Goal")
    pains.add_pain(ana.id, "Pain")
    kinds = [e.kind for e in timeline(ana.id)]
    assert kinds[-3:] == ["note", "decision", "note"]
    assert set(kinds[:2]) == {"goal", "pain"}
    assert [e.kind for e in timeline(ana.id, newest_first=False)][:3] == [
        "note",
        "decision",
        "note",
    ]
    assert timeline(ana.id)[-2].title == "Weak no: Offer"


def test_people_list_filters_and_sorts(journal):
    ana = people.add_person(
        "Ana", company="Zeta", fit="good", focus=True, tags=["CFO"], cadence_days=7
    )
    bruno = people.add_person("bruno", company="Acme 100%", tags=["agency"])
    carla = people.add_person("Carla", company="Beta", cadence_days=30)
    notes.add_note(carla.id, "x", occurred_at=dt.datetime.now())
    F = listing.PeopleFilter
    assert listing.person_ids() == [ana.id, bruno.id, carla.id]
    assert listing.person_ids(sort="company") == [bruno.id, carla.id, ana.id]
    assert listing.person_ids(sort="name", descending=True) == [carla.id, bruno.id, ana.id]
    assert listing.person_ids(F(text="cf")) == [ana.id]
    assert listing.person_ids(F(text="100%")) == [bruno.id]
    assert listing.person_ids(F(focus=True)) == [ana.id]
    assert listing.person_ids(F(good_fit=True)) == [ana.id]
    assert listing.person_ids(F(tag="agency")) == [bruno.id]
    assert listing.person_ids(F(due=True)) == [ana.id]
    assert listing.person_ids(sort="last_touch", descending=True)[0] == carla.id
    people.trash_person(bruno.id)
    assert listing.person_ids() == [ana.id, carla.id]
    assert listing.person_ids(F(trashed=True)) == [bruno.id]


def test_typed_text_matches_name_company_or_tag_in_any_case(journal):
    elodie = people.add_person("Élodie Brun", company="Ørsted", tags=["Über-CFO"])
    zoe = people.add_person("Zoë Kim", company="Acme")
    F = listing.PeopleFilter
    assert listing.person_ids(F(text="ÉLODIE")) == [elodie.id]
    assert listing.person_ids(F(text="ørsted ")) == [elodie.id]
    assert listing.person_ids(F(text="über")) == [elodie.id]
    assert listing.person_ids(F(text="brunørsted")) == []  # never across two fields
    assert listing.person_ids(F(text="  ")) == listing.person_ids()
    roster = listing.roster(F(text="ignored: a roster is everyone but for the text"))
    assert roster.matching("Ü") == [elodie.id]
    assert roster.matching("zoë") == [zoe.id]


def test_person_rows_take_a_fixed_number_of_queries(journal):
    ids = []
    for i in range(40):
        person = people.add_person(f"P{i}", tags=["t"], cadence_days=10)
        notes.add_note(person.id, "n", occurred_at="2026-11-01")
        ids.append(person.id)
    with assert_query_count(6):
        rows = listing.person_rows(ids)
    assert len(rows) == 40
    assert rows[0].next_reconnect == dt.date(2026, 11, 11)
