"""What the window remembers between runs (QSettings): its shape, last page, recent journals
(files, and server URLs without their passwords)."""

from __future__ import annotations

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


def recent_journals() -> list[Path]:
    value = _settings().value("journals/recent", [])
    if isinstance(value, str):
        value = [value]
    return [Path(p) for p in (value or []) if p]


def remember_journal(path: Path) -> list[Path]:
    """Put `path` first in the recent list; returns the new list."""
    path = Path(path).resolve()
    recent = [path] + [p for p in recent_journals() if p != path]
    recent = recent[:MAX_RECENT]
    settings = _settings()
    settings.setValue("journals/recent", [str(p) for p in recent])
    _write(settings)
    return recent


def forget_recent() -> None:
    settings = _settings()
    settings.remove("journals/recent")
    _write(settings)


def recent_servers() -> list[str]:
    """The server journals opened lately, newest first (their URLs hold no password)."""
    value = _settings().value("journals/recent_servers", [])
    if isinstance(value, str):
        value = [value]
    return [str(u) for u in (value or []) if u]


def remember_server(url: str) -> list[str]:
    """Put the server journal's URL, without its password, first in the recent list."""
    url = server.redacted(url.strip())
    recent = [url] + [u for u in recent_servers() if u != url]
    recent = recent[:MAX_RECENT]
    settings = _settings()
    settings.setValue("journals/recent_servers", recent)
    _write(settings)
    return recent


def forget_recent_servers() -> None:
    settings = _settings()
    settings.remove("journals/recent_servers")
    _write(settings)


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
