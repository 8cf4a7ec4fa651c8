"""Encryption from the command line: `rapport encrypt` / `decrypt`, and every command opening an
encrypted journal with RAPPORT_PASSPHRASE or a prompt on a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import terminal

from journal import crypto, notes, people, storage
from journal.lock import JournalLock

PASSPHRASE = "correct horse battery staple"
SECRETS = [b"Zelda Quintessa", b"Hushwater", b"zelda@quintessa.example", b"merger"]
RAPPORT = str(Path(sys.executable).parent / "rapport")


def fill(path: Path) -> None:
    with storage.open_journal(path):
        zelda = people.add_person(
            "Zelda Quintessa", company="Hushwater", emails=["zelda@quintessa.example"]
        )
        notes.add_note(zelda.id, "She wants the merger kept quiet.")


def leaks(data: bytes) -> list[bytes]:
    return [s for s in SECRETS if s.lower() in data.lower()]


def files_beside(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


@pytest.fixture
def encrypted(journal_path: Path) -> Path:
    fill(journal_path)
    crypto.encrypt_journal(journal_path, PASSPHRASE)
    return journal_path


def rapport(path: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RAPPORT_JOURNAL", None)
    env.pop(crypto.ENV_VAR, None)
    if passphrase is not None:
        env[crypto.ENV_VAR] = passphrase
    command = [RAPPORT, "--journal", str(path), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("rapport: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_cli_encrypt_today_decrypt(journal_path: Path):
    fill(journal_path)
    result = rapport(journal_path, "encrypt", passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "encrypted" in result.stdout
    assert leaks(journal_path.read_bytes()) == []

    assert "passphrase is needed" in one_line_error(rapport(journal_path, "today"))
    before = files_beside(journal_path)
    assert "wrong passphrase" in one_line_error(rapport(journal_path, "today", passphrase="no"))
    assert files_beside(journal_path) == before

    result = rapport(journal_path, "today", passphrase=PASSPHRASE)
    assert result.returncode == 0 and result.stdout.startswith("Today"), result.stderr
    result = rapport(journal_path, "search", "merger", passphrase=PASSPHRASE)
    assert "Zelda Quintessa" in result.stdout, result.stderr
    result = rapport(journal_path, "add", "Ana Souza", passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert b"Ana Souza" not in journal_path.read_bytes()

    assert "already encrypted" in one_line_error(
        rapport(journal_path, "encrypt", passphrase=PASSPHRASE)
    )
    assert "wrong passphrase" in one_line_error(rapport(journal_path, "decrypt", passphrase="no"))
    result = rapport(journal_path, "decrypt", passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert b"Ana Souza" in journal_path.read_bytes()
    assert "2 people" in rapport(journal_path, "check").stdout


def test_cli_encrypt_without_a_terminal_or_passphrase_fails_in_one_line(journal_path: Path):
    fill(journal_path)
    before = journal_path.read_bytes()
    assert "no passphrase" in one_line_error(rapport(journal_path, "encrypt"))
    assert journal_path.read_bytes() == before


def test_cli_does_not_encrypt_a_journal_open_in_a_window(journal_path: Path):
    fill(journal_path)
    with JournalLock(journal_path):
        error = one_line_error(rapport(journal_path, "encrypt", passphrase=PASSPHRASE))
    assert "open in another Rapport window" in error
    assert not crypto.is_encrypted(journal_path)


def test_cli_backup_of_an_encrypted_journal_is_encrypted(encrypted: Path, tmp_path: Path):
    target = tmp_path / "copy.sqlite"
    result = rapport(encrypted, "backup", "-o", str(target), passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert crypto.is_encrypted(target) and leaks(target.read_bytes()) == []
    result = rapport(encrypted, "restore", str(target), passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "1 people" in result.stdout


def on_a_terminal(path: Path, *args: str, answers: list[str]) -> tuple[int, str]:
    """Run rapport on a pseudo-terminal, typing each answer when a passphrase is asked for."""
    env = {k: v for k, v in os.environ.items() if k not in (crypto.ENV_VAR, "RAPPORT_JOURNAL")}
    return terminal.on_a_terminal([RAPPORT, "--journal", str(path), *args], env, answers)


def test_a_terminal_is_asked_for_the_passphrase(journal_path: Path):
    fill(journal_path)
    code, out = on_a_terminal(journal_path, "encrypt", answers=["one", "two"])
    assert code == 1 and "the two passphrases differ" in out
    assert not crypto.is_encrypted(journal_path)
    code, out = on_a_terminal(journal_path, "encrypt", answers=[PASSPHRASE, PASSPHRASE])
    assert code == 0, out
    assert "New passphrase:" in out and PASSPHRASE not in out  # typed without echo
    assert crypto.is_encrypted(journal_path)
    code, out = on_a_terminal(journal_path, "today", answers=[PASSPHRASE])
    assert code == 0 and "Passphrase for journal.sqlite:" in out and "Today" in out, out
    code, out = on_a_terminal(journal_path, "today", answers=["wrong"])
    assert code == 1 and "rapport: wrong passphrase" in out
