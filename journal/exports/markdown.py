"""The whole journal as a folder of Markdown files: one readable page per person and an index."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .. import private, referrals
from ..decisions import OUTCOME_LABELS
from ..errors import JournalError
from ..records import DecisionRecord, PersonRecord, ReferralRecord
from ..themes import THEME_LABELS
from . import gather
from .md import block, document, inline, item, when
from .text import day, file_stem

INDEX = "index.md"
MARKER = "<!-- Exported by Rapport -->"


class _Journal:
    """Everything the pages need, read once for all people."""

    def __init__(self) -> None:
        self.people = gather.live_people()
        self.rows = gather.rows_of(p.id for p in self.people)
        self.goals = gather.goals_by_person(status=None)
        self.pains = gather.pains_by_person(status=None)
        self.decisions = gather.decisions_by_person()
        self.notes = gather.notes_by_person()
        self.follow_ups = gather.follow_ups_by_person(include_done=True)
        self.referred_by: dict[int, list[ReferralRecord]] = {}
        self.referred: dict[int, list[ReferralRecord]] = {}
        for r in referrals.all_referrals():
            self.referred_by.setdefault(r.referred_id, []).append(r)
            self.referred.setdefault(r.referrer_id, []).append(r)
        taken: set[str] = {INDEX.removesuffix(".md")}
        self.files = {p.id: file_stem(p.name, taken) + ".md" for p in self.people}


def _link(name: str, file: str | None) -> str:
    return f"[{inline(name)}](<{file}>)" if file else f"**{inline(name)}**"


def _profile(p: PersonRecord, j: _Journal) -> str:
    row = j.rows[p.id]
    facts = [
        ("Company", inline(p.company)),
        ("Role", inline(p.role)),
        ("Email", ", ".join(inline(e) for e in p.emails)),
        ("Phone", ", ".join(inline(x) for x in p.phones)),
        ("Location", inline(p.location)),
        ("Fit", p.fit),
        ("Focus", "yes" if p.focus else ""),
        ("Keep in touch", f"every {row.cadence_days} days" if row.cadence_days else ""),
        ("Last touch", day(row.last_touch) if row.last_touch else ""),
        ("Next reconnect", day(row.next_reconnect) if row.next_reconnect else ""),
        ("Tags", ", ".join(inline(t) for t in p.tags)),
        ("How we met", inline(p.how_we_met)),
        ("Met on", day(p.met_on)),
    ]
    lines = [f"- **{label}:** {value}" for label, value in facts if value]
    parts = [f"# {inline(p.name)}", "\n".join(lines)]
    if p.about:
        parts.append("## About\n\n" + block(p.about))
    return "\n\n".join(parts)


def _decision(d: DecisionRecord) -> str:
    lines = [f"### {inline(d.offer)}", f"**{OUTCOME_LABELS[d.outcome]}**, {day(d.decided_on)}"]
    if d.revisit_on:
        lines[-1] += f"; revisit {day(d.revisit_on)}"
    if d.reason:
        lines.append(block(d.reason))
    if d.objections:
        marks = [
            f"- [{'x' if o.addressed else ' '}] {inline(o.text)} ({THEME_LABELS[o.theme].lower()})"
            for o in d.objections
        ]
        lines.append("Objections:\n\n" + "\n".join(marks))
    if d.lesson:
        lines.append("**Lesson:** " + block(d.lesson))
    lines.extend(f"**{inline(question)}** {block(answer)}" for question, answer in d.answers)
    return "\n\n".join(lines)


def _referrals(pid: int, j: _Journal) -> str:
    lines = []
    for r in j.referred_by.get(pid, []):
        on = f", {day(r.on)}" if r.on else ""
        link = _link(r.referrer_name, j.files.get(r.referrer_id))
        lines.append(item(f"Referred by {link}{on}", inline(r.context)))
    for r in j.referred.get(pid, []):
        on = f", {day(r.on)}" if r.on else ""
        link = _link(r.referred_name, j.files.get(r.referred_id))
        lines.append(item(f"Introduced {link}{on}", inline(r.context)))
    return "## Referrals\n\n" + "\n".join(lines) if lines else ""


def _aspect(text: str, status: str) -> str:
    return f"**{inline(text)}**" + ("" if status == "open" else f" ({status})")


def _page(p: PersonRecord, j: _Journal) -> str:
    """One person's page."""
    sections = [_profile(p, j)]
    goals = [item(_aspect(g.text, g.status), g.why) for g in j.goals.get(p.id, [])]
    if goals:
        sections.append("## Goals\n\n" + "\n".join(goals))
    pains = [item(_aspect(x.text, x.status), x.ramifications) for x in j.pains.get(p.id, [])]
    if pains:
        sections.append("## Pains\n\n" + "\n".join(pains))
    if j.decisions.get(p.id):
        sections.append("## Decisions\n\n" + "\n\n".join(_decision(d) for d in j.decisions[p.id]))
    sections.append(_referrals(p.id, j))
    follow_ups = [
        f"- [{'x' if f.done else ' '}] {day(f.due_on)}: {inline(f.what)}"
        for f in j.follow_ups.get(p.id, [])
    ]
    if follow_ups:
        sections.append("## Follow-ups\n\n" + "\n".join(follow_ups))
    notes = [
        f"### {when(n.occurred_at)} · {n.kind}\n\n{block(n.body)}" for n in j.notes.get(p.id, [])
    ]
    if notes:
        sections.append("## Notes\n\n" + "\n\n".join(notes))
    return document(sections)


