"""Numbered schema migrations: `vNNNN_name.py` modules, each with `up(migrator, db)`.

A migration module may set `REINDEX = True` when the search index must be rebuilt
after the whole run (the rebuild uses the current code, which migrations must not).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from types import ModuleType

_NAME = re.compile(r"^v(\d{4})_\w+$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    module: ModuleType


def _numbered() -> list[tuple[int, str]]:
    """(version, module name) of every migration shipped, in order; raises on a gap."""
    found = sorted(
        (int(match.group(1)), info.name)
        for info in pkgutil.iter_modules(__path__)
        if (match := _NAME.match(info.name))
    )
    versions = [version for version, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {versions}")
    return found


def all_migrations() -> list[Migration]:
    """Every migration shipped with this package, in order of version (imported only here:
    opening an up-to-date journal needs none of them)."""
    return [
        Migration(version, name, importlib.import_module(f"{__name__}.{name}"))
        for version, name in _numbered()
    ]


LATEST_VERSION = len(_numbered())
