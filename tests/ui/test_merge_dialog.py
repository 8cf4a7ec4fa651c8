"""Possible duplicates, side by side: merge by hand, or mark them as different people."""

from __future__ import annotations

import datetime as dt

from journal import decisions, goals, notes, people
from journal.contacts.review import not_the_same, possible_duplicates
from ui.item_models.text_rows import TextRowsModel

from .helpers import add_people


def two_of_one(company: str = "Acme") -> tuple[int, int]:
    jon = people.add_person("Jon Smith", company=company, emails=["jon@acme.example"]).id
    john = people.add_person("John Smith", role="Buyer", emails=["john.smith@acme.example"]).id
    notes.add_note(jon, "Met at the trade fair.")
    notes.add_note(john, "Called about the spring order.")
    goals.add_goal(john, "Halve the stock-outs", why="Customers leave")
    decisions.record_decision(john, "Pilot", "weak_no", decided_on=dt.date.today())
    return jon, john


def test_review_from_the_menu_lists_the_pair(window, qtbot) -> None:
    jon, john = two_of_one()
    add_people("Mary Major", emails=["mary@acme.example"])
    window.registry["duplicates"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.duplicates is not None and flow.duplicates.isVisible())
    dialog = flow.duplicates
    assert dialog.model.rowCount() == 1
    assert dialog.current_pair() == (jon, john)
    assert dialog.model.row_texts(0) == (
        "Jon Smith",
        "Acme",
        "jon@acme.example",
        "John Smith",
        "",
        "john.smith@acme.example",
    )
    assert "Jon Smith" in dialog.left.text() and "Buyer" in dialog.right.text()
    assert "1 note, 1 goal, 1 decision" in dialog.right.text()
    assert dialog.keep_left.text() == "&Keep Jon Smith, merge John Smith in"
    dialog.close()


def test_merging_keeps_the_notes_goals_and_decisions_of_both(window, qtbot) -> None:
    jon, john = two_of_one()
    dialog = window.files.imports.show_duplicates(possible_duplicates())
    window.show_page("people")
    assert window.people.model.rowCount() == 2
    dialog.keep_left.click()
    kept = people.get_person(jon)
    assert kept.role == "Buyer"
    assert set(kept.emails) == {"jon@acme.example", "john.smith@acme.example"}
    assert people.get_person(john).trashed_at is not None
    bodies = {n.body for n in notes.notes_of(jon)}
    assert bodies == {"Met at the trade fair.", "Called about the spring order."}
    assert [g.text for g in goals.goals_of(jon)] == ["Halve the stock-outs"]
    assert [d.offer for d in decisions.decisions_of(jon)] == ["Pilot"]
    assert dialog.model.rowCount() == 0
    assert dialog.empty.isVisible() and not dialog.keep_left.isEnabled()
    assert window.people.model.rowCount() == 1
    dialog.close()


def test_merging_the_other_way_keeps_the_right_person(window, qtbot) -> None:
    jon, john = two_of_one()
    dialog = window.files.imports.show_duplicates(possible_duplicates())
    dialog.keep_right.click()
    assert people.get_person(jon).trashed_at is not None
    assert people.get_person(john).company == "Acme"
    assert len(notes.notes_of(john)) == 2
    dialog.close()


def test_not_the_same_is_remembered(window, qtbot) -> None:
    jon, john = two_of_one()
    dialog = window.files.imports.show_duplicates(possible_duplicates())
    dialog.different.click()
    assert dialog.model.rowCount() == 0
    assert not_the_same() == {frozenset((jon, john))}
    assert people.get_person(john).trashed_at is None
    dialog.close()
    window.registry["duplicates"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.duplicates not in (None, dialog) and flow.duplicates.isVisible())
    assert flow.duplicates.model.rowCount() == 0
    assert "No possible duplicates" in window.statusBar().currentMessage()
    flow.duplicates.close()


def test_the_pairs_model_passes_the_model_tester(window, qtmodeltester) -> None:
    two_of_one()
    dialog = window.files.imports.show_duplicates(possible_duplicates())
    qtmodeltester.check(dialog.model)
    dialog.close()
    empty = TextRowsModel(("A", "B"))
    qtmodeltester.check(empty)
