"""The window starts without what a plain journal does not need: `rapport` (no command) on a
journal file, offscreen, paints, quits and reports the modules it loaded — no PostgreSQL driver,
no SQLCipher, no calendar libraries, no person page. A server journal still opens in a process
that loaded peewee without its driver."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from journal import notes, people
from journal.storage import open_journal
from ui.paint_probe import ENV, LINE

HEAVY = ("psycopg", "sqlcipher3", "icalendar", "recurring_ical_events", "x_wr_timezone")
LATER = ("ui.person.page",)  # built when a person is first opened
WINDOW = """
import sys
from ui import entry
code = entry.main()
print("MODULES", *sorted(sys.modules))
sys.exit(code)
"""
SERVER_LATER = """
import sys
from ui import entry
entry.load_journal_without_server_drivers()
print("BEFORE", "psycopg" in sys.modules)
from journal import people
from journal.storage import open_journal
journal = open_journal(sys.argv[1])
people.add_person("Ana Souza")
print("PEOPLE", *[p.name for p in people.find_people("Ana")])
journal.close()
"""


def _window_modules(path: Path, home: Path) -> tuple[set[str], str]:
    env = dict(os.environ)
    env.update(
        {
            ENV: "1",  # the paint probe quits once the window and Today have painted
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
    )
    env.pop("RAPPORT_JOURNAL", None)
    command = [sys.executable, "-X", "importtime", "-c", WINDOW, "--journal", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    Path("/tmp/st/testimp.txt").write_text(done.stderr)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:]), done.stdout


def _heavy(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m.split(".")[0] in HEAVY or m in LATER}


def test_the_window_on_an_empty_journal_loads_no_driver_cipher_or_calendar(tmp_path) -> None:
    path = tmp_path / "empty.sqlite"
    open_journal(path).close()  # made before, as the bench's (making one migrates: playhouse)
    loaded, out = _window_modules(path, tmp_path / "home")
    assert LINE in out and "ui.main_window" in loaded  # it really painted the window
    assert _heavy(loaded) == set()


def test_the_window_on_a_journal_with_people_loads_none_of_them_either(tmp_path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = open_journal(path)
    ana = people.add_person("Ana Souza", company="Harbour Freight")
    notes.add_note(ana.id, "Called about the harbour contract")
    journal.close()
    loaded, out = _window_modules(path, tmp_path / "home")
    assert LINE in out and "ui.pages.today" in loaded
    assert _heavy(loaded) == set()


def test_a_server_journal_opens_after_peewee_loaded_without_its_driver(server_url) -> None:
    command = [sys.executable, "-c", SERVER_LATER, server_url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "BEFORE False" in done.stdout
    assert "PEOPLE Ana Souza" in done.stdout
