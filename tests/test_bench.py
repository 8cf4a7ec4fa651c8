"""The benchmark runs end to end on tiny journals (realistic and stress text) and reports every
figure (no timings checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import report
from journal import server_admin

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(600)  # two journals, a dozen window start-ups each: minutes on a busy machine
def test_the_benchmark_runs_on_a_tiny_journal(tmp_path: Path) -> None:
    if (reason := server_admin.unavailable_reason()) and os.environ.get(
        "RAPPORT_REQUIRE_POSTGRES"
    ) == "1":
        pytest.fail(f"RAPPORT_REQUIRE_POSTGRES=1 but {reason}: the bench's server rows")
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
    both = json.loads(out.read_text())["journals"]
    assert set(both) == {"realistic", "stress"}
    for text, result in both.items():
        assert set(result["figures"]) == set(report.FIGURES)
        rg = result["figures"].pop("cli_rg")  # -1 only where ripgrep cannot be had
        assert rg >= 0 or (rg == -1 and not result["raw"]["cli_rg_ms"])
        on_server = {key: result["figures"].pop(key) for key in report.SERVER}
        if server_admin.unavailable_reason() is None:  # measured: every note written found
            assert all(value >= 0 for value in on_server.values())
            assert on_server["writers_acknowledged"] == on_server["writers_found"] > 0
            assert result["raw"]["writers_lost"] == result["raw"]["writers_twice"] == [0]
            checked = result["raw"]["copy_checked"]
            assert [said.startswith("the copy's export equals") for said in checked] == [1, 1]
        else:  # skipped with the reason, as the tests skip theirs
            assert set(on_server.values()) == {-1}
            assert result["raw"]["server_skipped"] == server_admin.unavailable_reason()
        assert all(isinstance(v, int | float) and v >= 0 for v in result["figures"].values())
        assert set(result["ok"]) <= set(report.FIGURES)
        assert result["journal"]["people"] == 50 and result["journal"]["text"] == text
        assert result["machine"]["cpus"] and result["machine"]["python"]
        assert "added" in result["raw"]["import_linkedin_summary"]
        assert len(result["raw"]["import_json_ms"]) == 1
        assert result["raw"]["calendar_follow_ms"] and result["raw"]["calendar_parse_ms"]
        assert result["raw"]["calendar_summary"].startswith("10,000 events, ")
        for stall in ("import_stall_ms", "export_stall_ms", "composer_key_during_import_ms"):
            # a tiny job may end before the first heartbeat: a stall of 0 ms is a figure too
            assert result["raw"][stall] and min(result["raw"][stall]) >= 0
    assert done.stdout.count("| Open a person with 500 notes |") == 2
    assert done.stdout.count("| Follow a calendar file of 10 000 events, new journal |") == 2
    assert "**Realistic text.**" in done.stdout and "**Stress text.**" in done.stdout
    assert done.stdout.count("| PostgreSQL copy: People filter, per key, p95 |") == 2


def test_the_paint_probe_is_off_unless_asked(monkeypatch) -> None:
    from ui import paint_probe

    monkeypatch.delenv(paint_probe.ENV, raising=False)
    assert not paint_probe.armed()
    monkeypatch.setenv(paint_probe.ENV, "1")
    assert paint_probe.armed()
