"""Version 2: the full-text search index (FTS5), filled from the records already there."""

REINDEX = True


def up(migrator, db) -> None:
    db.execute_sql(
        'CREATE VIRTUAL TABLE "search_index" USING fts5 '
        "(kind UNINDEXED, record_id UNINDEXED, person_id UNINDEXED, title, body, "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )


# On PostgreSQL: a table whose tsvector column the same write keeps current (a generated
# column), a GIN index over it, and a text search configuration of our own: 'simple' (no
# stemming, no stop words, like FTS5's unicode61) with accents removed where the server has the
# unaccent extension (like remove_diacritics 2). The characters that make PostgreSQL's parser
# read an address, a host or a path as one token are spaces first, so "ana@acme.example" is
# found by "acme", as FTS5 finds it.
POSTGRES = [
    "CREATE TEXT SEARCH CONFIGURATION rapport (COPY = pg_catalog.simple)",
    """CREATE TABLE "search_index" ("rowid" BIGINT PRIMARY KEY, "kind" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "title" TEXT NOT NULL,
    "body" TEXT NOT NULL, "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('rapport', translate("title", {SEPARATORS})), 'A')
        || setweight(to_tsvector('rapport', translate("body", {SEPARATORS})), 'D')
    ) STORED)""".format(SEPARATORS="'@./:\\+~=?&#', '           '"),
    'CREATE INDEX "search_index_document" ON "search_index" USING GIN ("document")',
    'CREATE INDEX "search_index_person_id" ON "search_index" ("person_id")',
]
UNACCENT = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TEXT SEARCH CONFIGURATION rapport "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
]


def up_postgres(migrator, db) -> None:
    for statement in POSTGRES:
        db.execute_sql(statement)
    try:
        with db.atomic():  # a savepoint: a server without the extension keeps accents
            for statement in UNACCENT:
                db.execute_sql(statement)
    except Exception as exc:
        if "unaccent" not in str(exc):
            raise
