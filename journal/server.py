"""A journal on a PostgreSQL server: its URL, connecting with plain words for what went wrong,
and checking the database is a Rapport journal before anything is written to it."""

from __future__ import annotations

import os
import re
import uuid
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from peewee import Database, OperationalError, PostgresqlDatabase, Psycopg3Adapter

from . import dialect, migrations
from .errors import JournalError, JournalTooNew, NotAJournal

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_PORT = 5432
OWN_TABLES = {"person", "note", "decision"}
CONNECT_TIMEOUT_S = 5
# libpq's TCP keepalives: a network gone silent (no word from the server) is found out in about
# 20 s rather than waited on for ever
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
}
READS = ("SELECT", "SHOW")  # statements safe to send again after the connection died


class ServerUnavailable(JournalError):
    """The server cannot be reached (down, unknown host, the network gone)."""


class PasswordNeeded(JournalError):
    """The server asks for a password and none was given (no ~/.pgpass, no PGPASSWORD)."""


class WrongPassword(JournalError):
    """The server refused the role or its password."""


class NoSuchDatabase(JournalError):
    """The server has no database of that name."""


def is_server_location(text: str | os.PathLike[str] | None) -> bool:
    """True for a `postgresql://` (or `postgres://`) URL rather than a file path."""
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


def redacted(url: str) -> str:
    """The URL without its password, fit for a title bar, a log or the recent list."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[1]}"))


def identity(url: str) -> str:
    """Which journal `url` names, the same for every spelling of it: no password, the scheme
    `postgresql://`, the host in lower case, the default port 5432 left out. (`localhost` and
    `127.0.0.1` stay apart: a name may resolve elsewhere, or to another server on ::1.)"""
    parts = urlsplit(url.strip())
    user, _, where = parts.netloc.rpartition("@")
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a port: kept as written, the server will say so
        where = where.lower()
    else:
        where = host if port in (None, DEFAULT_PORT) else f"{host}:{port}"
    user = user.split(":", 1)[0]
    query = f"?{parts.query}" if parts.query else ""
    return f"postgresql://{user}{'@' if user else ''}{where}{parts.path or '/'}{query}"


def same_journal(a: str, b: str) -> bool:
    """True when the two URLs name the same server journal (see `identity`)."""
    return identity(a) == identity(b)


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/") or "(the role's own database)"


def explain_connect_error(url: str, exc: BaseException) -> JournalError:
    """The plain error for a failed connection (psycopg gives no SQLSTATE before the session)."""
    text = str(exc)
    where = redacted(url)
    lowered = text.lower()
    if "no password supplied" in lowered or "password is required" in lowered:
        return PasswordNeeded(f"the server at {where} asks for a password")
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return WrongPassword(
            f"the server at {where} refused the role or its password: check them and try again"
        )
    if re.search(r'database ".*" does not exist', text):
        return NoSuchDatabase(
            f"the server at {where} has no database named {database_name(url)!r}: "
            "create it (createdb) or check the name"
        )
    if "role" in lowered and "does not exist" in lowered:
        return WrongPassword(f"the server at {where} has no such role: check the user name")
    return ServerUnavailable(
        f"the journal server at {where} cannot be reached (is it running, and is the "
        "network up?). Nothing was written; try again when it is back."
    )


class Psycopg3OnFirstUse(Psycopg3Adapter):
    """peewee's psycopg 3 adapter, importing psycopg when a server database is made rather than
    when peewee loads: a process that opens only journal files (the window, most commands)
    never pays for the driver (~20 MB and most of peewee's import time), and one that loaded
    peewee without it (ui.entry) can still open a server journal later. peewee reads the driver
    from its own module globals, so the four methods that name it are given it here."""

    def __init__(self) -> None:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        super().__init__()
        self.driver = psycopg
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        self.txn_intrans = TransactionStatus.INTRANS
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self) -> None:
        """The driver was imported when this adapter was made (an ImportError then)."""

    def get_binary_type(self) -> Any:
        return self.driver.Binary

    def connect(self, db: Any, **params: Any) -> Any:
        if db._encoding:
            params.setdefault("client_encoding", db._encoding)
        given_as = "conninfo" if db.database.startswith("postgresql://") else "dbname"
        params.setdefault(given_as, db.database)
        return self.driver.connect(**params)

    def server_side_cursor(self, conn: Any) -> Any:
        in_transaction = self.txn_status(conn) == self.txn_intrans
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_transaction)


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgresqlDatabase that, outside a transaction, drops a connection found broken
    (the server restarted, the network dropped) before the next statement and connects again;
    a read (SELECT, SHOW) that finds its idle connection gone is tried once more on a new one,
    so the first statement after the server came back does not fail for the one before."""

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if self.in_transaction():
            return super().execute_sql(sql, params)
        dialect.revive(self)
        was_open = not self.is_closed()
        try:
            return super().execute_sql(sql, params)
        except OperationalError:
            is_read = sql.lstrip()[:6].upper().startswith(READS)
            if not (is_read and was_open) or self.is_connection_usable():
                raise
            dialect.revive(self)  # idle, it could not tell the server was gone: once more
            return super().execute_sql(sql, params)

    # peewee picks one of these by the drivers it found when it loaded (none, under ui.entry)
    psycopg3_adapter = psycopg2_adapter = Psycopg3OnFirstUse


def peewee_database(url: str, password: str | None = None) -> PostgresqlDatabase:
    """The peewee database for a server journal (psycopg 3; ~/.pgpass and PGPASSWORD apply)."""
    params: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "Rapport",
        **KEEPALIVES,
    }
    if password:
        params["password"] = password
    return ServerDatabase(
        url.replace("postgres://", "postgresql://", 1), prefer_psycopg3=True, **params
    )


def password_of(db: Database) -> str | None:
    """The password a server journal was opened with (given at a prompt), for a second
    connection to the same server (the window's listener); never stored."""
    password = db.connect_params.get("password")
    return password if isinstance(password, str) else None


def connect(db: PostgresqlDatabase, url: str) -> None:
    """Connect, turning the driver's refusal into one plain JournalError."""
    try:
        db.connect(reuse_if_open=True)
    except Exception as exc:
        raise explain_connect_error(url, exc) from exc


def inspect(db: PostgresqlDatabase, url: str) -> int:
    """The journal's schema version (0 for an empty database); refuses, untouched, a database
    holding something else and a journal written by a newer Rapport."""
    tables = dialect.tables(db)
    version = dialect.schema_version(db)
    where = redacted(url)
    if version > migrations.LATEST_VERSION:
        raise JournalTooNew(
            f"{where} was written by a newer Rapport (journal version {version}; this Rapport "
            f"reads up to {migrations.LATEST_VERSION}). Update Rapport to open it; "
            "the database was not changed."
        )
    if version == 0 and tables:
        raise NotAJournal(
            f"{where} holds other tables ({', '.join(sorted(tables)[:5])}), not a Rapport "
            "journal: it was left untouched. Use an empty database."
        )
    if version > 0 and not tables >= OWN_TABLES:
        raise NotAJournal(f"{where} is not a Rapport journal (its tables are missing)")
    return version


def role(db: PostgresqlDatabase) -> str:
    """The PostgreSQL role this connection writes as (who a note is by when no name is set)."""
    return str(db.execute_sql("SELECT current_user").fetchone()[0])
