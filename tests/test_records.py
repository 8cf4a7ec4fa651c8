"""Notes, goals, pains, decisions with objections, referrals and follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import decisions, followups, goals, notes, pains, people, referrals
from journal.errors import JournalError, NotFound

pytestmark = pytest.mark.both_backends


@pytest.fixture
def ana(journal):
    return people.add_person("Ana Souza", company="Acme")


@pytest.fixture
def bruno(journal):
    return people.add_person("Bruno Costa")


def test_note_defaults_to_now_and_a_meeting(ana):
    before = dt.datetime.now().replace(microsecond=0)
    note = notes.add_note(ana.id, "Coffee at the bakery. **Budget** is tight.")
    assert note.kind == "meeting"
    assert before <= note.occurred_at <= dt.datetime.now()


def test_note_time_kind_and_edits(ana):
    note = notes.add_note(ana.id, "Called", kind="call", occurred_at="2026-05-01 14:30")
    assert note.occurred_at == dt.datetime(2026, 5, 1, 14, 30)
    edited = notes.update_note(note.id, body="Called back", kind="message")
    assert (edited.body, edited.kind) == ("Called back", "message")
    assert notes.last_touch(ana.id) == dt.datetime(2026, 5, 1, 14, 30)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"body": ""}, "note: must not be empty"),
        ({"body": "x", "kind": "email"}, "kind: 'email' is not one of meeting, call"),
        ({"body": "x", "occurred_at": "yesterday"}, "occurred_at: 'yesterday' is not a date"),
    ],
)
def test_note_rejects_bad_input(ana, kwargs, message):
    kwargs = dict(kwargs)  # the parameter is shared by the runs on both backends
    body = kwargs.pop("body")
    with pytest.raises(JournalError, match=message):
        notes.add_note(ana.id, body, **kwargs)
    assert notes.notes_of(ana.id) == []


def test_note_for_missing_person(journal):
    with pytest.raises(NotFound):
        notes.add_note(42, "hello")


def test_note_trash_and_restore(ana):
    note = notes.add_note(ana.id, "first", occurred_at="2026-01-01")
    notes.trash_note(note.id)
    assert notes.notes_of(ana.id) == []
    assert notes.last_touch(ana.id) is None
    notes.restore_note(note.id)
    assert [n.id for n in notes.notes_of(ana.id)] == [note.id]


def test_goals_and_pains_have_status(ana):
    goal = goals.add_goal(ana.id, "Open a fourth shop", why="Her daughter will run it")
    assert goals.update_goal(goal.id, status="attained").status == "attained"
    with pytest.raises(JournalError, match="status: 'won' is not one of open, attained, dropped"):
        goals.update_goal(goal.id, status="won")
    pain = pains.add_pain(ana.id, "Closing the month takes 3 weeks", ramifications="Flying blind")
    assert pains.pains_of(ana.id, status="open") == [pain]
    assert pains.update_pain(pain.id, status="relieved").status == "relieved"
    with pytest.raises(JournalError, match="pain: must not be empty"):
        pains.add_pain(ana.id, " ")
    pains.trash_pain(pain.id)
    assert pains.pains_of(ana.id) == []


def test_decision_with_objections_and_lesson(ana):
    decision = decisions.record_decision(
        ana.id,
        "Monthly bookkeeping",
        "weak_no",
        decided_on="2026-10-01",
        reason="Not this quarter",
        lesson="Should have started with a one-off clean-up",
        revisit_on="2027-01-10",
        objections=["Too expensive", "Bad timing"],
    )
    assert decision.unfinished
    assert [o.text for o in decision.open_objections] == ["Too expensive", "Bad timing"]
    after = decisions.update_objection(decision.objections[0].id, addressed=True)
    assert [o.text for o in after.open_objections] == ["Bad timing"]
    revisited = decisions.update_decision(decision.id, outcome="yes")
    assert not revisited.unfinished
    decisions.trash_decision(decision.id)
    assert decisions.decisions_of(ana.id) == []
    decisions.restore_decision(decision.id)
    assert len(decisions.decisions_of(ana.id)) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"outcome": "maybe"}, "outcome: 'maybe' is not one of yes, strong_no, weak_no, undecided"),
        ({"offer": ""}, "offer: must not be empty"),
        ({"decided_on": "soon"}, "decided_on: 'soon' is not a date"),
        ({"objections": ["ok", ""]}, r"objections\[1\]: must not be empty"),
    ],
)
def test_decision_rejects_bad_input_and_writes_nothing(ana, kwargs, message):
    args = {"offer": "Retainer", "outcome": "yes"} | kwargs
    offer, outcome = args.pop("offer"), args.pop("outcome")
    with pytest.raises(JournalError, match=message):
        decisions.record_decision(ana.id, offer, outcome, **args)
    assert decisions.all_decisions() == []


def test_all_decisions_puts_unfinished_first(ana, bruno):
    decisions.record_decision(ana.id, "A", "yes", decided_on="2026-11-01")
    decisions.record_decision(bruno.id, "B", "undecided", decided_on="2026-01-01")
    decisions.record_decision(ana.id, "C", "strong_no", decided_on="2026-10-01")
    assert [d.offer for d in decisions.all_decisions()] == ["B", "A", "C"]
    assert [d.offer for d in decisions.all_decisions(["strong_no"])] == ["C"]
    assert decisions.all_decisions()[0].person_name == "Bruno Costa"


def test_referrals_link_people_once_and_never_to_themselves(ana, bruno):
    link = referrals.add_referral(ana.id, bruno.id, on="2026-02-02", context="Lunch")
    assert (link.referrer_name, link.referred_name) == ("Ana Souza", "Bruno Costa")
    assert referrals.referred_by(bruno.id) == [link]
    assert referrals.referrals_from(ana.id) == [link]
    with pytest.raises(JournalError, match="Ana Souza cannot refer themselves"):
        referrals.add_referral(ana.id, ana.id)
    with pytest.raises(JournalError, match="already linked"):
        referrals.add_referral(ana.id, bruno.id)
    with pytest.raises(NotFound):
        referrals.add_referral(ana.id, 999)
    referrals.trash_referral(link.id)
    assert referrals.all_referrals() == []


def test_follow_ups(ana):
    follow_up = followups.add_follow_up(ana.id, "Send the case study", "2026-12-01")
    assert followups.follow_ups_of(ana.id) == [follow_up]
    followups.complete_follow_up(follow_up.id)
    assert followups.follow_ups_of(ana.id) == []
    assert len(followups.follow_ups_of(ana.id, include_done=True)) == 1
    with pytest.raises(JournalError, match="due_on: a date is required"):
        followups.add_follow_up(ana.id, "Call", None)
