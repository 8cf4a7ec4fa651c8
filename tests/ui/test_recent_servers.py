"""The recent server journals: one line per journal, however its URL was spelled, newest
spelling first, and never a password."""

from __future__ import annotations

from ui import settings


def test_one_journal_spelled_two_ways_is_one_recent_line():
    settings.remember_server("postgresql://ana@db.example:5432/team")
    settings.remember_server("postgresql://bruno@db.example/team")
    assert settings.remember_server("postgres://ana:s3cret@DB.example/team") == [
        "postgres://ana@DB.example/team",
        "postgresql://bruno@db.example/team",
    ]
    settings.remember_server("postgresql://bruno@db.example:5432/team")
    assert settings.recent_servers() == [
        "postgresql://bruno@db.example:5432/team",
        "postgres://ana@DB.example/team",
    ]
