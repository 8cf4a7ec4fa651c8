"""Full-text search on a server journal (PostgreSQL): the same index rows as FTS5's, a tsvector
the same write keeps current (a generated column under a GIN index), ranked with ts_rank.

The text search configuration `rapport` (migration 2) is 'simple' with accents removed: no
stemming and no stop words, like FTS5's unicode61 tokenizer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from .models import database

# ts_rank's weights for D, C, B, A: bodies 1, titles 8 (FTS5's bm25 weights on SQLite).
WEIGHTS = "{0.125, 0.25, 0.5, 1.0}"
INSERT = (
    "INSERT INTO search_index (rowid, kind, record_id, person_id, title, body) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (rowid) DO UPDATE SET kind = excluded.kind, "
    "record_id = excluded.record_id, person_id = excluded.person_id, "
    "title = excluded.title, body = excluded.body"
)

_PERSON_BODY = """coalesce((SELECT string_agg(t.name, ' ') FROM person_tag pt
                  JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id), '')
        || chr(10) || p.location || chr(10) || p.how_we_met || chr(10) || p.about
        || chr(10) || coalesce((SELECT string_agg(e, chr(10))
                                FROM jsonb_array_elements_text(p.emails::jsonb) e), '')"""
REBUILD = {
    "person": f"""SELECT p.id * 8 + 1, 'person', p.id, p.id,
        trim(p.name || ' ' || p.company || ' ' || p.role), {_PERSON_BODY}
        FROM person p WHERE p.trashed_at IS NULL""",
    "note": """SELECT n.id * 8 + 2, 'note', n.id, n.person_id, '', n.body
        FROM note n JOIN person p ON p.id = n.person_id
        WHERE n.trashed_at IS NULL AND p.trashed_at IS NULL""",
    "goal": """SELECT g.id * 8 + 3, 'goal', g.id, g.person_id, g.text, g.why
        FROM goal g JOIN person p ON p.id = g.person_id
        WHERE g.trashed_at IS NULL AND p.trashed_at IS NULL""",
    "pain": """SELECT x.id * 8 + 4, 'pain', x.id, x.person_id, x.text, x.ramifications
        FROM pain x JOIN person p ON p.id = x.person_id
        WHERE x.trashed_at IS NULL AND p.trashed_at IS NULL""",
    "decision": """SELECT d.id * 8 + 5, 'decision', d.id, d.person_id, d.offer,
        d.reason || chr(10) || d.lesson || chr(10) || d.better_solution || chr(10)
        || d.better_fit || chr(10) || d.expected
        FROM decision d JOIN person p ON p.id = d.person_id
        WHERE d.trashed_at IS NULL AND p.trashed_at IS NULL""",
    "objection": """SELECT o.id * 8 + 6, 'objection', o.id, d.person_id, o.text, d.offer
        FROM objection o JOIN decision d ON d.id = o.decision_id
        JOIN person p ON p.id = d.person_id
        WHERE o.trashed_at IS NULL AND d.trashed_at IS NULL AND p.trashed_at IS NULL""",
}
COLUMNS = "INSERT INTO search_index (rowid, kind, record_id, person_id, title, body) "


def put(rowid: int, kind: str, record_id: int, person_id: int, title: str, body: str) -> None:
    database.execute_sql(INSERT, (rowid, kind, record_id, person_id, title, body))


def put_many(rows: Sequence[tuple[int, str, int, int, str, str]]) -> None:
    database.cursor().executemany(INSERT, rows)


def drop(rowid: int) -> None:
    database.execute_sql("DELETE FROM search_index WHERE rowid = %s", (rowid,))


def index_people(person_ids: list[int]) -> None:
    """Index these people (not indexed yet) and everything they own, one statement per kind."""
    for select in REBUILD.values():
        database.execute_sql(f"{COLUMNS}{select} AND p.id = ANY(%s)", (person_ids,))


def index_people_from(first_id: int) -> None:
    for select in REBUILD.values():
        database.execute_sql(f"{COLUMNS}{select} AND p.id >= %s", (first_id,))


def rebuild() -> None:
    database.execute_sql("DELETE FROM search_index")
    for select in REBUILD.values():
        database.execute_sql(COLUMNS + select)


def tsquery(terms: list[str], prefix_last: bool) -> str:
    """A to_tsquery text from word terms (each only letters, digits and underscores), every
    term required, the last one a prefix when asked."""
    quoted = [f"'{t}'" for t in terms]
    if prefix_last:
        quoted[-1] += ":*"
    return " & ".join(quoted)


def search(
    terms: list[str],
    prefix_last: bool,
    limit: int,
    kinds: tuple[str, ...] | None,
    marks: tuple[str, str],
    rank_at_most: int,
) -> list[tuple[Any, ...]]:
    """Rows of (kind, record id, person id, name, title, body snippet, title marked); only the
    newest `rank_at_most` matches are ranked (a very common term stays quick, as on SQLite)."""
    kind_filter = "AND s.kind = ANY(%(kinds)s)" if kinds else ""
    sql = f"""
        WITH q AS (SELECT to_tsquery('rapport', %(query)s) AS query),
        found AS (
            SELECT s.rowid FROM search_index s, q
            WHERE s.document @@ q.query {kind_filter}
            ORDER BY s.rowid DESC LIMIT %(ranked)s)
        SELECT s.kind, s.record_id, s.person_id, p.name, s.title, s.body
        FROM search_index s JOIN found f ON f.rowid = s.rowid
        JOIN person p ON p.id = s.person_id, q
        ORDER BY ts_rank('{WEIGHTS}', s.document, q.query) DESC, s.rowid DESC
        LIMIT %(limit)s"""
    params = {
        "query": tsquery(terms, prefix_last),
        "kinds": list(kinds or ()),
        "limit": limit,
        "ranked": rank_at_most,
    }
    matches = _matcher(terms, prefix_last)
    return [
        (
            kind,
            record_id,
            person_id,
            name,
            title,
            snippet(body, matches, marks),
            marked(title, matches, marks),
        )
        for kind, record_id, person_id, name, title, body in database.execute_sql(sql, params)
    ]


_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 12  # as FTS5's snippet() is asked for on a file journal


def fold(word: str) -> str:
    """A word as the index keeps it: case and accents set aside."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matcher(terms: list[str], prefix_last: bool) -> Callable[[str], bool]:
    whole = {fold(t) for t in (terms[:-1] if prefix_last else terms)}
    prefix = fold(terms[-1]) if prefix_last else None

    def matches(word: str) -> bool:
        folded = fold(word)
        return folded in whole or (prefix is not None and folded.startswith(prefix))

    return matches


def marked(text: str, matches: Callable[[str], bool], marks: tuple[str, str]) -> str:
    """`text` whole, each matching word between the marks."""
    start, end = marks
    return _WORD.sub(lambda m: f"{start}{m[0]}{end}" if matches(m[0]) else m[0], text)


def snippet(text: str, matches: Callable[[str], bool], marks: tuple[str, str]) -> str:
    """About SNIPPET_WORDS words of `text` around its first match, the matches marked, '…'
    where text was left out (like FTS5's snippet())."""
    words = list(_WORD.finditer(text))
    hits = [i for i, w in enumerate(words) if matches(w[0])]
    if not hits:
        return ""
    first = max(0, min(hits[0] - 3, len(words) - SNIPPET_WORDS))
    last = min(len(words), first + SNIPPET_WORDS) - 1
    begin = 0 if first == 0 else words[first].start()
    finish = len(text) if last == len(words) - 1 else words[last].end()
    piece = marked(text[begin:finish], matches, marks)
    return ("…" if begin else "") + piece + ("…" if finish < len(text) else "")
