"""The journal lock: one holder at a time, released on exit, never stale after a kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from journal.errors import JournalError
from journal.lock import JournalLock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from journal.lock import JournalLock
    lock = JournalLock(sys.argv[1])
    print("held" if lock.acquire() else "busy", flush=True)
    time.sleep(60)
    """
)


def test_second_holder_is_refused_until_release(journal_path):
    first, second = JournalLock(journal_path), JournalLock(journal_path)
    assert first.acquire()
    assert not second.acquire()
    with pytest.raises(JournalError, match="open in another Rapport window"), second:
        pass
    first.release()
    assert second.acquire()
    second.release()


def test_lock_held_by_another_process_and_not_stale_after_kill(journal_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        lock = JournalLock(journal_path)
        assert not lock.acquire()
        assert lock.holder() == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        holder.stdout.close()
    assert lock.acquire()
    lock.release()
