"""The journal's open JSON interchange format (version 3): export, load, all-or-nothing import.

The document is one JSON object, UTF-8, every key optional unless marked:

    {"format": "rapport-journal" (required), "version": 3 (required), "exported_at": "…",
     "tags": [{"name" (required), "cadence_days": 30 | null, "persona": true | false,
               "messaging": "Markdown: what to say to this persona"}],
     "people": [{"id": "any text, unique in the file", "name" (required), "company", "role",
                 "emails": [], "phones": [], "location", "how_we_met", "met_on": "YYYY-MM-DD",
                 "about", "fit": "good" | "poor" | "unknown", "focus": false,
                 "cadence_days": null, "owner": "a name", "updated_by": "a name",
                 "tags": ["name", …],
                 "goals": [{"text" (required), "why", "status": "open" | "attained" | "dropped",
                            "created_at": "YYYY-MM-DDTHH:MM:SS", "author": "a name"}],
                 "pains": [{"text" (required), "ramifications", "status": "open" | "relieved",
                            "created_at", "author"}],
                 "decisions": [{"offer" (required),
                                "outcome": "yes" | "strong_no" | "weak_no" | "undecided",
                                "decided_on", "reason", "lesson", "revisit_on",
                                "better_solution", "better_fit", "expected", "author",
                                "objections": [{"text" (required), "addressed": false,
                                                "theme": "price" | "timing" | "authority" |
                                                         "need" | "trust" | "fit" | "other",
                                                "author"}]}],
                 "notes": [{"occurred_at", "kind": "meeting" | "call" | "message" | "thought",
                            "body" (required), "author"}],
                 "follow_ups": [{"due_on", "what" (required), "done": false, "author"}]}],
     "referrals": [{"referrer": "a person id", "referred": "a person id", "on", "context",
                    "author"}]}

Version 2 added to version 1: `persona` and `messaging` on tags (the top-level `tags` lists
every tag with a cadence, a persona flag or a messaging note), `theme` on objections, and the
three answers after a no on decisions (`better_solution`, `better_fit`, `expected`). Version 3
added who wrote what: `author` on goals, pains, decisions, objections, notes, follow-ups and
referrals, and a person's `owner` and `updated_by` (who last edited them). Each is one line of
at most 80 characters; "" (or null) is nobody, as on a file journal with no name set. The
export always writes them; on import, a record that leaves one out is stamped with whoever
imports it (as every file of version 1 and 2 is), and one that gives it keeps it as written.
Version 1 files still import: an objection without a theme gets the one its words suggest.

`export_journal` writes the document; `interchange_schema` checks one before it is imported.
"""

from __future__ import annotations

import json
import os
import string
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from peewee import chunked

from . import backups, dialect, search
from . import bulk as bulk_sql
from .changes import record_everything
from .errors import JournalError
from .files import write_pieces_atomically
from .interchange_export import export_journal, export_pieces
from .interchange_schema import FORMAT, VERSION, Document, check_document
from .models import (
    Decision,
    FollowUp,
    Goal,
    Note,
    Objection,
    Pain,
    Person,
    PersonTag,
    Referral,
    Tag,
    now,
)
from .models import database as db
from .people import FOCUS_LIMIT
from .progress import Progress, report

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportReport",
    "dump_json",
    "export_journal",
    "export_json_text",
    "import_journal",
    "load_json",
]


@dataclass(frozen=True)
class ImportReport:
    """How many records an import wrote (or, on a dry run, would write)."""

    people: int = 0
    notes: int = 0
    goals: int = 0
    pains: int = 0
    decisions: int = 0
    referrals: int = 0
    follow_ups: int = 0
    dry_run: bool = False


# --- export -----------------------------------------------------------------------------------


def export_json_text() -> str:
    """The export as JSON text: UTF-8 friendly (no escapes), indented by two spaces."""
    return b"".join(export_json_pieces()).decode("utf-8")


def export_json_pieces() -> Iterator[bytes]:
    """The same text as `export_json_text`, as UTF-8 in small pieces (a person at a time)."""
    return export_pieces()


