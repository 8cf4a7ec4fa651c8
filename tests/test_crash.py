"""Crash safety: a writer killed (SIGKILL) at random moments never loses an acknowledged write,
never leaves half an import, and leaves a journal that passes the integrity check."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from journal import storage
from journal.storage import open_journal

WRITER = Path(__file__).with_name("crash_writer.py")
BATCH = 20


def kill_writer_at_random(path: Path, first: int, rng: random.Random) -> list[str]:
    """Start the writer, let it write for a random moment, kill it; return what it acknowledged."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acknowledged: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in writer.stdout:
            if line.strip() == "ready":
                ready.set()
            else:
                acknowledged.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(30)
    time.sleep(rng.uniform(0.0, 0.4))
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    reader.join(10)
    writer.stdout.close()
    return acknowledged


def verify(path: Path, acknowledged: list[str]) -> None:
    with open_journal(path) as journal:
        assert storage.check(journal).ok
        db = journal.db
        notes = {r[0] for r in db.execute_sql("SELECT body FROM note")}
        offers = {
            r[0]: r[1]
            for r in db.execute_sql(
                "SELECT d.offer, COUNT(o.id) FROM decision d"
                " LEFT JOIN objection o ON o.decision_id = d.id GROUP BY d.id"
            )
        }
        batches: dict[str, int] = {}
        for (name,) in db.execute_sql("SELECT name FROM person WHERE name LIKE 'batch-%'"):
            key = name.rsplit("-", 1)[0]
            batches[key] = batches.get(key, 0) + 1
        for line in acknowledged:
            kind, index = line.split()
            if kind == "note":
                assert f"note-{index}" in notes
            elif kind == "decision":
                assert offers.get(f"offer-{index}") == 2
            else:
                assert batches.get(f"batch-{index}") == BATCH
        assert all(count in (BATCH,) for count in batches.values()), "half an import is visible"
        assert all(count == 2 for count in offers.values()), "a decision lost its objections"


def run_kills(path: Path, kills: int, seed: int) -> int:
    rng = random.Random(seed)
    total = 0
    for run in range(kills):
        acknowledged = kill_writer_at_random(path, first=run * 100_000, rng=rng)
        total += len(acknowledged)
        verify(path, acknowledged)
    return total


def test_quick_kill_run(tmp_path):
    assert run_kills(tmp_path / "journal.sqlite", kills=6, seed=1) > 0


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_long_kill_run(tmp_path):
    assert run_kills(tmp_path / "journal.sqlite", kills=120, seed=2) > 0
