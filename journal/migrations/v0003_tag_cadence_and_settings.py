"""Version 3: a keep-in-touch cadence per tag, and the journal's own preferences."""

from peewee import IntegerField


def up(migrator, db) -> None:
    migrator.add_column("tag", "cadence_days", IntegerField(null=True)).run()
    db.execute_sql(
        'CREATE TABLE "setting" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)'
    )
