"""Nothing lost: each kind of record removed goes to the trash and comes back exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import (
    credit,
    decisions,
    followups,
    goals,
    interchange,
    lessons,
    network,
    notes,
    pains,
    people,
    personas,
    referrals,
    search,
    tags,
    trash,
)
from journal.errors import JournalError, NotFound
from journal.exports.markdown import export_markdown
from journal.focus import focus_list
from journal.today import today_view

pytestmark = pytest.mark.both_backends


@pytest.fixture
def ana(journal):
    return people.add_person("Ana Souza", company="Souza Bakery", focus=True)


def _found(text: str) -> set[tuple[str, int]]:
    return {(h.kind, h.record_id) for h in search.search(text)}


def _exported() -> str:
    return interchange.export_json_text()


def _in_trash(kind: str, record_id: int) -> bool:
    return (kind, record_id) in {(i.kind, i.id) for i in trash.trashed_items()}


def test_undo_goal_removal(ana):
    goal = goals.add_goal(ana.id, "Open a second shop", why="Her daughter runs it")
    trashed = goals.trash_goal(goal.id)
    assert trashed.trashed_at is not None
    assert goals.goals_of(ana.id) == []
    assert _found("second shop") == set()
    assert "second shop" not in _exported()
    assert focus_list()[0].open_goals == ()
    assert _in_trash("goal", goal.id)

    assert trash.restore("goal", goal.id) == goal
    assert goals.goals_of(ana.id) == [goal]
    assert _found("second shop") == {("goal", goal.id)}
    assert "second shop" in _exported()
    assert not _in_trash("goal", goal.id)


def test_undo_pain_removal(ana):
    pain = pains.add_pain(ana.id, "Flour prices", ramifications="Margins gone", status="relieved")
    pains.trash_pain(pain.id)
    assert pains.pains_of(ana.id) == []
    assert _found("flour") == set()
    assert "Flour prices" not in _exported()

    assert trash.restore("pain", pain.id) == pain
    assert pains.pains_of(ana.id) == [pain]
    assert _found("flour") == {("pain", pain.id)}


def test_undo_objection_removal(ana):
    decision = decisions.record_decision(
        ana.id, "Bookkeeping", "weak_no", objections=["Too expensive", "Bad timing"]
    )
    price = decision.objections[0]
    without = decisions.trash_objection(price.id)
    assert [o.text for o in without.objections] == ["Bad timing"]
    assert _found("expensive") == set()
    themes = {o.text for t in lessons.objection_themes() for o in t.objections}
    assert themes == {"Bad timing"}
    assert "Too expensive" not in _exported()

    restored = trash.restore("objection", price.id)
    assert restored == decision
    assert decisions.get_decision(decision.id) == decision
    assert _found("expensive") == {("objection", price.id)}


def test_undo_referral_removal(ana):
    bruno = people.add_person("Bruno Lima")
    link = referrals.add_referral(ana.id, bruno.id, on="2026-03-01", context="At the fair")
    referrals.trash_referral(link.id)
    assert referrals.all_referrals() == []
    assert referrals.referrals_from(ana.id) == []
    assert credit.referral_credit() == []
    assert not network.referral_network().edges
    assert '"At the fair"' not in _exported()

    assert trash.restore("referral", link.id) == link
    assert referrals.all_referrals() == [link]
    assert credit.credit_of(ana.id).referred == 1
    assert len(network.referral_network().edges) == 1


def test_a_referral_made_again_replaces_the_one_in_the_trash(ana):
    bruno = people.add_person("Bruno Lima")
    old = referrals.add_referral(ana.id, bruno.id, context="old")
    referrals.trash_referral(old.id)
    new = referrals.add_referral(ana.id, bruno.id, context="new")
    assert referrals.all_referrals() == [new]
    assert trash.trashed_items() == []


def test_undo_follow_up_removal(ana):
    due = dt.date.today() - dt.timedelta(days=1)
    follow_up = followups.add_follow_up(ana.id, "Send the case study", due)
    followups.trash_follow_up(follow_up.id)
    assert followups.follow_ups_of(ana.id) == []
    assert today_view().follow_ups == []
    assert "case study" not in _exported()

    assert trash.restore("followup", follow_up.id) == follow_up
    assert followups.follow_ups_of(ana.id) == [follow_up]
    assert [f.id for f in today_view().follow_ups] == [follow_up.id]


def test_undo_note_removal(ana):
    note = notes.add_note(ana.id, "Talked about the oven")
    notes.trash_note(note.id)
    assert notes.notes_of(ana.id) == []
    assert trash.restore("note", note.id) == note
    assert _found("oven") == {("note", note.id)}


def test_undo_decision_removal(ana):
    decision = decisions.record_decision(ana.id, "Payroll", "strong_no", objections=["No staff"])
    decisions.trash_decision(decision.id)
    assert decisions.decisions_of(ana.id) == []
    assert trash.restore("decision", decision.id) == decision
    assert _found("payroll") == {
        ("decision", decision.id),
        ("objection", decision.objections[0].id),
    }


def test_undo_person_removal(ana):
    goals.add_goal(ana.id, "Open a second shop")
    people.trash_person(ana.id)
    assert people.count_people() == 0
    assert _found("second shop") == set()
    assert trash.restore("person", ana.id) == ana
    assert len(_found("second shop")) == 1


def test_undo_tag_removal(ana):
    tags.set_tags(ana.id, ["Bakers", "cfo"])
    tags.set_tag_cadence("Bakers", 14)
    before = tags.remove_tag(ana.id, "bakers")
    assert people.get_person(ana.id).tags == ("cfo",)
    assert _found("bakers") == set()

    assert tags.set_tags(ana.id, before) == ("Bakers", "cfo")
    assert people.get_person(ana.id).tags == ("Bakers", "cfo")
    assert tags.tag_cadences() == {"Bakers": 14}
    assert _found("bakers") == {("person", ana.id)}


def test_trash_lists_every_kind_and_empties_them_all(ana):
    bruno = people.add_person("Bruno Lima")
    decision = decisions.record_decision(ana.id, "Audit", "weak_no", objections=["price"])
    removed = {
        ("goal", goals.trash_goal(goals.add_goal(ana.id, "Grow").id).id),
        ("pain", pains.trash_pain(pains.add_pain(ana.id, "Late").id).id),
        ("objection", decisions.trash_objection(decision.objections[0].id).id),
        ("referral", referrals.trash_referral(referrals.add_referral(ana.id, bruno.id).id).id),
        (
            "followup",
            followups.trash_follow_up(followups.add_follow_up(ana.id, "x", "2030-01-01").id).id,
        ),
        ("note", notes.trash_note(notes.add_note(ana.id, "gone").id).id),
    }
    removed = {(k, decision.objections[0].id if k == "objection" else i) for k, i in removed}
    listed = {(i.kind, i.id) for i in trash.trashed_items()}
    assert listed == removed
    labels = {i.kind: i.label for i in trash.trashed_items()}
    assert labels["referral"] == "Ana Souza introduced Bruno Lima"
    assert labels["objection"] == "Ana Souza: price (on Audit)"

    assert trash.empty_trash() == len(removed)
    assert trash.trashed_items() == []
    assert decisions.get_decision(decision.id).objections == ()
    assert people.count_people() == 2


def test_restoring_an_unknown_kind_is_a_clear_error(journal):
    with pytest.raises(JournalError, match="nothing of kind 'deal'"):
        trash.restore("deal", 1)
    with pytest.raises(NotFound):
        trash.restore("goal", 999)


def test_markdown_export_leaves_the_trash_out(ana, tmp_path):
    goals.trash_goal(goals.add_goal(ana.id, "Secret plan").id)
    written = export_markdown(tmp_path / "md")
    assert all("Secret plan" not in p.read_text(encoding="utf-8") for p in written if p.is_file())


def test_personas_leave_the_trash_out(ana):
    tags.set_tags(ana.id, ["Bakers"])
    tags.set_persona("Bakers", True)
    goal = goals.add_goal(ana.id, "Open a second shop")
    pain = pains.add_pain(ana.id, "Flour prices")
    decision = decisions.record_decision(ana.id, "Audit", "weak_no", objections=["Too dear"])
    goals.trash_goal(goal.id)
    pains.trash_pain(pain.id)
    decisions.trash_objection(decision.objections[0].id)
    [bakers] = personas.personas()
    assert (bakers.goals, bakers.pains, bakers.objections) == ((), (), ())
    trash.restore("goal", goal.id)
    trash.restore("objection", decision.objections[0].id)
    [bakers] = personas.personas()
    assert [g.text for g in bakers.goals] == ["Open a second shop"]
    assert [m.text for _, mentions in bakers.objections for m in mentions] == ["Too dear"]
