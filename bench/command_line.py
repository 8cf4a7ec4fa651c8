"""The command line, whole process: `rapport search`, `today` and `note` on the large journal,
beside ripgrep over the same notes written as one Markdown file per person (the floor)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .startup import BIN

QUERY = "cash flow tight"


def _timed(command: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-500:]}")
    return seconds * 1000


def _rapport() -> list[str]:
    script = BIN / "rapport"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.entry"]


def ripgrep() -> str | None:
    """The rg program: found on PATH, else installed with apt when root; None if it can't be."""
    found = shutil.which("rg")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "ripgrep"], capture_output=True, check=False, timeout=300
    )
    return shutil.which("rg")


def unique_name(journal: Path) -> str:
    """A person's name no other name starts with (for `rapport note NAME`)."""
    import sqlite3

    con = sqlite3.connect(f"{journal.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = sorted(n for (n,) in con.execute("SELECT name FROM person"))
    finally:
        con.close()
    for i, name in enumerate(names):
        nxt = names[i + 1] if i + 1 < len(names) else ""
        prev = names[i - 1] if i else ""
        if not nxt.lower().startswith(name.lower()) and prev.lower() != name.lower():
            return name
    return names[0]


def measure(journal: Path, markdown: Path, runs: int) -> dict[str, list[float]]:
    """Whole-process times (ms) of each command, one untimed warm-up each; the rg floor's
    times are empty when ripgrep cannot be had."""
    env = {**os.environ}
    env.pop("RAPPORT_JOURNAL", None)
    # An installed Rapport has its bytecode (pip compiles it): the untimed warm-up writes it,
    # else a checkout run with PYTHONDONTWRITEBYTECODE compiles every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = [*_rapport(), "--journal", str(journal)]
    name = unique_name(journal)
    commands = {
        "cli_search_ms": [*base, "search", QUERY],
        "cli_today_ms": [*base, "today"],
        "cli_note_ms": [*base, "note", name, "Benchmark: called about the renewal."],
    }
    figures: dict[str, list[float]] = {}
    for key, command in commands.items():
        _timed(command, env)
        figures[key] = [_timed(command, env) for _ in range(runs)]
    rg = ripgrep()
    figures["cli_rg_ms"] = []
    if rg is not None:
        command = [rg, "--ignore-case", "--files-with-matches", QUERY.split()[0], str(markdown)]
        _timed(command, env, ok=(0, 1))
        figures["cli_rg_ms"] = [_timed(command, env, ok=(0, 1)) for _ in range(runs)]
    return figures
