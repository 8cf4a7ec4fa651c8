"""A machine without Qt's system libraries: the window, `make test` and `make` say what to install.

Qt's loading is made to fail in a child process by the `hide_qt_library` fixture (conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ui import qt_check

ROOT = Path(__file__).resolve().parent.parent


def run_rapport(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    code = "import sys; from ui.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("args", [(), ("--demo",)])
def test_the_window_names_the_missing_library_and_its_package(tmp_path, hide_qt_library, args):
    env = hide_qt_library("libglib-2.0.so.0")
    journal = tmp_path / "journal.sqlite"
    result = run_rapport("--journal", str(journal), *args, env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert "\n" not in message  # one paragraph
    assert "libglib-2.0.so.0" in message
    assert "apt-get install libglib2.0-0 libegl1 libgl1" in message
    assert "dnf install glib2" in message
    assert result.stdout == ""
    assert not journal.exists()


@pytest.mark.parametrize(
    ("soname", "expected"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor.so.0 (Debian/Ubuntu package libxcb-cursor0)"),
        ("libxcb-cursor.so.0", "libxkbcommon-x11-0"),  # the window's whole list with it
        ("libwhatever.so.7", "`apt-file search libwhatever.so.7`"),  # not in the table
    ],
)
def test_the_message_names_any_missing_library(tmp_path, hide_qt_library, soname, expected):
    result = run_rapport(env=hide_qt_library(soname), cwd=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr


def test_commands_that_need_no_qt_keep_working(tmp_path, hide_qt_library):
    env = hide_qt_library("libglib-2.0.so.0")
    journal = str(tmp_path / "journal.sqlite")
    added = run_rapport("--journal", journal, "add", "Dana Whitfield", env=env, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    found = run_rapport("--journal", journal, "search", "Whitfield", env=env, cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert "Dana Whitfield" in found.stdout


def test_the_check_says_the_same_and_fails(hide_qt_library):
    env = hide_qt_library("libEGL.so.1")
    result = subprocess.run(
        [sys.executable, "-m", "ui.qt_check"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 1
    assert result.stderr.strip() == qt_check.explain(
        "libEGL.so.1: cannot open shared object file: No such file or directory"
    )
    assert "libegl1" in result.stderr


def test_the_check_is_silent_when_qt_loads():
    result = subprocess.run(
        [sys.executable, "-m", "ui.qt_check"], capture_output=True, text=True, cwd=ROOT
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_install_lists_come_from_the_table():
    assert qt_check.packages() == [
        "libglib2.0-0",
        "libegl1",
        "libgl1",
        "libxkbcommon0",
        "libfontconfig1",
        "libdbus-1-3",
    ]
    window = qt_check.packages(window=True)
    assert "libxcb-cursor0" in window
    assert not set(window) & set(qt_check.packages())
    assert len({lib.soname for lib in qt_check.LIBRARIES}) == len(qt_check.LIBRARIES)


def test_only_a_loader_error_is_explained():
    assert qt_check.explain("No module named 'PySide6'") is None
    assert (
        qt_check.missing_library("libdbus-1.so.3: cannot open shared object file")
        == "libdbus-1.so.3"
    )


def test_a_brief_as_pdf_names_the_missing_library_too(tmp_path, hide_qt_library):
    env = hide_qt_library("libglib-2.0.so.0")
    journal = str(tmp_path / "journal.sqlite")
    added = run_rapport("--journal", journal, "add", "Dana Whitfield", env=env, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    pdf = tmp_path / "dana.pdf"
    result = run_rapport(
        "--journal", journal, "brief", "Dana", "-o", str(pdf), env=env, cwd=tmp_path
    )
    assert result.returncode == 1
    assert "libglib-2.0.so.0 (Debian/Ubuntu package libglib2.0-0)" in result.stderr
    assert "unexpected error" not in result.stderr
    assert not pdf.exists()
