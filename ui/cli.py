"""The command line: `rapport [--journal PATH] [COMMAND]`. No command opens the window.

Subcommands never import Qt, so they start fast; errors are one line on stderr, exit 1.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence

from journal import JournalError, authorship, faults
from journal.errors import JournalBusy
from journal.paths import chosen_location
from journal.storage import Journal
from journal.trash_kinds import KINDS as TRASH_KINDS
from journal.writing import patiently

from . import cli_calendar, cli_copy

BUSY_WAIT_VAR = "RAPPORT_BUSY_WAIT"
DEFAULT_BUSY_WAIT = 60.0


def version() -> str:
    """Rapport's version, from the installed package's metadata."""
    from importlib import metadata  # ~10 ms: read only for --version

    try:
        return metadata.version("rapport")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


class _VersionAction(argparse.Action):
    """`--version`: prints Rapport's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapport",
        description="Rapport: a relationship journal for independent salespeople.",
        epilog="With no command, the desktop window opens.",
    )
    parser.add_argument(
        "--journal",
        metavar="PATH|URL",
        help="journal file, or a server journal's postgresql://user@host/db URL "
        "(default: $RAPPORT_JOURNAL, then app data)",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--demo", action="store_true", help="open a copy of the sample journal in the window"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("add", help="add a person")
    p.add_argument("name", metavar="PERSON")
    p.add_argument("--company", default="")
    p.add_argument("--email", action="append", default=[])
    p.add_argument("--role", default="")
    p.add_argument("--tag", action="append", default=[])

    p = sub.add_parser("note", help="write a note about a person")
    p.add_argument("person", metavar="PERSON", help="exact name or a unique start of one")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--kind", default="meeting", choices=["meeting", "call", "message", "thought"])
    p.add_argument("--at", metavar="DATETIME", help="when it happened (YYYY-MM-DD [HH:MM])")

    p = sub.add_parser("search", help="search the whole journal")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=20)

    p = sub.add_parser("today", help="who to reconnect with, what to revisit, what is due")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--on", metavar="DATE", help="as if today were DATE (YYYY-MM-DD)")
    p.add_argument("--all", action="store_true", help="list everyone due, not the first 50")
    p.add_argument("--mine", action="store_true", help="only the people you own")

    p = sub.add_parser("people", help="list the people in the journal, with their owners")
    p.add_argument("--mine", action="store_true", help="only the people you own")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("export", help="export the journal (json, vcard, csv, ics, markdown)")
    p.add_argument("format", choices=["json", "vcard", "csv", "ics", "markdown"])
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout (markdown: a folder)"
    )

    p = sub.add_parser("brief", help="a one-page brief to read before meeting someone")
    p.add_argument("person", metavar="PERSON", help="exact name or a unique start of one")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.md or FILE.pdf (default: stdout)")

    p = sub.add_parser("import", help="import a Rapport JSON file (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    cli_copy.add_parser(sub)

    p = sub.add_parser("check", help="check the journal's integrity and who can read it")
    p.add_argument(
        "--fix-permissions",
        action="store_true",
        help="make the journal, its side files and its backups readable by you only",
    )

    p = sub.add_parser("backup", help="copy the journal (safe while it is open)")
    p.add_argument("-o", "--output", metavar="FILE")

    sub.add_parser("backups", help="list the journal's backups")

    p = sub.add_parser("restore", help="replace the journal with a backup (undoable)")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("trash", help="list what was removed; restore it, or empty the trash")
    actions = p.add_subparsers(dest="trash_action", metavar="ACTION")
    actions.add_parser("list", help="what is in the trash, with kinds and ids (the default)")
    r = actions.add_parser("restore", help="take one item out of the trash, as it was")
    r.add_argument("kind", metavar="KIND", choices=TRASH_KINDS, help=", ".join(TRASH_KINDS))
    r.add_argument("id", metavar="ID", type=int)
    actions.add_parser("empty", help="delete everything in the trash for good")

    cli_calendar.add_parser(sub)
    sub.add_parser("encrypt", help="encrypt the journal and its backups with a passphrase")
    sub.add_parser("decrypt", help="turn an encrypted journal (and its backups) back to plain")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path = chosen_location(args.journal)
    if args.command is None:
        from . import qt_check

        try:
            from .app import run_app  # Qt is imported only for the window
        except ImportError as exc:
            if (plain := qt_check.explain(str(exc))) is None:
                raise
            print(plain, file=sys.stderr)
            return 1
        return run_app(None if args.demo else path, demo=args.demo)
    from .cli_opening import open_with_passphrase  # not for the window: it starts faster without

    try:
        authorship.set_author(os.environ.get(authorship.ENVIRONMENT, ""), authorship.ENVIRONMENT)
        if args.command == "copy":  # two journals, opened in turn
            return _print(cli_copy.run(args))
        with open_with_passphrase(path) as journal:
            return patiently(lambda: _run(journal, args), on_wait=_say_waiting, limit=_wait_limit())
    except JournalBusy as exc:
        typed = shlex.join(["rapport", *(sys.argv[1:] if argv is None else argv)])
        return _fail(f"{exc}. What you typed, to run it again:\n  {typed}")
    except JournalError as exc:
        return _fail(str(exc))
    except (KeyboardInterrupt, EOFError):
        return _fail("interrupted")
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if os.environ.get("RAPPORT_DEBUG"):
            raise
        if (plain := faults.explain(exc)) is not None:  # a full disk, a busy or read-only journal
            return _fail(plain)
        if isinstance(exc, ImportError) and (plain := _qt_missing(exc)) is not None:
            return _fail(plain)  # a brief as PDF needs Qt's libraries
        if faults.damaged(exc):
            damaged = f"{args.source} or {args.dest}" if args.command == "copy" else path
            return _fail(
                f"{damaged} is damaged ({exc}); nothing was written to it. `rapport backups` lists "
                "its backups and `rapport restore FILE` puts one in its place"
            )
        return _fail(
            f"unexpected error ({exc.__class__.__name__}: {exc}); "
            "run again with RAPPORT_DEBUG=1 for details"
        )


def _qt_missing(exc: ImportError) -> str | None:
    from . import qt_check  # only for an error: it loads subprocess

    return qt_check.explain(str(exc))


def _say_waiting() -> None:
    print(
        "rapport: another Rapport is writing to the journal; waiting for it to finish…",
        file=sys.stderr,
        flush=True,
    )


def _wait_limit() -> float:
    """How long a command waits for another Rapport writing: $RAPPORT_BUSY_WAIT seconds, or 60."""
    try:
        return float(os.environ.get(BUSY_WAIT_VAR) or DEFAULT_BUSY_WAIT)
    except ValueError:
        return DEFAULT_BUSY_WAIT


def _run(journal: Journal, args: argparse.Namespace) -> int:
    from . import cli_commands as commands

    handler = getattr(commands, f"cmd_{args.command}")
    return _print(handler(journal, args))


def _print(output: str | None) -> int:
    if output is not None:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _fail(message: str) -> int:
    print(f"rapport: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
