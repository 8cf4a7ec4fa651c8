"""The architecture line: journal/ has no Qt; ui/ has no SQL; the product avoids pipeline words."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: str) -> dict[str, set[str]]:
    """Which modules of `package` each of its modules imports, wherever the import stands (in a
    function too). A package's `__init__` is no edge: importing `pkg.mod` runs it, not a cycle."""
    files = {_module_name(p): p for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.rsplit(".", node.level - 1)[0] if node.level else ""
                module = ".".join(p for p in (base, node.module or "") if p)
                targets += [f"{module}.{a.name}" for a in node.names] + [module]
        graph[name] = set()
        for target in targets:
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name and files[target].name != "__init__.py":
                graph[name].add(target)
    return graph


@pytest.mark.parametrize("package", ["journal", "ui"])
def test_no_import_cycles(package):
    try:
        list(TopologicalSorter(import_graph(package)).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_the_cycle_check_sees_imports_inside_functions():
    graph = import_graph("journal")
    assert "journal.storage" in graph["journal.recovery"]  # a top-level import
    assert "journal.models" in graph["journal.backups"]  # inside backup_before_import
    assert "journal.backups" in graph["journal.contacts.importer"]  # `from .. import backups`


def test_no_journal_or_backup_is_tracked_outside_the_fixtures():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    strays = [
        name
        for name in tracked
        if name.endswith((".sqlite", ".sqlite-wal", ".db"))
        and not name.startswith(("tests/fixtures/", "resources/"))
    ]
    assert strays == []
