"""A journal another Rapport is writing to: a write waits for it, and nothing typed is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import peewee
import pytest

from journal import faults, notes, people, storage
from journal.errors import JournalBusy
from journal.faults import Fault
from journal.models import database
from journal.writing import patiently

RAPPORT = [sys.executable, "-m", "ui.entry"]


def test_a_write_waits_for_the_other_writer_and_then_writes(journal, hold_writes):
    ana = people.add_person("Ana")
    holder = hold_writes(journal.path)
    waited = []

    def other_finishes() -> None:
        waited.append(True)
        holder.release()

    note = patiently(lambda: notes.add_note(ana.id, "kept"), on_wait=other_finishes, first=0)
    assert waited == [True]
    assert notes.notes_of(ana.id) == [note]
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000  # as it was


def test_past_the_limit_a_write_is_refused_as_busy_and_writes_nothing(journal, hold_writes):
    ana = people.add_person("Ana")
    hold_writes(journal.path)
    with pytest.raises(JournalBusy, match=r"still busy after 0\.1 s") as caught:
        patiently(lambda: notes.add_note(ana.id, "not yet"), first=0.1, limit=0.1)
    assert faults.classify(caught.value) is Fault.BUSY
    assert notes.notes_of(ana.id) == []


def test_other_failures_are_not_retried(journal):
    calls = []

    def mistake() -> None:
        calls.append(1)
        people.add_person("")

    with pytest.raises(Exception, match="name"):
        patiently(mistake)
    assert calls == [1]


def test_every_transaction_takes_the_write_lock_as_it_begins(journal, hold_writes):
    hold_writes(journal.path)
    journal.db.execute_sql("PRAGMA busy_timeout = 0")
    with pytest.raises(peewee.OperationalError) as caught, journal.db.atomic():
        pass  # a deferred BEGIN would have started; BEGIN IMMEDIATE cannot while another writes
    assert faults.classify(caught.value) is Fault.BUSY


def test_why_a_deferred_transaction_cannot_wait(journal_path, hold_writes):
    """A transaction that read first and finds another commit since cannot wait its turn: SQLite
    fails it at once (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. Hence BEGIN IMMEDIATE."""
    with storage.open_journal(journal_path):
        people.add_person("Ana")
    reader = sqlite3.connect(journal_path, isolation_level=None, timeout=60)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    hold_writes(journal_path).release()  # another process writes and commits meanwhile
    with pytest.raises(sqlite3.OperationalError) as caught:
        reader.execute("INSERT INTO setting (key, value) VALUES ('a', 'b')")
    reader.close()
    assert caught.value.sqlite_errorname == "SQLITE_BUSY_SNAPSHOT"
    assert faults.classify(caught.value) is Fault.BUSY


def _rapport(path, *args: str, wait: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RAPPORT_BUSY_WAIT", None)
    if wait is not None:
        env["RAPPORT_BUSY_WAIT"] = wait
    return subprocess.Popen(
        [*RAPPORT, "--journal", str(path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_the_command_line_waits_for_another_rapport_and_saves_the_note(journal_path, hold_writes):
    with storage.open_journal(journal_path):
        people.add_person("Ana Souza")
    holder = hold_writes(journal_path)
    command = _rapport(journal_path, "note", "Ana", "She wants a second shop")
    assert command.stderr is not None
    said = command.stderr.readline()
    assert said == (
        "rapport: another Rapport is writing to the journal; waiting for it to finish…\n"
    )
    holder.release()
    out, err = command.communicate(timeout=120)
    assert command.returncode == 0, err
    assert out.startswith("noted for Ana Souza")
    assert err == ""
    with storage.open_journal(journal_path):
        ana = people.resolve_person("Ana")
        assert [n.body for n in notes.notes_of(ana.id)] == ["She wants a second shop"]


def test_past_its_limit_the_command_line_says_busy_and_prints_back_what_was_typed(
    journal_path, hold_writes
):
    with storage.open_journal(journal_path):
        people.add_person("Ana Souza")
    holder = hold_writes(journal_path)
    command = _rapport(journal_path, "note", "Ana", "It's about the oven", wait="0.2")
    out, err = command.communicate(timeout=120)
    holder.release()
    assert command.returncode == 1
    assert out == ""
    first, typed = err.splitlines()
    assert first.startswith("rapport: the journal is still busy after 0.2 s")
    assert "unexpected" not in err
    assert typed == f"  rapport --journal {journal_path} note Ana 'It'\"'\"'s about the oven'"
    with storage.open_journal(journal_path):
        assert notes.notes_of(people.resolve_person("Ana").id) == []
