"""Checking an interchange document (version 1, 2 or 3) whole, before anything is written.

Every problem is a JournalError naming where it is: `people[3].decisions[0].outcome: …`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import authorship
from . import validate as v
from .errors import JournalError
from .models import FITS, GOAL_STATUSES, NOTE_KINDS, OUTCOMES, PAIN_STATUSES
from .records import AFTER_A_NO
from .themes import check_theme, suggest_theme

FORMAT = "rapport-journal"
VERSION = 3

Row = dict[str, Any]


@dataclass
class PersonIn:
    """One person of the document, every value checked and cleaned, ready for the models."""

    key: str | None
    fields: Row
    tags: list[str]
    goals: list[Row] = field(default_factory=list)
    pains: list[Row] = field(default_factory=list)
    decisions: list[tuple[Row, list[Row]]] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)


@dataclass
class ReferralIn:
    """A referral between two people of the document, by their position in `people`."""

    referrer: int
    referred: int
    on: dt.date | None
    context: str
    signed: Row = field(default_factory=dict)  # {"author": …} when the file names one


@dataclass
class Document:
    people: list[PersonIn]
    referrals: list[ReferralIn]
    tags: list[Row] = field(default_factory=list)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _object(value: object, path: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise JournalError(f"{path}: expected an object, got {_kind(value)}")
    return value


def _list(value: object, path: str) -> list[Any]:
    """A JSON list; a missing or null list is empty."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise JournalError(f"{path}: expected a list, got {_kind(value)}")
    return list(value)


