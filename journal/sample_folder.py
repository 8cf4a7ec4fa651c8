"""The sample journal's temporary folders: private, named for the process that made them, removed
when it ends (and, if it was killed, by the next sample)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PREFIX = "rapport-sample-"
_NAME = re.compile(rf"{re.escape(PREFIX)}(?P<pid>\d+)-\w+")


def new_folder() -> Path:
    """A new private folder for a sample journal (the abandoned ones are removed first)."""
    remove_abandoned()
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))  # mkdtemp: 0700


def is_sample(path: str | os.PathLike[str]) -> bool:
    """A throwaway sample journal (not worth remembering among recent journals)."""
    return Path(path).parent.name.startswith(PREFIX)


def remove_own() -> None:
    """Remove this process's sample folders (when the window closes or the process is ended)."""
    for folder, pid in _sample_folders():
        if pid == os.getpid():
            shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned() -> list[Path]:
    """Remove the sample folders whose process is gone (a killed Rapport); returns them."""
    removed = []
    for folder, pid in _sample_folders():
        if not _running_since_before(pid, folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _sample_folders() -> Iterator[tuple[Path, int]]:
    """This account's sample folders in the temporary folder, each with its process id."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        match = _NAME.fullmatch(folder.name)
        try:
            info = folder.lstat()
        except OSError:
            continue
        mine = uid is None or info.st_uid == uid
        if match and mine and stat.S_ISDIR(info.st_mode):  # lstat: a link is not followed
            yield folder, int(match["pid"])


def _running_since_before(pid: int, folder: Path) -> bool:
    """The process `pid` runs and started before `folder` was made (not a later one that was
    given the same number)."""
    import psutil  # only when a sample journal is made, not when the window starts

    try:
        started = psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:
        return True  # there, but not ours to inspect
    try:
        return started <= folder.stat().st_mtime + 1
    except OSError:
        return False
