"""Merging two people by hand: nothing of either is lost, and search follows the merge."""

from __future__ import annotations

import pytest

from journal import decisions, followups, goals, notes, pains, people, referrals, search, trash
from journal.contacts import merge_people
from journal.errors import JournalError, NotFound
from journal.storage import Journal

pytestmark = pytest.mark.both_backends


@pytest.fixture
def pair(journal: Journal):
    keep = people.add_person(
        "Ana Souza",
        company="Padaria Central",
        emails=["ana@padaria.example"],
        tags=["founder"],
        about="Runs two bakeries.",
    )
    other = people.add_person(
        "Ana S.",
        company="Another Co",
        role="Owner",
        location="Lisbon",
        emails=["ANA@padaria.example", "ana.souza@gmail.com"],
        phones=["+351 900 000 000"],
        tags=["Founder", "bakery"],
        about="Prefers mornings.",
        fit="good",
        cadence_days=30,
    )
    return keep, other


def test_everything_of_both_is_kept(pair):
    keep, other = pair
    friend = people.add_person("Carla Dias")
    newcomer = people.add_person("Duda Lima")
    notes.add_note(keep.id, "First coffee together")
    notes.add_note(other.id, "Talked about sourdough starters", kind="call")
    trashed_note = notes.add_note(other.id, "An old note in the trash")
    notes.trash_note(trashed_note.id)
    goals.add_goal(keep.id, "Open a third shop")
    goals.add_goal(other.id, "Hire a night baker", why="sleep")
    pains.add_pain(other.id, "Flour prices", ramifications="thinner margins")
    decisions.record_decision(keep.id, "Bookkeeping", "yes")
    decisions.record_decision(other.id, "Payroll", "weak_no", objections=["too early"])
    followups.add_follow_up(other.id, "Send the menu", "2030-01-01")
    referrals.add_referral(friend.id, keep.id)
    referrals.add_referral(friend.id, other.id)  # the same pair once merged: collapses
    referrals.add_referral(other.id, newcomer.id, context="her neighbour")
    referrals.add_referral(keep.id, other.id)  # between the two: dropped

    merged = merge_people(keep.id, other.id)

    assert merged.id == keep.id
    assert [n.body for n in notes.notes_of(keep.id)][::-1] == [
        "First coffee together",
        "Talked about sourdough starters",
    ]
    assert notes.get_note(trashed_note.id).person_id == keep.id
    assert {g.text for g in goals.goals_of(keep.id)} == {"Open a third shop", "Hire a night baker"}
    assert [p.text for p in pains.pains_of(keep.id)] == ["Flour prices"]
    kept_decisions = {d.offer: d for d in decisions.decisions_of(keep.id)}
    assert set(kept_decisions) == {"Bookkeeping", "Payroll"}
    assert [o.text for o in kept_decisions["Payroll"].objections] == ["too early"]
    assert [f.what for f in followups.follow_ups_of(keep.id)] == ["Send the menu"]
    assert [(r.referrer_id, r.referred_id) for r in referrals.referred_by(keep.id)] == [
        (friend.id, keep.id)
    ]
    assert [(r.referred_id, r.context) for r in referrals.referrals_from(keep.id)] == [
        (newcomer.id, "her neighbour")
    ]


def test_fields_are_filled_never_overwritten_and_lists_united(pair):
    keep, other = pair
    merged = merge_people(keep.id, other.id)
    assert merged.name == "Ana Souza"
    assert merged.company == "Padaria Central"
    assert (merged.role, merged.location, merged.fit, merged.cadence_days) == (
        "Owner",
        "Lisbon",
        "good",
        30,
    )
    assert merged.emails == ("ana@padaria.example", "ana.souza@gmail.com")
    assert merged.phones == ("+351 900 000 000",)
    assert set(merged.tags) == {"founder", "bakery"}
    assert merged.about == "Runs two bakeries.\n\nPrefers mornings."


def test_the_other_person_goes_to_the_trash_and_search_follows(pair):
    keep, other = pair
    notes.add_note(other.id, "Talked about sourdough starters")
    merge_people(keep.id, other.id)
    assert people.get_person(other.id).trashed_at is not None
    assert ("person", other.id) in {(i.kind, i.id) for i in trash.trashed_items()}
    hits = search.search("sourdough")
    assert [(h.kind, h.person_id, h.person_name) for h in hits] == [("note", keep.id, "Ana Souza")]
    assert search.search("Another Co") == []
    assert {h.record_id for h in search.search("bakery")} == {keep.id}


def test_merging_a_person_with_themselves_or_a_trashed_one_is_refused(pair):
    keep, other = pair
    with pytest.raises(JournalError, match="themselves"):
        merge_people(keep.id, keep.id)
    people.trash_person(other.id)
    with pytest.raises(JournalError, match="restore"):
        merge_people(keep.id, other.id)
    with pytest.raises(NotFound):
        merge_people(keep.id, 9999)
    assert people.get_person(keep.id).role == ""
