"""Which kind of contacts file this is, decided from its content; anything else is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import JournalError
from .csv_rows import Header, find_header

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_VCARD = re.compile(r"^\s*BEGIN:VCARD\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Detected:
    """The kind of file ("vcard", "json" or "csv"), its text, and for a CSV its header."""

    kind: str
    text: str
    header: Header | None = None


def decode(data: bytes) -> str:
    """The text of a file: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 (Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise JournalError("not a contacts file: it is not readable text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise JournalError("not a contacts file: it is not text in UTF-8 or Windows-1252") from None


def detect(data: bytes) -> Detected:
    """Decode the file and tell what it holds, or raise a one-line JournalError saying why not."""
    if not data.strip():
        raise JournalError("empty file: there are no contacts in it")
    text = decode(data).removeprefix("\ufeff")
    if "\x00" in text or len(_CONTROL.findall(text[:65536])) > 8:
        raise JournalError("not a contacts file: it holds binary data, not text")
    start = text.lstrip()
    if not start:
        raise JournalError("empty file: there are no contacts in it")
    if start[:11].upper() == "BEGIN:VCARD":
        return Detected("vcard", text)
    if start[0] in "{[":
        return Detected("json", text)
    header = find_header(text)
    if header is None:
        if _VCARD.search(text):
            return Detected("vcard", text)
        raise JournalError(
            "not a contacts file: no vCard, no Rapport export, and no column of names "
            "in its first lines"
        )
    return Detected("csv", text, header)
