"""The Makefile on a machine that lacks something: it says what, and leaves nothing half-made."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Debian's python3 without python3-venv: `-m venv` makes the folder, then ensurepip is missing.
PYTHON_WITHOUT_ENSUREPIP = """#!/bin/sh
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  "{real}" -m venv --without-pip "$3"
  echo "The virtual environment was not created successfully: ensurepip is not available." >&2
  exit 1
fi
exec "{real}" "$@"
"""


def make(folder: Path, *args: str, env: dict[str, str] | None = None):
    """`make ARGS` run on a copy of the Makefile in `folder`."""
    for name in ("Makefile", "pyproject.toml"):
        if not (folder / name).exists():
            shutil.copy(ROOT / name, folder / name)
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=120,
    )


def a_python(folder: Path, script: str) -> Path:
    python = folder / "python3"
    python.write_text(script, encoding="utf-8")
    python.chmod(0o755)
    return python


def test_without_the_venv_module_make_says_to_install_it_and_leaves_no_venv(tmp_path):
    python = a_python(tmp_path, PYTHON_WITHOUT_ENSUREPIP.format(real=sys.executable))
    for _ in range(2):  # the second run meets the same clean state, not a half-made venv
        result = make(tmp_path, "test", f"PYTHON={python}")
        assert result.returncode != 0
        assert "apt-get install python3-venv" in result.stderr
        assert "sudo apt-get install python3-venv" in result.stderr
        assert not (tmp_path / ".venv").exists()


def test_an_old_python_is_named(tmp_path):
    python = a_python(tmp_path, "#!/bin/sh\nexit 1\n")  # fails the version check
    result = make(tmp_path, "run", f"PYTHON={python}")
    assert result.returncode != 0
    assert "Rapport needs Python 3.11 or newer" in result.stderr
    assert not (tmp_path / ".venv").exists()


def test_make_test_stops_with_the_message_before_pytest(tmp_path, hide_qt_library):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    stamp = tmp_path / "installed"  # stands for the venv's stamp: this test uses its own venv
    stamp.touch()
    os.utime(tmp_path / "pyproject.toml", (stamp.stat().st_mtime - 60,) * 2)
    bin_dir = Path(sys.executable).parent
    env = hide_qt_library("libfontconfig.so.1")
    result = make(tmp_path, "test", f"STAMP={stamp}", f"BIN={bin_dir}", env=env)
    assert result.returncode != 0
    assert "libfontconfig.so.1 (Debian/Ubuntu package libfontconfig1)" in result.stderr
    assert "-m pytest" not in result.stdout + result.stderr
    assert "INTERNALERROR" not in result.stdout + result.stderr
