"""Databases of their own on a PostgreSQL server, for a role that may create them: where the
tests and the benchmark make their server journals (`RAPPORT_TEST_POSTGRES` names the role)."""

from __future__ import annotations

import functools
import os
import re
import uuid
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg

ADMIN_VAR = "RAPPORT_TEST_POSTGRES"
DEFAULT_ADMIN_URL = "postgresql://rapport_test:rapport_test@127.0.0.1:5432/postgres"


def admin_url() -> str:
    """The URL of a role that may create databases: $RAPPORT_TEST_POSTGRES, else the one
    `.ci/run` makes (rapport_test on 127.0.0.1:5432)."""
    return os.environ.get(ADMIN_VAR, DEFAULT_ADMIN_URL)


def url_for(database: str, base: str | None = None) -> str:
    """The admin URL pointing at another database of the same server."""
    return urlunsplit(urlsplit(base or admin_url())._replace(path=f"/{database}"))


@functools.cache
def unavailable_reason() -> str | None:
    """Why no database can be made on the server here, or None when it answers."""
    try:
        with psycopg.connect(admin_url(), connect_timeout=3) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0]
        return (
            f"no PostgreSQL server at {urlsplit(admin_url()).hostname}: {first} "
            "(start one and make the role: see the README's 'The PostgreSQL tests', "
            f"or set {ADMIN_VAR})"
        )
    return None


def create_database(prefix: str = "rapport_test") -> str:
    """A new empty database on the server; its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"  # the pid: see drop_leftovers
    with psycopg.connect(admin_url(), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return url_for(name)


def drop_database(url: str) -> None:
    """Drop a database made here, if the server can do it quickly (a drop waits for a
    checkpoint, which a busy disk may take long to give; one left over is dropped by the next
    run's `drop_leftovers`)."""
    name = urlsplit(url).path.lstrip("/")
    try:
        with psycopg.connect(admin_url(), autocommit=True) as con:
            con.execute("SET statement_timeout = '20s'")
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error:
        pass


def drop_leftovers(prefix: str = "rapport_test") -> None:
    """Drop the databases that runs no longer running left behind (see drop_database)."""
    pattern = re.compile(rf"^{prefix}_(\d+)_[0-9a-f]+$")
    with psycopg.connect(admin_url(), autocommit=True) as con:
        names = [r[0] for r in con.execute("SELECT datname FROM pg_database")]
    for name in names:
        match = pattern.match(name)
        if match and not psutil.pid_exists(int(match[1])):
            drop_database(url_for(name))
