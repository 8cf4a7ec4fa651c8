"""The command line, run as a subprocess on a real journal: a file, and a server database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RAPPORT = str(Path(sys.executable).parent / "rapport")


def run(journal: Path, *args: str, via_environment: bool = False):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RAPPORT_JOURNAL", None)
    if via_environment:
        env["RAPPORT_JOURNAL"] = str(journal)
        command = [RAPPORT, *args]
    else:
        command = [RAPPORT, "--journal", str(journal), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def ok(journal: Path, *args: str) -> str:
    result = run(journal, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def fails(journal: Path, *args: str, code: int = 1) -> str:
    result = run(journal, *args)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    if code == 1:
        assert result.stderr.startswith("rapport: ") and result.stderr.count("\n") == 1
    return result.stderr


pytestmark = pytest.mark.both_backends


@pytest.fixture
def path(journal_location: Path | str) -> Path | str:
    return journal_location


def test_add_note_search_and_today(path):
    assert "added Ana Souza (#1)" in ok(
        path, "add", "Ana Souza", "--company", "Acme", "--email", "ana@acme.test", "--role", "Owner"
    )
    ok(path, "add", "Ana Lima")
    out = ok(
        path,
        "note",
        "Ana S",
        "Asked about the harbour warehouse",
        "--kind",
        "call",
        "--at",
        "2026-11-01 10:30",
    )
    assert out.strip() == "noted for Ana Souza (call, 2026-11-01 10:30)"
    assert "Ana Souza · note: Asked about the [harbour] warehouse" in ok(path, "search", "harb")
    hits = json.loads(ok(path, "search", "warehouse", "--json"))
    assert hits[0]["person_name"] == "Ana Souza" and hits[0]["kind"] == "note"
    assert ok(path, "search", "zzz").strip() == "no matches"
    today = json.loads(ok(path, "today", "--json", "--on", "2026-11-23"))
    assert set(today) == {"day", "reconnect", "revisit", "follow_ups", "meetings", "write_up"}
    assert "Reconnect with:" in ok(path, "today")


def test_unknown_or_ambiguous_person_lists_candidates(path):
    ok(path, "add", "Ana Souza")
    ok(path, "add", "Ana Lima")
    assert "could be several people: Ana Lima, Ana Souza" in fails(path, "note", "Ana", "hi")
    assert "no person called 'Zed'" in fails(path, "note", "Zed", "hi")


def test_bad_input_is_one_line_and_exit_1(path):
    ok(path, "add", "Ana")
    assert "name: must not be empty" in fails(path, "add", "  ")
    assert "is not a date and time" in fails(path, "note", "Ana", "x", "--at", "tomorrow")
    assert "note: must not be empty" in fails(path, "note", "Ana", "")


def test_usage_errors_exit_2(path):
    fails(path, "note", code=2)
    fails(path, "frobnicate", code=2)
    fails(path, "note", "Ana", "x", "--kind", "email", code=2)


def test_search_with_hostile_queries(path):
    ok(path, "add", "Ana")
    for query in ['"', "*", "AND (", "-", "🤝", "x" * 10_000]:
        result = run(path, "search", query)
        assert result.returncode == 0, result.stderr


def test_export_import_round_trip(path, tmp_path):
    ok(path, "add", "Ana", "--company", "Acme")
    ok(path, "note", "Ana", "Hello")
    exported = json.loads(ok(path, "export", "json"))
    assert exported["format"] == "rapport-journal"
    out_file = tmp_path / "out.json"
    ok(path, "export", "json", "-o", str(out_file))
    other = tmp_path / "other.sqlite"
    assert "would import" in ok(other, "import", str(out_file), "--dry-run")
    assert "no matches" in ok(other, "search", "Ana")
    assert "imported" in ok(other, "import", str(out_file))
    assert "Ana" in ok(other, "search", "Ana")


def test_import_of_a_bad_file_changes_nothing(path, tmp_path):
    ok(path, "add", "Ana")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rapport-journal", "version": 1, "people": [{"name": ""}]}')
    assert "people[0].name" in fails(path, "import", str(bad))
    assert "no such file" in fails(path, "import", str(tmp_path / "missing.json"))
    assert "1 people" in ok(path, "check")


def test_check_and_backup(path, tmp_path):
    ok(path, "add", "Ana")
    assert ok(path, "check").strip().endswith("ok (1 people)")
    target = tmp_path / "copy.sqlite"
    assert str(target) in ok(path, "backup", "-o", str(target))
    assert target.exists()


def test_not_a_journal_is_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(4096))
    before = junk.read_bytes()
    assert "not a Rapport journal" in fails(junk, "today")
    assert junk.read_bytes() == before


def test_environment_variable_names_the_journal(tmp_path):
    target = tmp_path / "from-env.sqlite"
    result = run(target, "add", "Ana", via_environment=True)
    assert result.returncode == 0, result.stderr
    assert target.exists()


@pytest.mark.sqlite_only("a file journal's backups are copies of the file")
def test_backups_list_and_restore(path, tmp_path):
    ok(path, "add", "Ana")
    target = tmp_path / "saved.sqlite"
    ok(path, "backup", "-o", str(target))
    ok(path, "add", "Bruno")
    out = ok(path, "restore", str(target))
    assert "restored" in out and "(1 people)" in out
    assert "before-restore" in ok(path, "backups")
    assert "not a Rapport journal" in fails(path, "restore", __file__)


@pytest.mark.postgres
def test_a_server_journal_backs_up_as_json_and_says_what_it_cannot_do(
    server_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("RAPPORT_BACKUP_DIR", str(tmp_path / "backups"))
    ok(server_url, "add", "Ana")
    out = ok(server_url, "backup")
    assert "a JSON export" in out
    [made] = (tmp_path / "backups").glob("*-manual.json")
    assert json.loads(made.read_text(encoding="utf-8"))["people"][0]["name"] == "Ana"
    assert made.stat().st_mode & 0o777 == 0o600
    assert "manual" in ok(server_url, "backups") and "1 people" in ok(server_url, "backups")
    assert "restore it on the server" in fails(server_url, "restore", str(made))
    assert "encryption at rest is the server's job" in fails(server_url, "encrypt")
    assert "ok (1 people)" in ok(server_url, "check")
    assert "rapport_test@" in ok(server_url, "check") and ":rapport_test@" not in ok(
        server_url, "check"
    )  # the password is never printed


def test_every_export_format(path, tmp_path):
    ok(path, "add", "Ana Souza", "--company", "Acme", "--email", "ana@acme.test")
    assert "BEGIN:VCARD" in ok(path, "export", "vcard")
    assert "BEGIN:VCALENDAR" in ok(path, "export", "ics")
    assert "Ana Souza" in ok(path, "export", "csv")
    target = tmp_path / "people.vcf"
    assert "exported 1 people" in ok(path, "export", "vcard", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCARD")
    folder = tmp_path / "pages"
    assert "exported 1 people" in ok(path, "export", "markdown", "-o", str(folder))
    assert (folder / "index.md").exists()
    assert "needs a folder" in fails(path, "export", "markdown")


def test_brief_as_markdown_and_pdf(path, tmp_path):
    ok(path, "add", "Ana Souza", "--company", "Acme")
    ok(path, "note", "Ana", "Talked about the **harbour** warehouse")
    assert "# Ana Souza" in ok(path, "brief", "Ana")
    pdf = tmp_path / "ana.pdf"
    assert "wrote the brief for Ana Souza" in ok(path, "brief", "Ana", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "no person called 'Zed'" in fails(path, "brief", "Zed")


def test_import_contacts_reports_added_merged_and_skipped(path):
    fixture = Path(__file__).parent / "fixtures" / "contacts" / "Connections.csv"
    first = ok(path, "import", str(fixture))
    assert first.startswith("imported: ") and "(LinkedIn" in first
    again = ok(path, "import", str(fixture))
    assert "0 added" in again and "merged" in again


def test_trash_lists_restores_and_empties(path):
    ok(path, "add", "Ana Souza")
    ok(path, "note", "Ana", "Talked about the oven")
    from journal import goals, notes, people, storage  # set up what the CLI cannot yet remove

    with storage.open_journal(path):
        ana = people.resolve_person("Ana")
        goal = goals.trash_goal(goals.add_goal(ana.id, "Open a second shop").id)
        note = notes.notes_of(ana.id)[0]
        notes.trash_note(note.id)
    listed = ok(path, "trash")
    assert f"goal      {goal.id:>6}  Ana Souza: Open a second shop" in listed
    assert f"note      {note.id:>6}  Ana Souza: Talked about the oven" in listed
    assert ok(path, "search", "second") == "no matches\n"

    assert ok(path, "trash", "restore", "goal", str(goal.id)) == f"restored goal {goal.id}\n"
    assert ok(path, "search", "second") == "Ana Souza · goal: Open a [second] shop\n"
    assert "goal" not in ok(path, "trash")

    assert "no goal with id 999" in fails(path, "trash", "restore", "goal", "999")
    assert "invalid choice: 'deal'" in fails(path, "trash", "restore", "deal", "1", code=2)
    assert ok(path, "trash", "empty") == "deleted for good: 1 note\n"
    assert ok(path, "trash") == "the trash is empty\n"
    assert ok(path, "trash", "empty") == "the trash was already empty\n"
    assert "Talked about the oven" not in ok(path, "export", "json")
