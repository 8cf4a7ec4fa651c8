"""The trash: deleted people, notes and decisions can be listed, restored, or emptied for good."""

from __future__ import annotations

import pytest

from journal import decisions, notes, people, trash

pytestmark = pytest.mark.both_backends


def test_trash_lists_and_restores_each_kind(journal):
    ana = people.add_person("Ana")
    bruno = people.add_person("Bruno")
    note = notes.add_note(bruno.id, "A long note " * 20)
    decision = decisions.record_decision(bruno.id, "Workshop", "strong_no")
    people.trash_person(ana.id)
    notes.trash_note(note.id)
    decisions.trash_decision(decision.id)

    items = {(i.kind, i.id): i for i in trash.trashed_items()}
    assert set(items) == {("person", ana.id), ("note", note.id), ("decision", decision.id)}
    assert items[("note", note.id)].label.startswith("Bruno: A long note")
    assert items[("note", note.id)].label.endswith("…")

    trash.restore("person", ana.id)
    trash.restore("note", note.id)
    assert people.count_people() == 2
    assert len(notes.notes_of(bruno.id)) == 1
    assert [(i.kind, i.id) for i in trash.trashed_items()] == [("decision", decision.id)]


def test_empty_trash_deletes_for_good_and_keeps_the_rest(journal):
    ana = people.add_person("Ana")
    notes.add_note(ana.id, "kept")
    gone = people.add_person("Gone")
    notes.add_note(gone.id, "goes with them")
    people.trash_person(gone.id)
    assert trash.empty_trash() == 1
    assert trash.trashed_items() == []
    assert people.count_people(include_trashed=True) == 1
    assert [n.body for n in notes.notes_of(ana.id)] == ["kept"]


def test_the_command_lines_kinds_are_the_trashs() -> None:
    from journal import trash

    assert set(trash.RESTORERS) == set(trash.KINDS)
