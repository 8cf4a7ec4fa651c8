"""The benchmark runs end to end on a tiny journal and reports every figure (no timings checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import report

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(600)  # two journals, a dozen window start-ups each: minutes on a busy machine
def test_the_benchmark_runs_on_a_tiny_journal(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("RAPPORT_BENCH_PAINTED", None)
    command = [sys.executable, "-m", "bench", "--tiny", "--runs", "1", "--out", str(out)]
    done = subprocess.run(
        [*command, "--cache", str(tmp_path / "cache")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text())
    assert set(result["figures"]) == set(report.FIGURES)
    assert all(isinstance(v, int | float) and v >= 0 for v in result["figures"].values())
    assert set(result["ok"]) <= set(report.FIGURES)
    assert result["journal"]["people"] == 50
    assert result["machine"]["cpus"] and result["machine"]["python"]
    assert "added" in result["raw"]["import_linkedin_summary"]
    for stall in ("import_stall_ms", "export_stall_ms", "composer_key_during_import_ms"):
        # a tiny job may end before the first heartbeat: a stall of 0 ms is a figure too
        assert result["raw"][stall] and min(result["raw"][stall]) >= 0
    assert "| Open a person with 500 notes |" in done.stdout


def test_the_paint_probe_is_off_unless_asked(monkeypatch) -> None:
    from ui import paint_probe

    monkeypatch.delenv(paint_probe.ENV, raising=False)
    assert not paint_probe.armed()
    monkeypatch.setenv(paint_probe.ENV, "1")
    assert paint_probe.armed()
