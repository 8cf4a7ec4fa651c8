"""What each `rapport COMMAND` does: journal operations in, text out (never Qt)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from journal import people, storage
from journal.errors import JournalError

from .cli_opening import new_passphrase

if TYPE_CHECKING:
    from journal.storage import Journal
    from journal.today import Today

TODAY_LIMIT = 50  # rows of each list `rapport today` prints (--all: every one)

# Each command imports what it uses when it runs: a read command stays light (no SQLCipher for
# a plain journal, no exports, no contacts, no interchange), so it starts in a blink.


def _json(value: object) -> str:
    def default(obj: object) -> object:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.asdict(obj)
        if isinstance(obj, dt.date | dt.datetime):
            return obj.isoformat()
        raise TypeError(type(obj).__name__)

    return json.dumps(value, ensure_ascii=False, indent=2, default=default)


def cmd_add(journal: Journal, args: argparse.Namespace) -> str:
    person = people.add_person(
        args.name, company=args.company, role=args.role, emails=args.email, tags=args.tag
    )
    return f"added {person.name} (#{person.id})"


def cmd_note(journal: Journal, args: argparse.Namespace) -> str:
    from journal import notes

    person = people.resolve_person(args.person)
    note = notes.add_note(person.id, args.text, kind=args.kind, occurred_at=args.at)
    return f"noted for {person.name} ({note.kind}, {note.occurred_at:%Y-%m-%d %H:%M})"


def cmd_search(journal: Journal, args: argparse.Namespace) -> str:
    from journal import search

    hits = search.search(args.query, limit=max(1, args.limit))
    if args.json:
        return _json([{**dataclasses.asdict(h), "snippet": h.marked("[", "]")} for h in hits])
    if not hits:
        return "no matches"
    lines = []
    for hit in hits:
        snippet = " ".join(hit.marked("[", "]").split())
        lines.append(f"{hit.person_name} · {hit.kind}: {snippet}")
    return "\n".join(lines)


def cmd_today(journal: Journal, args: argparse.Namespace) -> str:
    from journal import validate as v
    from journal.decisions import OUTCOME_LABELS
    from journal.today import TodayShortlist, today_view

    day = v.date(args.on, "--on") if args.on else None
    owner = _mine() if args.mine else None
    if args.json:  # for a script: everything
        return _json(today_json(today_view(day, owner=owner)))
    view = today_view(day, limit=None if args.all else TODAY_LIMIT, owner=owner)
    more = view.more if isinstance(view, TodayShortlist) else (0, 0, 0)
    out = [f"Today, {view.day:%A %d %B %Y}"]
    out.append("\nMeetings today:")
    for agenda in view.meetings:
        m = agenda.meeting
        who = ", ".join(
            [p.name for p in m.people] + [f"{s.label} (not in the journal)" for s in m.strangers]
        )
        out.append(f"  {m.time_label()} {m.summary}" + (f" · with {who}" if who else ""))
        for person in agenda.people:
            for label, text in (
                ("goal", person.first_open_goal),
                ("unfinished", person.unfinished_decision),
            ):
                if text:
                    out.append(f"      {person.name} {label}: {text}")
    if not view.meetings:
        out.append("  none")
    if view.write_up:
        out.append("\nWrite it up:")
        out += [
            f"  {w.meeting.starts_at:%a %H:%M} {w.meeting.summary} · {w.person.name}"
            for w in view.write_up
        ]
    out.append("\nReconnect with:")
    for p in view.reconnect:
        who = f"{p.name} ({p.company})" if p.company else p.name
        touched = f"last touch {p.last_touch:%Y-%m-%d}" if p.last_touch else "never written about"
        out.append(f"  {who} · every {p.cadence_days} days · {touched}")
    if not view.reconnect:
        out.append("  nobody")
    out += _more(more[0], "people")
    out.append("\nDecisions to revisit:")
    for d in view.revisit:
        objections = "; ".join(o.text for o in d.open_objections)
        line = f"  {d.person_name}: {d.offer} ({OUTCOME_LABELS[d.outcome].lower()})"
        out.append(line + (f" · open objections: {objections}" if objections else ""))
    if not view.revisit:
        out.append("  none")
    out += _more(more[1], "decisions")
    out.append("\nFollow-ups due:")
    out += [f"  {f.due_on:%Y-%m-%d} {f.person_name}: {f.what}" for f in view.follow_ups] or [
        "  none"
    ]
    out += _more(more[2], "follow-ups")
    return "\n".join(out)


def today_json(view: Today) -> dict[str, object]:
    """Today as JSON: meetings as {"start", "end", "summary", "people": [names]}."""
    data = dataclasses.asdict(view)
    data["meetings"] = [
        {
            "start": a.meeting.starts_at,
            "end": a.meeting.ends_at,
            "summary": a.meeting.summary,
            "people": [p.name for p in a.meeting.people],
            "not_in_journal": [s.label for s in a.meeting.strangers],
            "all_day": a.meeting.all_day,
        }
        for a in view.meetings
    ]
    data["write_up"] = [
        {
            "start": w.meeting.starts_at,
            "end": w.meeting.ends_at,
            "summary": w.meeting.summary,
            "person": w.person.name,
        }
        for w in view.write_up
    ]
    return data


def _mine() -> str:
    """The owner --mine stands for: the name set, else a server journal's role."""
    from journal import owners

    name = owners.mine()
    if not name:
        raise JournalError(
            "--mine: no name is set for you; set RAPPORT_AUTHOR (on a server journal your "
            "role is your name)"
        )
    return name


