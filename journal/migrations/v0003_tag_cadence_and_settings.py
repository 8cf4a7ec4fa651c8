"""Version 3: a cadence per tag, the journal's own preferences, a last-touch index."""

from peewee import IntegerField


def up(migrator, db) -> None:
    migrator.add_column("tag", "cadence_days", IntegerField(null=True)).run()
    db.execute_sql(
        'CREATE TABLE "setting" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)'
    )
    db.execute_sql(
        'CREATE INDEX "note_live_touch" ON "note" ("person_id", "occurred_at")'
        ' WHERE "trashed_at" IS NULL'
    )
