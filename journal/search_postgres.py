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


def put(rowid: int, kind: str, record_id: int, person_id: int, title: str, body: str) -> None:
    database.execute_sql(INSERT, (rowid, kind, record_id, person_id, title, body))


def put_many(rows: Sequence[tuple[int, str, int, int, str, str]]) -> None:
    database.cursor().executemany(INSERT, rows)


def drop(rowid: int) -> None:
    database.execute_sql("DELETE FROM search_index WHERE rowid = %s", (rowid,))


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
    newest `rank_at_most` matches are ranked (a very common term stays quick, as on SQLite).

    The query is written into each select (not a CTE the planner cannot see into) so the
    planner weighs how common its terms are: for a short prefix found in a quarter of the rows
    it walks the rows newest first and stops at `rank_at_most`, instead of visiting every match
    (45 ms, not 230 ms, for 'ca' on 127 000 rows). The ranking reads the documents the match
    already read; only the `limit` best rows are read again for their text."""
    kind_filter = "AND s.kind = ANY(%(kinds)s)" if kinds else ""
    query = "to_tsquery('rapport', %(query)s)"
    sql = f"""
        WITH found AS (
            SELECT s.rowid, s.document FROM search_index s
            WHERE s.document @@ {query} {kind_filter}
            ORDER BY s.rowid DESC LIMIT %(ranked)s),
        best AS (
            SELECT f.rowid, ts_rank('{WEIGHTS}', f.document, {query}) AS rank FROM found f
            ORDER BY rank DESC, f.rowid DESC LIMIT %(limit)s)
        SELECT s.kind, s.record_id, s.person_id, p.name, s.title, s.body
        FROM best b JOIN search_index s ON s.rowid = b.rowid
        JOIN person p ON p.id = s.person_id
        ORDER BY b.rank DESC, b.rowid DESC"""
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
