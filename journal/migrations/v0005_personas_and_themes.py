"""Version 5: personas (a flag and a messaging note on tags), a theme on every objection, and the
three questions after a no (better solution, better fit, what they expected) on decisions.

Objections already there get the theme their words suggest once the run is done
(`SUGGEST_THEMES`): the rules are current code, which a migration itself must not use.
"""

SUGGEST_THEMES = True

COLUMNS = (
    ("tag", "persona", "INTEGER NOT NULL DEFAULT 0"),
    ("tag", "messaging", "TEXT NOT NULL DEFAULT ''"),
    ("objection", "theme", "TEXT NOT NULL DEFAULT ''"),
    ("decision", "better_solution", "TEXT NOT NULL DEFAULT ''"),
    ("decision", "better_fit", "TEXT NOT NULL DEFAULT ''"),
    ("decision", "expected", "TEXT NOT NULL DEFAULT ''"),
)


def up(migrator, db) -> None:
    for table, column, kind in COLUMNS:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


def up_postgres(migrator, db) -> None:
    for table, column, kind in COLUMNS:
        kind = kind.replace("INTEGER NOT NULL DEFAULT 0", "BOOLEAN NOT NULL DEFAULT false")
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')
