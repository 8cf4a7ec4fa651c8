"""Version 8: who made each note, decision, goal, pain, follow-up, referral and objection; who
last edited a person, and who a person's owner is ('' = nobody, as on a file with no name set)."""

AUTHORED = ("note", "decision", "goal", "pain", "follow_up", "referral", "objection")


def up(migrator, db) -> None:
    # The same DDL on SQLite and PostgreSQL: a NOT NULL column with a constant default is added
    # in place on both (peewee's add_column would rebuild SQLite's tables to add the NOT NULL).
    for table in AUTHORED:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "author" TEXT NOT NULL DEFAULT \'\'')
    for column in ("owner", "updated_by"):
        db.execute_sql(f'ALTER TABLE "person" ADD COLUMN "{column}" TEXT NOT NULL DEFAULT \'\'')
    for column in ("owner", "updated_by"):  # "mine", and the names known, read from these
        db.execute_sql(f'CREATE INDEX "person_{column}" ON "person" ("{column}")')
