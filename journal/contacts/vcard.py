"""vCard 2.1, 3.0 and 4.0 files: vobject splits and decodes the lines, this module reads the cards.

vobject's own card reader is not used whole: it keeps only the text before the first comma of
a NOTE (Outlook's 2.1 cards never escape commas), fails a card on a damaged photo, and stops
the file at the first bad card. Cards are read one by one so one bad card is only skipped.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vobject.base import VObjectError, getLogicalLines, parseLine

from ..errors import JournalError
from .model import Contact, ParsedFile, Skipped

IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}


@dataclass
class _Line:
    name: str
    params: dict[str, list[str]]
    value: str


def _lines(text: str) -> Iterator[tuple[str, int]]:
    """Logical lines (unfolded, quoted-printable soft breaks joined), each with its line number."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    yield from getLogicalLines(io.StringIO(normalised), allowQP=True)


def _cards(text: str) -> Iterator[tuple[int, list[tuple[str, int]] | None]]:
    """(card number, its logical lines) for each BEGIN:VCARD … END:VCARD; None if never closed."""
    number, depth = 0, 0
    current: list[tuple[str, int]] = []
    for line, n in _lines(text):
        head = line.strip().upper()
        if head == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                number += 1
                current = []
                continue
        elif head == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                yield number, current
                continue
        if depth:
            current.append((line, n))
    if depth:
        yield number, None


def _charset(params: dict[str, list[str]]) -> str:
    for name in params.get("CHARSET", []):
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return "utf-8"


def _quoted_printable(value: str, charset: str) -> str:
    raw = codecs.decode(value.encode("utf-8", "surrogateescape"), "quoted-printable")
    for encoding in dict.fromkeys((charset, "utf-8", "cp1252")):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _parse(line: str, n: int) -> _Line:
    name, raw_params, value, _group = parseLine(line, n)
    params: dict[str, list[str]] = {}
    singles: list[str] = []
    for param in raw_params:
        if len(param) == 1:
            singles.append(param[0].upper())
        else:
            params.setdefault(param[0].upper(), []).extend(p.upper() for p in param[1:])
    encodings = params.get("ENCODING", []) + singles
    if name.upper() not in IGNORED and "QUOTED-PRINTABLE" in encodings:
        value = _quoted_printable(value, _charset(params))
    return _Line(name.upper(), params, value)


def _split(value: str, separator: str) -> list[str]:
    """Split at separators not escaped by a backslash (escapes are kept for `_unescape`)."""
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _unescape(value: str, version: str) -> str:
    if version == "2.1":
        return value.replace("\\;", ";").strip()
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), value).strip()


def _contact(lines: list[tuple[str, int]], number: int) -> Contact | Skipped:
    ref = f"card {number}"
    try:
        parsed = [_parse(line, n) for line, n in lines]
    except VObjectError as exc:
        return Skipped(ref, f"line {exc.lineNumber} is not a vCard property")
    version = next((p.value.strip() for p in parsed if p.name == "VERSION"), "3.0")

    def texts(name: str) -> list[str]:
        found = (_unescape(p.value, version) for p in parsed if p.name == name)
        return [t for t in found if t]

    def parts(name: str, sep: str = ";") -> list[list[str]]:
        return [
            [_unescape(x, version) for x in _split(p.value, sep)] for p in parsed if p.name == name
        ]

    name = " ".join(" ".join(texts("FN")[:1]).split())
    if not name:
        for family, given, additional, _prefix, suffix, *_ in (n + [""] * 5 for n in parts("N")):
            name = " ".join(" ".join((given, additional, family, suffix)).split())
            break
    if not name:
        return Skipped(ref, "no name (neither FN nor N)")
    company = next((org[0] for org in parts("ORG") if org[0]), "")
    location = ""
    for adr in parts("ADR"):
        _box, _ext, _street, city, region, _code, country, *_ = adr + [""] * 7
        location = ", ".join(x for x in (city or region, country) if x)
        if location:
            break
    tags = [t for cats in parts("CATEGORIES", ",") for c in cats for t in _split(c, ";")]
    return Contact(
        name=name,
        company=company,
        role=(texts("TITLE") or texts("ROLE") or [""])[0],
        emails=tuple(e.removeprefix("mailto:") for e in texts("EMAIL")),
        phones=tuple(t.removeprefix("tel:") for t in texts("TEL")),
        location=location,
        tags=tuple(t.strip() for t in tags if t.strip()),
        note="\n\n".join(texts("NOTE")),
        source_ref=ref,
    )


def read_vcards(text: str) -> ParsedFile:
    """Every card of a vCard file; cards without a name or that cannot be read are skipped."""
    contacts: list[Contact] = []
    skipped: list[Skipped] = []
    for number, lines in _cards(text):
        if lines is None:
            skipped.append(Skipped(f"card {number}", "truncated (it has no END:VCARD)"))
            continue
        result = _contact(lines, number)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            contacts.append(result)
    if not contacts and not skipped:
        raise JournalError("not a vCard file: it has no BEGIN:VCARD … END:VCARD card")
    return ParsedFile("vCard", tuple(contacts), tuple(skipped))
