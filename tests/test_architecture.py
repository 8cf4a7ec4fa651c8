"""The architecture line: journal/ has no Qt; ui/ has no SQL; the product avoids pipeline words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_importing_journal_loads_no_qt():
    code = (
        "import sys, journal, journal.storage, journal.search, journal.today, journal.listing,"
        " journal.interchange, journal.timeline, journal.credit, journal.trash\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_command_line_subcommands_load_no_qt():
    code = (
        "import sys, ui.cli, ui.cli_commands\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("ui", "peewee|playhouse|sqlite3|sqlcipher3"),  # the window calls journal operations
        ("journal", "PySide6|shiboken6"),  # the domain runs without a display
    ],
)
def test_layers_import_only_what_they_may(folder, forbidden):
    pattern = re.compile(rf"^\s*(from|import)\s+({forbidden})\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_pipeline_vocabulary_in_the_product():
    words = re.compile(r"\b(pipeline|funnel|lead score|conversion rate|deal stage)\b", re.I)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("journal", "ui", "resources")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".qss", ".json", ".svg"} and words.search(path.read_text("utf-8"))
    ]
    assert offenders == []
