"""Writing an import plan in bulk: people, tags, notes and their search index rows.

Runs inside the caller's transaction. Search rows use journal.search's scheme
(rowid = record id * 8 + kind code) and the same title and body as `search.index_person`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from peewee import fn

from .. import search
from .. import validate as v
from ..errors import JournalError
from ..models import Note, Person, PersonTag, Tag, now
from ..models import database as db
from .merge import Draft

CHUNK = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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


def _sql_value(field: Any, value: Any) -> Any:
    value = field.db_value(value)
    if isinstance(value, dt.date):  # as peewee stores dates and times: "YYYY-MM-DD HH:MM:SS"
        return str(value)
    return value


def _insert(model: Any, rows: list[dict[str, Any]], *, ignore: bool = False) -> list[int]:
    """Insert rows in one executemany (missing fields take their defaults); the new ids, in order.

    Peewee's insert_many spends seconds building the SQL of 10 000 rows. SQLite numbers new
    rows max(id) + 1, so the new ids are those above the largest id before.
    """
    if not rows:
        return []
    fields = [f for f in model._meta.sorted_fields if not f.primary_key]
    defaults = {f.name: f.default() if callable(f.default) else f.default for f in fields}
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    start = model.select(fn.MAX(model.id)).scalar() or 0
    db.cursor().executemany(
        f'{verb} INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})',
        [tuple(_sql_value(f, row.get(f.name, defaults[f.name])) for f in fields) for row in rows],
    )
    if ignore:
        return []
    ids = [i for (i,) in model.select(model.id).where(model.id > start).order_by(model.id).tuples()]
    if len(ids) != len(rows):
        raise RuntimeError(f"expected {len(rows)} new {model.__name__} rows, found {len(ids)}")
    return ids


def _tag_ids(names: Iterable[str]) -> dict[str, int]:
    """Tag ids by name as SQLite's NOCASE compares them, creating missing tags."""
    known = {name.translate(_ASCII_UPPER): i for name, i in Tag.select(Tag.name, Tag.id).tuples()}
    for name in names:
        folded = name.translate(_ASCII_UPPER)
        if folded not in known:
            known[folded] = Tag.insert(name=name).execute()
    return known


def _index_rows(kind: str, rows: list[tuple[int, int, str, str]]) -> None:
    """Put (record id, person id, title, body) rows in the search index."""
    code = search.KINDS[kind]
    cursor = db.cursor()
    cursor.executemany(
        "DELETE FROM search_index WHERE rowid = ?", [(rid * 8 + code,) for rid, *_ in rows]
    )
    cursor.executemany(
        "INSERT INTO search_index (rowid, kind, record_id, person_id, title, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (rid * 8 + code, kind, rid, pid, _CONTROL.sub(" ", t), _CONTROL.sub(" ", b))
            for rid, pid, t, b in rows
        ],
    )


def _person_index_row(person_id: int, values: dict[str, Any]) -> tuple[int, int, str, str]:
    title = " ".join(p for p in (values["name"], values["company"], values["role"]) if p)
    body = "\n".join(
        [" ".join(values["tags"]), values["location"], values["how_we_met"], "", *values["emails"]]
    )
    return person_id, person_id, title, body


def write(drafts: list[Draft]) -> None:
    """Add the new drafts and update the changed ones, in file order, giving new ones an id."""
    stamp = now()
    new: list[tuple[Draft, dict[str, Any]]] = []
    changed: list[tuple[Draft, dict[str, Any]]] = []
    pending: list[tuple[Draft, dict[str, Any]]] = []

    def flush() -> None:
        rows = [
            {k: val for k, val in values.items() if k not in ("tags", "notes")}
            | {"created_at": stamp, "updated_at": stamp}
            for _, values in pending
        ]
        for (draft, _), person_id in zip(pending, _insert(Person, rows), strict=True):
            draft.person_id = person_id
        pending.clear()

    for draft in drafts:
        if not draft.is_new and not draft.changed:
            continue
        values = _clean(draft)
        if draft.is_new:
            new.append((draft, values))
            pending.append((draft, values))
            if len(pending) >= CHUNK:
                flush()
            continue
        changed.append((draft, values))
        fields = {k: values[k] for k in draft.changed if k not in ("tags", "note")}
        if fields:
            Person.update(**fields, updated_at=stamp).where(Person.id == draft.person_id).execute()
    if pending:
        flush()
    _write_tags(new + changed)
    _write_notes(new + changed, stamp)
    _index_rows("person", [_person_index_row(d.person_id, values) for d, values in new])
    for draft, _ in changed:
        search.index_person(draft.person_id)


def _write_tags(written: list[tuple[Draft, dict[str, Any]]]) -> None:
    tag_ids = _tag_ids(dict.fromkeys(t for _, values in written for t in values["tags"]))
    rows = [
        {"person": draft.person_id, "tag": tag_ids[name.translate(_ASCII_UPPER)]}
        for draft, values in written
        for name in values["tags"]
    ]
    _insert(PersonTag, rows, ignore=True)


def _write_notes(written: list[tuple[Draft, dict[str, Any]]], stamp: object) -> None:
    notes = [(draft.person_id, body) for draft, values in written for body in values["notes"]]
    for start in range(0, len(notes), CHUNK):
        chunk = notes[start : start + CHUNK]
        times = {"occurred_at": stamp, "created_at": stamp, "updated_at": stamp}
        rows = [{"person": pid, "body": body, "kind": "thought", **times} for pid, body in chunk]
        ids = _insert(Note, rows)
        _index_rows(
            "note", [(nid, pid, "", body) for nid, (pid, body) in zip(ids, chunk, strict=True)]
        )
