"""Backups: taken whole, once a day, rotated, listed with their size, and restorable (undoably)."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import backups, people
from journal.errors import JournalError


@pytest.fixture(autouse=True)
def _no_backup_dir_override(monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)


def test_daily_backup_once_a_day_and_not_for_an_empty_journal(journal):
    assert backups.daily_backup_if_due(journal) is None
    people.add_person("Ana")
    first = backups.daily_backup_if_due(journal)
    assert first is not None and first.exists()
    assert backups.daily_backup_if_due(journal) is None
    [info] = backups.list_backups(journal)
    assert (info.path, info.reason, info.people) == (first, "daily", 1)


def test_rotation_keeps_seven_days_and_four_weeks(journal):
    people.add_person("Ana")
    folder = backups.backup_dir(journal)
    folder.mkdir(parents=True)
    start = dt.datetime(2026, 6, 1, 12, 0)
    for day in range(60):
        stamp = (start + dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        backups.backup(journal, folder / f"{journal.path.stem}-{stamp}-daily.sqlite")
    backups.rotate(journal)
    kept = [b.taken_at.date() for b in backups.list_backups(journal)]
    newest = (start + dt.timedelta(days=59)).date()
    assert kept[:7] == [newest - dt.timedelta(days=i) for i in range(7)]
    assert 7 <= len(kept) <= 11
    weeks = {d.isocalendar()[:2] for d in kept}
    assert len(weeks) >= 4


def test_backup_dir_can_be_configured(journal, tmp_path, monkeypatch):
    monkeypatch.setenv(backups.ENV_VAR, str(tmp_path / "elsewhere"))
    people.add_person("Ana")
    assert backups.backup(journal).parent == tmp_path / "elsewhere"


def test_restore_brings_back_a_backup_and_can_be_undone(journal):
    people.add_person("Ana")
    saved = backups.backup(journal, reason="manual")
    people.add_person("Bruno")
    reopened, before_restore = backups.restore(journal, saved)
    assert [p for _, p in people.person_names()] == ["Ana"]
    again, _ = backups.restore(reopened, before_restore)
    assert [p for _, p in people.person_names()] == ["Ana", "Bruno"]
    again.close()


def test_restore_refuses_a_file_that_is_not_a_journal(journal, tmp_path):
    people.add_person("Ana")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(JournalError, match="not a Rapport journal"):
        backups.restore(journal, junk)
    with pytest.raises(JournalError, match="no such backup"):
        backups.restore(journal, tmp_path / "missing.sqlite")
    assert people.count_people() == 1


def test_backup_to_an_unwritable_place_is_a_clear_error(journal, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match=r"backup to .* failed"):
        backups.backup(journal, blocker / "copy.sqlite")
