"""Private by default: under the usual umask 022, every file and folder Rapport keeps is its
owner's only; exports keep the person's usual mode."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from journal import backups, crypto, drafts, people, private, recovery
from journal.exports.markdown import export_markdown
from journal.files import write_text_atomically
from journal.lock import JournalLock
from journal.private import mode
from journal.private_log import PrivateLogHandler
from journal.storage import open_journal

pytestmark = [
    pytest.mark.skipif(not private.HAS_MODES, reason="no file modes on Windows"),
    pytest.mark.usefixtures("usual_umask"),
]


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def test_a_new_journal_its_wal_shm_and_lock_are_private(tmp_path: Path) -> None:
    path = tmp_path / "made" / "for it" / "journal.sqlite"
    with open_journal(path):
        people.add_person("Ana Souza")
        assert side(path, "-wal").exists() and side(path, "-shm").exists()
        with JournalLock(path) as lock:
            assert mode(lock.path) == 0o600
        for file in (path, side(path, "-wal"), side(path, "-shm")):
            assert mode(file) == 0o600, file
    assert mode(tmp_path / "made") == mode(tmp_path / "made" / "for it") == 0o700
    assert os.umask(0o022) == 0o022  # the person's umask is back


def test_a_journal_made_private_stays_private_when_reopened(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    open_journal(path).close()
    assert not side(path, "-wal").exists()  # SQLite removed them on closing
    with open_journal(path):
        people.add_person("Ana Souza")  # SQLite makes a new -wal and -shm, with the file's mode
        assert mode(side(path, "-wal")) == mode(side(path, "-shm")) == 0o600


def test_opening_a_journal_others_can_read_does_not_change_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    open_journal(path).close()
    path.chmod(0o644)  # as an older Rapport left it
    with open_journal(path) as journal:
        people.add_person("Ana Souza")
        assert mode(path) == 0o644
        folder = backups.backup_dir(journal.path)
        assert path in private.readable_by_others(path, folder)
        assert private.make_private(path, folder)
        assert private.readable_by_others(path, folder) == []
        assert mode(path) == mode(side(path, "-wal")) == mode(side(path, "-shm")) == 0o600


def test_a_backup_and_the_backups_folder_are_private(tmp_path: Path) -> None:
    with open_journal(tmp_path / "journal.sqlite") as journal:
        people.add_person("Ana Souza")
        copy = backups.backup(journal.path)
        assert mode(copy) == 0o600
        assert mode(copy.parent) == 0o700
        assert copy.parent == tmp_path / "backups"
        chosen = backups.backup(journal.path, tmp_path / "elsewhere" / "copy.sqlite")
        assert mode(chosen) == 0o600 and mode(chosen.parent) == 0o700
        assert not list(tmp_path.rglob("*.part"))


def test_a_damaged_journal_moved_aside_and_the_restored_copy_are_private(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with open_journal(path) as journal:
        people.add_person("Ana Souza")
        good = backups.backup(journal.path)
    for extra in ("-wal", "-shm"):
        side(path, extra).unlink(missing_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged, and readable by all
    side(path, "-wal").write_bytes(b"left over")
    path.chmod(0o644)
    damaged = recovery.restore_into(path, good)
    assert damaged.read_bytes().startswith(b"SQLite format 3\x00\xff")
    assert mode(damaged) == mode(side(damaged, "-wal")) == 0o600
    assert mode(path) == 0o600
    with open_journal(path):
        assert people.count_people() == 1


def test_a_draft_is_kept_in_the_private_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with open_journal(path):
        ana = people.add_person("Ana Souza")
        drafts.save_draft(ana.id, "meeting", None, "She asked about the price")
        assert drafts.draft_of(ana.id) is not None
        # A draft is a row of the journal, written through its -wal: no file of its own.
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "journal.sqlite",
            "journal.sqlite-shm",
            "journal.sqlite-wal",
        ]
        assert all(mode(file) == 0o600 for file in tmp_path.iterdir())


def write_log(path: Path, lines: int) -> None:
    handler = PrivateLogHandler(path, max_bytes=200, keep=2)
    log = logging.getLogger("test_private")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(lines):
            log.error("a bug, traceback line %d", n)
    finally:
        log.removeHandler(handler)
        handler.close()


def test_the_log_its_rotated_files_and_its_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "app data" / "Rapport" / "rapport.log"
    write_log(path, 20)
    rotated = side(path, ".1")
    assert rotated.exists() and "traceback line 19" in path.read_text(encoding="utf-8")
    assert mode(path) == mode(rotated) == 0o600
    assert mode(path.parent) == mode(path.parent.parent) == 0o700


def test_a_log_others_could_read_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "rapport.log"
    path.write_text("an older line\n")
    assert mode(path) == 0o644
    write_log(path, 1)
    assert mode(path) == 0o600
    assert path.read_text(encoding="utf-8").startswith("an older line\n")


@pytest.mark.parametrize("readable_before", [False, True])
def test_the_journal_and_its_backups_are_private_after_encrypting_and_decrypting(
    tmp_path: Path, readable_before: bool
) -> None:
    path = tmp_path / "journal.sqlite"
    with open_journal(path) as journal:
        people.add_person("Ana Souza")
        copy = backups.backup(journal.path)
    if readable_before:
        path.chmod(0o644)
        copy.chmod(0o644)
    assert crypto.encrypt_journal(path, "correct horse") == [copy]
    assert crypto.is_encrypted(path) and crypto.is_encrypted(copy)
    assert mode(path) == mode(copy) == 0o600
    with open_journal(path, "correct horse"):
        people.add_person("Bruno")
        assert mode(side(path, "-wal")) == mode(side(path, "-shm")) == 0o600
    assert crypto.decrypt_journal(path, "correct horse") == [copy]
    assert not crypto.is_encrypted(path)
    assert mode(path) == mode(copy) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "journal.sqlite"]


def test_an_export_has_the_usual_mode_and_its_temporary_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    seen: list[int] = []
    with private.replacing(target) as out:
        out.write(b"name\n")
        (temporary,) = [p for p in tmp_path.iterdir() if p.name.startswith(".people.csv.")]
        seen.append(mode(temporary))
    assert seen == [0o600]
    assert mode(target) == 0o644
    target.chmod(0o640)  # a file the person keeps their way keeps its mode when replaced
    write_text_atomically(target, "name\nAna\n")
    assert mode(target) == 0o640 and target.read_text() == "name\nAna\n"
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]


def test_a_markdown_export_folder_has_the_usual_mode(journal, tmp_path: Path) -> None:
    people.add_person("Ana Souza")
    written = export_markdown(tmp_path / "export")
    assert mode(tmp_path / "export") == 0o755
    assert all(mode(page) == 0o644 for page in written)


def test_a_failed_replace_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("before")
    with pytest.raises(RuntimeError), private.replacing(target) as out:
        out.write(b"half")
        raise RuntimeError("the disk went away")
    assert target.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_the_private_umask_is_put_back_once_nested_and_concurrent_uses_end(
    tmp_path: Path,
) -> None:
    entered, leave = threading.Event(), threading.Event()

    def other_thread() -> None:
        with private.private_umask():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=other_thread)
    with private.private_umask():
        thread.start()
        assert entered.wait(10)
        with private.private_umask():
            sqlite3.connect(tmp_path / "inside.db").execute("CREATE TABLE t (x)").connection.close()
        assert private.usual_umask() == 0o022
    assert mode(tmp_path / "inside.db") == 0o600
    (tmp_path / "while the other runs").touch()
    assert mode(tmp_path / "while the other runs") == 0o600  # still private: the other is inside
    leave.set()
    thread.join()
    (tmp_path / "after").touch()
    assert mode(tmp_path / "after") == 0o644


def test_a_file_where_a_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file")
    with pytest.raises(NotADirectoryError):
        private.make_folder(tmp_path / "taken")
    with pytest.raises(OSError):
        private.make_folder(tmp_path / "taken" / "below")
    assert (tmp_path / "taken").read_text() == "a file"
