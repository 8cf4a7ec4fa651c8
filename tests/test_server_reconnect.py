"""A server journal whose connection died while idle (the server restarted, the network dropped)
reads again by itself once the server answers; while it does not, a read fails as offline."""

from __future__ import annotations

from urllib.parse import urlsplit

import pg_server
import psycopg
import pytest
from tcp_proxy import TcpProxy

from journal import faults, notes, people, storage

pytestmark = pytest.mark.postgres


def test_a_read_after_the_connection_was_cut_connects_again(server_url):
    journal = storage.open_journal(server_url)
    try:
        people.add_person("Ana")
        pid = journal.db.connection().info.backend_pid
        with psycopg.connect(pg_server.admin_url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert people.count_people() == 1  # tried once more on a new connection
        assert journal.db.connection().info.backend_pid != pid
    finally:
        journal.close()


def test_reads_and_writes_while_the_network_is_gone_and_after(server_url):
    proxy = TcpProxy(("127.0.0.1", urlsplit(server_url).port or 5432))
    proxy.start()
    journal = storage.open_journal(proxy.url_for(server_url))
    try:
        ana = people.add_person("Ana").id
        proxy.stop()
        for attempt in (people.count_people, lambda: notes.add_note(ana, "Kept out")):
            with pytest.raises(Exception) as away:
                attempt()
            assert faults.classify(away.value) is faults.Fault.OFFLINE
        proxy.start()
        assert people.count_people() == 1  # no one had to reconnect by hand
        notes.add_note(ana, "Once it is back")
        assert [n.body for n in notes.notes_of(ana)] == ["Once it is back"]
    finally:
        journal.close()
        proxy.stop()
