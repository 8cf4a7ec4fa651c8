"""Recovery: backups found for a journal that cannot be opened, restored over it with the damaged
file kept aside; a backup before every import; seeing writes made by another process."""

from __future__ import annotations

import json
import sqlite3

import pytest

from journal import backups, interchange, people, recovery, storage
from journal.contacts import import_contacts
from journal.errors import JournalError, NotAJournal
from journal.storage import open_journal


@pytest.fixture(autouse=True)
def _no_backup_dir_override(monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)


def _damage(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_newest_good_backup_is_restored_and_the_damaged_file_kept(journal_path):
    with open_journal(journal_path) as journal:
        people.add_person("Ana")
        older = backups.backup(journal.path, reason="daily")
        people.add_person("Bruno")
        journal.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    newest_dir = older.parent
    broken = newest_dir / f"{journal_path.stem}-29991231-235959-manual.sqlite"
    broken.write_bytes(b"half a backup")
    damaged_bytes = _damage(journal_path)
    with pytest.raises(NotAJournal):
        open_journal(journal_path)
    assert journal_path.read_bytes() == damaged_bytes  # refused, untouched

    found = backups.list_backups(journal_path)
    assert [b.path for b in found] == [broken, older]
    good = recovery.newest_good_backup(journal_path)
    assert good is not None and good.path == older and good.people == 1

    damaged = recovery.restore_into(journal_path, good.path)
    assert damaged.read_bytes() == damaged_bytes
    assert damaged.name.startswith("journal.sqlite.damaged-")
    with open_journal(journal_path):
        assert [name for _, name in people.person_names()] == ["Ana"]


def test_restore_into_refuses_a_bad_backup_and_changes_nothing(journal_path, tmp_path):
    journal_path.write_bytes(b"random bytes" * 50)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"junk" * 100)
    with pytest.raises(JournalError):
        recovery.restore_into(journal_path, junk)
    with pytest.raises(JournalError, match="no such backup"):
        recovery.restore_into(journal_path, tmp_path / "missing.sqlite")
    assert journal_path.read_bytes() == b"random bytes" * 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite", "junk.sqlite"]


def test_no_backups_means_nothing_to_offer(tmp_path):
    assert backups.list_backups(tmp_path / "journal.sqlite") == []
    assert recovery.newest_good_backup(tmp_path / "journal.sqlite") is None


def _document(*names: str) -> dict:
    return {"format": "rapport-journal", "version": 1, "people": [{"name": n} for n in names]}


def test_an_import_is_preceded_by_a_backup(journal, tmp_path):
    interchange.import_journal(_document("First"))  # nobody to lose yet: no backup
    assert backups.list_backups(journal.path) == []
    interchange.import_journal(_document("Second"), dry_run=True)
    assert backups.list_backups(journal.path) == []
    interchange.import_journal(_document("Third"))
    [before] = backups.list_backups(journal.path)
    assert (before.reason, backups.count_people(before.path)) == ("before-import", 1)


def test_a_contacts_import_is_preceded_by_a_backup(journal, tmp_path):
    people.add_person("Ana")
    source = tmp_path / "contacts.csv"
    source.write_text("name,email\nBruno,bruno@example.com\n", encoding="utf-8")
    import_contacts(source, dry_run=True)
    assert backups.list_backups(journal.path) == []
    import_contacts(source)
    [before] = backups.list_backups(journal.path)
    assert (before.reason, backups.count_people(before.path)) == ("before-import", 1)
    document = tmp_path / "journal.json"
    document.write_text(json.dumps(_document("Carla")), encoding="utf-8")
    import_contacts(document)
    reasons = [b.reason for b in backups.list_backups(journal.path)]
    assert len(reasons) == 2 and all(r.startswith("before-import") for r in reasons)


def test_imports_keep_a_few_backups_not_all(journal):
    people.add_person("Ana")
    for n in range(backups.KEEP_LATEST + 3):
        interchange.import_journal(_document(f"P{n}"))
    assert len(backups.list_backups(journal.path)) == backups.KEEP_LATEST


def test_writes_by_another_process_are_noticed(journal):
    assert storage.changed_since_last_check(journal) is False
    people.add_person("Ana")  # this connection's own write
    assert storage.changed_since_last_check(journal) is False
    other = sqlite3.connect(journal.path)
    try:
        other.execute("UPDATE person SET name = 'Ana B'")
        other.commit()
    finally:
        other.close()
    assert storage.changed_since_last_check(journal) is True
    assert storage.changed_since_last_check(journal) is False
