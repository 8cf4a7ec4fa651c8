"""Full-text search: keeping the index current and answering any typed query, with SQLite's FTS5
here and PostgreSQL's tsvector in `search_postgres` (the same rows, the same guarantees).

Each indexed record has a rowid of `record_id * 8 + kind code`, so a record's row is found by
primary key. Only live records are indexed: trashing removes rows, restoring adds them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import dialect, search_postgres, search_rows
from .models import Decision, Goal, Note, Objection, Pain, Person, PersonTag, Tag, database

KINDS = {"person": 1, "note": 2, "goal": 3, "pain": 4, "decision": 5, "objection": 6}
KIND_LABELS = {
    "person": "People",
    "note": "Notes",
    "goal": "Goals",
    "pain": "Pains",
    "decision": "Decisions",
    "objection": "Objections",
}
MARK_START, MARK_END = "\x02", "\x03"
MAX_TERMS = 16
# The last term is matched as a prefix from two letters on: one letter would match most of the
# journal (on 100 000 notes "c*" ranks some 117 000 rows) and tells nothing about what is sought.
MIN_PREFIX = 2
# Titles weigh 8, bodies 1. Ordering by FTS5's `rank` (not by a bm25() call) lets FTS5 sort
# the matches itself, so snippet() and highlight() run only for the rows returned.
RANK = "bm25(0, 0, 0, 8.0, 1.0)"
# Rowids grow with record ids, so "the newest matches" are those with the highest rowids.
RANK_AT_MOST = 5000
_TERM = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: int
    person_id: int
    person_name: str
    title: str
    snippet: str

    def marked(self, start: str, end: str) -> str:
        """The snippet with each match wrapped in `start` … `end`."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def _rowid(kind: str, record_id: int) -> int:
    return record_id * 8 + KINDS[kind]


def _clean(value: str) -> str:
    return _CONTROL.sub(" ", value or "")


def _put(kind: str, record_id: int, person_id: int, title: str, body: str) -> None:
    rowid = _rowid(kind, record_id)
    if dialect.is_postgres():
        search_postgres.put(rowid, kind, record_id, person_id, _clean(title), _clean(body))
        return
    database.execute_sql("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    database.execute_sql(
        "INSERT INTO search_index (rowid, kind, record_id, person_id, title, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, kind, record_id, person_id, _clean(title), _clean(body)),
    )


def _drop(kind: str, record_id: int) -> None:
    if dialect.is_postgres():
        search_postgres.drop(_rowid(kind, record_id))
        return
    database.execute_sql("DELETE FROM search_index WHERE rowid = ?", (_rowid(kind, record_id),))


