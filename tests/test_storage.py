"""Storage: pragmas, migrations from version 1, refusing newer or foreign files, check, backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal import backups, migrations, notes, people, search, storage
from journal.errors import JournalTooNew, NotAJournal
from journal.migrations import v0001_initial


def test_new_journal_has_pragmas_and_latest_version(journal):
    db = journal.db
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert storage.schema_version(journal) == migrations.LATEST_VERSION
    assert journal.migrated_from == 0
    assert journal.backup_path is None


def test_reopening_keeps_data(journal_path):
    with storage.open_journal(journal_path):
        people.add_person("Ana")
    with storage.open_journal(journal_path) as again:
        assert again.migrated_from is None
        assert people.count_people() == 1


def make_version_1(path: Path) -> None:
    con = sqlite3.connect(path)
    for statement in v0001_initial.STATEMENTS:
        con.execute(statement)
    con.execute(
        "INSERT INTO person (id, name, company, role, emails, phones, location, how_we_met, about,"
        " fit, focus, created_at, updated_at) VALUES (1, 'Ana Souza', 'Acme', '', '[]', '[]', '',"
        " '', '', 'good', 0, '2024-01-01 09:00:00', '2024-01-01 09:00:00')"
    )
    con.execute(
        "INSERT INTO note (person_id, occurred_at, kind, body, created_at, updated_at) VALUES"
        " (1, '2024-02-01 10:00:00', 'call', 'Talked about the harbour warehouse',"
        " '2024-02-01 10:00:00', '2024-02-01 10:00:00')"
    )
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()


def test_version_1_file_is_backed_up_then_migrated(journal_path):
    make_version_1(journal_path)
    with storage.open_journal(journal_path) as journal:
        assert journal.migrated_from == 1
        assert storage.schema_version(journal) == migrations.LATEST_VERSION
        assert journal.backup_path is not None and journal.backup_path.exists()
        assert [h.person_name for h in search.search("warehouse")] == ["Ana Souza"]
        assert notes.notes_of(1)[0].kind == "call"
    backup = sqlite3.connect(journal.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT name FROM person").fetchall() == [("Ana Souza",)]
    backup.close()


def test_newer_journal_is_refused_and_untouched(journal_path):
    with storage.open_journal(journal_path) as journal:
        people.add_person("Ana")
        journal.db.execute_sql(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    before = journal_path.read_bytes()
    with pytest.raises(JournalTooNew, match="newer Rapport"):
        storage.open_journal(journal_path)
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG random bytes" * 100, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "not a readable Rapport journal|damaged"),
    ],
)
def test_files_that_are_not_journals_are_refused_and_untouched(journal_path, content, message):
    journal_path.write_bytes(content)
    with pytest.raises(NotAJournal, match=message):
        storage.open_journal(journal_path)
    assert journal_path.read_bytes() == content


def test_unrelated_sqlite_file_is_refused(journal_path):
    con = sqlite3.connect(journal_path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    con.commit()
    con.close()
    before = journal_path.read_bytes()
    with pytest.raises(NotAJournal, match="not a Rapport journal"):
        storage.open_journal(journal_path)
    assert journal_path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotAJournal, match="is a folder"):
        storage.open_journal(tmp_path)


def test_check_and_backup(journal, tmp_path):
    people.add_person("Ana")
    assert storage.check(journal).ok
    copy = backups.backup(journal.path, tmp_path / "copy.sqlite")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT name FROM person").fetchall() == [("Ana",)]
    con.close()
    automatic = backups.backup(journal.path)
    assert automatic.parent == backups.backup_dir(journal.path)


def test_check_reports_broken_foreign_keys(journal):
    journal.db.execute_sql("PRAGMA foreign_keys = 0")
    journal.db.execute_sql(
        "INSERT INTO note (person_id, occurred_at, kind, body, created_at, updated_at)"
        " VALUES (77, '2026-01-01', 'call', 'orphan', '2026-01-01', '2026-01-01')"
    )
    report = storage.check(journal)
    assert not report.ok
    assert report.foreign_key_problems == [
        f"note row {report_row(journal)} points to a missing person"
    ]


def report_row(journal) -> int:
    return journal.db.execute_sql("SELECT id FROM note WHERE body = 'orphan'").fetchone()[0]


KILLED_MID_WRITE = """
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA journal_mode = delete")
con.execute("PRAGMA cache_size = 10")
con.execute("BEGIN")
for i in range(5000):
    con.execute("INSERT INTO tag (name) VALUES (?)", (f"tag {i} " + "x" * 200,))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_journal_left_to_roll_back_by_a_killed_writer_opens(journal_path):
    import subprocess
    import sys

    with storage.open_journal(journal_path):
        people.add_person("Ana")
    subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(journal_path)], check=False)
    assert journal_path.with_name(journal_path.name + "-journal").exists()
    with storage.open_journal(journal_path) as journal:
        assert storage.check(journal).ok
        assert [name for _, name in people.person_names()] == ["Ana"]
        assert journal.db.execute_sql("SELECT COUNT(*) FROM tag").fetchone()[0] == 0
