"""The PostgreSQL server the tests use: reachable or not (and why), and clean databases on it.

`RAPPORT_TEST_POSTGRES` names a role that may create databases (by default the one `.ci/run`
makes: rapport_test on 127.0.0.1:5432). With no reachable server, the PostgreSQL tests skip
with the reason; with `RAPPORT_REQUIRE_POSTGRES=1` (as in CI) they fail instead.
"""

from __future__ import annotations

import functools
import os
import re
import uuid
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg
import pytest

DEFAULT_ADMIN_URL = "postgresql://rapport_test:rapport_test@127.0.0.1:5432/postgres"
TABLES_KEPT = ("rapport_schema",)


def admin_url() -> str:
    return os.environ.get("RAPPORT_TEST_POSTGRES", DEFAULT_ADMIN_URL)


def url_for(database: str, base: str | None = None) -> str:
    """The admin URL pointing at another database of the same server."""
    return urlunsplit(urlsplit(base or admin_url())._replace(path=f"/{database}"))


@functools.cache
def unavailable_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when the server answers."""
    try:
        with psycopg.connect(admin_url(), connect_timeout=3) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0]
        return (
            f"no PostgreSQL server for the tests at {urlsplit(admin_url()).hostname}: {first} "
            "(start one and make the role: see the README's 'A journal for a team', "
            "or set RAPPORT_TEST_POSTGRES)"
        )
    return None


def require_server() -> None:
    """Skip the test (fail it in CI) when no server is reachable."""
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("RAPPORT_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"RAPPORT_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


def create_database(prefix: str = "rapport_test") -> str:
    """A new empty database on the test server; its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"  # the pid: see drop_leftovers
    with psycopg.connect(admin_url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return url_for(name)


def drop_database(url: str) -> None:
    """Drop a test database, if the server can do it quickly (a drop waits for a checkpoint,
    which a busy disk may take long to give; a database left over is dropped by the next run)."""
    name = urlsplit(url).path.lstrip("/")
    try:
        with psycopg.connect(admin_url(), autocommit=True) as con:
            con.execute("SET statement_timeout = '20s'")
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error:
        pass


def drop_leftovers(prefix: str = "rapport_test") -> None:
    """Drop the databases that test runs no longer running left behind (see drop_database)."""
    pattern = re.compile(rf"^{prefix}_(\d+)_[0-9a-f]+$")
    with psycopg.connect(admin_url(), autocommit=True) as con:
        names = [r[0] for r in con.execute("SELECT datname FROM pg_database")]
    for name in names:
        match = pattern.match(name)
        if match and not psutil.pid_exists(int(match[1])):
            drop_database(url_for(name))


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
