"""Markdown building blocks shared by the Markdown export and the meeting brief."""

from __future__ import annotations

import datetime as dt
import re

from .text import day

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LEADING = re.compile(r"^(\s*)([#+\->]|\d+[.)])(?=\s|$)")
_HEADING = re.compile(r"^(\s{0,3})#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def inline(text: str) -> str:
    """Plain text (a name, an offer) made safe to place inside a Markdown line."""
    flat = " ".join(text.split())
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIAL.sub(r"\\\1", flat))


def _demote_headings(lines: list[str]) -> list[str]:
    """Headings a person typed become bold lines, so they cannot outrank the page's own."""
    out, fence = [], ""
    for line in lines:
        if match := _FENCE.match(line):
            marker = match.group(1)[0]
            fence = "" if fence == marker else fence or marker
        elif not fence and (heading := _HEADING.match(line)) and heading.group(2):
            line = f"{heading.group(1)}**{heading.group(2)}**"
        out.append(line)
    return out


def block(text: str, indent: int = 0) -> str:
    """A person's own Markdown (a note, an about), indented to sit inside a list item."""
    lines = _demote_headings(text.strip().splitlines())
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


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_LEFTOVER = re.compile(r"\*\*+|__+|`+|~~")
_LINE_START = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?)", re.M)
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#+\-.!])")
_HIDDEN = 0xE000  # escaped characters wait in the private use area while the marks go
_UNHIDE = re.compile("[\ue000-\ue07f]")


# Every pattern above needs one of these; text without any is plain already (most notes).
_ANY_MARK = re.compile(r"[\\\[*_`~\ue000-\ue07f]|^\s{0,3}[#>+-]", re.M)


def plain(text: str) -> str:
    """A person's Markdown read as plain text (a search snippet, a one-line summary): emphasis,
    code marks, headings, quotes, list marks and link targets dropped, even in a cut fragment."""
    if not _ANY_MARK.search(text):
        return text
    text = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _LINE_START.sub("", text)
    text = _LEFTOVER.sub("", text)
    return _UNHIDE.sub(lambda m: chr(ord(m.group(0)) - _HIDDEN), text)
