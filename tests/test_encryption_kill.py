"""Encrypting a journal can be killed at any moment: the journal is then either the plain one or
the encrypted one, whole either way, and never a mix."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal import crypto, notes, people, storage
from journal.errors import JournalError

PASSPHRASE = "kill me softly"
PEOPLE = 300
CONVERT = (
    "import sys\n"
    "from journal import crypto\n"
    "crypto.encrypt_journal(sys.argv[1], sys.argv[2])\n"
    "print('done', flush=True)\n"
)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("filled") / "journal.sqlite"
    with storage.open_journal(path) as journal, journal.db.atomic():
        for i in range(PEOPLE):
            person = people.add_person(f"Person {i}", company=f"Company {i % 17}")
            for k in range(4):
                notes.add_note(person.id, f"Note {k} for person {i}: " + "words " * 40)
    return path.read_bytes()


def kill_while_encrypting(path: Path, after: float) -> bool:
    """Start encrypting `path` in another process and SIGKILL it after `after` seconds."""
    child = subprocess.Popen(
        [sys.executable, "-c", CONVERT, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    time.sleep(after)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate(timeout=60)
    return "done" in out


def assert_whole(path: Path) -> None:
    key = PASSPHRASE if crypto.is_encrypted(path) else None
    with storage.open_journal(path, key) as journal:
        assert storage.check(journal).ok
        assert people.count_people() == PEOPLE
    if key is None:  # a plain journal killed before the rename can be encrypted afterwards
        crypto.encrypt_journal(path, PASSPHRASE)
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def run_kills(tmp_path: Path, filled: bytes, times: int, seed: int) -> set[str]:
    rng = random.Random(seed)
    outcomes = set()
    for n in range(times):
        path = tmp_path / f"run{n}" / "journal.sqlite"
        path.parent.mkdir()
        path.write_bytes(filled)
        finished = kill_while_encrypting(path, rng.uniform(0.05, 2.0))
        outcomes.add("encrypted" if crypto.is_encrypted(path) else "plain")
        if finished:
            assert crypto.is_encrypted(path)
        try:
            assert_whole(path)
        except JournalError as exc:  # pragma: no cover - the failure this test looks for
            pytest.fail(f"run {n}: {exc}")
    return outcomes


def test_a_killed_encryption_leaves_a_whole_journal(tmp_path: Path, filled: bytes):
    run_kills(tmp_path, filled, times=2, seed=5)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_many_killed_encryptions_leave_whole_journals(tmp_path: Path, filled: bytes):
    outcomes = run_kills(tmp_path, filled, times=30, seed=11)
    assert outcomes == {"plain", "encrypted"}