def cmd_people(journal: Journal, args: argparse.Namespace) -> str:
    from journal import listing

    owner = _mine() if args.mine else None
    ids = listing.person_ids(listing.PeopleFilter(owner=owner))
    found = people.get_people(ids)
    if args.json:
        return _json(
            [{"id": p.id, "name": p.name, "company": p.company, "owner": p.owner} for p in found]
        )
    if not found:
        return f"nobody is {owner}'s" if owner else "nobody yet"
    lines = []
    for p in found:
        who = f"{p.name} ({p.company})" if p.company else p.name
        lines.append(who + (f" · owner: {p.owner}" if p.owner and owner is None else ""))
    return "\n".join(lines)


def cmd_calendar(journal: Journal, args: argparse.Namespace) -> str:
    from . import cli_calendar

    return cli_calendar.run(args)


def _more(count: int, what: str) -> list[str]:
    return [f"  … and {count:,} more {what} (rapport today --all lists them)"] if count else []


def _exporter(kind: str) -> Callable[[], str]:
    if kind == "json":
        from journal.interchange import export_json_text

        return export_json_text
    if kind == "vcard":
        from journal.exports.vcard import export_vcards

        return export_vcards
    if kind == "csv":
        from journal.exports.csv_export import export_csv

        return export_csv
    from journal.exports.ics import export_ics

    return export_ics


def cmd_export(journal: Journal, args: argparse.Namespace) -> str | None:
    from journal import interchange
    from journal.exports.markdown import export_markdown
    from journal.files import write_text_atomically

    if args.format == "markdown":
        if not args.output:
            raise JournalError("markdown export needs a folder: -o FOLDER")
        written = export_markdown(Path(args.output))
        return f"exported {len(written) - 1} people to {args.output}"
    if args.output is None:
        return _exporter(args.format)()
    if args.format == "json":
        interchange.dump_json(Path(args.output))
    else:
        write_text_atomically(Path(args.output), _exporter(args.format)())
    return f"exported {people.count_people()} people to {args.output}"


def cmd_brief(journal: Journal, args: argparse.Namespace) -> str | None:
    from journal.brief import brief_markdown
    from journal.files import write_text_atomically

    person = people.resolve_person(args.person)
    text = brief_markdown(person.id)
    if args.output is None:
        return text
    target = Path(args.output)
    if target.suffix.lower() == ".pdf":
        from .brief_pdf import write_pdf_headless  # Qt only for the PDF

        write_pdf_headless(text, target, f"Brief: {person.name}")
    else:
        write_text_atomically(target, text)
    return f"wrote the brief for {person.name} to {target}"


def cmd_import(journal: Journal, args: argparse.Namespace) -> str:
    from journal.contacts import import_contacts

    from .cli_progress import ProgressLine

    path = Path(args.file)
    if not path.is_file():
        raise JournalError(f"{path}: no such file")
    line = ProgressLine("checking" if args.dry_run else "importing")
    try:
        report = import_contacts(path, dry_run=args.dry_run, progress=line)
    finally:
        line.end()
    lines = [("would import: " if args.dry_run else "imported: ") + report.summary()]
    lines += [f"  merged {m}" for m in report.merged]
    lines += [f"  skipped {s}" for s in report.skipped]
    lines += [
        f"  maybe the same person: {n.name} and {n.other_name}" for n in report.near_duplicates
    ]
    return "\n".join(lines)


