"""`rapport copy SOURCE DEST [--merge]`: a whole journal moved between files and servers."""

from __future__ import annotations

import argparse

from journal.errors import JournalError

from .cli_progress import ProgressLine

DESCRIPTION = (
    "Copy a whole journal (everything 'rapport export json' holds: people and all they own, "
    "tags, referrals; not the trash) from SOURCE to DEST, in either direction between a file "
    "and a server. All or nothing: DEST is written in one transaction, and kept only once its "
    "export equals SOURCE's."
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "copy",
        help="copy a whole journal between a file and a server (all or nothing, checked)",
        description=DESCRIPTION,
    )
    p.add_argument(
        "source",
        metavar="SOURCE",
        help="a journal file, a postgresql:// URL, or a JSON export (FILE.json, "
        "such as a server journal's backup)",
    )
    p.add_argument(
        "dest",
        metavar="DEST",
        help="a journal file (made when missing) or the postgresql:// URL of an empty database",
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="add SOURCE's people to a DEST that already holds a journal",
    )


def run(args: argparse.Namespace) -> str:
    """Copy, with progress on a terminal; the summary, and what was checked."""
    from journal import copying

    from .cli_opening import open_with_passphrase

    source, dest = copying.location(args.source), copying.location(args.dest)
    line = ProgressLine("copying")
    try:
        report = copying.copy_journal(
            source,
            dest,
            merge=args.merge,
            opener=open_with_passphrase,
            progress=line,
            on_step=line.say,
        )
    except copying.DestinationNotEmpty as exc:
        raise JournalError(
            f"{exc}. Copy into an empty journal, or add --merge to add the people of "
            f"{copying.describe(source)} to the ones there"
        ) from None
    except KeyboardInterrupt:
        raise JournalError(f"interrupted: nothing was copied to {copying.describe(dest)}") from None
    finally:
        line.end()
    w = report.written
    counts = (
        f"{w.people:,} people, {w.notes:,} notes, {w.decisions:,} decisions, "
        f"{w.follow_ups:,} follow-ups, {w.referrals:,} referrals"
    )
    held = report.merged_into
    merged = f", added to the {held:,} {'person' if held == 1 else 'people'} there"
    return (
        f"copied {copying.describe(source)} to {copying.describe(dest)} "
        f"({counts}{merged if args.merge else ''})\n"
        f"checked: {report.checked}"
    )
