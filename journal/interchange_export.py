"""Export of the whole journal as an interchange document, and its JSON text in small pieces.

One raw query per kind of record (no model objects), times made ISO text by the database, and
the text encoded by orjson one person at a time: no step holds the interpreter long enough to
stall the window's thread, and each person's records are freed once written.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from . import dialect
from .interchange_schema import FORMAT, VERSION
from .models import (
    Decision,
    FollowUp,
    Goal,
    Note,
    Objection,
    Pain,
    Person,
    PersonTag,
    Referral,
    Tag,
)
from .models import database as db

_INDENT = orjson.OPT_INDENT_2


def _rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as the driver gives them: no model, no field conversion."""
    return db.execute(query).fetchall()


def _date(field: Any) -> Any:
    return dialect.iso_date(field)


def _time(field: Any) -> Any:
    return dialect.iso_datetime(field)


def _grouped(rows: list[tuple[Any, ...]], make: Any) -> dict[int, list[Any]]:
    """`make(row)` of each row, listed under the row's first column (a person or decision id),
    in the query's order."""
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(make(row))
    return grouped


def export_journal() -> dict[str, Any]:
    """The whole journal (live records only: nothing from the trash) as a version-3 document
    (described in `journal.interchange`). A fixed number of queries, however large the journal.
    """
    live = Person.trashed_at.is_null()
    person_rows = _rows(
        Person.select(
            Person.id,
            Person.name,
            Person.company,
            Person.role,
            Person.emails,
            Person.phones,
            Person.location,
            Person.how_we_met,
            _date(Person.met_on),
            Person.about,
            Person.fit,
            Person.focus,
            Person.cadence_days,
            Person.owner,
            Person.updated_by,
        )
        .where(live)
        .order_by(Person.id)
    )
    tags = _grouped(
        _rows(
            PersonTag.select(PersonTag.person, Tag.name)
            .join(Tag)
            .switch(PersonTag)
            .join(Person)
            .where(live)
            .order_by(PersonTag.person, dialect.nocase_order(Tag.name))
        ),
        lambda r: r[1],
    )
    goals = _grouped(
        _rows(
            Goal.select(
                Goal.person,
                Goal.text,
                Goal.why,
                Goal.status,
                _time(Goal.created_at),
                Goal.author,
            )
            .join(Person)
            .where(live, Goal.trashed_at.is_null())
            .order_by(Goal.created_at, Goal.id)
        ),
        lambda r: {
            "text": r[1],
            "why": r[2],
            "status": r[3],
            "created_at": r[4],
            "author": r[5],
        },
    )
    pains = _grouped(
        _rows(
            Pain.select(
                Pain.person,
                Pain.text,
                Pain.ramifications,
                Pain.status,
                _time(Pain.created_at),
                Pain.author,
            )
            .join(Person)
            .where(live, Pain.trashed_at.is_null())
            .order_by(Pain.created_at, Pain.id)
        ),
        lambda r: {
            "text": r[1],
            "ramifications": r[2],
            "status": r[3],
            "created_at": r[4],
            "author": r[5],
        },
    )
    live_decision = live & Decision.trashed_at.is_null()
    objections = _grouped(
        _rows(
            Objection.select(
                Objection.decision,
                Objection.text,
                Objection.addressed,
                Objection.theme,
                Objection.author,
            )
            .join(Decision)
            .join(Person)
            .where(live_decision, Objection.trashed_at.is_null())
            .order_by(Objection.id)
        ),
        lambda r: {"text": r[1], "addressed": bool(r[2]), "theme": r[3], "author": r[4]},
    )
    decisions = _grouped(
        _rows(
            Decision.select(
                Decision.person,
                Decision.id,
                Decision.offer,
                Decision.outcome,
                _date(Decision.decided_on),
                Decision.reason,
                Decision.lesson,
                _date(Decision.revisit_on),
                Decision.better_solution,
                Decision.better_fit,
                Decision.expected,
                Decision.author,
            )
            .join(Person)
            .where(live_decision)
            .order_by(Decision.decided_on, Decision.id)
        ),
        lambda r: {
            "offer": r[2],
            "outcome": r[3],
            "decided_on": r[4],
            "reason": r[5],
            "lesson": r[6],
            "revisit_on": r[7],
            "better_solution": r[8],
            "better_fit": r[9],
            "expected": r[10],
            "author": r[11],
            "objections": objections.get(r[1], []),
        },
    )
    notes = _grouped(
        _rows(
            Note.select(Note.person, _time(Note.occurred_at), Note.kind, Note.body, Note.author)
            .join(Person)
            .where(live, Note.trashed_at.is_null())
            .order_by(Note.occurred_at, Note.id)
        ),
        lambda r: {"occurred_at": r[1], "kind": r[2], "body": r[3], "author": r[4]},
    )
    follow_ups = _grouped(
        _rows(
            FollowUp.select(
                FollowUp.person,
                _date(FollowUp.due_on),
                FollowUp.what,
                FollowUp.done,
                FollowUp.author,
            )
            .join(Person)
            .where(live, FollowUp.trashed_at.is_null())
            .order_by(FollowUp.due_on, FollowUp.id)
        ),
        lambda r: {"due_on": r[1], "what": r[2], "done": bool(r[3]), "author": r[4]},
    )
    referrer, referred = Person.alias(), Person.alias()
    links = _rows(
        Referral.select(
            Referral.referrer,
            Referral.referred,
            _date(Referral.on),
            Referral.context,
            Referral.author,
        )
        .join(referrer, on=(Referral.referrer == referrer.id))
        .switch(Referral)
        .join(referred, on=(Referral.referred == referred.id))
        .where(
            Referral.trashed_at.is_null(),
            referrer.trashed_at.is_null(),
            referred.trashed_at.is_null(),
        )
        .order_by(Referral.referrer, Referral.referred)
    )
    tag_rows = _rows(
        Tag.select(Tag.name, Tag.cadence_days, Tag.persona, Tag.messaging)
        .where(Tag.cadence_days.is_null(False) | (Tag.persona == True) | (Tag.messaging != ""))  # noqa: E712
        .order_by(dialect.nocase_order(Tag.name))
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "tags": [
            {"name": name, "cadence_days": days, "persona": bool(persona), "messaging": note}
            for name, days, persona, note in tag_rows
        ],
        "people": [
            {
                "id": str(pid),
                "name": name,
                "company": company,
                "role": role,
                "emails": orjson.loads(emails) if emails else [],
                "phones": orjson.loads(phones) if phones else [],
                "location": location,
                "how_we_met": how_we_met,
                "met_on": met_on,
                "about": about,
                "fit": fit,
                "focus": bool(focus),
                "cadence_days": cadence_days,
                "owner": owner,
                "updated_by": updated_by,
                "tags": tags.get(pid, []),
                "goals": goals.get(pid, []),
                "pains": pains.get(pid, []),
                "decisions": decisions.get(pid, []),
                "notes": notes.get(pid, []),
                "follow_ups": follow_ups.get(pid, []),
            }
            for (
                pid,
                name,
                company,
                role,
                emails,
                phones,
                location,
                how_we_met,
                met_on,
                about,
                fit,
                focus,
                cadence_days,
                owner,
                updated_by,
            ) in person_rows
        ],
        "referrals": [
            {
                "referrer": str(by),
                "referred": str(to),
                "on": on,
                "context": context,
                "author": author,
            }
            for by, to, on, context, author in links
        ],
    }


