"""Version 4: the note being written about a person, kept as it is typed (one per person)."""


def up(migrator, db) -> None:
    db.execute_sql(
        'CREATE TABLE "draft" ('
        ' "person_id" INTEGER NOT NULL PRIMARY KEY'
        ' REFERENCES "person" ("id") ON DELETE CASCADE,'
        ' "kind" TEXT NOT NULL,'
        ' "occurred_at" DATETIME,'
        ' "body" TEXT NOT NULL,'
        ' "saved_at" DATETIME NOT NULL)'
    )


def up_postgres(migrator, db) -> None:
    db.execute_sql(
        'CREATE TABLE "draft" ('
        ' "person_id" INTEGER NOT NULL PRIMARY KEY'
        ' REFERENCES "person" ("id") ON DELETE CASCADE,'
        ' "kind" TEXT NOT NULL,'
        ' "occurred_at" TIMESTAMP,'
        ' "body" TEXT NOT NULL,'
        ' "saved_at" TIMESTAMP NOT NULL)'
    )
