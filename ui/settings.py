"""What the window remembers between runs (QSettings): its shape, last page, recent journals
(files, and server URLs without their passwords)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from journal import private, server

MAX_RECENT = 8


def _settings() -> QSettings:
    return QSettings()


def _write(settings: QSettings) -> None:
    """Save now, in a file that is its owner's only: it names the recent journals. (Qt keeps a
    file's mode when it rewrites it; on Windows the settings are in the registry, not a file.)"""
    settings.sync()
    file = Path(settings.fileName())
    if private.HAS_MODES and file.is_file() and private.mode(file) != private.FILE_MODE:
        private.set_mode(file, private.FILE_MODE)


RECENT_FILES = "journals/recent"
RECENT_SERVERS = "journals/recent_servers"


def _recent(key: str) -> list[str]:
    value = _settings().value(key, [])
    if isinstance(value, str):
        value = [value]
    return [str(item) for item in (value or []) if item]


def _remember(key: str, item: str, same: Callable[[str, str], bool] = operator.eq) -> list[str]:
    recent = [item] + [i for i in _recent(key) if not same(i, item)]
    recent = recent[:MAX_RECENT]
    settings = _settings()
    settings.setValue(key, recent)
    _write(settings)
    return recent


def _forget(key: str) -> None:
    settings = _settings()
    settings.remove(key)
    _write(settings)


def recent_journals() -> list[Path]:
    return [Path(p) for p in _recent(RECENT_FILES)]


def remember_journal(path: Path) -> list[Path]:
    """Put `path` first in the recent list; returns the new list."""
    return [Path(p) for p in _remember(RECENT_FILES, str(Path(path).resolve()))]


def forget_recent() -> None:
    _forget(RECENT_FILES)


def recent_servers() -> list[str]:
    """The server journals opened lately, newest first (their URLs hold no password)."""
    return _recent(RECENT_SERVERS)


def remember_server(url: str) -> list[str]:
    """Put the server journal's URL, without its password, first in the recent list (in place
    of another spelling of the same journal's)."""
    return _remember(RECENT_SERVERS, server.redacted(url.strip()), server.same_journal)


def forget_recent_servers() -> None:
    _forget(RECENT_SERVERS)


def value_bytes(key: str) -> QByteArray | None:
    value = _settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_value(key: str, value: object) -> None:
    settings = _settings()
    settings.setValue(key, value)
    _write(settings)


def value_str(key: str, default: str = "") -> str:
    value = _settings().value(key, default)
    return value if isinstance(value, str) else default


def value_bool(key: str, default: bool = False) -> bool:
    value = _settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1")
    return bool(value)
