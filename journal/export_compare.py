"""Comparing journals by their exports (journal.interchange): the same journal whatever its ids
and whenever it was exported, or a merge, where a source's people were added to others."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .interchange import nocase

SAME = (
    "the copy's export equals the source's: every person with everything they own, every tag "
    "and every referral"
)
MERGED = (
    "every person of the source is in the copy with everything they own, the people who were "
    "there before are unchanged, and every referral and tag setting of the source is there"
)
_MISSING = object()


def first_difference(source: dict[str, Any], copy: dict[str, Any]) -> str | None:
    """Where `copy`'s export first differs from `source`'s (`people[3] (Ada).notes[0].body: …`),
    or None when both hold the same journal. `exported_at` is set aside, people's ids are read
    as their places in the list, and tags are compared in alphabetical order."""
    source_people, copy_people = source.get("people", []), copy.get("people", [])
    if len(source_people) != len(copy_people):
        return _count("people", len(source_people), len(copy_people))
    return (
        _difference(_sorted_tags(source), _sorted_tags(copy), "tags", _WORDS)
        or _people_difference(source_people, copy_people, 0, fold=False, words=_WORDS)
        or _referrals_difference(_referrals(source), _referrals(copy))
    )


def merge_difference(
    source: dict[str, Any], before: dict[str, Any], after: dict[str, Any]
) -> str | None:
    """Where a merge of `source` into a journal exported as `before` (now `after`) falls short,
    or None: everyone before is unchanged and first, then the source's people (their tags
    compared ignoring case: they take the spelling of a tag already there), every referral
    of both, and every tag setting the source gives."""
    held, added = before.get("people", []), source.get("people", [])
    now = after.get("people", [])
    if len(now) != len(held) + len(added):
        return _count("people", len(held) + len(added), len(now))
    return (
        _people_difference(held, now[: len(held)], 0, fold=False, words=_BEFORE_WORDS)
        or _people_difference(added, now[len(held) :], len(held), fold=True, words=_WORDS)
        or _referrals_difference(
            _referrals(before) + _referrals(source, shift=len(held)), _referrals(after)
        )
        or _tag_settings_difference(source, after)
    )


_WORDS = ("in the source", "in the copy")
_BEFORE_WORDS = ("before the merge", "after it")


def _count(what: str, expected: int, found: int) -> str:
    return f"{what}: {expected:,} expected in the copy, {found:,} found"


def _people_difference(
    expected: list[dict[str, Any]],
    found: list[dict[str, Any]],
    offset: int,
    *,
    fold: bool,
    words: tuple[str, str],
) -> str | None:
    for i, (one, other) in enumerate(zip(expected, found, strict=True)):
        where = f"people[{offset + i}] ({one.get('name', '?')})"
        difference = _difference(_person(one, fold), _person(other, fold), where, words)
        if difference is not None:
            return difference
    return None


def _person(person: dict[str, Any], fold: bool) -> dict[str, Any]:
    """The person without their id (ids differ between journals), tags in one order."""
    names = person.get("tags", [])
    return {**person, "id": None, "tags": sorted(nocase(n) if fold else n for n in names)}


def _sorted_tags(document: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(document.get("tags", []), key=lambda tag: (nocase(tag["name"]), tag["name"]))


def _referrals(document: dict[str, Any], shift: int = 0) -> list[tuple[Any, ...]]:
    """Each referral with its two people as their places in the people list, then when, the
    context and who wrote it (`_MISSING` when the document leaves that out)."""
    place = {str(p["id"]): shift + i for i, p in enumerate(document.get("people", []))}
    return [
        (
            place.get(str(r["referrer"])),
            place.get(str(r["referred"])),
            r.get("on"),
            r["context"],
            r.get("author", _MISSING),
        )
        for r in document.get("referrals", [])
    ]


def _referrals_difference(
    expected: list[tuple[Any, ...]], found: list[tuple[Any, ...]]
) -> str | None:
    missing = Counter(expected) - Counter(found)
    extra = Counter(found) - Counter(expected)
    if missing:
        return f"referrals: {_referral(next(iter(missing)))} is not in the copy"
    if extra:
        return f"referrals: {_referral(next(iter(extra)))} is in the copy only"
    return None


def _referral(referral: tuple[Any, ...]) -> str:
    by, to, on, _, author = referral
    return f"people[{by}] referred people[{to}] (on {on}, written by {_show(author)})"


def _tag_settings_difference(source: dict[str, Any], after: dict[str, Any]) -> str | None:
    now = {nocase(tag["name"]): tag for tag in after.get("tags", [])}
    for i, tag in enumerate(source.get("tags", [])):
        found = now.get(nocase(tag["name"]), {})
        for key in ("cadence_days", "persona", "messaging"):
            if tag.get(key) and found.get(key) != tag[key]:
                return (
                    f"tags[{i}] ({tag['name']}).{key}: {_show(tag[key])} in the source, "
                    f"{_show(found.get(key, _MISSING))} in the copy"
                )
    return None


def _difference(expected: Any, found: Any, where: str, words: tuple[str, str]) -> str | None:
    """The first place (a path) where two exported values differ, or None."""
    if expected == found:  # compared in C, the whole value at once: the usual case
        return None
    if isinstance(expected, dict) and isinstance(found, dict):
        keys = [*expected, *(k for k in found if k not in expected)]
        for key in keys:
            difference = _difference(
                expected.get(key, _MISSING), found.get(key, _MISSING), f"{where}.{key}", words
            )
            if difference is not None:
                return difference
        return None
    if isinstance(expected, list) and isinstance(found, list):
        if len(expected) != len(found):
            return f"{where}: {len(expected):,} {words[0]}, {len(found):,} {words[1]}"
        for i, (one, other) in enumerate(zip(expected, found, strict=True)):
            difference = _difference(one, other, f"{where}[{i}]", words)
            if difference is not None:
                return difference
        return None
    return f"{where}: {_show(expected)} {words[0]}, {_show(found)} {words[1]}"


def _show(value: Any) -> str:
    if value is _MISSING:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