def _index(j: _Journal) -> str:
    lines = [item(_link(p.name, j.files[p.id]), inline(p.company), ", ") for p in j.people]
    body = "\n".join(lines) if lines else "*No people yet.*"
    return document([MARKER, "# Rapport journal", body])


def _is_previous_export(folder: Path) -> bool:
    """A folder holding only Markdown files, with an index Rapport wrote."""
    try:
        index = (folder / INDEX).read_text(encoding="utf-8")
        only_pages = all(p.suffix == ".md" and p.is_file() for p in folder.iterdir())
    except OSError:
        return False
    return only_pages and index.startswith(MARKER)


def _check_target(folder: Path) -> None:
    if not folder.parent.is_dir():
        raise JournalError(f"{folder.parent} is not a folder")
    if folder.exists() and not folder.is_dir():
        raise JournalError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not _is_previous_export(folder):
        raise JournalError(f"{folder} is not empty: choose an empty or new folder")


def _move_into_place(staging: Path, folder: Path) -> None:
    """Swap the finished export in; a previous export is removed only once the new one is there."""
    if not folder.exists():
        os.replace(staging, folder)
        return
    old = Path(tempfile.mkdtemp(prefix=".rapport-old-", dir=folder.parent))
    try:
        os.replace(folder, old / "export")
    except OSError:
        old.rmdir()
        raise
    try:
        os.replace(staging, folder)
    except OSError:
        os.replace(old / "export", folder)
        old.rmdir()
        raise
    shutil.rmtree(old, ignore_errors=True)


def export_markdown(folder: Path) -> list[Path]:
    """Write one page per live person and an index into `folder` (new, empty, or a past export)."""
    folder = Path(folder)
    _check_target(folder)
    j = _Journal()
    try:
        staging = Path(tempfile.mkdtemp(prefix=".rapport-export-", dir=folder.parent))
    except OSError as error:
        raise JournalError(f"cannot write in {folder.parent}: {error.strerror}") from None
    try:
        names = []
        for p in j.people:
            (staging / j.files[p.id]).write_text(_page(p, j), encoding="utf-8", newline="\n")
            names.append(j.files[p.id])
        (staging / INDEX).write_text(_index(j), encoding="utf-8", newline="\n")
        names.append(INDEX)
        mode = private.usual_mode(folder, folder=True)  # the staging folder was private
        _move_into_place(staging, folder)
        private.set_mode(folder, mode)
    except OSError as error:
        raise JournalError(f"could not export to {folder}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / name for name in names]
