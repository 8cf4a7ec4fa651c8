"""The PostgreSQL server the tests use: reachable or not (and why), and clean databases on it.

`RAPPORT_TEST_POSTGRES` names a role that may create databases (journal/server_admin.py, which
the benchmark shares). With no reachable server, the PostgreSQL tests skip with the reason;
with `RAPPORT_REQUIRE_POSTGRES=1` (as in CI) they fail instead.
"""

from __future__ import annotations

import os

import psycopg
import pytest

from journal.server_admin import (  # noqa: F401 (the tests' names for them)
    admin_url,
    create_database,
    drop_database,
    drop_leftovers,
    unavailable_reason,
    url_for,
)

TABLES_KEPT = ("rapport_schema",)


def require_server() -> None:
    """Skip the test (fail it in CI) when no server is reachable."""
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("RAPPORT_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"RAPPORT_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


def empty_schema(url: str) -> None:
    """The database as if new: its schema dropped and made again (no checkpoint, unlike a new
    database)."""
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("SET lock_timeout = '20s'")
        con.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        con.execute("DROP SCHEMA public CASCADE")
        con.execute("CREATE SCHEMA public")


def empty_journal_tables(url: str) -> None:
    """Every row of a migrated journal gone and its ids back to 1, its schema kept."""
    with psycopg.connect(url, autocommit=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
            if r[0] not in TABLES_KEPT
        ]
        if names:
            listed = ", ".join(f'"{n}"' for n in names)
            con.execute(f"TRUNCATE {listed} RESTART IDENTITY CASCADE")
