"""Reading any contacts file, and importing it into the open journal all at once or not at all."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import backups
from ..changes import record_everything
from ..errors import JournalError
from ..models import database as db
from ..progress import Progress, stage
from . import dedupe, write
from .csv_rows import read_csv
from .detect import detect
from .merge import key
from .model import Contact, ParsedFile, Skipped
from .vcard import read_vcards

JSON_FORMAT = "Rapport JSON"
MAX_BYTES = 256 * 1024 * 1024
Source = str | os.PathLike[str] | bytes


@dataclass(frozen=True)
class Merged:
    """A contact of the file that was a person seen before, and what it added to them."""

    name: str
    into: str
    person_id: int
    source_ref: str
    filled: tuple[str, ...] = ()

    def __str__(self) -> str:
        added = f"filled {', '.join(self.filled)}" if self.filled else "nothing new"
        into = f" into {self.into}" if key(self.into) != key(self.name) else ""
        return f"{self.source_ref}: {self.name}{into} ({added})"


@dataclass(frozen=True)
class NearDuplicate:
    """Two people who may be one: close names at the same company email domain."""

    person_id: int
    name: str
    other_id: int
    other_name: str
    source_ref: str = ""


@dataclass(frozen=True)
class ContactImportReport:
    """What an import did (or, on a dry run, would do; a dry run's ids are never stored)."""

    format: str
    added: tuple[str, ...] = ()
    added_ids: tuple[int, ...] = ()
    merged: tuple[Merged, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()
    dry_run: bool = False
    journal_report: Any = None

    @property
    def near_duplicate_ids(self) -> list[tuple[int, int]]:
        return [(n.person_id, n.other_id) for n in self.near_duplicates]

    def summary(self) -> str:
        """One line, e.g. "12 added, 3 merged, 1 skipped (LinkedIn CSV)"."""
        how = f"{self.format}, dry run" if self.dry_run else self.format
        added, merged, skipped = len(self.added), len(self.merged), len(self.skipped)
        line = f"{added} added, {merged} merged, {skipped} skipped ({how})"
        if self.near_duplicates:
            count = len(self.near_duplicates)
            line += f"; {count} possible duplicate{'s' if count > 1 else ''} to review"
        return line


def _bytes(source: Source) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    path = Path(source).expanduser()
    try:
        if path.is_dir():
            raise JournalError(f"{path} is a folder, not a contacts file")
        if path.stat().st_size > MAX_BYTES:
            raise JournalError(f"{path} is too large for a contacts file")
        return path.read_bytes()
    except OSError as exc:
        raise JournalError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_json(text: str) -> ParsedFile:
    from .. import interchange

    document = interchange.load_json(text)
    if document.get("format") != interchange.FORMAT:
        raise JournalError("a JSON file, but not a Rapport journal export")
    people = document.get("people")
    preview = tuple(
        Contact(name=p["name"].strip(), source_ref=f"people[{i}]")
        for i, p in enumerate(people if isinstance(people, list) else [])
        if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"].strip()
    )
    return ParsedFile(JSON_FORMAT, preview, (), document)


def read_contacts(source: Source) -> ParsedFile:
    """Read a vCard, CSV or Rapport JSON file (a path or its bytes) without touching the journal.

    A file that is not a contacts file, or from which no contact can be read, is refused with
    a one-line JournalError.
    """
    detected = detect(_bytes(source))
    if detected.kind == "json":
        return _read_json(detected.text)
    if detected.kind == "vcard":
        parsed = read_vcards(detected.text)
    else:
        parsed = read_csv(detected.text, detected.header)
    if not parsed.contacts:
        if not parsed.skipped:
            raise JournalError(f"no contacts in this {parsed.format} file")
        more = len(parsed.skipped) - 1
        also = f" (and {more} more)" if more else ""
        raise JournalError(f"no contact could be read: {parsed.skipped[0]}{also}")
    return parsed


STEPS = 1000  # the whole import, for its progress: matching, then writing
PLANNING = 600


def import_contacts(
    source: Source | ParsedFile, *, dry_run: bool = False, progress: Progress | None = None
) -> ContactImportReport:
    """Import a contacts file into the open journal in one transaction: all of it or nothing.

    People already in the journal (or earlier in the file) are merged, not added again.
    A dry run does the whole import and then rolls it back. `progress` hears (contacts written,
    contacts in all); a `Cancelled` raised from it rolls the whole import back.
    """
    parsed = source if isinstance(source, ParsedFile) else read_contacts(source)
    if parsed.document is not None:
        from .. import interchange

        result = interchange.import_journal(parsed.document, dry_run=dry_run, progress=progress)
        names = tuple(c.name for c in parsed.contacts)
        return ContactImportReport(parsed.format, names, dry_run=dry_run, journal_report=result)
    if not dry_run:
        backups.backup_before_import()
    with db.atomic() as transaction:
        plan = dedupe.plan(parsed.contacts, stage(progress, 0, PLANNING, STEPS))
        write.write(plan.drafts, stage(progress, PLANNING, STEPS, STEPS))
        report = _report(parsed, plan, dry_run)
        if dry_run:
            transaction.rollback()
    if not dry_run:
        record_everything()
    return report


def _report(parsed: ParsedFile, plan: dedupe.Plan, dry_run: bool) -> ContactImportReport:
    added = [d for d in plan.drafts if d.is_new]
    return ContactImportReport(
        format=parsed.format,
        added=tuple(d.name.strip() for d in added),
        added_ids=tuple(d.person_id or 0 for d in added),
        merged=tuple(
            Merged(
                m.contact.name, m.draft.name, m.draft.person_id or 0, m.contact.source_ref, m.filled
            )
            for m in plan.matches
        ),
        skipped=parsed.skipped,
        near_duplicates=tuple(
            NearDuplicate(a.person_id or 0, a.name, b.person_id or 0, b.name, a.source_ref)
            for a, b in plan.near
        ),
        dry_run=dry_run,
    )
