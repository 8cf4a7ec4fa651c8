"""Moving a whole journal to another place, a file or a server either way: all or nothing, and
checked by comparing the two journals' exports before it is called done."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import dialect, export_compare, server
from .errors import JournalError
from .interchange import VERSION, ImportReport, export_journal, import_journal, load_json
from .models import Person, Tag
from .progress import Progress
from .storage import Journal, open_journal

Opener = Callable[[str | Path], Journal]
Step = Callable[[str], None]


class DestinationNotEmpty(JournalError):
    """The destination holds a journal already and merging was not asked for."""


class CopyDiffers(JournalError):
    """The destination's export is not the source's: the copy was rolled back."""


@dataclass(frozen=True)
class CopyReport:
    """What a copy wrote and what was compared before it was kept."""

    written: ImportReport
    checked: str
    merged_into: int = 0  # people the destination held before (with merge)


def location(text: str | os.PathLike[str]) -> str | Path:
    """A server journal's URL stays text; anything else is a file path."""
    if server.is_server_location(text):
        return str(text).strip()
    return Path(text).expanduser()


def is_json_file(where: str | Path) -> bool:
    """A JSON export (a server journal's backup is one) rather than a journal."""
    return isinstance(where, Path) and where.suffix.lower() == ".json"


def describe(where: str | Path) -> str:
    return server.redacted(where) if isinstance(where, str) else str(where)


def copy_journal(
    source: str | Path,
    dest: str | Path,
    *,
    merge: bool = False,
    opener: Opener = open_journal,
    progress: Progress | None = None,
    on_step: Step | None = None,
) -> CopyReport:
    """Copy everything the JSON export holds from `source` (a journal file, a server URL or a
    JSON export) into `dest` (a journal file or a server URL), in one transaction on `dest`.

    `dest` must be empty unless `merge`, which adds the source's people to those already there.
    Before the transaction commits, `dest`'s export is compared with the source's; any
    difference, failure or `Cancelled` (from `progress`, told rows written) rolls it back, and
    a file made for `dest` is removed again (an empty server database stays what opening it
    made it: an empty journal). `opener` opens a journal (the command
    line's asks for a passphrase or a password); `on_step` hears what is being done.
    """
    _check_places(source, dest)
    say = on_step or (lambda _: None)
    say(f"reading {describe(source)}")
    document = read_document(source, opener)
    say(f"writing {describe(dest)}")
    made = dest if isinstance(dest, Path) and not dest.exists() else None
    try:
        return _write(document, dest, merge, opener, progress, say)
    except BaseException:
        if made is not None:
            _remove_journal_file(made)
        raise


def read_document(source: str | Path, opener: Opener = open_journal) -> dict[str, Any]:
    """The source's export: a JSON export's content, or a journal's, read whole then closed
    (the models speak to one database at a time)."""
    if isinstance(source, Path) and not source.exists():
        raise JournalError(f"{source}: no such file")
    if is_json_file(source):
        document = load_json(Path(source))
        if document.get("version") != VERSION or document.get("format") is None:
            raise JournalError(
                f"{source} is not a journal export of this version (format version {VERSION}): "
                "'rapport import' reads it into a journal instead"
            )
        return document
    with opener(source):
        return export_journal()


def _check_places(source: str | Path, dest: str | Path) -> None:
    if is_json_file(dest):
        raise JournalError(
            f"{dest}: a copy goes into a journal (a file or a server); "
            "'rapport export json -o FILE' writes a JSON export"
        )
    if _same_place(source, dest):
        raise JournalError(f"{describe(source)} is both the source and the destination")


def _same_place(a: str | Path, b: str | Path) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    if isinstance(a, str) and isinstance(b, str):
        return server.same_journal(a, b)
    return False


def _write(
    document: dict[str, Any],
    dest: str | Path,
    merge: bool,
    opener: Opener,
    progress: Progress | None,
    say: Step,
) -> CopyReport:
    with opener(dest):
        with dialect.snapshot_transaction():  # the checks read what this copy wrote, only
            held = Person.select().count()
            if not merge and (held or Tag.select().exists()):
                what = f"{held:,} {'person' if held == 1 else 'people'}" if held else "tags"
                raise DestinationNotEmpty(
                    f"{describe(dest)} already holds a journal ({what}, counting the trash); "
                    "nothing was written"
                )
            before = export_journal() if merge else None
            written = import_journal(document, progress=progress)
            say(f"checking {describe(dest)} against the source")
            after = export_journal()
            if before is None:
                difference = export_compare.first_difference(document, after)
                checked = export_compare.SAME
            else:
                difference = export_compare.merge_difference(document, before, after)
                checked = export_compare.MERGED
            if difference is not None:
                raise CopyDiffers(
                    f"the copy differs from the source at {difference}; nothing was written "
                    f"to {describe(dest)}"
                )
        return CopyReport(written, checked, len(before["people"]) if before else 0)


def _remove_journal_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
