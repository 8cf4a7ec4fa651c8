"""Read commands import no more than they use: a plain journal's `rapport search`, `today` and
`note` load no SQLCipher, PostgreSQL driver, exports, contacts, interchange, calendar parser,
backups, migrations, package metadata, logging handlers or Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from journal import people

HEAVY = (
    "sqlcipher3",
    "psycopg",
    "journal.crypto",
    "journal.exports",
    "journal.contacts",
    "PySide6",
    "icalendar",
    "recurring_ical_events",
    "journal.migrations.v",
    "importlib.metadata",
)
HEAVY_EXACT = (
    "journal.interchange",
    "journal.brief",
    "playhouse.migrate",
    "vobject",
    "journal.backups",
    "journal.calendar.parse",
    "journal.calendar.follow",
    "journal.trash",
    "ui.qt_check",
    "logging.handlers",
)
PROGRAM = """
import sys
from ui import entry
code = entry.main()
print("MODULES", *sorted(sys.modules))
sys.exit(code)
"""


def _modules(path: Path, *args: str) -> set[str]:
    command = [sys.executable, "-c", PROGRAM, "--journal", str(path), *args]  # argv as rapport's
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.mark.parametrize(
    "args", [["search", "harbour"], ["today"], ["note", "Ana", "Called about the harbour"]]
)
def test_a_read_command_imports_only_what_it_uses(journal, args) -> None:
    people.add_person("Ana Souza")
    journal.close()
    loaded = _modules(journal.path, *args)
    assert "journal.storage" in loaded and "peewee" in loaded  # the probe saw the command run
    heavy = {m for m in loaded if m.startswith(HEAVY) or m in HEAVY_EXACT}
    assert heavy == set()


def test_the_calendar_command_still_loads_its_parser(journal, tmp_path) -> None:
    journal.close()
    loaded = _modules(journal.path, "calendar", "list")
    assert {"ui.cli_calendar", "journal.calendar.follow"} <= loaded
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.entry",
            "--journal",
            str(journal.path),
            "calendar",
            "add",
            str(tmp_path / "missing.ics"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "missing.ics" in done.stderr, done.stderr


def test_every_calendar_name_resolves() -> None:
    from journal import calendar

    assert all(getattr(calendar, name) is not None for name in calendar.__all__)


def test_an_export_still_finds_what_it_needs(journal) -> None:
    people.add_person("Ana Souza")
    journal.close()
    loaded = _modules(journal.path, "export", "vcard")
    assert "journal.exports.vcard" in loaded and "sqlcipher3" not in loaded


def test_a_server_journal_command_loads_the_driver(server_url) -> None:
    loaded = _modules(server_url, "today")
    assert "psycopg" in loaded
