"""The command line for a team: RAPPORT_AUTHOR names who writes, `people` and `today` take
--mine; run as a subprocess on a file and on a server journal."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from journal import notes, people
from journal.storage import open_journal

RAPPORT = str(Path(sys.executable).parent / "rapport")

pytestmark = pytest.mark.both_backends


def rapport(location: Path | str, *args: str, author: str | None = None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RAPPORT_JOURNAL", None)
    env.pop("RAPPORT_AUTHOR", None)
    if author is not None:
        env["RAPPORT_AUTHOR"] = author
    command = [RAPPORT, "--journal", str(location), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def ok(location: Path | str, *args: str, author: str | None = None) -> str:
    result = rapport(location, *args, author=author)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def role_of(location: Path | str) -> str:
    """A server journal's role (who writes when no name is set); '' for a file."""
    return urlsplit(location).username or "" if isinstance(location, str) else ""


def test_notes_and_people_are_by_the_author_named_and_mine_lists_theirs(journal_location):
    ok(journal_location, "add", "Ana Souza", "--company", "Acme", author="Dana")
    ok(journal_location, "note", "Ana", "Coffee at the market", author="Dana")
    ok(journal_location, "add", "Bo Li", author="Eli")
    ok(journal_location, "add", "Cy Ray")  # no name: the server's role, or nobody on a file
    with open_journal(journal_location):
        ana = people.resolve_person("Ana")
        assert (ana.owner, notes.notes_of(ana.id)[0].author) == ("Dana", "Dana")
        assert people.resolve_person("Cy").owner == role_of(journal_location)

    listed = ok(journal_location, "people").splitlines()
    cy = "Cy Ray" + (f" · owner: {role_of(journal_location)}" if role_of(journal_location) else "")
    assert listed == ["Ana Souza (Acme) · owner: Dana", "Bo Li · owner: Eli", cy]
    assert ok(journal_location, "people", "--mine", author="Eli").splitlines() == ["Bo Li"]
    assert ok(journal_location, "people", "--mine", author="Fay").strip() == "nobody is Fay's"
    found = json.loads(ok(journal_location, "people", "--json", "--mine", author="Dana"))
    assert [(p["name"], p["owner"]) for p in found] == [("Ana Souza", "Dana")]


def test_today_mine_shows_only_the_people_you_own(journal_location):
    ok(journal_location, "add", "Ana Souza", author="Dana")
    ok(journal_location, "add", "Bo Li", author="Eli")
    with open_journal(journal_location):
        for name in ("Ana", "Bo"):
            people.update_person(people.resolve_person(name).id, cadence_days=7)
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    everyone = ok(journal_location, "today", "--on", later)
    assert "Ana Souza · every 7 days" in everyone and "Bo Li · every 7 days" in everyone
    mine = ok(journal_location, "today", "--on", later, "--mine", author="Eli")
    assert "Bo Li · every 7 days" in mine and "Ana Souza" not in mine
    data = json.loads(
        ok(journal_location, "today", "--on", later, "--mine", "--json", author="Dana")
    )
    assert [p["name"] for p in data["reconnect"]] == ["Ana Souza"]


def test_mine_with_no_name_on_a_file_journal_says_what_to_set(journal_location):
    ok(journal_location, "add", "Ana Souza")
    result = rapport(journal_location, "people", "--mine")
    if role_of(journal_location):  # a server: the role is the name
        assert result.returncode == 0 and result.stdout.strip() == "Ana Souza"
        return
    assert result.returncode == 1
    assert result.stderr == (
        "rapport: --mine: no name is set for you; set RAPPORT_AUTHOR (on a server journal your "
        "role is your name)\n"
    )


def test_a_name_of_two_lines_is_refused_and_nothing_is_written(journal_location):
    ok(journal_location, "add", "Ana Souza")
    result = rapport(journal_location, "note", "Ana", "Hello", author="Dana\nEli")
    assert result.returncode == 1
    assert result.stderr == "rapport: RAPPORT_AUTHOR: must be one line\n"
    with open_journal(journal_location):
        assert notes.notes_of(people.resolve_person("Ana").id) == []