def cmd_check(journal: Journal, args: argparse.Namespace) -> str:
    from journal import backups, private

    if journal.is_server:
        storage.check(journal)
        return f"{journal.location}: ok ({people.count_people()} people)"
    lines = []
    if args.fix_permissions:
        made = private.make_private(journal.path, backups.backup_dir(journal.path))
        lines += [f"made private: {path}" for path in made] or [private.NOTHING_TO_FIX]
    report = storage.check(journal)
    if not report.ok:
        problems = [p for p in report.integrity if p != "ok"] + report.foreign_key_problems
        raise JournalError(f"{journal.path} has problems: {'; '.join(problems[:5])}")
    lines.append(f"{journal.path}: ok ({people.count_people()} people)")
    folder = backups.backup_dir(journal.path)
    if readable := private.readable_by_others(journal.path, folder):
        lines.append(f"warning: {private.WARNING} ({private.names(readable, folder)})")
        lines.append(f"to make it private: {private.fix_command(journal.path)}")
    return "\n".join(lines)


def cmd_backup(journal: Journal, args: argparse.Namespace) -> str:
    if journal.is_server:
        from journal import server_backup

        return f"backed up (a JSON export) to {server_backup.backup(journal, args.output)}"
    from journal import backups

    dest = backups.backup(journal.path, args.output, passphrase=journal.passphrase)
    return f"backed up to {dest}"


def cmd_backups(journal: Journal, args: argparse.Namespace) -> str:
    from journal import backups

    found = backups.list_backups(journal.path)
    if not found:
        return f"no backups yet in {backups.backup_dir(journal.path)}"
    lines = []
    for b in found:
        people_in = backups.count_people(b.path, journal.passphrase)
        count = "?" if people_in is None else people_in
        lines.append(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.reason:<16} {count:>6} people  {b.path}")
    return "\n".join(lines)


def cmd_restore(journal: Journal, args: argparse.Namespace) -> str:
    from journal import recovery

    if journal.is_server:
        raise JournalError(
            f"{journal.location} is a server journal: restore it on the server (pg_restore), or "
            f"read a JSON backup into an empty database with 'rapport copy {args.file} URL'"
        )
    if (problem := storage.damage(journal)) is not None:  # no backup of it can be taken
        key = journal.passphrase
        journal.close()
        aside = recovery.restore_into(journal.path, args.file, key)
        return f"restored {args.file}; the damaged journal ({problem}) is kept as {aside}"
    restored, safety = recovery.restore(journal, args.file)
    count = people.count_people()
    restored.close()
    return f"restored {args.file} ({count} people); the journal before it is saved as {safety}"


def _count(n: int, kind: str) -> str:
    one, many = {"person": ("person", "people"), "followup": ("follow-up", "follow-ups")}.get(
        kind, (kind, kind + "s")
    )
    return f"{n} {one if n == 1 else many}"


def cmd_trash(journal: Journal, args: argparse.Namespace) -> str:
    from journal import trash

    if args.trash_action == "restore":
        trash.restore(args.kind, args.id)
        return f"restored {args.kind} {args.id}"
    if args.trash_action == "empty":
        items = trash.trashed_items()
        trash.empty_trash()
        if not items:
            return "the trash was already empty"
        counts = sorted(Counter(i.kind for i in items).items())
        return "deleted for good: " + ", ".join(_count(n, kind) for kind, n in counts)
    items = trash.trashed_items()
    if not items:
        return "the trash is empty"
    return "\n".join(
        f"{i.trashed_at:%Y-%m-%d %H:%M}  {i.kind:<9} {i.id:>6}  {i.label}" for i in items
    )


ENCRYPTION_ON_A_SERVER = (
    "is a server journal: encryption at rest is the server's job (an encrypted disk or "
    "tablespace), and its connections are encrypted with sslmode=require in the URL"
)


def cmd_encrypt(journal: Journal, args: argparse.Namespace) -> str:
    if journal.is_server:
        raise JournalError(f"{journal.location} {ENCRYPTION_ON_A_SERVER}")
    from journal import crypto
    from journal.lock import JournalLock

    if journal.passphrase is not None:
        raise JournalError(f"{journal.path} is already encrypted")
    passphrase = new_passphrase()
    journal.close()
    with JournalLock(journal.path):  # not while a window has it open
        converted = crypto.encrypt_journal(journal.path, passphrase)
    also = f" and {len(converted)} of its backups" if converted else ""
    return f"encrypted {journal.path}{also}; without the passphrase it cannot be opened"


def cmd_decrypt(journal: Journal, args: argparse.Namespace) -> str:
    if journal.is_server:
        raise JournalError(f"{journal.location} {ENCRYPTION_ON_A_SERVER}")
    from journal import crypto
    from journal.lock import JournalLock

    passphrase = journal.passphrase
    if passphrase is None:
        raise JournalError(f"{journal.path} is not encrypted")
    journal.close()
    with JournalLock(journal.path):
        converted = crypto.decrypt_journal(journal.path, passphrase)
    also = f" and {len(converted)} of its backups" if converted else ""
    return f"decrypted {journal.path}{also}"
