"""Markdown building blocks shared by the Markdown export and the meeting brief."""

from __future__ import annotations

import datetime as dt
import re

from .text import day

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LEADING = re.compile(r"^(\s*)([#+\->]|\d+[.)])(?=\s|$)")


def inline(text: str) -> str:
    """Plain text (a name, an offer) made safe to place inside a Markdown line."""
    flat = " ".join(text.split())
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIAL.sub(r"\\\1", flat))


def block(text: str, indent: int = 0) -> str:
    """A person's own Markdown (a note, an about), indented to sit inside a list item."""
    lines = text.strip().splitlines()
    pad = " " * indent
    return "\n".join((pad + line) if line.strip() else "" for line in lines)


def item(head: str, detail: str = "", sep: str = " — ") -> str:
    """A bullet: `head` (already Markdown), then `detail` (a person's Markdown) inside the item."""
    detail = detail.strip()
    if not detail:
        return f"- {head}"
    if "\n" not in detail:
        return f"- {head}{sep}{detail}"
    if "\n\n" not in detail:
        return f"- {head}  \n{block(detail, 2)}"
    return f"- {head}\n\n{block(detail, 2)}\n"


def when(moment: dt.datetime) -> str:
    """A note's time as people read it: 3 Mar 2026, 14:30."""
    return f"{day(moment)}, {moment:%H:%M}"


def document(sections: list[str]) -> str:
    """Sections joined by blank lines, with tidy spacing and one final newline."""
    text = "\n\n".join(s.strip("\n") for s in sections if s.strip())
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
