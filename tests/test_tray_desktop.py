"""Reminders on a real desktop (slow): an X server (Xvfb), a system-tray host (trayer, which owns
the freedesktop tray selection _NET_SYSTEM_TRAY_S0), and tests/ui/desktop_tray.py run there in
Rapport's window with QT_QPA_PLATFORM=xcb.

Where neither can be started (a developer's machine without them) it is skipped, saying why;
.ci/run sets RAPPORT_REQUIRE_DESKTOP=1, which turns that skip into a failure: CI never skips it.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE = "RAPPORT_REQUIRE_DESKTOP"
INNER = ROOT / "tests" / "ui" / "desktop_tray.py"


def unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{reason}; {REQUIRE}=1 says this test must run here")
    pytest.skip(reason)


def program(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        unavailable(f"no {name} on this machine (Debian: apt-get install {package})")
    return found


@contextmanager
def running(command: list[str], log: Path, **kwargs: Any) -> Iterator[subprocess.Popen]:
    """A program run for the test, its output in `log`; ended when the block is left."""
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, **kwargs)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def x_server(tmp_path: Path) -> Iterator[str]:
    """A new Xvfb display of 1280×800 on a free number; its name (":N")."""
    xvfb = program("Xvfb", "xvfb")
    read, write = os.pipe()
    command = [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
    log = tmp_path / "xvfb.log"
    try:
        with running(command, log, pass_fds=(write,)) as server:
            os.close(write)
            write = -1
            ready, _, _ = select.select([read], [], [], 30)
            number = os.read(read, 32).decode().strip() if ready else ""
            if not number.isdigit() or server.poll() is not None:
                unavailable(f"Xvfb did not start: {log.read_text()[-500:].strip() or 'no word'}")
            yield f":{number}"
    finally:
        os.close(read)
        if write >= 0:
            os.close(write)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_reminders_in_a_real_desktop_system_tray(tmp_path: Path) -> None:
    trayer = program("trayer", "trayer")
    with x_server(tmp_path) as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        # No session bus: Qt would hand the icon to a desktop's StatusNotifier service instead.
        for name in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY"):
            env.pop(name, None)
        with running([trayer], tmp_path / "trayer.log", env=env) as tray:
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(INNER)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=240,
            )
            host = "running" if tray.poll() is None else f"ended ({tray.returncode})"
    report = f"{done.stdout[-3000:]}\n{done.stderr[-1000:]}\ntrayer {host}"
    assert done.returncode == 0, report
    assert "1 passed" in done.stdout, report
