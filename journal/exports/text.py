"""Small text helpers the exporters share: content-line folding and safe file names."""

from __future__ import annotations

import re

MAX_OCTETS = 75
UNFOLDED = 1 << 30  # a line length for vobject that never folds: `fold` does it, by octets
MAX_STEM_OCTETS = 180  # file systems allow 255 bytes; room is left for " (2)" and ".md"
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def content(value: str) -> str:
    """A value fit for vCard and iCalendar: newlines as LF, no other control characters."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def fold(text: str) -> str:
    """Re-fold vCard/iCalendar content lines at 75 octets without splitting a UTF-8 character."""
    logical = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    out = []
    for line in logical:
        if len(line.encode("utf-8")) <= MAX_OCTETS:
            out.append(line)
            continue
        pieces: list[str] = []
        current: list[str] = []
        size = 0
        for char in line:
            width = len(char.encode("utf-8"))
            limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1
            if size + width > limit:
                pieces.append("".join(current))
                current, size = [], 0
            current.append(char)
            size += width
        pieces.append("".join(current))
        out.append("\r\n ".join(pieces))
    return "\r\n".join(out)


def file_stem(name: str, taken: set[str]) -> str:
    """A file name stem safe on Windows, macOS and Linux, unique (case-insensitively) in `taken`."""
    stem = _ILLEGAL.sub(" ", name)
    stem = re.sub(r"\s+", " ", stem).strip(" .")
    while len(stem) > 80 or len(stem.encode("utf-8")) > MAX_STEM_OCTETS:
        stem = stem[:-1]
    stem = stem.rstrip(". ") or "Unnamed"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    candidate, n = stem, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n})"
    taken.add(candidate.casefold())
    return candidate


def day(value: object) -> str:
    """A date as people read it: 3 Mar 2026 (the same in every locale)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"  # type: ignore[attr-defined]
