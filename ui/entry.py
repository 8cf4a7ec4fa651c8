"""The `rapport` command's entry point: a command on a journal file starts without the
PostgreSQL driver, then the command line runs.

peewee imports every database driver it finds when it loads, and psycopg alone takes longer to
import than the rest of a read command. A process that may open a server journal (one given a
`postgresql://` URL, `rapport copy`, or the window, whose File menu opens server journals)
keeps it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

SERVER_DRIVERS = ("psycopg", "psycopg2")
SERVER_SCHEMES = ("postgresql://", "postgres://")
COMMANDS_TAKING_LOCATIONS = {"copy"}


def may_open_a_server(argv: Sequence[str], env: Mapping[str, str]) -> bool:
    """Whether these arguments may lead to a server journal (when unsure: yes)."""
    if any(a.strip().lower().startswith(SERVER_SCHEMES) for a in argv if "://" in a):
        return True
    if env.get("RAPPORT_JOURNAL", "").strip().lower().startswith(SERVER_SCHEMES):
        return True
    words, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--journal":
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    return not words or words[0] in COMMANDS_TAKING_LOCATIONS  # no command: the window


def load_journal_without_server_drivers() -> None:
    """Import the journal package (and peewee under it) with the server drivers hidden from
    peewee (a no-op once peewee is loaded)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in SERVER_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import psycopg" fails quietly
    try:
        import journal  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


def main() -> int:
    if not may_open_a_server(sys.argv[1:], os.environ):
        load_journal_without_server_drivers()
    from .cli import main as run

    return run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
