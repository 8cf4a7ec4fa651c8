"""`rapport check` says when other accounts can read the journal; `--fix-permissions` fixes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import fails, ok

from journal import backups, people, private
from journal.private import mode
from journal.storage import open_journal

pytestmark = [
    pytest.mark.skipif(not private.HAS_MODES, reason="no file modes on Windows"),
    pytest.mark.usefixtures("usual_umask"),
]


@pytest.fixture
def readable_journal(tmp_path: Path) -> tuple[Path, Path]:
    """A journal, a backup and its folder as an older Rapport left them: readable by all."""
    path = tmp_path / "my journal.sqlite"
    with open_journal(path) as journal:
        people.add_person("Ana Souza")
        copy = backups.backup(journal.path)
    path.chmod(0o644)
    copy.chmod(0o644)
    copy.parent.chmod(0o755)
    return path, copy


def test_check_warns_and_fix_permissions_makes_the_journal_private(readable_journal) -> None:
    path, copy = readable_journal
    out = ok(path, "check")
    assert f"{path}: ok (1 people)" in out
    assert "warning: this journal can be read by other accounts on this computer" in out
    assert "(my journal.sqlite, my journal.sqlite-wal, my journal.sqlite-shm and 1 backup)" in out
    assert f"rapport --journal '{path}' check --fix-permissions" in out
    assert mode(path) == 0o644  # checking changes nothing

    out = ok(path, "check", "--fix-permissions")
    for made in (path, copy, copy.parent):
        assert f"made private: {made}" in out
    assert "warning" not in out
    assert mode(path) == mode(copy) == 0o600
    assert mode(copy.parent) == 0o700

    out = ok(path, "check", "--fix-permissions")
    assert "made private" not in out and private.NOTHING_TO_FIX in out
    assert "warning" not in ok(path, "check")


def test_a_private_journal_gets_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    ok(path, "add", "Ana Souza")
    ok(path, "backup")
    out = ok(path, "check")
    assert "warning" not in out
    assert mode(path) == 0o600 and mode(tmp_path / "backups") == 0o700


def test_fix_permissions_on_a_file_that_is_not_a_journal_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a journal")
    path.chmod(0o644)
    assert "not a Rapport journal" in fails(path, "check", "--fix-permissions")
    assert mode(path) == 0o644 and path.read_text() == "not a journal"
