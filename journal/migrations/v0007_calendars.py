"""Version 7: followed calendar files, and the meetings read from them (a window of days)."""

STATEMENTS = [
    """CREATE TABLE "calendar" ("id" INTEGER NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL UNIQUE, "name" TEXT NOT NULL, "owner_email" TEXT NOT NULL,
    "read_at" DATETIME, "file_mtime" REAL, "last_error" TEXT NOT NULL,
    "added_at" DATETIME NOT NULL)""",
    """CREATE TABLE "meeting" ("id" INTEGER NOT NULL PRIMARY KEY,
    "calendar_id" INTEGER NOT NULL, "uid" TEXT NOT NULL, "recurrence_id" TEXT NOT NULL,
    "starts_at" DATETIME NOT NULL, "ends_at" DATETIME NOT NULL, "all_day" INTEGER NOT NULL,
    "summary" TEXT NOT NULL, "organizer" TEXT NOT NULL, "attendees" TEXT NOT NULL,
    FOREIGN KEY ("calendar_id") REFERENCES "calendar" ("id") ON DELETE CASCADE)""",
    'CREATE UNIQUE INDEX "meeting_occurrence" ON "meeting" ("calendar_id", "uid", "recurrence_id")',
    'CREATE INDEX "meeting_starts_at" ON "meeting" ("starts_at")',
]


def up(migrator, db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)


def up_postgres(migrator, db) -> None:
    for statement in STATEMENTS:
        statement = statement.replace("INTEGER NOT NULL PRIMARY KEY", "SERIAL PRIMARY KEY")
        statement = statement.replace('"all_day" INTEGER', '"all_day" BOOLEAN')
        statement = statement.replace("DATETIME", "TIMESTAMP").replace("REAL", "DOUBLE PRECISION")
        db.execute_sql(statement)
