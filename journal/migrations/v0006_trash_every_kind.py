"""Version 6: goals, pains, objections, referrals and follow-ups go to the trash, not away."""

from peewee import DateTimeField

TABLES = ("goal", "pain", "objection", "referral", "follow_up")


def up(migrator, db) -> None:
    for table in TABLES:
        migrator.add_column(table, "trashed_at", DateTimeField(null=True)).run()