def export_pieces() -> Iterator[bytes]:
    """The export's JSON text (`json_pieces`), read and written with the cycle collector paused.

    The export makes some hundred thousand lists and rows that live until written; the
    collector's full passes over them held the interpreter ~0.2 s at a time (measured: the
    window's longest stalls while exporting). They hold no cycles, and once written they are
    freed by their counts, so the collector has nothing to find.
    """
    with _collector_paused():
        yield from json_pieces(export_journal())


@contextmanager
def _collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def json_pieces(document: dict[str, Any]) -> Iterator[bytes]:
    """The document as UTF-8 JSON indented by two spaces (as `json.dumps(…, indent=2,
    ensure_ascii=False)` writes it), a top-level value or one list item at a time.

    The document is emptied as it is written: each item is let go once encoded, so a large
    journal's records are freed a little at a time, not all at once at the end.
    """
    yield b"{"
    for n, key in enumerate(list(document)):  # a document is never empty
        value = document.pop(key)
        yield (b"\n  " if n == 0 else b",\n  ") + orjson.dumps(key) + b": "
        if isinstance(value, list) and value:
            yield b"["
            for i in range(len(value)):
                item, value[i] = value[i], None
                yield (b"\n    " if i == 0 else b",\n    ") + _indented(item, b"\n    ")
                del item
            yield b"\n  ]"
        else:
            yield _indented(value, b"\n  ")
    yield b"\n}\n"


def _indented(value: Any, margin: bytes) -> bytes:
    # JSON text holds no raw newline inside a string, so every newline starts a line to indent.
    return orjson.dumps(value, option=_INDENT).replace(b"\n", margin)
