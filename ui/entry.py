"""The `rapport` command's entry point: journal (and peewee under it) loaded without the
PostgreSQL driver, then the command line or the window.

peewee imports every database driver it finds when it loads, and psycopg alone takes longer to
import than the rest of a read command (and ~17 MB). A server journal imports it when it is
opened (journal.server's adapter), so no process loads it for a journal file.
"""

from __future__ import annotations

import sys

SERVER_DRIVERS = ("psycopg", "psycopg2")


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
    load_journal_without_server_drivers()
    from .cli import main as run

    return run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
