"""SVG icons shipped in resources/icons, found through importlib.resources and drawn by Qt's
SVG icon engine at each size asked for, when it is first asked for."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, sharp at any size (high-DPI too); an empty icon if
    there is none by that name."""
    ref = resources.files("resources") / "icons" / f"{name}.svg"
    if not ref.is_file():
        return QIcon()
    return QIcon(str(ref))  # resources is a folder of files, never a zip
