"""Private by default: the files Rapport keeps are its owner's only (files 0600, folders 0700),
whatever the umask; what the person exports keeps their usual mode."""

from __future__ import annotations

import contextlib
import glob
import os
import shlex
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
FOLDER_MODE = 0o700
NOT_OWNER = 0o077  # any of these bits opens a file or folder to other accounts
READ_BY_OTHERS = 0o044
HAS_MODES = os.name != "nt"  # Windows keeps only a read-only flag: the profile's ACLs decide
SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")
WARNING = "this journal can be read by other accounts on this computer"
NOTHING_TO_FIX = (
    "its files were already readable by you only"
    if HAS_MODES
    else "on Windows the folders' permissions decide who can read the journal"
)

_umask_lock = threading.Lock()
_private_depth = 0
_usual_umask = 0o022


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files created inside are their owner's only: SQLite's database file, and so its -wal,
    -shm and -journal, which SQLite gives the database file's mode.

    The umask is the whole process's: files other threads create meanwhile are private too.
    Nested and concurrent uses put the usual umask back once, when the last one ends.
    """
    global _private_depth, _usual_umask
    with _umask_lock:
        if _private_depth == 0:
            _usual_umask = os.umask(NOT_OWNER)
            os.umask(_usual_umask | NOT_OWNER)
        _private_depth += 1
    try:
        yield
    finally:
        with _umask_lock:
            _private_depth -= 1
            if _private_depth == 0:
                os.umask(_usual_umask)


def usual_umask() -> int:
    """The process's umask as the person set it (not the private one of `private_umask`)."""
    with _umask_lock:
        if _private_depth:
            return _usual_umask
        umask = os.umask(NOT_OWNER)
        os.umask(umask)
        return umask


def mode(path: str | os.PathLike[str]) -> int:
    """The permission bits of `path` (0o600: read and written by its owner only)."""
    return stat.S_IMODE(os.stat(path).st_mode)


def set_mode(path: str | os.PathLike[str], bits: int) -> None:
    """chmod where the platform has modes (Windows: only a read-only flag)."""
    if HAS_MODES:
        os.chmod(path, bits)


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create the folder `path` and its missing parents, each private; existing ones are left
    as they are."""
    path = Path(path)
    missing = []
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs to decide
        set_mode(folder, FOLDER_MODE)
    folder = missing[0] if missing else path
    if not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    return folder


def opener(path: str, flags: int) -> int:
    """For `open(..., opener=private.opener)`: a file created by it is private."""
    return os.open(path, flags, FILE_MODE)


def copy_file(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> None:
    """Copy `source` into a new private file `dest` (one that was there is replaced)."""
    Path(dest).unlink(missing_ok=True)
    with open(source, "rb") as src, open(dest, "xb", opener=opener) as out:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], *, private: bool = False) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` whole when the block ends (removed if it fails).

    It is private while it is written. Then `path` is private too, or (private=False: an export
    to a place the person chose) has the mode of the file it replaced, or the umask's usual one.
    """
    path = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        final = FILE_MODE if private else usual_mode(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    set_mode(path, final)


def usual_mode(path: Path, *, folder: bool = False) -> int:
    """The mode `path` has now, or (if it does not exist) the one the umask gives a new one."""
    try:
        return mode(path)
    except FileNotFoundError:
        return (0o777 if folder else 0o666) & ~usual_umask()


def journal_files(journal_path: Path, backup_folder: Path) -> list[Path]:
    """The files (and backup folder) that hold a journal's content, those that exist."""
    name = journal_path.name
    found = [journal_path, *(journal_path.with_name(name + side) for side in SIDE_FILES)]
    found += sorted(journal_path.parent.glob(f"{glob.escape(name)}.damaged-*"))
    if backup_folder.is_dir():
        found.append(backup_folder)
        found += sorted(backup_folder.glob(f"{glob.escape(journal_path.stem)}-*"))
    return [p for p in found if p.exists()]


def readable_by_others(journal_path: Path, backup_folder: Path) -> list[Path]:
    """The journal's files that other accounts may read (none where modes do not exist)."""
    if not HAS_MODES:
        return []
    return [
        p
        for p in journal_files(journal_path, backup_folder)
        if p.is_file() and p.stat().st_mode & READ_BY_OTHERS
    ]


def make_private(journal_path: Path, backup_folder: Path) -> list[Path]:
    """Make the journal's files 0600 and its backup folder 0700; returns those changed."""
    if not HAS_MODES:
        return []
    changed = []
    for path in journal_files(journal_path, backup_folder):
        wanted = FOLDER_MODE if path.is_dir() else FILE_MODE
        if mode(path) != wanted:
            os.chmod(path, wanted)
            changed.append(path)
    return changed


def names(paths: list[Path], backup_folder: Path) -> str:
    """'journal.sqlite, journal.sqlite-wal and 3 backups': the files a warning is about."""
    shown = [p.name for p in paths if p.parent != backup_folder]
    if kept := sum(p.parent == backup_folder for p in paths):
        shown.append(f"{kept} backup{'s' if kept > 1 else ''}")
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else "".join(shown)


def fix_command(journal_path: Path) -> str:
    """The command that makes the journal at `journal_path` private."""
    return f"rapport --journal {shlex.quote(str(journal_path))} check --fix-permissions"