def _storable(value: str, path: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise JournalError(
            f"{path}: holds a character that is not valid text ({exc.reason})"
        ) from None
    return value


def _text(value: object, path: str, *, required: bool = False) -> str:
    return _storable(v.text(value, path, required=required), path)


def _texts(value: object, path: str) -> list[str]:
    cleaned = v.text_list(_list(value, path), path)
    return [_storable(item, path) for item in cleaned]


def _choice(value: object, allowed: tuple[str, ...], default: str, path: str) -> str:
    return default if value is None else v.choice(value, allowed, path)


def _flag(value: object, path: str) -> bool:
    return False if value is None else v.flag(value, path)


def _datetime(value: object, default: dt.datetime, path: str) -> dt.datetime:
    if value is None:
        return default
    try:
        return v.datetime(value, path)
    except (OverflowError, ValueError, OSError):
        # A time zone that pushes the value outside what a datetime can hold.
        raise JournalError(f"{path}: {value!r} is out of range") from None


def _signed(raw: dict[Any, Any], at: str, *names: str) -> Row:
    """Who wrote a record (or owns or last edited a person), as the file says: a key the file
    leaves out is left out here, so the importer is stamped as on any write; one it gives is
    kept as written, '' (or null) for nobody."""
    return {
        name: _storable(authorship.clean(raw[name], at + name), at + name)
        for name in names
        if name in raw
    }


def _key(value: object, path: str) -> str | None:
    """A person id as the file gives it: text or a whole number (1 and "1" are the same)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise JournalError(f"{path}: expected text or a whole number, got {_kind(value)}")
    return _storable(str(value), path)


class _Checker:
    """Walks the document once; `now` and `today` fill the dates a record leaves out."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.today = now.date()

    def document(self, data: object) -> Document:
        root = _object(data, "document")
        self._header(root)
        if "people" not in root:
            raise JournalError("people: missing (a journal export lists its people)")
        if not isinstance(root["people"], list | tuple):
            raise JournalError(f"people: expected a list, got {_kind(root['people'])}")
        people = [self.person(p, f"people[{i}]") for i, p in enumerate(root["people"])]
        keys: dict[str, int] = {}
        for i, person in enumerate(people):
            if person.key is None:
                continue
            if person.key in keys:
                first = keys[person.key]
                raise JournalError(
                    f"people[{i}].id: {person.key!r} is already the id of people[{first}]"
                )
            keys[person.key] = i
        raw = _list(root.get("referrals"), "referrals")
        seen: dict[tuple[int, int], int] = {}
        referrals = []
        for i, item in enumerate(raw):
            referral = self.referral(item, f"referrals[{i}]", keys, people)
            pair = (referral.referrer, referral.referred)
            if pair in seen:
                raise JournalError(
                    f"referrals[{i}]: {people[pair[0]].fields['name']} referring "
                    f"{people[pair[1]].fields['name']} is already listed at referrals[{seen[pair]}]"
                )
            seen[pair] = i
            referrals.append(referral)
        return Document(people, referrals, self.tags(root.get("tags")))

    def tags(self, data: object) -> list[Row]:
        """The optional top-level list of tags with a cadence of their own, or personas."""
        found: list[Row] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(_list(data, "tags")):
            raw = _object(item, f"tags[{i}]")
            name = _text(raw.get("name"), f"tags[{i}].name", required=True)
            if name.casefold() in seen:
                raise JournalError(
                    f"tags[{i}].name: {name!r} is already listed at tags[{seen[name.casefold()]}]"
                )
            seen[name.casefold()] = i
            cadence = v.cadence(raw.get("cadence_days"), f"tags[{i}].cadence_days")
            found.append(
                {
                    "name": name,
                    "cadence_days": cadence,
                    "persona": _flag(raw.get("persona"), f"tags[{i}].persona"),
                    "messaging": _text(raw.get("messaging"), f"tags[{i}].messaging"),
                }
            )
        return found

    def _header(self, root: dict[Any, Any]) -> None:
        fmt = root.get("format")
        if fmt != FORMAT:
            shown = "missing" if fmt is None else f"{fmt!r} is not {FORMAT!r}"
            raise JournalError(f"format: {shown}; this is not a Rapport journal export")
        version = root.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise JournalError(f"version: expected a whole number, got {_kind(version)}")
        if version > VERSION:
            raise JournalError(
                f"version: {version} is newer than this Rapport reads (up to {VERSION}); "
                "update Rapport to import this file"
            )
        if version < 1:
            raise JournalError(f"version: {version} is not a version of the format")

    def person(self, data: object, path: str) -> PersonIn:
        raw = _object(data, path)
        at = f"{path}."
        fields: Row = {"name": _text(raw.get("name"), at + "name", required=True)}
        for name in ("company", "role", "location", "how_we_met", "about"):
            fields[name] = _text(raw.get(name), at + name)
        fields["emails"] = _texts(raw.get("emails"), at + "emails")
        fields["phones"] = _texts(raw.get("phones"), at + "phones")
        fields["met_on"] = v.date(raw.get("met_on"), at + "met_on")
        fields["fit"] = _choice(raw.get("fit"), FITS, "unknown", at + "fit")
        fields["focus"] = _flag(raw.get("focus"), at + "focus")
        fields["cadence_days"] = v.cadence(raw.get("cadence_days"), at + "cadence_days")
        fields.update(_signed(raw, at, "owner", "updated_by"))
        person = PersonIn(
            key=_key(raw.get("id"), at + "id"),
            fields=fields,
            tags=_texts(raw.get("tags"), at + "tags"),
        )
        for kind, check in (
            ("goals", self.goal),
            ("pains", self.pain),
            ("decisions", self.decision),
            ("notes", self.note),
            ("follow_ups", self.follow_up),
        ):
            items = _list(raw.get(kind), at + kind)
            getattr(person, kind).extend(
                check(_object(item, f"{at}{kind}[{i}]"), f"{at}{kind}[{i}].")
                for i, item in enumerate(items)
            )
        return person

    def goal(self, raw: dict[Any, Any], at: str) -> Row:
        return {
            "text": _text(raw.get("text"), at + "text", required=True),
            "why": _text(raw.get("why"), at + "why"),
            "status": _choice(raw.get("status"), GOAL_STATUSES, "open", at + "status"),
            "created_at": _datetime(raw.get("created_at"), self.now, at + "created_at"),
            **_signed(raw, at, "author"),
        }

    def pain(self, raw: dict[Any, Any], at: str) -> Row:
        return {
            "text": _text(raw.get("text"), at + "text", required=True),
            "ramifications": _text(raw.get("ramifications"), at + "ramifications"),
            "status": _choice(raw.get("status"), PAIN_STATUSES, "open", at + "status"),
            "created_at": _datetime(raw.get("created_at"), self.now, at + "created_at"),
            **_signed(raw, at, "author"),
        }

    def decision(self, raw: dict[Any, Any], at: str) -> tuple[Row, list[Row]]:
        decided_on = v.date(raw.get("decided_on"), at + "decided_on")
        values = {
            "offer": _text(raw.get("offer"), at + "offer", required=True),
            "outcome": _choice(raw.get("outcome"), OUTCOMES, "undecided", at + "outcome"),
            "decided_on": decided_on or self.today,
            "reason": _text(raw.get("reason"), at + "reason"),
            "lesson": _text(raw.get("lesson"), at + "lesson"),
            "revisit_on": v.date(raw.get("revisit_on"), at + "revisit_on"),
        }
        for name, _ in AFTER_A_NO:
            values[name] = _text(raw.get(name), at + name)
        values.update(_signed(raw, at, "author"))
        objections = []
        for i, item in enumerate(_list(raw.get("objections"), at + "objections")):
            where = f"{at}objections[{i}]"
            obj = _object(item, where)
            text = _text(obj.get("text"), where + ".text", required=True)
            theme = obj.get("theme")
            objections.append(
                {
                    "text": text,
                    "addressed": _flag(obj.get("addressed"), where + ".addressed"),
                    "theme": suggest_theme(text)
                    if theme is None
                    else check_theme(theme, where + ".theme"),
                    **_signed(obj, where + ".", "author"),
                }
            )
        return values, objections

    def note(self, raw: dict[Any, Any], at: str) -> Row:
        return {
            "occurred_at": _datetime(raw.get("occurred_at"), self.now, at + "occurred_at"),
            "kind": _choice(raw.get("kind"), NOTE_KINDS, "meeting", at + "kind"),
            "body": _text(raw.get("body"), at + "body", required=True),
            **_signed(raw, at, "author"),
        }

    def follow_up(self, raw: dict[Any, Any], at: str) -> Row:
        return {
            "due_on": v.date(raw.get("due_on"), at + "due_on") or self.today,
            "what": _text(raw.get("what"), at + "what", required=True),
            "done": _flag(raw.get("done"), at + "done"),
            **_signed(raw, at, "author"),
        }

    def referral(
        self, data: object, path: str, keys: dict[str, int], people: list[PersonIn]
    ) -> ReferralIn:
        raw = _object(data, path)
        ends = []
        for end in ("referrer", "referred"):
            key = _key(raw.get(end), f"{path}.{end}")
            if key is None:
                raise JournalError(f"{path}.{end}: a person id is required")
            if key not in keys:
                raise JournalError(f"{path}.{end}: no person with id {key!r} in this file")
            ends.append(keys[key])
        referrer, referred = ends
        if referrer == referred:
            name = people[referrer].fields["name"]
            raise JournalError(f"{path}: {name} cannot refer themselves")
        return ReferralIn(
            referrer,
            referred,
            v.date(raw.get("on"), f"{path}.on"),
            _text(raw.get("context"), f"{path}.context"),
            _signed(raw, f"{path}.", "author"),
        )


def check_document(data: object, *, now: dt.datetime) -> Document:
    """The whole document, checked and cleaned; raises JournalError at the first problem."""
    return _Checker(now).document(data)
