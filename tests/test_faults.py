"""Known errors told from bugs by SQLite's error code, on real situations (a full disk is in
test_diskfull.py)."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from journal import crypto, faults, notes, people, storage
from journal.errors import JournalError
from journal.faults import Fault


def test_another_process_writing_is_busy(journal, hold_writes):
    ana = people.add_person("Ana")
    holder = hold_writes(journal.path)
    journal.db.execute_sql("PRAGMA busy_timeout = 0")
    with pytest.raises(peewee.OperationalError) as caught:
        notes.add_note(ana.id, "written while another Rapport writes")
    assert faults.classify(caught.value) is Fault.BUSY
    assert faults.explain(caught.value) == faults.BUSY
    holder.release()
    notes.add_note(ana.id, "written once it finished")


def test_peewee_keeps_the_code_on_the_driver_error_it_wraps(journal):
    journal.db.execute_sql("PRAGMA query_only = 1")
    with pytest.raises(peewee.OperationalError) as caught:
        people.add_person("Ana")
    journal.db.execute_sql("PRAGMA query_only = 0")
    assert not hasattr(caught.value, "sqlite_errorcode")
    assert caught.value.__context__.sqlite_errorname == "SQLITE_READONLY"
    assert faults.classify(caught.value) is Fault.READ_ONLY


def test_a_read_only_file_is_read_only(journal_path):
    with storage.open_journal(journal_path):
        people.add_person("Ana")
    con = sqlite3.connect(f"{journal_path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        con.execute("INSERT INTO setting (key, value) VALUES ('a', 'b')")
    con.close()
    assert caught.value.sqlite_errorname == "SQLITE_READONLY"
    assert faults.classify(caught.value) is Fault.READ_ONLY


def test_a_damaged_file_is_damaged(journal_path):
    with storage.open_journal(journal_path) as journal:
        ana = people.add_person("Ana")
        for n in range(300):
            notes.add_note(ana.id, f"note {n} " * 40)
        page_size = journal.db.execute_sql("PRAGMA page_size").fetchone()[0]
    data = bytearray(journal_path.read_bytes())
    data[page_size * 3 : page_size * 6] = b"\xff" * (page_size * 3)  # btree pages, not the header
    journal_path.write_bytes(bytes(data))
    con = sqlite3.connect(journal_path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        con.execute("SELECT count(*), sum(length(body)) FROM note").fetchone()
        con.execute("PRAGMA integrity_check").fetchall()
        con.execute("SELECT * FROM note ORDER BY body").fetchall()
    con.close()
    assert caught.value.sqlite_errorname in {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
    assert faults.classify(caught.value) is Fault.DAMAGED
    try:  # opening reads the header and the schema only: damage deeper in is found later
        journal = storage.open_journal(journal_path)
    except JournalError as refused:
        assert faults.classify(refused) is Fault.DAMAGED
    else:
        with journal:
            assert storage.damage(journal) is not None  # the check run after the first paint


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "letter.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"Dear Ana, " * 500)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert faults.classify(caught.value) is Fault.DAMAGED


def test_a_wrong_passphrase(journal_path):
    with storage.open_journal(journal_path):
        people.add_person("Ana")
    crypto.encrypt_journal(journal_path, "right horse battery")
    with pytest.raises(JournalError) as caught:
        storage.open_journal(journal_path, "wrong horse")
    assert faults.classify(caught.value) is Fault.WRONG_PASSPHRASE
    with pytest.raises(JournalError) as missing:
        storage.open_journal(journal_path)
    assert faults.classify(missing.value) is Fault.WRONG_PASSPHRASE
    # SQLCipher's own error under a wrong key is "not a database": the passphrase decides first
    assert faults.classify(caught.value.__cause__) is Fault.DAMAGED


def test_a_file_that_cannot_be_opened(tmp_path):
    with pytest.raises(sqlite3.OperationalError) as caught:
        sqlite3.connect(tmp_path / "gone" / "journal.sqlite")
    assert faults.classify(caught.value) is Fault.CANNOT_OPEN
    assert faults.explain(caught.value) == faults.UNREACHABLE


def test_a_persons_mistake(journal):
    with pytest.raises(JournalError) as caught:
        people.add_person("   ")
    assert faults.classify(caught.value) is Fault.MISTAKE
    assert faults.explain(caught.value) is None  # its own words are the message


BUGS = {
    "type error": lambda j: notes.add_note(1),
    "missing table": lambda j: j.db.execute_sql("SELECT * FROM no_such_table"),
    "constraint": lambda j: j.db.execute_sql(
        "INSERT INTO person (id, name) VALUES (1, 'a'), (1, 'b')"
    ),
    "syntax": lambda j: j.db.execute_sql("SELEC 1"),
    "python": lambda j: {}["missing"],
}


@pytest.mark.parametrize("bug", BUGS.values(), ids=BUGS.keys())
def test_anything_else_is_a_bug(journal, bug):
    with pytest.raises(Exception) as caught:
        bug(journal)
    assert faults.classify(caught.value) is None
    assert faults.explain(caught.value) is None


def test_the_text_decides_only_without_a_code():
    assert faults.classify(RuntimeError("database is locked")) is Fault.BUSY
    coded = sqlite3.OperationalError("database is locked")
    coded.sqlite_errorcode = 1  # SQLITE_ERROR: the code wins over the words
    assert faults.classify(coded) is None
