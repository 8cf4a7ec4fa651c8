"""What a write changed, told to every window on the same server journal: each write sends a
NOTIFY on the channel `rapport` (delivered when its transaction commits, never after a
rollback), and a Listener on a connection of its own hears the others' writes as Changes."""

from __future__ import annotations

import json
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
from peewee import Database

from . import dialect, faults
from .changes import EVERYTHING, KINDS, Changes
from .models import database
from .server import CONNECT_TIMEOUT_S, KEEPALIVES, password_of

CHANNEL = "rapport"
MAX_PAYLOAD = 7000  # PostgreSQL refuses a payload of 8000 bytes or more
TICK_S = 0.5  # how often a listener looks whether it was asked to stop
RETRY_MAX_S = 5.0

_senders: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


def sender_of(db: Database) -> str:
    """Who sends the notices of the writes made through `db` (one journal opened in one
    process): its own windows hear of those writes already, and skip them."""
    if db not in _senders:
        _senders[db] = uuid.uuid4().hex
    return _senders[db]


def payload(changes: Changes, sender: str) -> str:
    """`changes` as the JSON a NOTIFY carries; too many people to name says 'everything'."""
    body: dict[str, Any] = {
        "sender": sender,
        "kinds": sorted(changes.kinds),
        "people": sorted(changes.person_ids),
        "everything": changes.everything,
    }
    text = json.dumps(body, separators=(",", ":"))
    if len(text.encode()) <= MAX_PAYLOAD:
        return text
    return json.dumps({"sender": sender, "kinds": [], "people": [], "everything": True})


def parse(text: str) -> tuple[str | None, Changes]:
    """(sender, Changes) from a notice; one that cannot be read (another program's, a newer
    Rapport's kinds) is taken as a change to everything, so nothing goes unseen."""
    try:
        body = json.loads(text)
        kinds = frozenset(str(k) for k in body["kinds"])
        people = frozenset(int(p) for p in body["people"])
        sender = body.get("sender")
        everything = bool(body["everything"]) or not kinds <= KINDS
        changes = EVERYTHING if everything else Changes(kinds, people)
        return (sender if isinstance(sender, str) else None), changes
    except (ValueError, TypeError, KeyError, AttributeError):
        return None, EVERYTHING


def announce(changes: Changes) -> None:
    """Send a notice of `changes` when the open journal is on a server (a no-op on a file).

    Inside a transaction the notice goes with it (sent at commit); after the transaction it is
    a statement of its own, and a server gone meanwhile loses only the notice, not the write
    already saved."""
    db = database.obj
    if db is None or not dialect.is_postgres(db) or db.is_closed():
        return
    sql = f"SELECT pg_notify({db.param}, {db.param})"
    params = (CHANNEL, payload(changes, sender_of(db)))
    if db.in_transaction():
        db.execute_sql(sql, params)
        return
    try:
        db.execute_sql(sql, params)
    except Exception as exc:
        if faults.classify(exc) is not faults.Fault.OFFLINE:
            raise


class Listener:
    """LISTEN on the channel through a connection of its own (autocommit) and yield the
    Changes other writers made. Reconnects, waiting longer each time up to RETRY_MAX_S, after
    the server went away, then yields EVERYTHING (what was written meanwhile was not heard).
    `on_reach(False)` is called (from the listening thread) when the server is found out of
    reach, `on_reach(True)` when it answers again. `stop()` (from any thread) ends `changes()`
    within TICK_S."""

    def __init__(
        self,
        url: str,
        password: str | None = None,
        *,
        ignore_sender: str | None = None,
        tick: float = TICK_S,
    ) -> None:
        self.url = url.replace("postgres://", "postgresql://", 1)
        self.password = password
        self.ignore_sender = ignore_sender
        self.tick = tick
        self.listening = threading.Event()  # set while LISTEN is in place
        self.on_reach: Callable[[bool], None] | None = None
        self._stopped = threading.Event()
        self._reached: bool | None = None  # not tried yet

    def stop(self) -> None:
        self._stopped.set()

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def _connect(self) -> psycopg.Connection[Any]:
        params: dict[str, Any] = {
            "autocommit": True,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "Rapport (listening)",
            **KEEPALIVES,
        }
        if self.password:
            params["password"] = self.password
        return psycopg.connect(self.url, **params)

    def changes(self) -> Iterator[Changes]:
        wait = self.tick
        heard_before = False
        while not self.stopped:
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self._reach(True)
                    if heard_before:
                        yield EVERYTHING
                    heard_before = True
                    wait = self.tick
                    yield from self._hear(conn)
            except psycopg.OperationalError:
                if not self.stopped:  # the server is out of reach: try again a little later
                    self._reach(False)
            finally:
                self.listening.clear()
            self._stopped.wait(wait)
            wait = min(wait * 2, RETRY_MAX_S)

    def _reach(self, reached: bool) -> None:
        """Tell `on_reach` when the server is found out of reach, or answering again."""
        was, self._reached = self._reached, reached
        if self.on_reach is not None and was is not reached and (was is not None or not reached):
            self.on_reach(reached)

    def _hear(self, conn: psycopg.Connection[Any]) -> Iterator[Changes]:
        while not self.stopped:
            heard = self._others(conn.notifies(timeout=self.tick, stop_after=1))
            if heard is not None:
                more = self._others(conn.notifies(timeout=0.02))  # a burst is one refresh
                yield heard if more is None else heard | more

    def _others(self, notices: Iterator[psycopg.Notify]) -> Changes | None:
        """What the notices of the other writers say, all together (None: nothing)."""
        heard: Changes | None = None
        for notice in notices:
            sender, changes = parse(notice.payload)
            if sender is None or sender != self.ignore_sender:
                heard = changes if heard is None else heard | changes
        return heard


def listener_for(url: str, db: Database) -> Listener:
    """A listener for the other writers of the server journal at `url` opened as `db` (the
    writes made through `db` left out)."""
    return Listener(url, password_of(db), ignore_sender=sender_of(db))
