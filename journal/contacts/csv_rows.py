"""Spreadsheets of contacts: LinkedIn, Google Contacts, Outlook, or any CSV with a name column.

Columns are recognised by their header (case-insensitive), which may follow a preamble.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import JournalError
from .model import Contact, ParsedFile, Skipped

HEADER_SEARCH_LINES = 40
DELIMITERS = (",", ";", "\t", "|")
SYSTEM_LABELS = {"mycontacts", "starred"}

# Field of a person <- header (whole, lower case), best first; a header takes the first match.
_PATTERNS: list[tuple[str, str]] = [
    ("full_name", r"(full |display |contact )?name|contact|person|nom complet"),
    ("first", r"(first|given)( ?name)?|forename|pr[ée]nom|vorname"),
    ("middle", r"(middle|additional)( ?name)?"),
    ("last", r"(last|family)( ?name)?|surname|nachname|nom( de famille)?"),
    (
        "company",
        r"company( name)?|organi[sz]ation( name| \d+ - name)?|employer|firm|account name"
        r"|soci[ée]t[ée]|entreprise|firma",
    ),
    ("role", r"job title|position|role|job|organi[sz]ation( \d+ -)? title|occupation|fonction"),
    ("title", r"title|titre"),
    ("location", r"location|lieu"),
    ("city", r"((business|home|other|address \d+ -) )?city|town|ville|stadt"),
    ("country", r"((business|home|other|address \d+ -) )?country(/region)?|pays"),
    ("tags", r"tags?|labels?|categories|category|groups?|group membership|segments?|personas?"),
    ("note", r"notes?|comments?|remarks?"),
    ("how_we_met", r"how (we )?met|source|met (via|through|at)"),
    ("met_on", r"connected on|met on|date met|first met|met"),
]
_COMPILED = [(f, re.compile(p)) for f, p in _PATTERNS]
# Email and phone columns come in numbers and kinds ("E-mail 2 Address", "Business Phone").
_EMAIL = re.compile(r"\be-?mails?\b|\bmail\b")
_PHONE = re.compile(r"\b(phones?|mobiles?|tel|telephones?|cell|t[ée]l[ée]phones?|portable)\b")
_NOT_A_VALUE = re.compile(r"\b(type|label|display|opt|fax|pager|sensitivity)\b")
_EMAIL_SEP = r"[\s,;]+|:::"
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%b %d, %Y")


def _normalise(header: str) -> str:
    cleaned = header.replace("\ufeff", "").replace("_", " ").strip().strip('"')
    return " ".join(cleaned.lower().split())


def classify(header: str) -> str | None:
    """The field of a person this column header names, or None."""
    h = _normalise(header)
    for field, pattern in _COMPILED:
        if pattern.fullmatch(h):
            return field
    if _NOT_A_VALUE.search(h):
        return None
    if _EMAIL.search(h):
        return "email"
    if _PHONE.search(h):
        return "phone"
    return None


@dataclass(frozen=True)
class Header:
    """Where the header row is (0-based physical line), its cells, and the CSV dialect."""

    line_index: int
    char_offset: int
    cells: tuple[str, ...]
    delimiter: str
    fields: tuple[str | None, ...]

    @property
    def format(self) -> str:
        names = {_normalise(c) for c in self.cells}
        if {"first name", "last name", "url", "connected on"} <= names:
            return "LinkedIn CSV"
        if any(re.fullmatch(r"(e-mail|phone|organization|address) \d+ - .*", n) for n in names) or (
            "group membership" in names
        ):
            return "Google Contacts CSV"
        if "e-mail address" in names or {"business phone", "job title"} <= names:
            return "Outlook CSV"
        return "CSV"


def _physical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each physical line; a line ends at \\n, \\r\\n or \\r."""
    offset = 0
    for line in io.StringIO(text, newline=""):
        yield offset, line
        offset += len(line)


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:
        return []


def find_header(text: str) -> Header | None:
    """The first line (among the first few) whose cells include a column for names."""
    for index, (offset, line) in enumerate(_physical_lines(text)):
        if index >= HEADER_SEARCH_LINES:
            break
        if not line.strip():
            continue
        try:
            sniffed = csv.Sniffer().sniff(line, delimiters="".join(DELIMITERS)).delimiter
        except csv.Error:
            sniffed = ","
        for delimiter in dict.fromkeys((sniffed, *DELIMITERS)):
            cells = _split(line, delimiter)
            fields = tuple(classify(c) for c in cells)
            if {"full_name", "first", "last"} & set(fields):
                return Header(index, offset, tuple(cells), delimiter, fields)
    return None


def _values(cell: str, pattern: str) -> list[str]:
    return [part.strip() for part in re.split(pattern, cell) if part.strip()]


def _date(value: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _tags(cell: str) -> list[str]:
    tags = []
    for value in _values(cell, r":::|;|,"):
        label = value.removeprefix("* ").strip()
        if value.startswith("*") and label.replace(" ", "").lower() in SYSTEM_LABELS:
            continue
        if label:
            tags.append(label)
    return tags


def _contact(header: Header, row: list[str], line: int, linkedin: bool) -> Contact | Skipped:
    cols: dict[str, list[str]] = {}
    for field, cell in zip(header.fields, row, strict=False):
        if field is not None and cell.strip():
            cols.setdefault(field, []).append(cell.strip())

    def first(*fields: str) -> str:
        for field in fields:
            if cols.get(field):
                return cols[field][0].split(":::")[0].strip()
        return ""

    parts = [first(f) for f in ("first", "middle", "last")]
    name = first("full_name") or " ".join(p for p in parts if p)
    if not name:
        hint = " ".join((first("company") or next(iter(cols.get("email", [])), "")).split())
        hint = hint if len(hint) <= 60 else hint[:59] + "…"
        return Skipped(f"line {line}", f"no name ({hint})" if hint else "no name")
    location = first("location") or ", ".join(p for p in (first("city"), first("country")) if p)
    met_on = _date(first("met_on")) if cols.get("met_on") else None
    return Contact(
        name=" ".join(name.split()),
        company=first("company"),
        role=first("role") or (first("title") if "role" not in header.fields else ""),
        emails=tuple(e for c in cols.get("email", []) for e in _values(c, _EMAIL_SEP) if "@" in e),
        phones=tuple(p for c in cols.get("phone", []) for p in _values(c, r":::|;|\n")),
        location=" ".join(location.split()),
        how_we_met=first("how_we_met") or ("LinkedIn" if linkedin else ""),
        met_on=met_on,
        tags=tuple(t for c in cols.get("tags", []) for t in _tags(c)),
        note="\n\n".join(cols.get("note", [])).replace("\r\n", "\n").replace("\r", "\n"),
        source_ref=f"line {line}",
    )


def read_csv(text: str, header: Header | None = None) -> ParsedFile:
    """Every row below the header as a contact; rows without a name are skipped by line number."""
    header = header or find_header(text)
    if header is None:
        raise JournalError("not a contacts file: no column for names in its first lines")
    body = text[header.char_offset :]
    lines = io.StringIO(body, newline="")
    lines.readline()
    reader = csv.reader(lines, delimiter=header.delimiter)
    linkedin = header.format == "LinkedIn CSV"
    contacts: list[Contact] = []
    skipped: list[Skipped] = []
    first_line = header.line_index + 2  # 1-based, below the header
    while True:
        start = first_line + reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise JournalError(f"line {start}: this CSV cannot be read ({exc})") from None
        if not any(cell.strip() for cell in row):
            continue
        result = _contact(header, row, start, linkedin)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            contacts.append(result)
    return ParsedFile(header.format, tuple(contacts), tuple(skipped))
