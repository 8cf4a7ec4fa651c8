"""Shared fixtures: every test that touches data gets a real journal file in tmp_path."""

from __future__ import annotations

import contextlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("RAPPORT_JOURNAL", None)

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pg_server
import pytest
from tcp_proxy import TcpProxy

from journal import storage
from journal.errors import JournalError
from journal.storage import Journal, open_journal

# A property test that finds a failure shrinks it for a while: give it the time to report.
HYPOTHESIS_TIMEOUT = 600


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.timeout(HYPOTHESIS_TIMEOUT))


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most accounts have, 022 (the process's umask is global: put back after)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked `both_backends` runs once on an SQLite file and once on a PostgreSQL
    database (its `journal` and `journal_location` follow the `backend` parameter)."""
    definition = metafunc.definition
    if (
        "backend" in metafunc.fixturenames
        and definition.get_closest_marker("both_backends")
        and not definition.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize(
            "backend",
            [
                pytest.param("sqlite"),
                pytest.param("postgresql", marks=pytest.mark.postgres),
            ],
            indirect=True,
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which kind of journal the test runs on ('sqlite' unless parametrised)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def server_journal_url() -> Iterator[str]:
    """One database on the test server for the whole run, migrated by the first test using it."""
    pg_server.require_server()
    pg_server.drop_leftovers()
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(scope="module")
def scratch_database() -> Iterator[str]:
    """A database of the module's own on the test server (a new database waits for a
    checkpoint, which a busy disk may give late: one per module, not one per test)."""
    pg_server.require_server()
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def empty_database(scratch_database: str) -> Iterator[str]:
    """A database with nothing in it (made empty again for each test)."""
    pg_server.empty_schema(scratch_database)
    yield scratch_database
    with contextlib.suppress(JournalError):
        storage.current().close()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str | Path:
    """Where the test's journal is: a file in tmp_path, or a server database emptied for it."""
    if backend == "sqlite":
        return tmp_path / "journal.sqlite"
    url: str = request.getfixturevalue("server_url")
    return url


@pytest.fixture
def server_url(server_journal_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The URL of a server journal emptied for the test (for tests of the server alone); its
    side files (backups) go to tmp_path, not to the app-data folder in the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    pg_server.empty_journal_tables(server_journal_url)
    return server_journal_url


@pytest.fixture
def proxy(server_url: str) -> Iterator[TcpProxy]:
    """A real TCP proxy between the test's journal and the server, which the test may stop."""
    forwarder = TcpProxy(("127.0.0.1", urlsplit(server_url).port or 5432))
    forwarder.start()
    yield forwarder
    forwarder.stop()


@pytest.fixture
def journal(journal_location: str | Path) -> Iterator[Journal]:
    handle = open_journal(journal_location)
    yield handle
    handle.close()


class WriteHolder:
    """Another process holding the journal's write lock (tests/busy_holder.py) until released."""

    def __init__(self, path: Path) -> None:
        script = Path(__file__).with_name("busy_holder.py")
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline() == "holding\n"

    def release(self) -> None:
        """Commit the other process's write and wait until it has."""
        if self.process.returncode is None:
            out, _ = self.process.communicate("commit\n", timeout=60)
            assert out == "committed\n"


@pytest.fixture
def hold_writes() -> Iterator[Callable[[Path], WriteHolder]]:
    """Hold a journal's write lock in another process; released at the test's end at the latest."""
    holders: list[WriteHolder] = []

    def hold(path: Path) -> WriteHolder:
        holders.append(WriteHolder(path))
        return holders[-1]

    yield hold
    for holder in holders:
        holder.release()


# A `sitecustomize` on PYTHONPATH whose import hook fails Qt's modules with the dynamic loader's
# own words, as on a machine where that system library is not installed.
HIDE_QT = """
import sys

class HideQt:
    def find_spec(self, name, path=None, target=None):
        if name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
            raise ImportError({error!r})
        return None

sys.meta_path.insert(0, HideQt())
"""


@pytest.fixture
def hide_qt_library(tmp_path: Path) -> Callable[[str], dict[str, str]]:
    """Makes the environment of a child Python that fails to load Qt, as if `soname` were not
    installed."""

    def environment(soname: str) -> dict[str, str]:
        folder = tmp_path / f"without-{soname}"
        folder.mkdir()
        error = f"{soname}: cannot open shared object file: No such file or directory"
        (folder / "sitecustomize.py").write_text(HIDE_QT.format(error=error), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(folder), QT_QPA_PLATFORM="offscreen")
        env.pop("RAPPORT_JOURNAL", None)
        return env

    return environment
