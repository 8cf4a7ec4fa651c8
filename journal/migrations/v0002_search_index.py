"""Version 2: the full-text search index (FTS5), filled from the records already there."""

REINDEX = True


def up(migrator, db) -> None:
    db.execute_sql(
        'CREATE VIRTUAL TABLE "search_index" USING fts5 '
        "(kind UNINDEXED, record_id UNINDEXED, person_id UNINDEXED, title, body, "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
