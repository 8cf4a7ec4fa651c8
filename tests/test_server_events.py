"""Writes on a server journal are told to the other windows (NOTIFY at commit) and heard by a
listener on a connection of its own (LISTEN), the writer's own notices left out."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from journal import notes, people, server_events
from journal.changes import EVERYTHING, Changes, recording
from journal.errors import JournalError
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.postgres


class Heard:
    """A Listener running in a thread; what it yields lands in `changes`."""

    def __init__(self, url: str, ignore_sender: str | None = None) -> None:
        self.listener = server_events.Listener(url, ignore_sender=ignore_sender, tick=0.1)
        self.changes: queue.Queue[Changes] = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self.listener.listening.wait(10)

    def _run(self) -> None:
        for changes in self.listener.changes():
            self.changes.put(changes)

    def next(self) -> Changes:
        return self.changes.get(timeout=10)

    def stop(self) -> None:
        self.listener.stop()
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def server_journal(server_url: str) -> Iterator[Journal]:
    handle = open_journal(server_url)
    yield handle
    handle.close()


@pytest.fixture
def heard(server_url: str) -> Iterator[Heard]:
    listening = Heard(server_url)
    yield listening
    listening.stop()


def test_a_write_is_heard_with_what_it_changed(server_journal, heard):
    ana = people.add_person("Ana").id
    assert heard.next() == Changes(frozenset({"person"}), frozenset({ana}))
    notes.add_note(ana, "Wants the numbers by Friday")
    changes = heard.next()
    assert "note" in changes.kinds and changes.person_ids == {ana}


def test_a_write_rolled_back_tells_nobody(server_journal, heard):
    ana = people.add_person("Ana").id
    assert heard.next().person_ids == {ana}
    with pytest.raises(JournalError):
        notes.add_note(ana, "   ")  # refused inside its transaction: nothing written
    with pytest.raises(ZeroDivisionError), server_journal.db.atomic():
        people.add_person("Bruno")
        raise ZeroDivisionError
    carla = people.add_person("Carla").id
    assert heard.next().person_ids == {carla}  # the next notice is Carla's, not Bruno's
    assert sorted(name for _, name in people.person_names()) == ["Ana", "Carla"]


def test_the_writers_own_notices_are_left_out(server_journal, server_url):
    own = Heard(server_url, ignore_sender=server_events.sender_of(server_journal.db))
    try:
        people.add_person("Ana")  # this process's own write: its window already knows
        rapport = str(Path(sys.executable).with_name("rapport"))
        command = [rapport, "--journal", server_url, "add", "Bruno"]
        subprocess.run(command, check=True, capture_output=True)
        bruno = people.resolve_person("Bruno").id
        assert own.next() == Changes(frozenset({"person"}), frozenset({bruno}))
    finally:
        own.stop()


def test_a_change_too_large_for_a_notice_is_sent_as_everything(server_journal, heard):
    many = Changes(frozenset({"note"}), frozenset(range(1, 5000)))
    with recording():
        server_events.announce(many)
    assert heard.next() == EVERYTHING


@pytest.mark.parametrize(
    "text",
    [
        "",
        "null",
        "[]",
        '{"kinds": 3}',
        '{"kinds": ["lead"], "people": [], "everything": false}',
        '{"kinds": ["note"], "people": ["x"], "everything": false}',
        "\u0000" * 10,
        "{" * 5000,
    ],
)
def test_a_notice_that_cannot_be_read_is_a_change_to_everything(text):
    assert server_events.parse(text) == (None, EVERYTHING)


def test_a_notice_from_another_program_is_heard_as_everything(server_url, heard):
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute("SELECT pg_notify('rapport', 'hello')")
    assert heard.next() == EVERYTHING


def test_the_listener_stops_when_asked(server_url):
    listening = Heard(server_url)
    listening.stop()
    assert not listening.listener.listening.is_set()


def test_the_listener_says_when_the_server_is_away_and_when_it_is_back(server_url, proxy):
    reached: queue.Queue[bool] = queue.Queue()
    listening = Heard(proxy.url_for(server_url))
    listening.listener.on_reach = reached.put
    try:
        proxy.stop()
        assert reached.get(timeout=10) is False
        proxy.start()
        assert reached.get(timeout=15) is True
        assert listening.next() == EVERYTHING  # what was written meanwhile was not heard
        assert reached.empty()  # each change told once
    finally:
        listening.stop()
