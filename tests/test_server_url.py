"""Which journal a server URL names: every spelling of one journal is one identity, and two
journals never share one."""

from __future__ import annotations

import pytest

from journal import server
from journal.copying import copy_journal

ONE = "postgresql://ana@db.example/team"


@pytest.mark.parametrize(
    "spelling",
    [
        ONE,
        "postgresql://ana@db.example:5432/team",
        "postgres://ana@db.example/team",
        "postgresql://ana:s3cret@db.example:5432/team",
        "  postgresql://ana@DB.Example/team ",
    ],
)
def test_every_spelling_of_one_journal_is_one_identity(spelling):
    assert server.identity(spelling) == ONE
    assert server.same_journal(spelling, ONE)


@pytest.mark.parametrize(
    "other",
    [
        "postgresql://ana@db.example:5433/team",  # another server on the same host
        "postgresql://ana@db.example/other",
        "postgresql://bruno@db.example/team",  # another role may see another schema
        "postgresql://ana@db2.example/team",
        "postgresql://ana@db.example/team?options=-csearch_path%3Dsandbox",
    ],
)
def test_another_journal_keeps_another_identity(other):
    assert not server.same_journal(other, ONE)


def test_odd_urls_are_named_without_an_error():
    assert server.identity("postgresql:///team") == "postgresql:///team"  # the local socket
    assert server.identity("postgresql://[::1]:5432/team") == "postgresql://[::1]/team"
    assert server.identity("postgresql://ana@db.example:port/team") == (
        "postgresql://ana@db.example:port/team"  # not a port: the server will say so
    )
    assert server.identity("postgresql://ana@db.example") == "postgresql://ana@db.example/"


def test_copy_refuses_one_journal_spelled_two_ways():
    with pytest.raises(Exception, match="both the source and the destination"):
        copy_journal(ONE, "postgres://ana:s3cret@db.example:5432/team")
