"""Opening without reading every page: the header, schema and page counts are checked at once;
damage only `quick_check` can find is found after opening, by a backup, or by a read that meets
it, and the file is never written to."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

from journal import backups, faults, notes, people, storage
from journal.errors import NotAJournal

RAPPORT = str(Path(sys.executable).parent / "rapport")


def _filled(path: Path) -> int:
    """A checkpointed journal with a person and enough notes for several pages; their id."""
    with storage.open_journal(path) as journal:
        ana = people.add_person("Ana Souza")
        for i in range(400):
            notes.add_note(ana.id, f"Note {i} about the harbour warehouse and its budget.")
        journal.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ana.id


def _break_table(path: Path, table: str) -> bytes:
    """Overwrite the first page of `table` (its b-tree's root) with an invalid page type."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size] = 0x07  # no b-tree page has this type
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture(autouse=True)
def _backups_beside(monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)


def test_damage_in_a_table_opens_then_is_found_and_the_file_is_untouched(journal_path):
    ana = _filled(journal_path)
    damaged = _break_table(journal_path, "note")
    journal = storage.open_journal(journal_path)  # the light checks pass: page 1 is whole
    try:
        assert storage.damage(journal) is not None
        with pytest.raises(peewee.DatabaseError) as raised:
            notes.notes_of(ana)
        assert faults.damaged(raised.value)
        assert people.get_person(ana).name == "Ana Souza"  # the whole tables still read
    finally:
        journal.close()
    assert journal_path.read_bytes() == damaged


def test_a_whole_journal_has_no_damage(journal):
    people.add_person("Ana")
    assert storage.damage(journal) is None
    assert not faults.damaged(sqlite3.OperationalError("no such table: nope"))


def test_the_thorough_check_refuses_what_the_light_one_lets_through(journal_path):
    _filled(journal_path)
    damaged = _break_table(journal_path, "note")
    storage.inspect_file(journal_path)
    with pytest.raises(NotAJournal, match="damaged"):
        storage.inspect_file(journal_path, thorough=True)
    assert journal_path.read_bytes() == damaged


def test_a_backup_of_a_damaged_journal_is_refused_and_the_good_ones_kept(journal_path):
    _filled(journal_path)
    with storage.open_journal(journal_path) as journal:
        good = backups.backup(journal.path, reason="daily")
    damaged = _break_table(journal_path, "note")
    with storage.open_journal(journal_path) as journal:
        with pytest.raises(NotAJournal, match="damaged"):
            backups.backup(journal.path, reason="daily")
        assert [b.path for b in backups.list_backups(journal.path)] == [good]
        assert not list(good.parent.glob("*.part"))
    assert journal_path.read_bytes() == damaged


def test_a_file_cut_short_is_refused_at_opening_and_untouched(journal_path):
    _filled(journal_path)
    data = journal_path.read_bytes()
    cut = data[: len(data) // 2 // 4096 * 4096]
    journal_path.write_bytes(cut)
    with pytest.raises(NotAJournal, match=r"damaged|not a readable"):  # SQLite's own check
        storage.open_journal(journal_path)
    assert journal_path.read_bytes() == cut


def test_a_broken_list_of_free_pages_is_refused_at_opening(journal_path):
    _filled(journal_path)
    data = bytearray(journal_path.read_bytes())
    data[32:40] = (10**6).to_bytes(4, "big") + (10**6).to_bytes(4, "big")
    journal_path.write_bytes(bytes(data))
    with pytest.raises(NotAJournal, match="damaged"):
        storage.open_journal(journal_path)
    assert journal_path.read_bytes() == bytes(data)


def _rapport(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RAPPORT_JOURNAL", None)
    command = [RAPPORT, "--journal", str(path), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_the_command_line_says_a_damaged_journal_is_damaged(journal_path):
    _filled(journal_path)
    _break_table(journal_path, "note")
    damaged = _break_table(journal_path, "search_index_data")
    for command in (["search", "harbour"], ["check"]):
        done = _rapport(journal_path, *command)
        assert done.returncode == 1, done.stdout
        assert done.stderr.startswith("rapport: ") and "Traceback" not in done.stderr
        assert "damaged" in done.stderr or "problems" in done.stderr
    assert journal_path.read_bytes() == damaged


def test_the_command_line_restores_a_backup_over_a_damaged_journal(journal_path):
    _filled(journal_path)
    with storage.open_journal(journal_path) as journal:
        good = backups.backup(journal.path, reason="daily")
    damaged = _break_table(journal_path, "note")
    done = _rapport(journal_path, "restore", str(good))
    assert done.returncode == 0, done.stderr
    [aside] = journal_path.parent.glob("journal.sqlite.damaged-*")
    assert aside.read_bytes() == damaged and str(aside) in done.stdout
    with storage.open_journal(journal_path) as journal:
        assert storage.damage(journal) is None
        assert len(notes.notes_of(people.person_names()[0][0])) == 400
