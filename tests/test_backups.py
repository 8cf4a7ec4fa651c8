"""Backups: taken whole, once a day, rotated, listed with their size, and restorable (undoably)."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import backups, notes, people, recovery
from journal.errors import JournalError
from journal.progress import Cancelled


@pytest.fixture(autouse=True)
def _no_backup_dir_override(monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)


def test_daily_backup_once_a_day_and_not_for_an_empty_journal(journal):
    assert backups.daily_backup_if_due(journal.path) is None
    people.add_person("Ana")
    first = backups.daily_backup_if_due(journal.path)
    assert first is not None and first.exists()
    assert backups.daily_backup_if_due(journal.path) is None
    [info] = backups.list_backups(journal.path)
    assert (info.path, info.reason, info.people) == (first, "daily", None)  # not opened
    assert backups.count_people(info.path) == 1


def test_rotation_keeps_seven_days_and_four_weeks(journal):
    people.add_person("Ana")
    folder = backups.backup_dir(journal.path)
    folder.mkdir(parents=True)
    start = dt.datetime(2026, 6, 1, 12, 0)
    for day in range(60):
        stamp = (start + dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        backups.backup(journal.path, folder / f"{journal.path.stem}-{stamp}-daily.sqlite")
    backups.rotate(journal.path)
    kept = [b.taken_at.date() for b in backups.list_backups(journal.path)]
    newest = (start + dt.timedelta(days=59)).date()
    assert kept[:7] == [newest - dt.timedelta(days=i) for i in range(7)]
    assert 7 <= len(kept) <= 11
    weeks = {d.isocalendar()[:2] for d in kept}
    assert len(weeks) >= 4


def test_backup_dir_can_be_configured(journal, tmp_path, monkeypatch):
    monkeypatch.setenv(backups.ENV_VAR, str(tmp_path / "elsewhere"))
    people.add_person("Ana")
    assert backups.backup(journal.path).parent == tmp_path / "elsewhere"


def test_restore_brings_back_a_backup_and_can_be_undone(journal):
    people.add_person("Ana")
    saved = backups.backup(journal.path, reason="manual")
    people.add_person("Bruno")
    reopened, before_restore = recovery.restore(journal, saved)
    assert [p for _, p in people.person_names()] == ["Ana"]
    again, _ = recovery.restore(reopened, before_restore)
    assert [p for _, p in people.person_names()] == ["Ana", "Bruno"]
    again.close()


def test_restore_refuses_a_file_that_is_not_a_journal(journal, tmp_path):
    people.add_person("Ana")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(JournalError, match="not a Rapport journal"):
        recovery.restore(journal, junk)
    with pytest.raises(JournalError, match="no such backup"):
        recovery.restore(journal, tmp_path / "missing.sqlite")
    assert people.count_people() == 1


def test_backup_to_an_unwritable_place_is_a_clear_error(journal, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match=r"backup to .* failed"):
        backups.backup(journal.path, blocker / "copy.sqlite")


def test_a_backup_reports_its_progress_and_a_cancelled_one_leaves_nothing(journal, tmp_path):
    ana = people.add_person("Ana")
    for n in range(300):
        notes.add_note(ana.id, f"{n} " + "a long note " * 700)
    seen: list[tuple[int, int]] = []
    copy = backups.backup(
        journal.path, tmp_path / "copy.sqlite", progress=lambda *p: seen.append(p)
    )
    assert len(seen) > 1 and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert backups.count_people(copy) == 1

    def stop(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        backups.backup(journal.path, tmp_path / "stopped.sqlite", progress=stop)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("stopped")) == []


def test_a_backup_is_listed_by_its_name_whatever_it_holds(journal, tmp_path):
    people.add_person("Ana")
    taken = backups.backup(journal.path)
    taken.write_bytes(b"not opened: only its name is read")
    [listed] = backups.list_backups(journal.path)
    assert (listed.path, listed.reason, listed.people) == (taken, "manual", None)
    assert backups.count_people(taken) is None
    assert backups.with_people([listed]) == [listed]
