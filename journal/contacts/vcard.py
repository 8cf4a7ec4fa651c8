"""vCard 2.1, 3.0 and 4.0 files: vobject unfolds and parses each line; this module reads cards."""

from __future__ import annotations

import codecs
import io
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vobject.base import VObjectError, getLogicalLines, parseLine

from ..errors import JournalError
from .model import Contact, ParsedFile, Skipped

IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}
SYSTEM_LABELS = {"", "mycontacts", "starred"}  # Google's own labels
MAX_CARD = 512 * 1024
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}
_PROPERTY = re.compile(r"^[A-Za-z0-9_.-]+[;:]")
_BINARY = re.compile(r"^([A-Za-z0-9_-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]", re.IGNORECASE)
# What vobject's line pattern accepts, with atomic groups: its own pattern backtracks
# exponentially on a line it cannot match (24 parameters and no colon take seconds).
_PARAM_VALUE = r'(?>"[^"]*"|[^";:,]*)'
_SAFE_LINE = re.compile(
    rf"(?>[A-Za-z0-9_-]+\.)?(?>[A-Za-z0-9_-]+)(?>;[A-Za-z0-9_-]+(?>={_PARAM_VALUE}(?>,{_PARAM_VALUE})*)?)*:"
)


@dataclass
class _Line:
    name: str
    params: dict[str, list[str]]
    value: str


@dataclass
class _Card:
    number: int
    lines: list[tuple[int, str]]  # (line number in the file, physical line)
    closed: bool = False


# vobject's own card reader (readComponents) is not used: it keeps only the text before the
# first comma of a NOTE (Outlook's 2.1 cards never escape commas), fails a card on a damaged
# photo, stops the file at the first bad card, and unfolds a long photo in quadratic time.
# So cards are split here, photos dropped unread, and each card's lines parsed by vobject.
def _cards(text: str) -> Iterator[_Card]:
    """Each BEGIN:VCARD … END:VCARD, as physical lines; photos and other binaries left out."""
    card: _Card | None = None
    depth, number, in_binary = 0, 0, False
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        head = line.strip().upper()
        if head == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                number += 1
                card, in_binary = _Card(number, []), False
                continue
        if card is None:
            continue
        if head == "END:VCARD":
            depth -= 1
            if depth == 0:
                card.closed = True
                yield card
                card = None
                continue
        if in_binary and (line[:1] in (" ", "\t") or not _PROPERTY.match(line)):
            continue
        in_binary = bool(_BINARY.match(line))
        if depth == 1 and not in_binary:
            card.lines.append((n, line))
    if card is not None:
        yield card


def _logical_lines(card: _Card) -> Iterator[tuple[str, int]]:
    """Unfolded lines (quoted-printable soft breaks joined), each with its line in the file."""
    text = "\n".join(line for _, line in card.lines)
    for line, n in getLogicalLines(io.StringIO(text), allowQP=True):
        yield line, card.lines[max(n, 1) - 1][0]


def _charset(params: dict[str, list[str]]) -> str:
    for name in params.get("CHARSET", []):
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return "utf-8"


def _quoted_printable(value: str, charset: str) -> str:
    raw = quopri.decodestring(value.encode("utf-8", "surrogateescape"))
    for encoding in dict.fromkeys((charset, "utf-8", "cp1252")):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _parse(line: str, n: int) -> _Line:
    if not _SAFE_LINE.match(line):
        raise VObjectError("not a vCard property", n)
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


def _contact(card: _Card) -> Contact | Skipped:
    ref = f"card {card.number}"
    if sum(len(line) for _, line in card.lines) > MAX_CARD:
        return Skipped(ref, "too large for one person's card")
    try:
        parsed = [_parse(line, n) for line, n in _logical_lines(card)]
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
        tags=tuple(t.strip() for t in tags if t.strip().casefold() not in SYSTEM_LABELS),
        note="\n\n".join(texts("NOTE")),
        source_ref=ref,
    )


def read_vcards(text: str) -> ParsedFile:
    """Every card of a vCard file; cards without a name or that cannot be read are skipped."""
    contacts: list[Contact] = []
    skipped: list[Skipped] = []
    for card in _cards(text):
        if not card.closed:
            skipped.append(Skipped(f"card {card.number}", "truncated (it has no END:VCARD)"))
            continue
        result = _contact(card)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            contacts.append(result)
    if not contacts and not skipped:
        raise JournalError("not a vCard file: it has no BEGIN:VCARD … END:VCARD card")
    return ParsedFile("vCard", tuple(contacts), tuple(skipped))
