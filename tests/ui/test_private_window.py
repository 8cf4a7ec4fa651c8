"""Private by default in the window: the sample journal's folder is private and never outlives its
Rapport (closed, ended by a signal, or killed: the next sample removes it); About says when other
accounts can read the journal."""

from __future__ import annotations

import contextlib
import html
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from journal import private, sample_folder
from journal.private import mode
from ui import settings
from ui.dialogs import journal_files
from ui.paint_probe import LINE

RAPPORT = str(Path(sys.executable).parent / "rapport")
pytestmark = [
    pytest.mark.skipif(not private.HAS_MODES, reason="no file modes on Windows"),
    pytest.mark.usefixtures("usual_umask"),
]


@contextlib.contextmanager
def running_demo(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """`rapport --demo` with its own temporary folder, from the moment its window has painted."""
    temporary, home = tmp_path / "tmp", tmp_path / "home"
    temporary.mkdir()
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temporary),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "RAPPORT_BENCH_PAINTED": "1",  # it says when the window is up...
        "RAPPORT_BENCH_LINGER_MS": "600000",  # ...and stays up
    }
    with (
        (tmp_path / "stderr.txt").open("w") as errors,
        subprocess.Popen(
            [RAPPORT, "--demo"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            umask=0o022,
        ) as demo,
    ):
        lines: queue.Queue[str] = queue.Queue()
        assert demo.stdout is not None
        threading.Thread(target=lambda: [lines.put(x) for x in demo.stdout], daemon=True).start()
        try:
            deadline = time.monotonic() + 40  # within the 60 s every test has
            while not lines.get(timeout=max(0.1, deadline - time.monotonic())).startswith(LINE):
                pass
            yield demo, temporary
        except queue.Empty:
            pytest.fail("the demo window did not come up")
        finally:
            if demo.poll() is None:
                demo.kill()


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize(
    "number",
    [
        signal.SIGTERM,
        pytest.param(signal.SIGINT, marks=pytest.mark.slow),
        pytest.param(signal.SIGHUP, marks=pytest.mark.slow),
    ],
)
def test_a_demo_ended_by_a_signal_leaves_no_folder(tmp_path: Path, number: int) -> None:
    with running_demo(tmp_path) as (demo, temporary):
        (folder,) = temporary.glob(f"rapport-sample-{demo.pid}-*")
        assert mode(folder) == 0o700
        for name in ("sample.sqlite", "sample.sqlite-wal", "sample.sqlite-shm"):
            assert mode(folder / name) == 0o600, name
        demo.send_signal(number)
        assert demo.wait(timeout=15) == 0, (tmp_path / "stderr.txt").read_text()
    assert not folder.exists()
    assert not list(temporary.glob("rapport-sample-*"))


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_next_demo_removes_the_folder_a_killed_one_left(temporary: Path, qapp) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    killed = temporary / f"rapport-sample-{gone.pid}-abcd1234"
    killed.mkdir(mode=0o700)
    (killed / "sample.sqlite").write_bytes(b"what a killed demo left")
    alive = temporary / f"rapport-sample-{os.getppid()}-efgh5678"  # our parent still runs
    alive.mkdir()
    someone_elses = temporary / "rapport-sample-notes"  # not named like a sample folder
    someone_elses.mkdir()

    journal = journal_files.create_sample_journal()
    try:
        folder = journal.path.parent
        assert folder.parent == temporary and folder.name.startswith(
            f"rapport-sample-{os.getpid()}-"
        )
        assert mode(folder) == 0o700 and mode(journal.path) == 0o600
    finally:
        journal.close()
    assert not killed.exists()
    assert alive.exists() and someone_elses.exists()
    sample_folder.remove_own()
    assert not folder.exists()
    assert alive.exists()


def test_a_folder_whose_process_number_was_given_to_a_later_process_is_removed(
    temporary: Path,
) -> None:
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        reused = temporary / f"rapport-sample-{later.pid}-abcd1234"
        reused.mkdir()
        an_hour_ago = time.time() - 3600  # the folder was made long before that process started
        os.utime(reused, (an_hour_ago, an_hour_ago))
        assert sample_folder.remove_abandoned() == [reused]
        assert not reused.exists()
    finally:
        later.kill()
        later.wait()


def test_about_says_when_other_accounts_can_read_the_journal(window, qtbot) -> None:
    def about_text() -> str:
        window.show_about()
        dialog = window.findChildren(QDialog, "aboutDialog")[-1]
        qtbot.waitExposed(dialog)
        text = dialog.label.text()
        dialog.close()
        dialog.deleteLater()
        return text

    path = window.journal.path
    assert "other accounts" not in about_text()
    path.chmod(0o644)
    text = about_text()
    assert "This journal can be read by other accounts on this computer" in text
    assert f"rapport --journal {path} check --fix-permissions" in html.unescape(text)
    assert mode(path) == 0o644  # said, not changed


def test_the_settings_file_naming_recent_journals_is_private(isolated_settings: Path) -> None:
    settings.remember_journal(isolated_settings / "journal.sqlite")
    settings.set_value("window/page", "people")
    (file,) = isolated_settings.rglob("*.ini")
    assert "journal.sqlite" in file.read_text()
    assert mode(file) == 0o600
