"""What differs between the two kinds of journal database, SQLite and PostgreSQL, below the models:
the schema version, the migrator, waiting for a lock, and the few SQL functions that differ.

Everything above this module writes portable peewee queries; code that must know which
backend it runs on asks here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from peewee import ColumnBase, Database, PostgresqlDatabase, fn

from .models import database

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator

# PostgreSQL keeps the schema version in a table of its own (SQLite has PRAGMA user_version).
VERSION_TABLE = "rapport_schema"


def target(db: Database | None = None) -> Database:
    """`db`, or the database the models are bound to."""
    found = db if db is not None else database.obj
    if found is None:
        raise RuntimeError("no journal is open")
    return found


def is_postgres(db: Database | None = None) -> bool:
    return isinstance(target(db), PostgresqlDatabase)


def migrator(db: Database) -> SchemaMigrator:
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator  # only when migrating

    return PostgresqlMigrator(db) if is_postgres(db) else SqliteMigrator(db)


def tables(db: Database) -> set[str]:
    """The names of the tables in the journal's database (its current schema on a server)."""
    return set(db.get_tables())


def schema_version(db: Database | None = None) -> int:
    db = target(db)
    if not is_postgres(db):
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    if VERSION_TABLE not in tables(db):
        return 0
    row = db.execute_sql(f'SELECT max("version") FROM "{VERSION_TABLE}"').fetchone()
    return int(row[0] or 0)


def set_schema_version(db: Database, version: int) -> None:
    """Record `version` in the same transaction as the migration that reached it."""
    if not is_postgres(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" ("version" INTEGER NOT NULL)')
    db.execute_sql(f'DELETE FROM "{VERSION_TABLE}"')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" ("version") VALUES (%s)', (int(version),))


@contextmanager
def lock_wait(seconds: float, db: Database | None = None) -> Iterator[None]:
    """This connection waits up to `seconds` for a lock another connection holds, then as long
    as it did before: SQLite's busy timeout, PostgreSQL's lock timeout."""
    db = target(db)
    millis = max(0, round(seconds * 1000))
    if is_postgres(db):
        before = db.execute_sql("SHOW lock_timeout").fetchone()[0]
        db.execute_sql(f"SET lock_timeout = {millis}")
    else:
        before = db.execute_sql("PRAGMA busy_timeout").fetchone()[0]
        db.execute_sql(f"PRAGMA busy_timeout = {millis}")
    try:
        yield
    finally:
        if db.is_closed():  # a restore or an encryption closes the journal it ran on
            pass
        elif not is_postgres(db):
            db.execute_sql(f"PRAGMA busy_timeout = {int(before)}")
        elif db.is_connection_usable():
            db.execute_sql("SELECT set_config('lock_timeout', %s, false)", (before,))


ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ASCII_LOWER = ASCII_UPPER.lower()


def nocase_key(value: Any) -> ColumnBase:
    """`value` compared as SQLite's NOCASE compares (ASCII letters folded, nothing else): on a
    server, the expression the unique index on tag names is built on."""
    return fn.translate(value, ASCII_UPPER, ASCII_LOWER)


def nocase_order(field: Any) -> ColumnBase:
    """For ORDER BY: SQLite's NOCASE order (ASCII letters folded, then byte order) on both
    backends, so a list reads the same from a file or a server."""
    if is_postgres():
        return nocase_key(field).collate('"C"')
    return field.collate("NOCASE")


def equal_nocase(field: Any, value: str) -> ColumnBase:
    if is_postgres():
        return nocase_key(field) == nocase_key(value)
    return field.collate("NOCASE") == value


def in_nocase(field: Any, values: list[str]) -> ColumnBase:
    if is_postgres():
        return nocase_key(field).in_([v.translate(_FOLD) for v in values])
    return field.collate("NOCASE").in_(values)


_FOLD = str.maketrans(ASCII_UPPER, ASCII_LOWER)


def nocase_sort_key(value: str) -> str:
    """`value` as `nocase_order` sorts it, for sorting in Python (code points sort as UTF-8
    bytes do)."""
    return value.translate(_FOLD)


def revive(db: Database | None = None) -> None:
    """A server connection found broken (the server restarted, the network dropped) is closed,
    so the next query connects again instead of failing on the dead one."""
    db = db if db is not None else database.obj
    if db is not None and is_postgres(db) and not db.is_closed() and not db.is_connection_usable():
        db.close()


def snapshot_transaction(db: Database | None = None) -> Any:
    """A transaction whose every read sees the journal as it was when it began, besides its
    own writes: PostgreSQL's REPEATABLE READ (teammates' commits meanwhile stay out of it). An
    SQLite transaction takes the write lock as it begins, so nobody else writes meanwhile."""
    db = target(db)
    if is_postgres(db):
        return db.atomic(isolation_level="REPEATABLE READ")
    return db.atomic()


def position(needle: Any, haystack: Any) -> ColumnBase:
    """Where `needle` starts in `haystack` (1-based), 0 when it is not there."""
    if is_postgres():
        return fn.strpos(haystack, needle)
    return fn.instr(haystack, needle)


def iso_datetime(field: Any) -> ColumnBase:
    """A stored time as ISO 8601 text, made by the database (no datetime object per row)."""
    if is_postgres():
        return fn.to_char(field, 'YYYY-MM-DD"T"HH24:MI:SS')
    return fn.strftime("%Y-%m-%dT%H:%M:%S", field)


def iso_date(field: Any) -> ColumnBase:
    """A stored date as ISO 8601 text (YYYY-MM-DD), made by the database."""
    if is_postgres():
        return fn.to_char(field, "YYYY-MM-DD")
    return fn.strftime("%Y-%m-%d", field)


def reserve_ids(model: Any, count: int, after: int = 0) -> list[int]:
    """`count` new ids for rows of `model` its caller numbers itself (an import, so children
    can point to parents before they are written). SQLite numbers a new row max(id) + 1, and a
    journal file has one writer at a time; a server's other writers take ids meanwhile, so
    there the ids come from the table's own sequence, and none is ever given twice. `after`:
    the last id this caller was given (its rows may not be written yet)."""
    db = target()
    if is_postgres(db):
        table = model._meta.table_name
        rows = db.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'id')) "
            "FROM generate_series(1, %s)",
            (count,),
        ).fetchall()
        return [int(r[0]) for r in rows]
    last = max(model.select(fn.MAX(model.id)).scalar() or 0, after)
    return list(range(last + 1, last + 1 + count))


def refresh_statistics(table_names: Iterable[str]) -> None:
    """After a bulk write to a server, in its transaction: the planner's statistics of the
    tables written, so the reads that follow (a copy's check, the first searches) are planned
    for the rows now there. Without them a table filled by this transaction looked empty and
    the export's goals were joined to people by a nested loop (2 s on 5 000 goals). A role
    that does not own a table is told so in a notice, and its statistics wait for autovacuum.
    SQLite plans without them."""
    db = target()
    if is_postgres(db):
        db.execute_sql("ANALYZE " + ", ".join(f'"{name}"' for name in sorted(set(table_names))))
