"""The README is enough on its own: its commands exist, its package lists are the ones the code
names, its links resolve, and the repository refers to nothing outside itself."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ui import qt_check

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_in(markdown: str) -> str:
    """The text of the fenced blocks and inline code spans, where commands are written."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", markdown, re.MULTILINE | re.DOTALL)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    return "\n".join(blocks + re.findall(r"`([^`\n]+)`", prose)).replace("\\\n", " ")


def make_targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.MULTILINE))


def test_every_make_command_in_the_readme_is_a_makefile_target():
    commands = set(re.findall(r"\bmake ([a-z][\w-]*)", code_in(README)))
    assert {"run", "test", "install", "uninstall"} <= commands  # the parse found them
    targets = make_targets((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert commands - targets == set()


def test_a_target_the_makefile_lacks_would_be_caught():
    assert "deploy" not in make_targets((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert re.findall(r"\bmake ([a-z][\w-]*)", code_in("run `make deploy` now")) == ["deploy"]


def test_the_readme_package_lists_are_the_ones_rapport_prints():
    lists = [
        line.split("apt-get install", 1)[1].split()
        for line in code_in(README).splitlines()
        if "apt-get install" in line
    ]
    assert qt_check.packages() in lists
    assert qt_check.packages(window=True) in lists
    assert any("python3-venv" in packages for packages in lists)


def test_the_readme_links_resolve():
    links = re.findall(r"\]\(([^)#:]+)\)", README)
    assert "docs/architecture.md" in links
    assert [link for link in links if not (ROOT / link).exists()] == []


def tracked_files() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    return [ROOT / name for name in names if name and (ROOT / name).is_file()]


def test_no_tracked_file_refers_to_the_folder_outside_the_repository():
    outside = re.compile(re.escape("../" + "shared") + "|" + re.escape("/work/" + "shared"))
    offenders = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if outside.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_command_of_the_command_line_is_in_the_readme():
    from ui.cli import build_parser

    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    options = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    table = README.split("## The command line", 1)[1].split("\n## ", 1)[0]
    first_cells = re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE)
    named = {span.split()[0] for cell in first_cells for span in re.findall(r"`([^`]+)`", cell)}
    assert {"add", "encrypt", "decrypt", "--demo"} <= named  # the parse found them
    missing = (set(commands.choices) | set(options) - {"--help", "--journal"}) - named
    assert missing == set()
