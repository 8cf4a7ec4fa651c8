"""What the window remembers between runs (QSettings): its shape, last page, recent journals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def _settings() -> QSettings:
    return QSettings()


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
    _settings().setValue("journals/recent", [str(p) for p in recent])
    return recent


def forget_recent() -> None:
    _settings().remove("journals/recent")


def value_bytes(key: str) -> QByteArray | None:
    value = _settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_value(key: str, value: object) -> None:
    _settings().setValue(key, value)


def value_str(key: str, default: str = "") -> str:
    value = _settings().value(key, default)
    return value if isinstance(value, str) else default


def value_bool(key: str, default: bool = False) -> bool:
    value = _settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1")
    return bool(value)
