"""Shared fixtures: every test that touches data gets a real journal file in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("RAPPORT_JOURNAL", None)

from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.storage import Journal, open_journal


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most accounts have, 022 (the process's umask is global: put back after)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    handle = open_journal(journal_path)
    yield handle
    handle.close()
