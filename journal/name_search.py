"""The names section of a search, answered from the people themselves (a few ms on 10 000)
before the full-text search has ranked the notes; then merged with its answer."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import reduce

from . import dialect
from .models import Person, database
from .search import MARK_END, MARK_START, MAX_TERMS, MIN_PREFIX, SearchHit

NAMES_SHOWN = 20
_WORD = re.compile(r"\w+", re.UNICODE)


def _folded(word: str) -> str:
    """A word as the search index compares it: any case, accents dropped (é → e)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _matches(term: str, word: str, prefix: bool) -> bool:
    return word.startswith(term) if prefix and len(term) >= MIN_PREFIX else word == term


def names_matching(text: str, limit: int = NAMES_SHOWN) -> list[SearchHit]:
    """People whose name, company or role holds every typed word (the last one as a prefix
    from MIN_PREFIX letters on, as the full-text search reads it), matches marked: those with
    a name starting as the longest word first, by name, then those whose company or role does.

    People with a word starting as the longest typed word are read (any case, but not any
    accent: "elodie" finds Élodie only in the full-text search's answer); nothing for a single
    letter."""
    typed = _WORD.findall(text or "")[:MAX_TERMS]
    longest = max(typed, key=len, default="")
    if len(longest) < MIN_PREFIX:  # one letter: nearly everyone has a word with it
        return []
    terms = [_folded(t) for t in typed]
    last = len(terms) - 1
    hits: list[SearchHit] = []
    like = _escaped(longest)
    for sql, params in _queries():  # names first
        params = [p.replace(_ESCAPED_SLOT, like) if isinstance(p, str) else p for p in params]
        rows = database.execute_sql(sql, params).fetchall()
        rows.sort(key=lambda row: (dialect.nocase_sort_key(row[1]), row[0]))
        for pid, name, company, role in rows:
            title = " ".join(p for p in (name, company, role) if p)
            words = [_folded(w) for w in _WORD.findall(title)]
            found = (any(_matches(t, w, i == last) for w in words) for i, t in enumerate(terms))
            if pid in {h.person_id for h in hits} or not all(found):
                continue

            def mark(m: re.Match[str]) -> str:
                word = _folded(m.group())
                if any(_matches(t, word, i == last) for i, t in enumerate(terms)):
                    return f"{MARK_START}{m.group()}{MARK_END}"
                return m.group()

            hits.append(SearchHit("person", pid, pid, name, title, _WORD.sub(mark, title)))
            if len(hits) == limit:
                return hits
    return hits


def _escaped(word: str) -> str:
    """`word` as a LIKE pattern's literal text (as peewee escapes it)."""
    return word.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")


_SLOT = "\x01%"  # stands for the longest word in the queries made once
_ESCAPED_SLOT = _escaped(_SLOT)
_QUERIES: dict[bool, list[tuple[str, list[object]]]] = {}


def _queries() -> list[tuple[str, list[object]]]:
    """The people with a word starting as the longest typed word: in their names, then in
    their company or role; SQL made once per backend (peewee making it took ~2 ms a lookup)."""
    postgres = dialect.is_postgres()
    if postgres not in _QUERIES:
        made = []
        for columns in ((Person.name,), (Person.company, Person.role)):
            starts = [c.startswith(_SLOT) | c.contains(" " + _SLOT) for c in columns]
            query = Person.select(Person.id, Person.name, Person.company, Person.role).where(
                Person.trashed_at.is_null(), reduce(operator.or_, starts)
            )  # sorted in Python: ordered by the name index, SQLite reads the rows out of order
            sql, params = query.sql()
            made.append((sql, list(params)))
        _QUERIES[postgres] = made
    return _QUERIES[postgres]


def names_first(names: list[SearchHit], hits: list[SearchHit]) -> list[SearchHit]:
    """The names found first, then the full-text search's hits without those people again."""
    shown = {h.person_id for h in names}
    return names + [h for h in hits if not (h.kind == "person" and h.person_id in shown)]
