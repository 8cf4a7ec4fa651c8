"""Start-up and memory: `rapport --journal X` and the bare window as subprocesses.

Each child prints one line once its window is really painted (ui/paint_probe.py) and quits; the
time is from just before the spawn to the moment the child printed the line. Peak memory is the
child's own VmHWM, which it prints as it quits.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ui.paint_probe import ENV, LINE, PEAK

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mb: float


def child_env(home: Path, linger_ms: int = 0) -> dict[str, str]:
    """Settings, app data and the default journal kept in `home`; offscreen; probe armed."""
    env = dict(os.environ)
    env.update(
        {
            ENV: "1",
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "RAPPORT_BENCH_LINGER_MS": str(linger_ms),
        }
    )
    env.pop("RAPPORT_JOURNAL", None)
    # An installed Rapport starts from bytecode (pip compiles it when installing); where the
    # environment forbids writing it, every start would compile ~200 modules from source
    # (~0.15 s of CPU). The untimed warm-up run writes it, as the first start after installing.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def rapport_command(journal: Path) -> list[str]:
    script = BIN / "rapport"
    if script.exists():
        return [str(script), "--journal", str(journal)]
    return [sys.executable, "-m", "ui.entry", "--journal", str(journal)]


def bare_command() -> list[str]:
    return [sys.executable, "-m", "bench.bare_window"]


def run_once(command: list[str], env: dict[str, str], timeout: float = 60.0) -> Run:
    cwd = Path(__file__).resolve().parent.parent
    start = time.time()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd, text=True
    )
    painted: float | None = None
    peak_kb = 0.0
    assert child.stdout is not None
    deadline = start + timeout
    for line in child.stdout:
        if line.startswith(LINE):
            painted = float(line.split()[-1])
        elif line.startswith(PEAK):
            peak_kb = float(line.split()[-1])
        if time.time() > deadline:
            child.kill()
            break
    child.wait()
    if painted is None:
        raise RuntimeError(f"{' '.join(command)} never reported a painted window")
    return Run(painted - start, peak_kb / 1024)


def start_up(command: list[str], home: Path, runs: int) -> list[Run]:
    """`runs` timed start-ups (after one untimed warm-up that fills the OS file cache)."""
    env = child_env(home)
    run_once(command, env)
    return [run_once(command, env) for _ in range(runs)]


def peak_memory(command: list[str], home: Path, linger_ms: int) -> float:
    """Peak RSS (MB) of a run left open `linger_ms` after its first paint (Today is read)."""
    return run_once(command, child_env(home, linger_ms)).max_rss_mb
