"""Drafts: the note being typed is kept in the journal, offered back, cleared when saved."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from journal import drafts, notes, people, trash
from journal.errors import JournalBusy, JournalError
from journal.storage import open_journal

pytestmark = pytest.mark.both_backends


def test_a_draft_is_kept_replaced_and_cleared(journal):
    ana = people.add_person("Ana")
    assert drafts.draft_of(ana.id) is None
    drafts.save_draft(ana.id, "call", None, "She said the budget")
    drafts.save_draft(ana.id, "meeting", dt.datetime(2026, 3, 1, 9, 30), "She said the budget is")
    draft = drafts.draft_of(ana.id)
    assert draft is not None
    assert (draft.person_id, draft.person_name, draft.kind, draft.body) == (
        ana.id,
        "Ana",
        "meeting",
        "She said the budget is",
    )
    assert draft.occurred_at == dt.datetime(2026, 3, 1, 9, 30)
    drafts.clear_draft(ana.id)
    assert drafts.draft_of(ana.id) is None


def test_an_empty_body_clears_the_draft(journal):
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "call", None, "x")
    drafts.save_draft(ana.id, "call", None, "  \n")
    assert drafts.draft_of(ana.id) is None


def test_drafts_survive_reopening(journal_location):
    with open_journal(journal_location):
        ana = people.add_person("Ana")
        drafts.save_draft(ana.id, "thought", None, "unfinished thought")
    with open_journal(journal_location):
        [left] = drafts.all_drafts()
        assert (left.person_name, left.body) == ("Ana", "unfinished thought")


def test_saving_the_note_clears_the_draft_in_the_same_write(journal):
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "call", None, "Called about the renewal")
    note = drafts.add_note_from_draft(ana.id, "Called about the renewal", kind="call")
    assert notes.get_note(note.id).body == "Called about the renewal"
    assert drafts.draft_of(ana.id) is None


def test_a_failed_note_keeps_the_draft(journal):
    ana = people.add_person("Ana")
    drafts.save_draft(ana.id, "call", None, "text")
    with pytest.raises(JournalError):
        drafts.add_note_from_draft(ana.id, "text", kind="not a kind")
    assert drafts.draft_of(ana.id) is not None


def test_all_drafts_leaves_out_people_in_the_trash_and_follows_deletion(journal):
    ana, bruno = people.add_person("Ana"), people.add_person("Bruno")
    drafts.save_draft(ana.id, "call", None, "a")
    drafts.save_draft(bruno.id, "call", None, "b")
    people.trash_person(bruno.id)
    assert [d.person_name for d in drafts.all_drafts()] == ["Ana"]
    trash.empty_trash()
    assert drafts.draft_of(bruno.id) is None


def test_bad_drafts_are_refused(journal):
    with pytest.raises(JournalError):
        drafts.save_draft(999, "call", None, "nobody")
    ana = people.add_person("Ana")
    with pytest.raises(JournalError):
        drafts.save_draft(ana.id, "letter", None, "x")


@pytest.mark.sqlite_only("the other writer is a process holding the file's write lock")
def test_a_draft_does_not_wait_long_for_another_writer(journal):
    ana = people.add_person("Ana")
    other = sqlite3.connect(journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import holding the write lock
    try:
        with pytest.raises(JournalBusy, match=r"still busy after 0\.2 s"):
            drafts.save_draft_quickly(ana.id, "call", None, "typed during an import")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert journal.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    drafts.save_draft_quickly(ana.id, "call", None, "typed after it")
    assert drafts.draft_of(ana.id).body == "typed after it"
