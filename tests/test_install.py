"""Installing Rapport like an app: the wheel holds everything it needs, and `make install` puts
the command, a valid desktop entry and the icon in the user's folders; `make uninstall` takes
them away again and leaves the journal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("journal", "ui", "resources", "packaging")
FILES = ("pyproject.toml", "README.md", "Makefile")
NO_CACHE = shutil.ignore_patterns("__pycache__", "*.pyc")
# Building the wheel takes ~5 s on a quiet machine, several times that on a busy one.
pytestmark = pytest.mark.timeout(300)


def copy_checkout(target: Path) -> Path:
    """The files a wheel is built from, in a folder of their own (the checkout stays untouched)."""
    for name in SOURCES:
        shutil.copytree(ROOT / name, target / name, ignore=NO_CACHE)
    for name in FILES:
        shutil.copy(ROOT / name, target / name)
    return target


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No PYTHONPATH or virtualenv leaking in; settings and data in tmp_path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "RAPPORT_JOURNAL", "PYTHONHOME"}
    }
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(extra)
    return env


def run(args: list[str | Path], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=800, **kwargs
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = copy_checkout(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    run([*pip, "--wheel-dir", out, source], cwd=source)
    (found,) = out.glob("rapport-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; its libraries are this venv's (no download)."""
    venv = tmp_path_factory.mktemp("app") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    ours = sysconfig.get_path("purelib")  # PySide6, peewee…, appended after the venv's own
    (Path(site.stdout.strip()) / "dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps"]
    run([*pip, wheel])
    return venv


def test_the_wheel_holds_the_icons_styles_sample_and_migrations(installed, tmp_path):
    code = """
import json, sys
from importlib import resources
import journal.migrations, resources as res, ui
files = resources.files("resources")
print(json.dumps({
    "modules": [m.__file__ for m in (journal.migrations, res, ui)],
    "files": [str(files / p) for p in (
        "icons/rapport.svg", "icons/people.svg", "styles/rapport.qss", "sample_journal.json")],
    "present": [(files / p).is_file() for p in (
        "icons/rapport.svg", "icons/people.svg", "styles/rapport.qss", "sample_journal.json")],
    "migrations": len(list(resources.files("journal.migrations").glob("v*.py"))),
}))
"""
    python = installed / "bin" / "python"
    found = json.loads(run([python, "-c", code], cwd=tmp_path, env=clean_env(tmp_path)).stdout)
    for path in found["modules"] + found["files"]:
        assert Path(path).resolve().is_relative_to(installed.resolve()), path
    assert all(found["present"])
    from journal import migrations

    assert found["migrations"] == migrations.LATEST_VERSION


def test_the_installed_command_says_its_version(installed, tmp_path):
    result = run(
        [installed / "bin" / "rapport", "--version"], cwd=tmp_path, env=clean_env(tmp_path)
    )
    assert result.stdout.strip() == "rapport 0.1.0"


def test_the_installed_demo_opens_its_window_and_quits(installed, tmp_path):
    # RAPPORT_BENCH_PAINTED: the window quits once it and its first page have been painted
    env = clean_env(tmp_path, RAPPORT_BENCH_PAINTED="1")
    result = run([installed / "bin" / "rapport", "--demo"], cwd=tmp_path, env=env)
    assert "rapport-bench: painted" in result.stdout
    assert not list((tmp_path / "data").rglob("journal.sqlite*"))  # nor makes one


def test_the_desktop_entry_is_valid(tmp_path):
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: apt-get install desktop-file-utils"
    entry = (ROOT / "packaging" / "rapport.desktop.in").read_text(encoding="utf-8")
    desktop = tmp_path / "rapport.desktop"
    desktop.write_text(entry.replace("@RAPPORT@", "/home/dana/.local/bin/rapport"), "utf-8")
    result = subprocess.run([validate, desktop], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    broken = tmp_path / "broken.desktop"  # the check can fail: an entry without its Type
    broken.write_text(entry.replace("Type=Application\n", ""), "utf-8")
    assert subprocess.run([validate, broken], capture_output=True).returncode != 0


def pip_cache() -> str | None:
    """This machine's pip cache, so the install into a temporary HOME downloads nothing again."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir()}


@pytest.mark.slow
@pytest.mark.timeout(900)  # a first install downloads PySide6 when pip's cache lacks it
def test_make_install_then_uninstall_leaves_only_the_journal(tmp_path):
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: apt-get install desktop-file-utils"
    checkout = copy_checkout(tmp_path / "checkout")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(tmp_path, HOME=str(home))
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(key)
    if cache := pip_cache():
        env["PIP_CACHE_DIR"] = cache
    run(
        ["make", "--no-print-directory", "install", f"PYTHON={sys.executable}"],
        cwd=checkout,
        env=env,
    )
    shutil.rmtree(checkout)  # no checkout needed to run it afterwards

    local = home / ".local"
    desktop = local / "share" / "applications" / "rapport.desktop"
    run([validate, desktop])
    assert "Icon=rapport" in desktop.read_text(encoding="utf-8")
    icon = local / "share" / "icons" / "hicolor" / "scalable" / "apps" / "rapport.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "rapport.svg").read_bytes()
    command = local / "bin" / "rapport"
    assert run([command, "--version"], cwd=tmp_path, env=env).stdout.strip() == "rapport 0.1.0"
    run([command, "add", "Dana Whitfield"], cwd=tmp_path, env=env)  # into the default journal
    journal = local / "share" / "Rapport" / "Rapport" / "journal.sqlite"
    assert journal.is_file()

    checkout = copy_checkout(tmp_path / "checkout")
    run(["make", "--no-print-directory", "uninstall"], cwd=checkout, env=env)
    left = files_under(local)
    assert left and all(name.startswith("share/Rapport/Rapport/") for name in left), left
    found = run(
        [sys.executable, "-m", "ui.cli", "--journal", journal, "search", "Whitfield"], cwd=ROOT
    )
    assert "Dana Whitfield" in found.stdout
