"""Writing an import plan inside the caller's transaction: people, tags, notes, search rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .. import bulk
from .. import validate as v
from ..errors import JournalError
from ..models import Note, Person, PersonTag, Tag, now
from ..progress import Progress, report
from .merge import Draft

CHUNK = 500
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
Written = list[tuple[Draft, dict[str, Any]]]


def _clean(draft: Draft) -> dict[str, Any]:
    """The draft's values as validate.py accepts them; a refusal names where it is in the file."""
    try:
        return {
            "name": v.text(draft.name, "name", required=True),
            **{f: v.text(getattr(draft, f), f) for f in ("company", "role", "location")},
            "how_we_met": v.text(draft.how_we_met, "how_we_met"),
            "met_on": v.date(draft.met_on, "met_on"),
            "emails": v.text_list(draft.emails, "emails"),
            "phones": v.text_list(draft.phones, "phones"),
            "tags": v.text_list(draft.tags, "tags"),
            "notes": [v.text(n, "note", required=True) for n in draft.notes],
        }
    except JournalError as exc:
        raise JournalError(f"{draft.source_ref}: {exc}") from None


def write(drafts: list[Draft], progress: Progress | None = None) -> None:
    """Add the new drafts and update the changed ones, in file order, giving new ones an id.

    Values are checked by journal.validate as they are written: a refusal part way through
    raises, and the caller's transaction rolls back what was written before it. `progress`
    hears (drafts done, drafts in all), the last step once tags, notes and search are written.
    """
    total = len(drafts) + 1
    stamp = now()
    new: Written = []
    changed: Written = []
    pending: Written = []
    updates: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)

    def flush() -> None:
        times = {"created_at": stamp, "updated_at": stamp}
        rows = [values | times for _, values in pending]
        for (draft, _), person_id in zip(pending, bulk.insert(Person, rows), strict=True):
            draft.person_id = person_id
        pending.clear()

    for done, draft in enumerate(drafts):
        if done % CHUNK == 0:
            report(progress, done, total)
        if not draft.is_new and not draft.changed:
            continue
        values = _clean(draft)
        if draft.is_new:
            new.append((draft, values))
            pending.append((draft, values))
            if len(pending) >= CHUNK:
                flush()
            continue
        assert draft.person_id is not None
        changed.append((draft, values))
        fields = tuple(f for f in draft.changed if f not in ("tags", "note"))
        if fields:
            updates[(*fields, "updated_at")].append(
                (draft.person_id, values | {"updated_at": stamp})
            )
    if pending:
        flush()
    for fields, rows in updates.items():
        bulk.update_people(fields, rows)
    _write_tags(new + changed)
    _write_notes(new + changed, stamp)
    bulk.index_rows("person", [bulk.person_index_row(d.person_id, vals) for d, vals in new])
    bulk.reindex_people([(d.person_id, vals) for d, vals in changed if d.person_id is not None])
    report(progress, total, total)


def _tag_ids(names: Iterable[str]) -> dict[str, int]:
    """Tag ids by name as SQLite's NOCASE compares them, creating missing tags."""
    known = {name.translate(_ASCII_LOWER): i for name, i in Tag.select(Tag.name, Tag.id).tuples()}
    for name in names:
        folded = name.translate(_ASCII_LOWER)
        if folded not in known:
            known[folded] = Tag.insert(name=name).execute()
    return known


def _write_tags(written: Written) -> None:
    tag_ids = _tag_ids(dict.fromkeys(t for _, values in written for t in values["tags"]))
    rows = [
        {"person": draft.person_id, "tag": tag_ids[name.translate(_ASCII_LOWER)]}
        for draft, values in written
        for name in values["tags"]
    ]
    bulk.insert(PersonTag, rows, ignore=True)


def _write_notes(written: Written, stamp: object) -> None:
    notes = [(draft.person_id, body) for draft, values in written for body in values["notes"]]
    times = {"occurred_at": stamp, "created_at": stamp, "updated_at": stamp}
    rows = [{"person": pid, "body": body, "kind": "thought", **times} for pid, body in notes]
    ids = bulk.insert(Note, rows)
    pairs = zip(ids, notes, strict=True)
    bulk.index_rows("note", [(nid, pid, "", body) for nid, (pid, body) in pairs])
