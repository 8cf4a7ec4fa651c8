"""Encryption at rest: an encrypted journal holds no readable word, opens only with its
passphrase, keeps its backups encrypted, and turns back into a plain journal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journal import backups, crypto, notes, people, recovery, search, storage
from journal.crypto import PassphraseNeeded, WrongPassphrase
from journal.errors import JournalError, NotAJournal

PASSPHRASE = "correct horse battery staple"
SECRETS = [b"Zelda Quintessa", b"Hushwater", b"zelda@quintessa.example", b"merger", b"Rembrandt"]


def fill(path: Path) -> None:
    with storage.open_journal(path):
        zelda = people.add_person(
            "Zelda Quintessa", company="Hushwater", emails=["zelda@quintessa.example"]
        )
        notes.add_note(zelda.id, "She wants the merger kept quiet until the Rembrandt sale.")


def leaks(data: bytes) -> list[bytes]:
    """The secrets readable in `data`, as `strings` would show them (also in UTF-16)."""
    lowered = data.lower()
    return [
        s
        for s in SECRETS
        if s.lower() in lowered or s.decode().encode("utf-16-le").lower() in lowered
    ]


def files_beside(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


@pytest.fixture
def encrypted(journal_path: Path) -> Path:
    fill(journal_path)
    assert leaks(journal_path.read_bytes())  # the check can see plain text
    assert crypto.encrypt_journal(journal_path, PASSPHRASE) == []
    return journal_path


def test_encrypted_file_holds_no_readable_name_note_or_email(encrypted: Path):
    assert crypto.is_encrypted(encrypted)
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    for name, data in files_beside(encrypted).items():
        assert leaks(data) == [], name
    assert not encrypted.with_name(encrypted.name + ".converting").exists()


def test_writes_stay_encrypted_in_the_wal(encrypted: Path):
    with storage.open_journal(encrypted, PASSPHRASE):
        zelda = people.resolve_person("Zelda")
        notes.add_note(zelda.id, "Rembrandt again: the merger is on")
        wal = encrypted.with_name(encrypted.name + "-wal")
        assert wal.stat().st_size > 0
        for name, data in files_beside(encrypted).items():
            assert leaks(data) == [], name


def test_missing_passphrase_is_asked_for(encrypted: Path):
    with pytest.raises(PassphraseNeeded, match="passphrase is needed"):
        storage.open_journal(encrypted)


def test_wrong_passphrase_says_so_and_touches_nothing(encrypted: Path):
    before = files_beside(encrypted)
    for wrong in ("Correct horse battery staple", "x", "' OR 1=1; --", "ünïcødé 🔑"):
        with pytest.raises(WrongPassphrase) as caught:
            storage.open_journal(encrypted, wrong)
        assert str(caught.value) == "wrong passphrase"
    assert files_beside(encrypted) == before


def test_right_passphrase_opens_everything_and_writes_work(encrypted: Path):
    with storage.open_journal(encrypted, PASSPHRASE) as journal:
        assert journal.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert journal.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        zelda = people.resolve_person("Zelda")
        assert zelda.company == "Hushwater"
        assert [h.person_name for h in search.search("merger")] == ["Zelda Quintessa"]
        added = people.add_person("Óscar 🙂", company="Nord")
        notes.add_note(added.id, "Prefers calls on Fridays")
        assert storage.check(journal).ok
    with storage.open_journal(encrypted, PASSPHRASE):
        assert [h.person_name for h in search.search("fridays")] == ["Óscar 🙂"]
        assert people.count_people() == 2


def test_passphrase_with_quotes_and_unicode(journal_path: Path):
    fill(journal_path)
    tricky = 'it\'s "quoted" 🔐 ünïcødé'
    crypto.encrypt_journal(journal_path, tricky)
    with storage.open_journal(journal_path, tricky):
        assert people.count_people() == 1


def test_empty_passphrase_is_refused_and_the_journal_stays_plain(journal_path: Path):
    fill(journal_path)
    before = journal_path.read_bytes()
    with pytest.raises(JournalError, match="cannot be empty"):
        crypto.encrypt_journal(journal_path, "")
    assert journal_path.read_bytes() == before


def test_encrypting_twice_or_decrypting_a_plain_journal_is_refused(encrypted: Path, tmp_path):
    with pytest.raises(JournalError, match="already encrypted"):
        crypto.encrypt_journal(encrypted, PASSPHRASE)
    plain = tmp_path / "plain.sqlite"
    fill(plain)
    with pytest.raises(JournalError, match="not encrypted"):
        crypto.decrypt_journal(plain, PASSPHRASE)


def test_a_journal_being_read_by_another_process_is_not_converted(journal_path: Path):
    fill(journal_path)
    code = (
        "import sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('BEGIN'); con.execute('SELECT count(*) FROM person').fetchone()\n"
        "print('reading', flush=True); sys.stdin.read()\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code, str(journal_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline() == "reading\n"
        with pytest.raises(JournalError, match="in use"):
            crypto.encrypt_journal(journal_path, PASSPHRASE)
    finally:
        reader.communicate("", timeout=30)
    assert not crypto.is_encrypted(journal_path)
    assert not journal_path.with_name(journal_path.name + ".converting").exists()
    with storage.open_journal(journal_path) as journal:
        assert journal.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_random_bytes_are_still_not_a_journal(journal_path: Path):
    journal_path.write_bytes(b"\x89PNG random bytes" * 100)
    with pytest.raises(NotAJournal):
        storage.open_journal(journal_path, PASSPHRASE)
    page_shaped = os.urandom(8192)
    journal_path.write_bytes(page_shaped)
    with pytest.raises(PassphraseNeeded, match="not a Rapport journal"):
        storage.open_journal(journal_path)
    with pytest.raises(WrongPassphrase):
        storage.open_journal(journal_path, PASSPHRASE)
    assert journal_path.read_bytes() == page_shaped


def test_backups_of_an_encrypted_journal_are_encrypted_and_restorable(encrypted: Path):
    with storage.open_journal(encrypted, PASSPHRASE) as journal:
        copy = backups.backup(journal.path, passphrase=journal.passphrase)
        assert crypto.is_encrypted(copy)
        assert leaks(copy.read_bytes()) == []
        with pytest.raises(PassphraseNeeded):
            storage.inspect_file(copy)
        assert storage.inspect_file(copy, PASSPHRASE) > 0
        [listed] = backups.list_backups(journal.path)
        assert backups.count_people(listed.path, PASSPHRASE) == 1
        assert backups.count_people(listed.path) is None  # no key: unreadable, not a bug
        people.add_person("Someone Later")
        restored, safety = recovery.restore(journal, copy)
    with restored:
        assert people.count_people() == 1
        assert crypto.is_encrypted(safety) and leaks(safety.read_bytes()) == []
    with storage.open_journal(encrypted, PASSPHRASE):
        assert [h.person_name for h in search.search("Rembrandt")] == ["Zelda Quintessa"]


def test_plain_backups_are_encrypted_with_the_journal_and_decrypted_with_it(journal_path):
    fill(journal_path)
    with storage.open_journal(journal_path) as journal:
        old = backups.backup(journal.path, reason="daily")
    assert leaks(old.read_bytes())
    assert crypto.encrypt_journal(journal_path, PASSPHRASE) == [old]
    assert leaks(old.read_bytes()) == []
    assert [p.name for p in old.parent.iterdir()] == [old.name]
    with storage.open_journal(journal_path, PASSPHRASE) as journal:
        assert backups.count_people(backups.list_backups(journal.path)[0].path, PASSPHRASE) == 1
    assert crypto.decrypt_journal(journal_path, PASSPHRASE) == [old]
    assert not crypto.is_encrypted(old)
    assert storage.inspect_file(old) > 0


def test_a_plain_backup_is_not_restored_into_an_encrypted_journal(encrypted: Path, tmp_path):
    plain = tmp_path / "other.sqlite"
    fill(plain)
    with storage.open_journal(encrypted, PASSPHRASE) as journal:
        with pytest.raises(JournalError, match="journal is encrypted"):
            recovery.restore(journal, plain)
        assert people.count_people() == 1


def test_decrypt_gives_back_a_plain_journal(encrypted: Path):
    with pytest.raises(WrongPassphrase):
        crypto.decrypt_journal(encrypted, "wrong")
    assert crypto.is_encrypted(encrypted)
    crypto.decrypt_journal(encrypted, PASSPHRASE)
    assert encrypted.read_bytes().startswith(b"SQLite format 3\x00")
    assert leaks(encrypted.read_bytes())
    with storage.open_journal(encrypted) as journal:
        assert storage.check(journal).ok
        assert [h.person_name for h in search.search("merger")] == ["Zelda Quintessa"]


def test_change_passphrase(encrypted: Path):
    crypto.change_passphrase(encrypted, PASSPHRASE, "new one")
    with pytest.raises(WrongPassphrase):
        storage.open_journal(encrypted, PASSPHRASE)
    with storage.open_journal(encrypted, "new one"):
        assert people.count_people() == 1


def test_schema_version_survives_encryption(journal_path: Path):
    fill(journal_path)
    version = storage.inspect_file(journal_path)
    crypto.encrypt_journal(journal_path, PASSPHRASE)
    assert storage.inspect_file(journal_path, PASSPHRASE) == version
    with storage.open_journal(journal_path, PASSPHRASE) as journal:
        assert journal.migrated_from is None


def test_a_conversion_killed_before_it_finished_leaves_nothing_behind(journal_path: Path):
    fill(journal_path)
    stale = journal_path.with_name(journal_path.name + ".converting")
    for suffix in ("", "-journal"):
        stale.with_name(stale.name + suffix).write_bytes(b"half written")
    crypto.encrypt_journal(journal_path, PASSPHRASE)
    assert sorted(files_beside(journal_path)) == [journal_path.name]


def test_only_the_file_module_talks_to_sqlcipher():
    root = Path(__file__).resolve().parent.parent
    pattern = re.compile(r"^\s*(from|import)\s+(sqlcipher3|playhouse\.sqlcipher_ext)\b", re.M)
    users = sorted(
        str(path.relative_to(root))
        for folder in ("journal", "ui")
        for path in (root / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["journal/sqlite_file.py"]