def index_person(person_id: int) -> None:
    """(Re)index a person's own fields: name, company, role, tags, and the rest of the profile."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None or person.trashed_at is not None:
        _drop("person", person_id)
        return
    tags = [t.name for t in Tag.select(Tag.name).join(PersonTag).where(PersonTag.person == person)]
    title = " ".join(p for p in (person.name, person.company, person.role) if p)
    body = "\n".join(
        [" ".join(tags), person.location, person.how_we_met, person.about, *person.emails]
    )
    _put("person", person_id, person_id, title, body)


def index_note(note_id: int) -> None:
    note = Note.get_or_none(Note.id == note_id)
    if note is None or note.trashed_at is not None or _person_trashed(note.person_id):
        _drop("note", note_id)
        return
    _put("note", note_id, note.person_id, "", note.body)


def index_goal(goal_id: int) -> None:
    goal = Goal.get_or_none(Goal.id == goal_id)
    if goal is None or goal.trashed_at is not None or _person_trashed(goal.person_id):
        _drop("goal", goal_id)
        return
    _put("goal", goal_id, goal.person_id, goal.text, goal.why)


def index_pain(pain_id: int) -> None:
    pain = Pain.get_or_none(Pain.id == pain_id)
    if pain is None or pain.trashed_at is not None or _person_trashed(pain.person_id):
        _drop("pain", pain_id)
        return
    _put("pain", pain_id, pain.person_id, pain.text, pain.ramifications)


def index_decision(decision_id: int) -> None:
    """(Re)index a decision and its objections."""
    decision = Decision.get_or_none(Decision.id == decision_id)
    objections = Objection.select().where(Objection.decision == decision_id)
    live = (
        decision is not None
        and decision.trashed_at is None
        and not _person_trashed(decision.person_id)
    )
    for objection in objections:
        if live and objection.trashed_at is None:
            _put("objection", objection.id, decision.person_id, objection.text, decision.offer)
        else:
            _drop("objection", objection.id)
    if not live:
        _drop("decision", decision_id)
        return
    _put(
        "decision",
        decision_id,
        decision.person_id,
        decision.offer,
        "\n".join(
            (
                decision.reason,
                decision.lesson,
                decision.better_solution,
                decision.better_fit,
                decision.expected,
            )
        ),
    )


def index_everything_of(person_id: int) -> None:
    """Reindex a person and every record they own (after trashing or restoring them)."""
    index_person(person_id)
    for (note_id,) in Note.select(Note.id).where(Note.person == person_id).tuples():
        index_note(note_id)
    for (goal_id,) in Goal.select(Goal.id).where(Goal.person == person_id).tuples():
        index_goal(goal_id)
    for (pain_id,) in Pain.select(Pain.id).where(Pain.person == person_id).tuples():
        index_pain(pain_id)
    for (decision_id,) in Decision.select(Decision.id).where(Decision.person == person_id).tuples():
        index_decision(decision_id)


def _selects() -> tuple[str, ...]:
    return search_rows.selects(dialect.is_postgres())


# FTS5 keeps new terms in memory up to this many bytes before it writes them as a segment (1 MB
# unless told): filling the index in bulk with 16 MB writes fewer segments and merges less
# (100 000 notes: 1.42 -> 0.78 s of CPU). The setting is stored in the index, so it is put back.
_FTS5_HASHSIZE = 1024 * 1024
_BULK_HASHSIZE = 16 * 1024 * 1024
_SET_HASHSIZE = "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ?)"


def _filled_in_bulk(statements: list[tuple[str, Any]]) -> None:
    """Run statements that fill the index with many rows (on SQLite, with a larger buffer).

    Only inside a transaction: if one fails, rolling back also takes back the buffer's size.
    """
    on_file = not dialect.is_postgres()
    if on_file:
        database.execute_sql(_SET_HASHSIZE, (_BULK_HASHSIZE,))
    for sql, params in statements:
        database.execute_sql(sql, params)
    if on_file:
        database.execute_sql(_SET_HASHSIZE, (_FTS5_HASHSIZE,))


def index_people_from(first_id: int) -> None:
    """Index the people from `first_id` on (and everything they own), one statement per kind
    of record: after an import has just added them, none of them indexed yet."""
    _filled_in_bulk(
        [
            (f"{search_rows.INSERT}{select} AND p.id >= {database.param}", (first_id,))
            for select in _selects()
        ]
    )


def rebuild_index() -> None:
    """Empty the index and fill it again from every live record, one statement per kind."""
    with database.atomic():
        database.execute_sql("DELETE FROM search_index")
        _filled_in_bulk([(search_rows.INSERT + select, None) for select in _selects()])


def _person_trashed(person_id: int) -> bool:
    return Person.select().where(Person.id == person_id, Person.trashed_at.is_null(False)).exists()


def terms_of(text: str) -> list[str]:
    """The words of anything a person typed (at most MAX_TERMS): all a query is made of."""
    return _TERM.findall(text or "")[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """Turn anything a person typed into a safe FTS5 query: quoted terms, the last one a prefix
    (from MIN_PREFIX letters on)."""
    terms = terms_of(text)
    if not terms:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    if len(terms[-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    return " ".join(quoted)


def search(
    text: str,
    *,
    limit: int = 50,
    kinds: tuple[str, ...] | None = None,
    rank_at_most: int = RANK_AT_MOST,
) -> list[SearchHit]:
    """Best matches first, each with its kind, person and a snippet with the match marked.

    A term in very many records (a common word, a short prefix) would have BM25 score every
    one of them before the best are known: then only the newest `rank_at_most` matches are
    ranked, so the slowest query stays bounded (~5 000 rows scored, not 70 000).
    """
    query = fts_query(text)
    if query is None:
        return []
    if dialect.is_postgres():
        terms = terms_of(text)
        prefix = len(terms[-1]) >= MIN_PREFIX
        marks = (MARK_START, MARK_END)
        found = search_postgres.search(terms, prefix, limit, kinds, marks, rank_at_most)
        return _hits(found)
    kind_filter = ""
    kind_params: list[object] = []
    if kinds:
        kind_filter = f" AND s.kind IN ({', '.join('?' for _ in kinds)})"
        kind_params = list(kinds)
    newest = database.execute_sql(  # rowid order needs no ranking: FTS5 reads its index only
        f"SELECT s.rowid FROM search_index s WHERE search_index MATCH ?{kind_filter}"
        " ORDER BY s.rowid DESC LIMIT 1 OFFSET ?",
        [query, *kind_params, rank_at_most - 1],
    ).fetchone()
    if newest is not None:  # more matches than that: rank the newest only
        kind_filter += " AND s.rowid >= ?"
        kind_params.append(newest[0])
    params: list[object] = [MARK_START, MARK_END, MARK_START, MARK_END, query, *kind_params]
    params.append(limit)
    rows = database.execute_sql(
        "SELECT s.kind, s.record_id, s.person_id, p.name, s.title,"
        " snippet(search_index, 4, ?, ?, '…', 12), highlight(search_index, 3, ?, ?)"
        " FROM search_index s JOIN person p ON p.id = s.person_id"
        f" WHERE search_index MATCH ? AND rank MATCH {RANK!r}{kind_filter}"
        " ORDER BY rank LIMIT ?",
        params,
    ).fetchall()
    return _hits(rows)


def interrupt(connection: Any) -> None:
    """Stop the search running on `connection`, from another thread: it raises an error that
    `was_interrupted` recognises (SQLite's interrupt, a PostgreSQL cancel request)."""
    if hasattr(connection, "interrupt"):
        connection.interrupt()
    else:
        getattr(connection, "cancel_safe", connection.cancel)()


def was_interrupted(exc: BaseException) -> bool:
    text = str(exc)
    return "interrupted" in text or "canceling statement due to user request" in text


def _hits(rows: list[tuple[Any, ...]]) -> list[SearchHit]:
    hits = []
    for kind, record_id, person_id, name, title, body_snippet, title_marked in rows:
        snippet = body_snippet if MARK_START in body_snippet else title_marked
        hits.append(SearchHit(kind, int(record_id), int(person_id), name, title, snippet))
    return hits
