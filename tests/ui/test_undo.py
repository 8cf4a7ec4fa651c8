"""Nothing lost from the window: every removal and edit on a person page is undone with Ctrl+Z
(and redone with Ctrl+Shift+Z), or restored from the Trash dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from journal import decisions, followups, goals, notes, pains, people, referrals
from ui.dialogs.trash import TrashDialog
from ui.person.widgets import to_qdate

from .helpers import CTRL

pytestmark = pytest.mark.both_backends

SHIFT_CTRL = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def ann(journal):
    return people.add_person("Ann Archer", company="Acme", tags=["ops", "retail"]).id


def opened(window, pid: int):
    window.open_person(pid)
    page = window.person.page
    page.tabs.setFocus()  # not in a text field: Ctrl+Z is the window's
    return page


def undo(qtbot, window) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, SHIFT_CTRL)


def status(window) -> str:
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("kind", ["goal", "pain"])
def test_undo_brings_back_a_removed_goal_or_pain(qtbot, window, ann, kind, message_boxes):
    module = goals if kind == "goal" else pains
    add = goals.add_goal if kind == "goal" else pains.add_pain
    record = add(ann, "Open a second office")
    page = opened(window, ann)
    section = page.goals if kind == "goal" else page.pains
    section.highlight(record.id)
    section.remove_button.click()  # no confirmation: it can be undone
    assert message_boxes.shown == []
    assert section.count() == 0
    of = module.goals_of if kind == "goal" else module.pains_of
    assert of(ann) == []
    assert (
        status(window) == f"{kind.capitalize()} “Open a second office” removed. Undo with Ctrl+Z."
    )
    assert window.registry["undo"].text() == f"&Undo Remove the {kind} “Open a second office”"
    undo(qtbot, window)
    assert [g.id for g in of(ann)] == [record.id]
    assert section.count() == 1
    assert page.tabs.currentWidget() is section
    assert section.view.currentIndex().row() == 0
    redo(qtbot, window)
    assert of(ann) == []


def test_undo_brings_back_a_removed_objection_and_an_outcome_change(qtbot, window, ann):
    d = decisions.record_decision(ann, "Workshop", "weak_no", objections=["Budget frozen"])
    [objection] = d.objections
    page = opened(window, ann)
    page.focus_on("objection", objection.id)
    editor = page.decisions.editor
    editor.remove_objection()
    assert decisions.get_decision(d.id).objections == ()
    assert status(window) == "Objection “Budget frozen” removed. Undo with Ctrl+Z."
    editor.outcome.setCurrentIndex(editor.outcome.findData("yes"))
    assert decisions.get_decision(d.id).outcome == "yes"
    page.tabs.setFocus()
    undo(qtbot, window)
    assert decisions.get_decision(d.id).outcome == "weak_no"
    assert editor.outcome.currentData() == "weak_no"
    undo(qtbot, window)
    assert [o.id for o in decisions.get_decision(d.id).objections] == [objection.id]
    assert editor.objections.rowCount() == 1
    redo(qtbot, window)
    redo(qtbot, window)
    assert decisions.get_decision(d.id).outcome == "yes"
    assert decisions.get_decision(d.id).objections == ()


def test_undo_brings_back_a_trashed_note_and_decision(qtbot, window, ann):
    note = notes.add_note(ann, "Met at the fair")
    d = decisions.record_decision(ann, "Workshop", "yes")
    page = opened(window, ann)
    page.focus_on("note", note.id)
    page.journal.trash_selected()
    assert notes.notes_of(ann) == []
    page.focus_on("decision", d.id)
    page.decisions.editor.trash_button.click()
    assert decisions.decisions_of(ann) == []
    page.tabs.setFocus()
    undo(qtbot, window)
    assert [x.id for x in decisions.decisions_of(ann)] == [d.id]
    assert page.decisions.count() == 1
    undo(qtbot, window)
    assert [n.id for n in notes.notes_of(ann)] == [note.id]
    assert page.tabs.currentWidget() is page.journal


def test_undo_brings_back_a_removed_referral(qtbot, window, ann):
    bob = people.add_person("Bob Baker").id
    link = referrals.add_referral(ann, bob, context="golf")
    page = opened(window, ann)
    page.focus_on("referral", link.id)
    page.referrals.remove_selected()
    assert referrals.referrals_from(ann) == []
    assert status(window) == "Referral removed (Ann Archer introduced Bob Baker). Undo with Ctrl+Z."
    page.tabs.setFocus()
    undo(qtbot, window)
    assert [r.id for r in referrals.referrals_from(ann)] == [link.id]
    assert page.referrals.count() == 1


def test_undo_brings_back_a_removed_tag(qtbot, window, ann):
    page = opened(window, ann)
    tags_edit = page.header.tags
    tags_edit.setFocus()
    tags_edit.setText("ops")
    qtbot.keyClick(tags_edit, Qt.Key.Key_Return)
    assert people.get_person(ann).tags == ("ops",)
    assert status(window) == "Tag retail removed. Undo with Ctrl+Z."
    page.tabs.setFocus()
    undo(qtbot, window)
    assert people.get_person(ann).tags == ("ops", "retail")
    assert tags_edit.text() == "ops, retail"


def test_undo_of_a_field_edit_goes_back_to_before_the_first_save(qtbot, window, ann):
    page = opened(window, ann)
    company = page.findChild(QLineEdit, "companyEdit")
    for text in ("Globex", "Globex Corp"):  # two saves of one field: one undo step
        company.setFocus()
        company.selectAll()
        qtbot.keyClicks(company, text)
        qtbot.keyClick(company, Qt.Key.Key_Return)
    assert people.get_person(ann).company == "Globex Corp"
    assert window.undo_stack.count() == 1
    page.tabs.setFocus()
    undo(qtbot, window)
    assert people.get_person(ann).company == "Acme"
    assert company.text() == "Acme"
    assert status(window) == "Undone: Edit the company."
    redo(qtbot, window)
    assert people.get_person(ann).company == "Globex Corp"
    assert company.text() == "Globex Corp"


def test_undo_in_a_text_field_undoes_its_typing_first(qtbot, window, ann):
    page = opened(window, ann)
    company = page.findChild(QLineEdit, "companyEdit")
    company.setFocus()
    company.selectAll()
    qtbot.keyClicks(company, "Globex")
    qtbot.keyClick(company, Qt.Key.Key_Return)  # saved; the field still has its typing
    qtbot.keyClick(company, Qt.Key.Key_Z, CTRL)
    assert company.text() == "Acme"  # the widget's own undo
    assert people.get_person(ann).company == "Globex"
    qtbot.keyClick(company, Qt.Key.Key_Return)  # saving it back cancels the change
    assert people.get_person(ann).company == "Acme"
    assert window.undo_stack.count() == 0
    role = page.findChild(QLineEdit, "roleEdit")
    role.setFocus()  # a field with no typing of its own passes Ctrl+Z to the window
    company_before = people.get_person(ann).company
    page.header.tags.setText("ops")
    qtbot.keyClick(page.header.tags, Qt.Key.Key_Return)
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Z, CTRL)
    assert people.get_person(ann).tags == ("ops", "retail")
    assert people.get_person(ann).company == company_before


def test_undo_brings_back_a_trashed_person(qtbot, window, ann):
    opened(window, ann)
    window.registry["delete"].trigger()
    assert people.get_person(ann).trashed_at is not None
    undo(qtbot, window)
    assert people.get_person(ann).trashed_at is None


def test_undo_from_the_trash_dialog_restores_every_kind(qtbot, window, ann):
    """What was removed elsewhere (the command line, another window) comes back from Trash."""
    note = notes.add_note(ann, "Coffee")
    d = decisions.record_decision(ann, "Workshop", "weak_no", objections=["Too soon"])
    goal = goals.add_goal(ann, "Grow")
    pain = pains.add_pain(ann, "Slow close")
    bob = people.add_person("Bob Baker").id
    link = referrals.add_referral(ann, bob)
    follow = followups.add_follow_up(ann, "Send the case study", dt.date.today())
    notes.trash_note(note.id)
    decisions.trash_objection(d.objections[0].id)
    goals.trash_goal(goal.id)
    pains.trash_pain(pain.id)
    referrals.trash_referral(link.id)
    followups.trash_follow_up(follow.id)
    people.trash_person(bob)
    window.registry["trash"].trigger()
    dialog = window.findChild(TrashDialog)
    shown = {dialog.model.index(r, 0).data().split(":")[0] for r in range(dialog.model.rowCount())}
    assert shown == {
        "Note",
        "Objection",
        "Goal",
        "Pain",
        "Referral",
        "Follow-up",
        "Person",
    }
    while dialog.model.rowCount():
        dialog.select_row(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [n.id for n in notes.notes_of(ann)] == [note.id]
    assert len(decisions.get_decision(d.id).objections) == 1
    assert [g.id for g in goals.goals_of(ann)] == [goal.id]
    assert [p.id for p in pains.pains_of(ann)] == [pain.id]
    assert [r.id for r in referrals.referrals_from(ann)] == [link.id]
    assert [f.id for f in followups.follow_ups_of(ann)] == [follow.id]
    assert people.get_person(bob).trashed_at is None
    assert dialog.empty_label.isVisibleTo(dialog)


def test_undo_of_additions_moves_them_to_the_trash_and_redo_brings_the_same_back(
    qtbot, window, ann
):
    page = opened(window, ann)
    page.goals.text.setText("Open a second office")
    qtbot.keyClick(page.goals.text, Qt.Key.Key_Return)
    [goal] = goals.goals_of(ann)
    page.decisions.offer.setText("Workshop")
    page.decisions.record()
    [decision] = decisions.decisions_of(ann)
    page.decisions.editor.new_objection.setText("Too soon")
    page.decisions.editor.add_objection()
    [objection] = decisions.get_decision(decision.id).objections
    page.new_note()
    qtbot.keyClicks(page.journal.composer.body, "Met at the fair")
    qtbot.keyClick(page.journal.composer.body, Qt.Key.Key_Return, CTRL)
    [note] = notes.notes_of(ann)
    assert window.undo_stack.count() == 4
    page.tabs.setFocus()
    for _ in range(4):
        undo(qtbot, window)
    assert notes.notes_of(ann) == [] and goals.goals_of(ann) == []
    assert decisions.decisions_of(ann) == []
    for _ in range(4):
        redo(qtbot, window)
    assert [n.id for n in notes.notes_of(ann)] == [note.id]  # the same records, not copies
    assert [g.id for g in goals.goals_of(ann)] == [goal.id]
    assert [o.id for o in decisions.get_decision(decision.id).objections] == [objection.id]


def test_undo_of_a_note_edit_gives_back_the_text_before(qtbot, window, ann):
    note = notes.add_note(ann, "Met at the fair")
    page = opened(window, ann)
    page.journal.highlight("note", note.id)
    page.journal.edit_selected()
    page.journal.composer.body.setPlainText("Met at the fair; she runs the shop")
    page.journal.save_note()
    assert notes.get_note(note.id).body == "Met at the fair; she runs the shop"
    page.tabs.setFocus()
    undo(qtbot, window)
    assert notes.get_note(note.id).body == "Met at the fair"
    assert status(window) == "Undone: Edit the note “Met at the fair”."


def test_undo_with_an_edit_still_waiting_saves_it_outside_the_undo(qtbot, window, ann):
    goal = goals.add_goal(ann, "Grow")
    d = decisions.record_decision(ann, "Workshop", "weak_no")
    page = opened(window, ann)
    page.goals.highlight(goal.id)
    page.goals.remove_selected()
    page.focus_on("decision", d.id)
    page.decisions.editor.reason.setPlainText("Budget")  # saved after a pause, not yet
    window.registry["undo"].trigger()  # showing the goal again writes the waiting edit
    assert [g.id for g in goals.goals_of(ann)] == [goal.id]
    assert decisions.get_decision(d.id).reason == "Budget"
    assert (window.undo_stack.count(), window.undo_stack.index()) == (1, 0)


def test_undo_brings_back_a_removed_follow_up_and_its_edits(qtbot, window, ann):
    due = dt.date.today() + dt.timedelta(days=3)
    follow = followups.add_follow_up(ann, "Send the case study", due)
    page = opened(window, ann)
    section = page.followups
    assert page.tabs.tabText(page.tabs.indexOf(section)) == "Follo&w-ups (1)"
    done = section.model.index(0, 2)
    assert section.model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert followups.follow_ups_of(ann, include_done=True)[0].done
    later = due + dt.timedelta(days=7)
    assert section.model.setData(section.model.index(0, 1), to_qdate(later))
    assert followups.follow_ups_of(ann, include_done=True)[0].due_on == later
    page.focus_on("followup", follow.id)
    section.remove_button.click()
    assert followups.follow_ups_of(ann, include_done=True) == []
    assert status(window) == "Follow-up “Send the case study” removed. Undo with Ctrl+Z."
    page.tabs.setFocus()
    undo(qtbot, window)
    assert [f.id for f in followups.follow_ups_of(ann, include_done=True)] == [follow.id]
    assert section.view.currentIndex().row() == 0
    undo(qtbot, window)
    assert followups.follow_ups_of(ann, include_done=True)[0].due_on == due
    undo(qtbot, window)
    assert not followups.follow_ups_of(ann)[0].done
    assert section.model.index(0, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_a_follow_up_is_added_with_its_due_date_and_undone(qtbot, window, ann):
    page = opened(window, ann)
    section = page.followups
    section.due.setDate(to_qdate(dt.date(2031, 5, 2)))
    section.what.setText("Call about the renewal")
    qtbot.keyClick(section.what, Qt.Key.Key_Return)
    [added] = followups.follow_ups_of(ann)
    assert (added.what, added.due_on) == ("Call about the renewal", dt.date(2031, 5, 2))
    assert section.model.index(0, 1).data() == "2 May 2031"
    assert section.what.text() == ""
    page.tabs.setFocus()
    undo(qtbot, window)
    assert followups.follow_ups_of(ann) == []


def test_an_empty_follow_up_is_refused_and_what_was_typed_stays(qtbot, window, ann, message_boxes):
    page = opened(window, ann)
    page.followups.what.setText("   ")
    message_boxes.expect("what")
    page.followups.add_button.click()
    assert message_boxes.only().name == "errorDialog"
    assert page.followups.what.text() == "   "
    assert followups.follow_ups_of(ann) == []
    assert window.undo_stack.count() == 0


def test_follow_up_model_passes_the_model_tester(qtmodeltester, journal, ann):
    from ui.person.followup_model import FollowUpModel

    followups.add_follow_up(ann, "Send the case study", dt.date.today())
    followups.add_follow_up(ann, "Call back", dt.date.today())
    model = FollowUpModel(lambda *_: None)
    model.set_records(followups.follow_ups_of(ann))
    qtmodeltester.check(model)
