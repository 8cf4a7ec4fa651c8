"""A journal on a real PostgreSQL server: what goes wrong on a network gets one plain message, a
database that is not a journal is left untouched, and a lost connection costs no write."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pg_server
import psycopg
import pytest

from journal import faults, migrations, notes, people, search, storage
from journal.errors import JournalTooNew, NotAJournal
from journal.server import NoSuchDatabase, ServerUnavailable, WrongPassword, redacted

pytestmark = pytest.mark.postgres

RAPPORT = str(Path(sys.executable).parent / "rapport")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(location: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RAPPORT, "--journal", location, *args], capture_output=True, text=True, timeout=60
    )


def test_a_new_database_becomes_a_journal_and_opens_again(empty_database):
    journal = storage.open_journal(empty_database)
    assert journal.is_server and journal.migrated_from == 0
    assert storage.schema_version(journal) == migrations.LATEST_VERSION
    people.add_person("Ana")
    journal.close()
    again = storage.open_journal(empty_database)
    assert again.migrated_from is None and people.count_people() == 1
    assert ":rapport_test@" not in again.location  # never the password


def test_the_server_down_at_start_is_said_plainly():
    pg_server.require_server()
    url = f"postgresql://rapport_test:rapport_test@127.0.0.1:{_free_port()}/rapport"
    with pytest.raises(ServerUnavailable, match="cannot be reached"):
        storage.open_journal(url)
    result = _cli(url, "today")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("rapport: the journal server at ")
    assert "rapport_test:rapport_test" not in result.stderr


def test_a_wrong_password_and_an_unknown_database(empty_database):
    wrong = empty_database.replace("rapport_test:rapport_test@", "rapport_test:nope@")
    with pytest.raises(WrongPassword, match="refused the role or its password"):
        storage.open_journal(wrong)
    missing = pg_server.url_for("rapport_no_such_database")
    with pytest.raises(NoSuchDatabase, match="no database named 'rapport_no_such_database'"):
        storage.open_journal(missing)
    result = _cli(wrong, "today")
    assert result.returncode == 1 and "refused the role or its password" in result.stderr
    assert "nope" not in result.stderr


def test_a_database_holding_something_else_is_refused_untouched(empty_database):
    with psycopg.connect(empty_database, autocommit=True) as con:
        con.execute("CREATE TABLE invoices (id serial primary key, total numeric)")
        con.execute("INSERT INTO invoices (total) VALUES (12.5)")
    with pytest.raises(NotAJournal, match=r"holds other tables \(invoices\)"):
        storage.open_journal(empty_database)
    with psycopg.connect(empty_database) as con:
        tables = {
            r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
        assert tables == {"invoices"}
        assert con.execute("SELECT total FROM invoices").fetchone()[0] == 12.5


def test_a_journal_from_a_newer_rapport_is_refused_untouched(empty_database):
    storage.open_journal(empty_database)
    people.add_person("Ana")
    storage.current().close()
    newer = migrations.LATEST_VERSION + 1
    with psycopg.connect(empty_database, autocommit=True) as con:
        con.execute("UPDATE rapport_schema SET version = %s", (newer,))
    with pytest.raises(JournalTooNew, match=f"journal version {newer}"):
        storage.open_journal(empty_database)
    with psycopg.connect(empty_database) as con:
        assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 1
        assert con.execute("SELECT version FROM rapport_schema").fetchone()[0] == newer


def test_a_lost_connection_is_offline_and_the_next_write_reconnects(server_url):
    journal = storage.open_journal(server_url)
    ana = people.add_person("Ana")
    pid = journal.db.connection().info.backend_pid
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(Exception) as lost:
        notes.add_note(ana.id, "Typed while the connection was gone")
    assert faults.classify(lost.value) is faults.Fault.OFFLINE
    assert faults.explain(lost.value) == faults.OFFLINE
    notes.add_note(ana.id, "Typed again once it was back")
    assert [n.body for n in notes.notes_of(ana.id)] == ["Typed again once it was back"]
    journal.close()


def test_a_held_lock_is_busy_and_nothing_is_written(server_url):
    from journal.writing import patiently

    storage.open_journal(server_url)
    ana = people.add_person("Ana")
    with psycopg.connect(server_url) as other:
        other.execute("UPDATE person SET about = 'held' WHERE id = %s", (ana.id,))
        with pytest.raises(Exception) as busy:
            patiently(lambda: people.update_person(ana.id, about="mine"), first=0.2, limit=0.5)
        assert faults.classify(busy.value) is faults.Fault.BUSY
        other.rollback()
    assert people.get_person(ana.id).about == ""
    people.update_person(ana.id, about="mine")
    assert people.get_person(ana.id).about == "mine"


@pytest.mark.parametrize(
    "typed",
    ["'", '"', "\\", "a & b | !c", "foo:*", "<->", "(((", "' OR 1=1 --", "ß ĳ ǅ", "\x00\x01", "*"],
)
def test_anything_typed_is_a_valid_query_on_the_server(server_url, typed):
    storage.open_journal(server_url)
    people.add_person("Ana O'Brien", company="Straße & Söhne")
    assert isinstance(search.search(typed), list)
    assert [h.person_name for h in search.search("Söh")] == ["Ana O'Brien"]


def test_redacted_keeps_everything_but_the_password():
    assert redacted("postgresql://dana:s3cret@db.example:5433/team") == (
        "postgresql://dana@db.example:5433/team"
    )
    assert redacted("postgresql://db.example/team") == "postgresql://db.example/team"


def test_an_import_takes_ids_no_other_writer_is_given(server_url):
    from journal import interchange

    storage.open_journal(server_url)
    people.add_person("Before")
    doc = {
        "format": interchange.FORMAT,
        "version": interchange.VERSION,
        "people": [{"name": f"Imported {i}", "notes": [{"body": "hello"}]} for i in range(700)],
    }
    with psycopg.connect(server_url, autocommit=True) as teammate:
        interchange.import_journal(doc)
        # a teammate's row numbered by the table itself, after the import and during another
        teammate.execute(
            "INSERT INTO person (name, company, role, emails, phones, location, how_we_met, "
            "about, fit, focus, created_at, updated_at) "
            "VALUES ('Teammate', '', '', '[]', '[]', '', '', '', 'unknown', false, now(), now())"
        )
    interchange.import_journal(doc)
    people.add_person("After")
    ids = [i for i, _ in people.person_names()]
    assert len(ids) == len(set(ids)) == 1 + 700 + 1 + 700 + 1
