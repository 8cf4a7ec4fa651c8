"""Version 9: the ids of the writes the window made, so a write retried after its answer was
lost (the server got the COMMIT, the reply never came) is not made twice."""


def up(migrator, db) -> None:
    db.execute_sql(
        'CREATE TABLE "applied_write" ('
        ' "id" TEXT NOT NULL PRIMARY KEY,'
        ' "at" DATETIME NOT NULL,'
        ' "result" TEXT NOT NULL)'
    )


def up_postgres(migrator, db) -> None:
    db.execute_sql(
        'CREATE TABLE "applied_write" ('
        ' "id" TEXT NOT NULL PRIMARY KEY,'
        ' "at" TIMESTAMP NOT NULL,'
        ' "result" TEXT NOT NULL)'
    )
