"""`rapport copy SOURCE DEST` as a subprocess: file → server → file, server → server, a JSON
backup restored into an empty database, refusals in one line, progress on a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import terminal
from test_interchange import comparable, fill

from journal import crypto, notes, people
from journal.storage import open_journal

RAPPORT = str(Path(sys.executable).parent / "rapport")
CHECKED = "checked: the copy's export equals the source's"


def rapport(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("RAPPORT_JOURNAL", None)
    if env is None:
        environment.pop(crypto.ENV_VAR, None)
    return subprocess.run(
        [RAPPORT, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = rapport(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a terminal: no progress
    return result.stdout


def fails(*args: str) -> str:
    result = rapport(*args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("rapport: ") and result.stderr.count("\n") == 1
    return result.stderr


def exported(where: str | Path) -> dict[str, Any]:
    return json.loads(ok("--journal", str(where), "export", "json"))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.sqlite"
    with open_journal(path):
        fill(2)
    return path


@pytest.mark.postgres
def test_a_file_to_a_server_and_back_to_a_file(source: Path, server_url: str, tmp_path: Path):
    out = ok("copy", str(source), server_url)
    assert out.startswith(f"copied {source} to postgresql://rapport_test@")  # no password shown
    assert "(6 people, 10 notes, 8 decisions, 4 follow-ups, 6 referrals)" in out
    assert CHECKED in out
    assert comparable(exported(server_url)) == comparable(exported(source))
    back = tmp_path / "back.sqlite"
    assert CHECKED in ok("copy", server_url, str(back))
    assert comparable(exported(back)) == comparable(exported(source))


@pytest.mark.postgres
def test_a_server_to_another_server_database(
    source: Path, server_url: str, empty_database: str
) -> None:
    ok("copy", str(source), server_url)
    assert CHECKED in ok("copy", server_url, empty_database)
    assert comparable(exported(empty_database)) == comparable(exported(source))


@pytest.mark.postgres
def test_a_server_journals_backup_restores_into_an_empty_database(
    source: Path, server_url: str, empty_database: str, tmp_path: Path
) -> None:
    ok("copy", str(source), server_url)
    backup = tmp_path / "backup.json"
    ok("--journal", server_url, "backup", "-o", str(backup))
    said = fails("--journal", server_url, "restore", str(backup))
    assert f"'rapport copy {backup} URL'" in said
    assert CHECKED in ok("copy", str(backup), empty_database)
    assert comparable(exported(empty_database)) == comparable(exported(source))


@pytest.mark.postgres
def test_a_server_journal_already_there_is_refused_unless_merging(
    source: Path, server_url: str
) -> None:
    ok("--journal", server_url, "add", "Zoe Already")
    said = fails("copy", str(source), server_url)
    assert "already holds a journal (1 person, counting the trash); nothing was written" in said
    assert "add --merge" in said
    assert [p["name"] for p in exported(server_url)["people"]] == ["Zoe Already"]
    out = ok("copy", str(source), server_url, "--merge")
    assert "added to the 1 person there" in out
    assert "checked: every person of the source is in the copy" in out
    names = [p["name"] for p in exported(server_url)["people"]]
    assert names[0] == "Zoe Already" and len(names) == 7


def test_a_file_to_a_file(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "copy.sqlite"
    target.parent.mkdir()
    assert CHECKED in ok("copy", str(source), str(target))
    assert comparable(exported(target)) == comparable(exported(source))
    said = fails("copy", str(source), str(target))
    assert f"{target} already holds a journal (6 people, counting the trash)" in said


def test_an_encrypted_source_takes_the_passphrase_as_other_commands_do(
    source: Path, tmp_path: Path
) -> None:
    crypto.encrypt_journal(source, "correct horse battery staple")
    target = tmp_path / "plain.sqlite"
    assert "passphrase" in fails("copy", str(source), str(target))
    assert not target.exists()
    env = {crypto.ENV_VAR: "correct horse battery staple"}
    assert CHECKED in ok("copy", str(source), str(target), env=env)
    assert len(exported(target)["people"]) == 6


def test_an_encrypted_source_asks_for_its_passphrase_on_a_terminal(
    source: Path, tmp_path: Path
) -> None:
    crypto.encrypt_journal(source, "correct horse battery staple")
    env = {k: v for k, v in os.environ.items() if k not in (crypto.ENV_VAR, "RAPPORT_JOURNAL")}
    target = tmp_path / "plain.sqlite"
    argv = [RAPPORT, "copy", str(source), str(target)]
    code, out = terminal.on_a_terminal(argv, env, ("correct horse battery staple",))
    assert code == 0 and "Passphrase for source.sqlite:" in out and CHECKED in out, out
    assert len(exported(target)["people"]) == 6 and not crypto.is_encrypted(target)


@pytest.mark.postgres
def test_a_server_asking_for_a_password_gets_it_typed_on_a_terminal(
    source: Path, server_url: str, tmp_path: Path
) -> None:
    ok("copy", str(source), server_url)
    without = server_url.replace("rapport_test:rapport_test@", "rapport_test@")
    assert without != server_url
    env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "RAPPORT_JOURNAL")}
    env["PGPASSFILE"] = str(tmp_path / "no-pgpass")
    argv = [RAPPORT, "copy", without, str(tmp_path / "back.sqlite")]
    code, out = terminal.on_a_terminal(argv, env, ("rapport_test",))
    assert code == 0 and f"Password for {without}: " in out and CHECKED in out, out
    assert "rapport_test:rapport_test" not in out


def test_places_that_cannot_be_copied_are_said_in_one_line(source: Path, tmp_path: Path) -> None:
    assert "nowhere.sqlite: no such file" in fails(
        "copy", str(tmp_path / "nowhere.sqlite"), str(tmp_path / "x.sqlite")
    )
    assert "is both the source and the destination" in fails("copy", str(source), str(source))
    assert "writes a JSON export" in fails("copy", str(source), str(tmp_path / "x.json"))
    said = fails("copy", str(source), "postgresql://nobody:secret@127.0.0.1:1/none")
    assert "cannot be reached" in said and "secret" not in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.sqlite"]


def test_progress_is_one_line_on_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "many.sqlite"
    with open_journal(source):
        pid = people.add_person("Dana Many").id
        for i in range(1200):
            notes.add_note(pid, f"Note {i}")
    env = {k: v for k, v in os.environ.items() if k != "RAPPORT_JOURNAL"}
    code, out = terminal.on_a_terminal(
        [RAPPORT, "copy", str(source), str(tmp_path / "copy.sqlite")], env
    )
    assert code == 0, out
    assert f"reading {source}…" in out and "checking" in out
    assert "\rcopying: 1,201 of 1,201 rows" in out
    assert CHECKED in out