def dump_json(fp_or_path: str | os.PathLike[str] | IO[Any]) -> None:
    """Write the export to an open file, or to a path (replaced whole, never half-written)."""
    if hasattr(fp_or_path, "write"):
        text = export_json_text()
        try:
            fp_or_path.write(text)
        except TypeError:
            fp_or_path.write(text.encode("utf-8"))
        return
    write_pieces_atomically(fp_or_path, export_json_pieces())


# --- load -------------------------------------------------------------------------------------


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in JSON")


def load_json(source: str | bytes | Path) -> dict[str, Any]:
    """Parse an export: JSON text (`str`), the bytes of a file, or a `Path` to read.

    Only parsing happens here (a JournalError such as "not JSON: line 3 column 5: …" or
    "truncated file"); `import_journal` checks the content.
    """
    if isinstance(source, Path):
        try:
            source = source.expanduser().read_bytes()
        except OSError as exc:
            raise JournalError(f"cannot read {source}: {exc.strerror or exc}") from exc
    if isinstance(source, bytes | bytearray):
        try:
            source = bytes(source).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":
                raise JournalError("truncated file: it ends in the middle of a character") from None
            raise JournalError(f"not UTF-8 text: byte {exc.start} ({exc.reason})") from None
    text = source.removeprefix("\ufeff")
    if not text.strip():
        raise JournalError("empty file: there is nothing to import")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise JournalError(
                f"truncated file: it ends too early (line {exc.lineno} column {exc.colno}); "
                "was it copied whole?"
            ) from None
        raise JournalError(f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise JournalError("not JSON this journal can read: nested too deeply") from None
    except ValueError as exc:
        raise JournalError(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise JournalError(f"document: expected a JSON object, the file holds {kind}")
    return data


# --- import -----------------------------------------------------------------------------------


def import_journal(
    data: dict[str, Any], *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Add everything in a version 1, 2 or 3 document to the open journal, all or nothing.

    The whole document is checked first; any problem raises a JournalError naming where it is
    (`people[3].decisions[0].outcome: …`) and nothing is written. A dry run only checks.
    Timestamps in the file (when a note happened, when a goal was set) are kept. `progress` is
    told (rows written, rows in all) as rows go in; `Cancelled` raised from it keeps nothing.
    """
    doc = check_document(data, now=now())
    if not dry_run or db.obj is not None:
        _check_focus_room(doc)
    report = ImportReport(
        people=len(doc.people),
        notes=sum(len(p.notes) for p in doc.people),
        goals=sum(len(p.goals) for p in doc.people),
        pains=sum(len(p.pains) for p in doc.people),
        decisions=sum(len(p.decisions) for p in doc.people),
        referrals=len(doc.referrals),
        follow_ups=sum(len(p.follow_ups) for p in doc.people),
        dry_run=dry_run,
    )
    if not dry_run:
        backups.backup_before_import()
        with db.atomic():
            _write(doc, progress)
        record_everything()
    return report


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def nocase(name: str) -> str:
    """The key SQLite's NOCASE collation (the tag column's) compares: ASCII letters folded."""
    return name.translate(_ASCII_LOWER)


def _check_focus_room(doc: Document) -> None:
    """The focus list keeps its limit (`people.FOCUS_LIMIT`), counting who is on it already."""
    focused = Person.select().where(Person.focus == True, Person.trashed_at.is_null())  # noqa: E712
    room = FOCUS_LIMIT - focused.count()
    for i, person in enumerate(doc.people):
        if person.fields["focus"]:
            room -= 1
            if room < 0:
                raise JournalError(
                    f"people[{i}].focus: the focus list is full ({FOCUS_LIMIT} people, counting "
                    "those already in the journal); take some people off it in the file"
                )


def _tag_ids(names: Iterable[str]) -> dict[str, int]:
    """Tag ids by `nocase` name, as `tags.set_tags` finds them; missing tags are created."""
    first_spelling: dict[str, str] = {}
    for name in names:
        first_spelling.setdefault(nocase(name), name)
    found: dict[str, int] = {}
    for chunk in chunked(list(first_spelling.values()), 500):
        query = Tag.select(Tag.name, Tag.id).where(dialect.in_nocase(Tag.name, chunk)).tuples()
        found.update((nocase(name), tag_id) for name, tag_id in query)
    for key, name in first_spelling.items():
        if key not in found:
            found[key] = Tag.insert(name=name).execute()
    return found


CHUNK = 500  # rows per INSERT statement; progress is told after each


class _Bulk:
    """Rows inserted many to a statement, each model's ids given here (taken from the database:
    see dialect.reserve_ids), with progress told as rows go in."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, total, progress
        self.rows: dict[type[Any], list[dict[str, Any]]] = defaultdict(list)
        self.free_ids: dict[type[Any], deque[int]] = defaultdict(deque)
        self.last_id: dict[type[Any], int] = {}
        self.written: set[str] = set()  # the tables

    def add(self, model: type[Any], row: dict[str, Any]) -> int:
        """Queue `row` for `model`; its id (given now, so children can point to it)."""
        free = self.free_ids[model]
        if not free:
            free.extend(dialect.reserve_ids(model, CHUNK, after=self.last_id.get(model, 0)))
        row_id = self.last_id[model] = free.popleft()
        self.rows[model].append({"id": row_id, **row})
        if len(self.rows[model]) >= CHUNK:
            self.flush(model)
        return row_id

    def flush(self, model: type[Any] | None = None) -> None:
        """Write what is queued for `model` (its parents' rows first), or everything."""
        if model is None:
            for each in list(self.rows):
                self.flush(each)
            return
        for parent in _PARENTS.get(model, (Person,)):
            self.flush(parent)
        rows = self.rows.pop(model, [])
        if rows:
            bulk_sql.insert(model, rows)
            self.written.add(model._meta.table_name)
            self.done += len(rows)
            report(self.progress, self.done, self.total)


_PARENTS: dict[type[Any], tuple[type[Any], ...]] = {Person: (), Objection: (Decision,)}


def _write(doc: Document, progress: Progress | None) -> None:
    stamp = now()
    tag_ids = _tag_ids([*(t["name"] for t in doc.tags), *(t for p in doc.people for t in p.tags)])
    for tag in doc.tags:
        values = {k: tag[k] for k in ("cadence_days", "messaging") if tag[k]}
        if tag["persona"]:
            values["persona"] = True
        if values:
            Tag.update(**values).where(Tag.id == tag_ids[nocase(tag["name"])]).execute()
    bulk = _Bulk(_rows_in(doc), progress)
    report(progress, 0, bulk.total)
    person_ids: list[int] = []
    for p in doc.people:
        pid = bulk.add(Person, {**p.fields, "created_at": stamp, "updated_at": stamp})
        person_ids.append(pid)
        for t in p.tags:
            bulk.add(PersonTag, {"person": pid, "tag": tag_ids[nocase(t)]})
        for goal in p.goals:
            bulk.add(Goal, {"person": pid, **goal, "updated_at": stamp})
        for pain in p.pains:
            bulk.add(Pain, {"person": pid, **pain, "updated_at": stamp})
        for values, objections in p.decisions:
            row = {"person": pid, **values, "created_at": stamp, "updated_at": stamp}
            did = bulk.add(Decision, row)
            for o in objections:
                bulk.add(Objection, {"decision": did, "created_at": stamp, **o})
        for note in p.notes:
            bulk.add(Note, {"person": pid, **note, "created_at": stamp, "updated_at": stamp})
        for f in p.follow_ups:
            bulk.add(FollowUp, {"person": pid, "created_at": stamp, "updated_at": stamp, **f})
    for r in doc.referrals:
        row = {"referrer": person_ids[r.referrer], "referred": person_ids[r.referred]}
        row.update(on=r.on, context=r.context, created_at=stamp, **r.signed)
        bulk.add(Referral, row)
    bulk.flush()
    if person_ids:
        search.index_people_from(person_ids[0])  # one statement per kind of record
        dialect.refresh_statistics([*bulk.written, "search_index", Tag._meta.table_name])


def _rows_in(doc: Document) -> int:
    per_person = (
        1
        + len(p.tags)
        + len(p.goals)
        + len(p.pains)
        + len(p.notes)
        + len(p.follow_ups)
        + sum(1 + len(objections) for _, objections in p.decisions)
        for p in doc.people
    )
    return sum(per_person) + len(doc.referrals)
