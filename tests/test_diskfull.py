"""A full disk or a read-only journal: the write fails with plain words, nothing saved is lost,
and writing works again once there is room."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import OperationalError

from journal import faults, notes, people, storage
from journal.storage import open_journal


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system (tmpfs); the test is skipped where mounting is not allowed."""
    folder = tmp_path / "small"
    folder.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small file system")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not permitted here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    f = filler.open("wb", buffering=0)
    try:
        while True:
            f.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        f.close()
    return filler


def test_a_full_disk_refuses_the_write_and_keeps_what_was_saved(small_disk):
    path = small_disk / "journal.sqlite"
    with open_journal(path) as journal:
        ana = people.add_person("Ana")
        notes.add_note(ana.id, "saved before the disk filled")
        filler = _fill(small_disk)
        with pytest.raises(OperationalError) as caught:
            for n in range(50):
                notes.add_note(ana.id, f"{n} " + "long text " * 5000)
        assert faults.explain(caught.value) == faults.FULL
        assert [n.body for n in notes.notes_of(ana.id)][-1] == "saved before the disk filled"
        filler.unlink()
        notes.add_note(ana.id, "written once there is room")
    with open_journal(path) as journal:
        assert storage.check(journal).ok
        bodies = [n.body for n in notes.notes_of(ana.id)]
        assert "saved before the disk filled" in bodies
        assert "written once there is room" in bodies


def test_a_journal_at_its_size_limit_fails_like_a_full_disk(journal):
    ana = people.add_person("Ana")
    notes.add_note(ana.id, "kept")
    pages = journal.db.execute_sql("PRAGMA page_count").fetchone()[0]
    journal.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OperationalError) as caught:
        notes.add_note(ana.id, "x" * 100_000)
    assert faults.explain(caught.value) == faults.FULL
    assert [n.body for n in notes.notes_of(ana.id)] == ["kept"]
    assert storage.check(journal).ok


def test_a_read_only_journal_fails_with_plain_words(journal):
    ana = people.add_person("Ana")
    journal.db.execute_sql("PRAGMA query_only = 1")
    with pytest.raises(OperationalError) as caught:
        notes.add_note(ana.id, "cannot be written")
    assert faults.explain(caught.value) == faults.READ_ONLY
    journal.db.execute_sql("PRAGMA query_only = 0")
    assert notes.notes_of(ana.id) == []


def test_a_read_only_file_system_fails_with_plain_words(small_disk):
    path = small_disk / "journal.sqlite"
    with open_journal(path):
        people.add_person("Ana")
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot remount the small file system read-only here")
    with pytest.raises(Exception) as caught, open_journal(path):
        people.add_person("Bruno")
    assert faults.explain(caught.value) or "read-only" in str(caught.value).lower()


def test_other_errors_are_not_explained_away():
    assert faults.explain(ValueError("something else")) is None
    assert faults.explain(OSError(28, "No space left on device")) == faults.FULL
    assert faults.explain(PermissionError(13, "Permission denied")) == faults.READ_ONLY


def test_the_command_line_says_the_disk_is_full_in_one_line(small_disk, capsys):
    from ui.cli import main

    path = small_disk / "journal.sqlite"
    with open_journal(path):
        people.add_person("Ana")
    filler = _fill(small_disk)
    status = main(["--journal", str(path), "note", "Ana", "long text " * 50_000])
    err = capsys.readouterr().err.strip()
    assert status == 1
    assert len(err.splitlines()) == 1
    assert faults.FULL in err or faults.IO_ERROR in err  # never "damaged" or "not a journal"
    filler.unlink()
    with open_journal(path) as journal:
        assert storage.check(journal).ok
        assert people.count_people() == 1
