"""ui/ talks to the journal through its operations only: no peewee, no SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = re.compile(
    r"^\s*(import peewee|from peewee|import playhouse|from playhouse|import sqlite3|from sqlite3)",
    re.M,
)
WIDGET_LISTS = re.compile(r"\bQ(List|Table|Tree)Widget\b")


def test_ui_imports_no_database_modules() -> None:
    offenders = [
        str(path.relative_to(UI)) for path in UI.rglob("*.py") if FORBIDDEN.search(path.read_text())
    ]
    assert offenders == []


def test_ui_uses_no_item_widgets_for_journal_data() -> None:
    offenders = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if WIDGET_LISTS.search(path.read_text())
    ]
    assert offenders == []


def test_forbidden_words_stay_out_of_the_window() -> None:
    words = re.compile(r"\b(leads?|deals?|stages?|funnels?|pipelines?|conversions?)\b", re.I)
    mine = ["app.py", "main_window.py", "actions.py", "settings.py", "style.py"]
    files = [UI / name for name in mine]
    for folder in ("pages", "item_models", "dialogs"):
        files += sorted((UI / folder).glob("*.py"))
    hits = [
        f"{path.name}: {m.group(0)}"
        for path in files
        for line in path.read_text().splitlines()
        if not line.lstrip().startswith("#")
        for m in words.finditer(line)
    ]
    assert hits == []


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function, relative ones resolved."""
    package = ["ui", *path.parent.relative_to(UI).parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def test_only_the_application_module_imports_the_main_window() -> None:
    importers = sorted(
        str(path.relative_to(UI)) for path in UI.rglob("*.py") if "ui.main_window" in _imports(path)
    )
    assert importers == ["app.py"]
