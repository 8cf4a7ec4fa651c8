"""What every contacts reader produces: plain contacts, and the entries it had to skip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Contact:
    """One person as a contacts file describes them, before it meets the journal."""

    name: str
    company: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    location: str = ""
    how_we_met: str = ""
    met_on: dt.date | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    source_ref: str = ""


@dataclass(frozen=True)
class Skipped:
    """An entry of the file that was not imported, where it is ("line 17", "card 3") and why."""

    source_ref: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source_ref}: {self.reason}"


@dataclass(frozen=True)
class ParsedFile:
    """A contacts file read into memory: its format, its contacts, and what was skipped.

    A Rapport JSON export keeps its whole `document` (imported by journal.interchange);
    its `contacts` are only a preview of the people in it.
    """

    format: str
    contacts: tuple[Contact, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    document: dict[str, Any] | None = field(default=None, compare=False, repr=False)


def _text(value: str) -> str:
    return value.replace("\x00", "").strip()


def _is_tidy(value: str) -> bool:
    return value == value.strip() and "\x00" not in value


def tidy(contact: Contact) -> Contact:
    """The contact as the journal stores it: text trimmed, NULs dropped, no empty list items."""
    c = contact
    texts = (c.name, c.company, c.role, c.location, c.how_we_met, c.note)
    if all(map(_is_tidy, texts)) and all(
        t and _is_tidy(t) for t in (*c.emails, *c.phones, *c.tags)
    ):
        return contact
    return replace(
        contact,
        name=_text(c.name),
        company=_text(c.company),
        role=_text(c.role),
        location=_text(c.location),
        how_we_met=_text(c.how_we_met),
        note=_text(c.note),
        emails=_texts(c.emails),
        phones=_texts(c.phones),
        tags=_texts(c.tags),
    )


def _texts(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in map(_text, values) if t)
