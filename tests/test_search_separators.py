"""The characters that join an address, a host or a path into one token are word breaks to
search, on both backends; a server journal's documents made before version 10 (translate) are
made again the same (replace)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal import dialect, notes, people, search
from journal.migrations import all_migrations
from journal.migrations import v0010_search_separators as v10
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends

JOINED = "ana@acme.example/path:port\\share+plus~tilde=equals?ask&and#hash"
PARTS = ["ana", "acme", "example", "path", "port", "share", "plus", "tilde", "equals", "ask"]
VERSION = next(m.version for m in all_migrations() if m.module is v10)


def test_each_part_of_a_joined_word_is_found(journal: Journal) -> None:
    dana = people.add_person("Dana Joined")
    note = notes.add_note(dana.id, f"Wrote to {JOINED} today")
    for part in [*PARTS, "and", "hash"]:
        assert [h.record_id for h in search.search(part, kinds=("note",))] == [note.id], part


def test_documents_made_before_version_10_are_made_again_the_same(
    journal: Journal, journal_location: str | Path
) -> None:
    if not dialect.is_postgres():
        pytest.skip("a journal file's index (FTS5) splits these characters itself")
    dana = people.add_person("Dana Before", company="Acme/Sales", emails=["dana@acme.example"])
    notes.add_note(dana.id, f"Wrote to {JOINED}; Ünïcode, tabs\tand new\nlines")
    spaced = f"{_literal(v10.SEPARATORS)}, {_literal(' ' * len(v10.SEPARATORS))}"
    before = (  # version 2's document, made with translate()
        f"setweight(to_tsvector('rapport', translate(\"title\", {spaced})), 'A') "
        f"|| setweight(to_tsvector('rapport', translate(\"body\", {spaced})), 'D')"
    )
    db = journal.db
    with db.atomic():
        db.execute_sql('ALTER TABLE "search_index" DROP COLUMN "document"')
        db.execute_sql(
            f'ALTER TABLE "search_index" ADD COLUMN "document" tsvector '
            f"GENERATED ALWAYS AS ({before}) STORED"
        )
        dialect.set_schema_version(db, VERSION - 1)
    documents = "SELECT rowid, document::text FROM search_index ORDER BY rowid"
    old = db.execute_sql(documents).fetchall()
    journal.close()
    with open_journal(journal_location) as again:
        assert again.migrated_from == VERSION - 1
        assert again.db.execute_sql(documents).fetchall() == old
        (made_by,) = again.db.execute_sql(
            "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
            " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
            " WHERE d.adrelid = 'search_index'::regclass AND a.attname = 'document'"
        ).fetchone()
        assert "replace(" in made_by and "translate(" not in made_by
        assert [h.person_name for h in search.search("acme")] == ["Dana Before", "Dana Before"]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
