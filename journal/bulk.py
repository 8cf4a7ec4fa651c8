"""Bulk SQL for imports: executemany (peewee's insert_many takes seconds for 10 000 rows)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from peewee import BooleanField, DateField, DateTimeField, Field, chunked, fn

from . import dialect, search, search_postgres
from .models import JSONListField, Person
from .models import database as db

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def _converter(field: Field) -> Callable[[Any], Any] | None:
    """How a value is stored: as peewee stores it ("YYYY-MM-DD HH:MM:SS", JSON lists, 0/1);
    None when it is stored as it is."""
    if isinstance(field, JSONListField):
        return lambda value: json.dumps(list(value or []), ensure_ascii=False)
    if isinstance(field, DateField | DateTimeField):
        return lambda value: None if value is None else str(value)
    if isinstance(field, BooleanField):
        if dialect.is_postgres():
            return lambda value: None if value is None else bool(value)
        return lambda value: None if value is None else int(bool(value))
    return None


def _stored(fields: list[Field], rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Each row's values in the order of `fields`, as stored; a missing one is its default."""
    defaults = {f.name: f.default() if callable(f.default) else f.default for f in fields}
    names = [f.name for f in fields]
    pick = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    convert = [(i, c) for i, f in enumerate(fields) if (c := _converter(f)) is not None]
    if not convert:
        return [pick(defaults | row) for row in rows]
    values = []
    for row in rows:
        value = list(pick(defaults | row))
        for i, c in convert:
            value[i] = c(value[i])
        values.append(tuple(value))
    return values


def insert(model: Any, rows: list[dict[str, Any]], *, ignore: bool = False) -> list[int]:
    """Insert rows (missing fields take their defaults); the new ids, in order.

    Rows that carry their "id" keep it (the caller numbered them, so children can point to them
    before they are written). Otherwise SQLite numbers a new row max(id) + 1, so the new ids are
    those above the largest before.
    """
    if not rows:
        return []
    numbered = "id" in rows[0]
    fields = [f for f in model._meta.sorted_fields if numbered or not f.primary_key]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join(db.param for _ in fields)
    values = _stored(fields, rows)
    table = model._meta.table_name
    if dialect.is_postgres() and numbered and not ignore:
        _copy_to_server(f'"{table}" ({columns})', values)
        return [row["id"] for row in rows]
    if dialect.is_postgres():
        into = f'"{table}" ({columns}) VALUES ({marks})'
        return _insert_on_server(model, into, values, numbered=numbered, ignore=ignore)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    start = model.select(fn.MAX(model.id)).scalar() or 0
    db.cursor().executemany(f'{verb} INTO "{table}" ({columns}) VALUES ({marks})', values)
    if numbered:
        return [row["id"] for row in rows]
    if ignore:
        return []
    ids = [i for (i,) in model.select(model.id).where(model.id > start).order_by(model.id).tuples()]
    if len(ids) != len(rows):
        raise RuntimeError(f"expected {len(rows)} new {model.__name__} rows, found {len(ids)}")
    return ids


def _copy_to_server(into: str, values: list[tuple[Any, ...]]) -> None:
    """Rows whose ids the caller gave, streamed to the server by COPY: one round trip, where
    an INSERT per row costs one each (psycopg escapes tabs, newlines and backslashes)."""
    with db.cursor().copy(f"COPY {into} FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def _insert_on_server(
    model: Any, into: str, values: list[tuple[Any, ...]], *, numbered: bool, ignore: bool
) -> list[int]:
    """The same insert on PostgreSQL: the new ids come back from the insert itself (other
    writers may be numbering rows of the same table meanwhile)."""
    conflict = " ON CONFLICT DO NOTHING" if ignore else ""
    cursor = db.cursor()
    cursor.executemany(f"INSERT INTO {into}{conflict} RETURNING id", values, returning=True)
    ids: list[int] = []
    while True:
        ids.extend(row[0] for row in cursor.fetchall())
        if not cursor.nextset():
            break
    return [] if ignore else ids


def update_people(fields: tuple[str, ...], rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Set the same `fields` of many people: rows of (person id, values)."""
    columns = [Person._meta.fields[name] for name in fields]
    assignments = ", ".join(f'"{f.column_name}" = {db.param}' for f in columns)
    stored = _stored(columns, [values for _, values in rows])
    db.cursor().executemany(
        f'UPDATE "person" SET {assignments} WHERE "id" = {db.param}',
        [(*value, pid) for value, (pid, _) in zip(stored, rows, strict=True)],
    )


def index_rows(kind: str, rows: list[tuple[int, int, str, str]]) -> None:
    """Put (record id, person id, title, body) rows in the search index, replacing old ones."""
    code = search.KINDS[kind]
    if dialect.is_postgres():
        search_postgres.put_many(
            [
                (rid * 8 + code, kind, rid, pid, _CONTROL.sub(" ", t), _CONTROL.sub(" ", b))
                for rid, pid, t, b in rows
            ]
        )
        return
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


def person_index_row(person_id: int, values: dict[str, Any]) -> tuple[int, int, str, str]:
    """The title and body `search.index_person` writes for a person with these values."""
    title = " ".join(p for p in (values["name"], values["company"], values["role"]) if p)
    body = "\n".join(
        [
            " ".join(values["tags"]),
            values["location"],
            values["how_we_met"],
            values.get("about", ""),
            *values["emails"],
        ]
    )
    return person_id, person_id, title, body


def reindex_people(rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Index again people already in the journal: (id, values with their tags) rows."""
    about: dict[int, str] = {}
    for chunk in chunked([pid for pid, _ in rows], 500):
        about.update(Person.select(Person.id, Person.about).where(Person.id.in_(chunk)).tuples())
    index_rows("person", [person_index_row(pid, v | {"about": about[pid]}) for pid, v in rows])
