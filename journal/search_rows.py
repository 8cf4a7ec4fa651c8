"""The search index's rows as SQL, one select per kind of record: what rebuilding the index, or
indexing people written in bulk, inserts. The same selects on SQLite and PostgreSQL, but for a
newline and the person's tags and emails, which each database spells its own way."""

from __future__ import annotations

INSERT = "INSERT INTO search_index (rowid, kind, record_id, person_id, title, body) "

_SPELLINGS = {
    "sqlite": {
        "nl": "char(10)",
        "tags": "group_concat(t.name, ' ')",
        "emails": "SELECT group_concat(e.value, char(10)) FROM json_each(p.emails) e",
    },
    "postgres": {
        "nl": "chr(10)",
        "tags": "string_agg(t.name, ' ')",
        "emails": "SELECT string_agg(e, chr(10)) FROM jsonb_array_elements_text(p.emails::jsonb) e",
    },
}
_SELECTS = (
    """SELECT p.id * 8 + 1, 'person', p.id, p.id,
        trim(p.name || ' ' || p.company || ' ' || p.role),
        coalesce((SELECT {tags} FROM person_tag pt
                  JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id), '')
        || {nl} || p.location || {nl} || p.how_we_met || {nl} || p.about
        || {nl} || coalesce(({emails}), '')
        FROM person p WHERE p.trashed_at IS NULL""",
    """SELECT n.id * 8 + 2, 'note', n.id, n.person_id, '', n.body
        FROM note n JOIN person p ON p.id = n.person_id
        WHERE n.trashed_at IS NULL AND p.trashed_at IS NULL""",
    """SELECT g.id * 8 + 3, 'goal', g.id, g.person_id, g.text, g.why
        FROM goal g JOIN person p ON p.id = g.person_id
        WHERE g.trashed_at IS NULL AND p.trashed_at IS NULL""",
    """SELECT x.id * 8 + 4, 'pain', x.id, x.person_id, x.text, x.ramifications
        FROM pain x JOIN person p ON p.id = x.person_id
        WHERE x.trashed_at IS NULL AND p.trashed_at IS NULL""",
    """SELECT d.id * 8 + 5, 'decision', d.id, d.person_id, d.offer,
        d.reason || {nl} || d.lesson || {nl} || d.better_solution || {nl}
        || d.better_fit || {nl} || d.expected
        FROM decision d JOIN person p ON p.id = d.person_id
        WHERE d.trashed_at IS NULL AND p.trashed_at IS NULL""",
    """SELECT o.id * 8 + 6, 'objection', o.id, d.person_id, o.text, d.offer
        FROM objection o JOIN decision d ON d.id = o.decision_id
        JOIN person p ON p.id = d.person_id
        WHERE o.trashed_at IS NULL AND d.trashed_at IS NULL AND p.trashed_at IS NULL""",
)
_BY_BACKEND = {
    backend: tuple(s.format(**spelled) for s in _SELECTS) for backend, spelled in _SPELLINGS.items()
}


def selects(on_server: bool) -> tuple[str, ...]:
    """Each kind's select of live rows (`p` is the person; a caller may add `AND p.…`)."""
    return _BY_BACKEND["postgres" if on_server else "sqlite"]
