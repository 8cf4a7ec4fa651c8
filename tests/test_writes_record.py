"""Every write operation in journal/ says what it changed: the kinds of record and the people."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import journal
from journal import (
    backups,
    decisions,
    drafts,
    followups,
    goals,
    interchange,
    notes,
    pains,
    people,
    preferences,
    recovery,
    referrals,
    tags,
    trash,
)
from journal.changes import Changes, recording
from journal.contacts import import_contacts
from journal.contacts.merge import merge_people
from journal.contacts.review import mark_not_the_same

pytestmark = pytest.mark.both_backends


@dataclass
class World:
    """Two people with one of every kind of record, made before each operation runs."""

    ana: int
    bruno: int
    goal: int
    pain: int
    decision: int
    objection: int
    referral: int
    note: int
    follow_up: int
    path: Path
    folder: Path


@pytest.fixture
def world(journal, tmp_path) -> World:
    ana = people.add_person("Ana", tags=["cfo"])
    bruno = people.add_person("Bruno")
    decision = decisions.record_decision(ana.id, "Audit", "weak_no", objections=["price"])
    return World(
        ana=ana.id,
        bruno=bruno.id,
        goal=goals.add_goal(ana.id, "Grow").id,
        pain=pains.add_pain(ana.id, "Late invoices").id,
        decision=decision.id,
        objection=decision.objections[0].id,
        referral=referrals.add_referral(ana.id, bruno.id).id,
        note=notes.add_note(ana.id, "Met at the fair").id,
        follow_up=followups.add_follow_up(ana.id, "Send the deck", "2030-01-01").id,
        path=journal.path,
        folder=tmp_path,
    )


def _import_json(w: World) -> None:
    doc = {"format": interchange.FORMAT, "version": interchange.VERSION, "people": [{"name": "Cy"}]}
    interchange.import_journal(doc)


def _import_contacts(w: World) -> None:
    csv = w.folder / "contacts.csv"
    csv.write_text("Name,Email\nDora,dora@example.com\n", encoding="utf-8")
    import_contacts(csv)


def _empty_trash(w: World) -> None:
    notes.trash_note(w.note)
    trash.empty_trash()


def _restore_backup(w: World) -> None:
    if journal.storage.current().is_server:
        pytest.skip("a server journal is backed up as JSON and restored by its server's tools")
    copy = backups.backup(w.path)
    recovery.restore(journal.storage.current(), copy)


ANA, BRUNO, EVERYONE = "ana", "bruno", "everything"
CASES: list[tuple[str, Callable[[World], Any], set[str], set[str] | str]] = [
    ("add_person", lambda w: people.add_person("Cy"), {"person"}, set()),
    ("add_person tags", lambda w: people.add_person("Cy", tags=["x"]), {"person", "tag"}, set()),
    ("update_person", lambda w: people.update_person(w.ana, role="CFO"), {"person"}, {ANA}),
    ("trash_person", lambda w: people.trash_person(w.bruno), {"person"}, {BRUNO}),
    ("restore_person", lambda w: people.restore_person(w.bruno), {"person"}, {BRUNO}),
    ("set_tags", lambda w: tags.set_tags(w.bruno, ["cfo"]), {"tag"}, {BRUNO}),
    ("set_tag_cadence", lambda w: tags.set_tag_cadence("cfo", 30), {"tag"}, {ANA}),
    ("set_persona", lambda w: tags.set_persona("cfo", True), {"tag"}, set()),
    ("set_messaging", lambda w: tags.set_messaging("cfo", "Board pack first"), {"tag"}, set()),
    ("add_goal", lambda w: goals.add_goal(w.bruno, "Hire"), {"goal"}, {BRUNO}),
    ("update_goal", lambda w: goals.update_goal(w.goal, status="attained"), {"goal"}, {ANA}),
    ("trash_goal", lambda w: goals.trash_goal(w.goal), {"goal"}, {ANA}),
    ("restore_goal", lambda w: goals.restore_goal(w.goal), {"goal"}, {ANA}),
    ("add_pain", lambda w: pains.add_pain(w.bruno, "Churn"), {"pain"}, {BRUNO}),
    ("update_pain", lambda w: pains.update_pain(w.pain, status="relieved"), {"pain"}, {ANA}),
    ("trash_pain", lambda w: pains.trash_pain(w.pain), {"pain"}, {ANA}),
    ("restore_pain", lambda w: pains.restore_pain(w.pain), {"pain"}, {ANA}),
    (
        "record_decision",
        lambda w: decisions.record_decision(w.bruno, "Audit", "yes"),
        {"decision"},
        {BRUNO},
    ),
    (
        "update_decision",
        lambda w: decisions.update_decision(w.decision, outcome="yes"),
        {"decision"},
        {ANA},
    ),
    ("trash_decision", lambda w: decisions.trash_decision(w.decision), {"decision"}, {ANA}),
    ("restore_decision", lambda w: decisions.restore_decision(w.decision), {"decision"}, {ANA}),
    ("add_objection", lambda w: decisions.add_objection(w.decision, "time"), {"objection"}, {ANA}),
    (
        "update_objection",
        lambda w: decisions.update_objection(w.objection, addressed=True),
        {"objection"},
        {ANA},
    ),
    (
        "set_objection_theme",
        lambda w: decisions.set_objection_theme(w.objection, "trust"),
        {"objection"},
        {ANA},
    ),
    ("trash_objection", lambda w: decisions.trash_objection(w.objection), {"objection"}, {ANA}),
    (
        "restore_objection",
        lambda w: decisions.restore_objection(w.objection),
        {"objection"},
        {ANA},
    ),
    ("add_referral", lambda w: referrals.add_referral(w.bruno, w.ana), {"referral"}, {ANA, BRUNO}),
    (
        "update_referral",
        lambda w: referrals.update_referral(w.referral, context="golf"),
        {"referral"},
        {ANA, BRUNO},
    ),
    (
        "trash_referral",
        lambda w: referrals.trash_referral(w.referral),
        {"referral"},
        {ANA, BRUNO},
    ),
    (
        "restore_referral",
        lambda w: referrals.restore_referral(w.referral),
        {"referral"},
        {ANA, BRUNO},
    ),
    ("add_note", lambda w: notes.add_note(w.bruno, "Hello"), {"note"}, {BRUNO}),
    ("update_note", lambda w: notes.update_note(w.note, body="Edited"), {"note"}, {ANA}),
    ("trash_note", lambda w: notes.trash_note(w.note), {"note"}, {ANA}),
    ("restore_note", lambda w: notes.restore_note(w.note), {"note"}, {ANA}),
    (
        "add_follow_up",
        lambda w: followups.add_follow_up(w.bruno, "Call", "2030-02-02"),
        {"followup"},
        {BRUNO},
    ),
    (
        "update_follow_up",
        lambda w: followups.update_follow_up(w.follow_up, what="Call back"),
        {"followup"},
        {ANA},
    ),
    (
        "complete_follow_up",
        lambda w: followups.complete_follow_up(w.follow_up),
        {"followup"},
        {ANA},
    ),
    ("trash_follow_up", lambda w: followups.trash_follow_up(w.follow_up), {"followup"}, {ANA}),
    (
        "restore_follow_up",
        lambda w: followups.restore_follow_up(w.follow_up),
        {"followup"},
        {ANA},
    ),
    (
        "save_draft",
        lambda w: drafts.save_draft(w.bruno, "call", None, "half a thought"),
        {"draft"},
        {BRUNO},
    ),
    ("clear_draft", lambda w: drafts.clear_draft(w.bruno), {"draft"}, {BRUNO}),
    (
        "add_note_from_draft",
        lambda w: drafts.add_note_from_draft(w.bruno, "Whole thought"),
        {"note", "draft"},
        {BRUNO},
    ),
    ("set_cool_down_days", lambda w: preferences.set_cool_down_days(30), {"setting"}, set()),
    ("mark_not_the_same", lambda w: mark_not_the_same(w.ana, w.bruno), {"setting"}, {ANA, BRUNO}),
    ("empty_trash", _empty_trash, {"note"}, {ANA}),
    ("merge_people", lambda w: merge_people(w.ana, w.bruno), set(), EVERYONE),
    ("import_journal", _import_json, set(), EVERYONE),
    ("import_contacts", _import_contacts, set(), EVERYONE),
    ("restore backup", _restore_backup, set(), EVERYONE),
]


@pytest.mark.parametrize(
    ("operation", "kinds", "who"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_write_records_what_it_changed(world, operation, kinds, who):
    with recording() as recorder:
        operation(world)
    if who == EVERYONE:
        assert recorder.changes.everything
        return
    ids = {ANA: world.ana, BRUNO: world.bruno}
    expected_people = {ids[w] for w in who}
    changes = recorder.changes
    assert not changes.everything
    assert changes.kinds == kinds
    if expected_people:
        assert changes.person_ids == expected_people
    else:
        assert changes.person_ids - {world.ana, world.bruno} == changes.person_ids


def test_a_failed_write_records_nothing(world):
    with recording() as recorder, pytest.raises(journal.JournalError):
        notes.add_note(world.ana, "   ")
    assert recorder.changes == Changes()


# --- every public write operation records -----------------------------------------------------

WRITE_METHODS = {"create", "insert", "insert_many", "replace", "update", "delete", "delete_by_id"}
# Writes that change no record a person sees, or that run inside an operation that records.
NOT_OPERATIONS = {
    # the search index, kept current inside the operations that change what it indexes
    *(f"journal.search.{n}" for n in ("index_person", "index_note", "index_goal", "index_pain")),
    "journal.search.index_decision",
    "journal.search.rebuild_index",  # rebuilt from the records by a migration
    # the same index on a server, written by the journal.search functions above
    *(f"journal.search_postgres.{n}" for n in ("put", "drop", "rebuild")),
    "journal.contacts.write.write",  # inside import_contacts, which records everything
    "journal.storage.check",  # the search index's integrity check is written as an INSERT
    "journal.applied_writes.prune",  # forgets old write ids on open: no record anyone reads
}


def _writes_directly(node: ast.AST) -> bool:
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute):
            continue
        receiver, method = call.func.value, call.func.attr
        if method in WRITE_METHODS and (
            (
                isinstance(receiver, ast.Name)
                and (receiver.id[0].isupper() or receiver.id == "model")
            )
            or (isinstance(receiver, ast.Attribute) and receiver.attr == "model")
        ):
            return True
        if method == "execute_sql" and call.args and isinstance(call.args[0], ast.Constant):
            verb = str(call.args[0].value).lstrip().split(" ", 1)[0].upper()
            if verb in {"INSERT", "UPDATE", "DELETE", "REPLACE"}:
                return True
    return False


def _names_called(node: ast.AST) -> set[str]:
    return {
        c.func.id
        for c in ast.walk(node)
        if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
    }


def _write_functions(module: Any) -> list[str]:
    """Public functions of `module` that write, directly or through its private helpers."""
    tree = ast.parse(inspect.getsource(module))
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    writing = {name for name, f in functions.items() if _writes_directly(f)}
    grew = True
    while grew:
        private = {n for n in writing if n.startswith("_")}
        more = {n for n, f in functions.items() if _names_called(f) & private} - writing
        writing |= more
        grew = bool(more)
    return sorted(n for n in writing if not n.startswith("_"))


def _records(module: Any, name: str) -> bool:
    function = getattr(module, name)
    if getattr(function, "writes", None):
        return True
    source = inspect.getsource(inspect.unwrap(function))
    return "record(" in source or "record_everything(" in source


def _journal_modules() -> list[Any]:
    found = []
    for info in pkgutil.walk_packages(journal.__path__, "journal."):
        if ".migrations" not in info.name:
            found.append(importlib.import_module(info.name))
    return found


def test_every_public_write_operation_records_what_it_changed():
    forgotten = [
        f"{m.__name__}.{name}"
        for m in _journal_modules()
        for name in _write_functions(m)
        if f"{m.__name__}.{name}" not in NOT_OPERATIONS and not _records(m, name)
    ]
    assert forgotten == []


def test_the_write_finder_finds_writes():
    """The check above would see a forgotten record: it finds these modules' writes."""
    assert "add_note" in _write_functions(notes)
    assert "empty_trash" in _write_functions(trash)
    assert "import_journal" in _write_functions(interchange)
    assert "set_tag_cadence" in _write_functions(tags)
