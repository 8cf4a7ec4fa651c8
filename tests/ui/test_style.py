"""The look follows the system's light or dark scheme; the style sheet ships as package data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from ui import style


def test_style_sheet_is_shipped_and_uses_palette_roles() -> None:
    sheet = style.stylesheet()
    assert "QListView#sidebar" in sheet
    assert "#" not in sheet.replace("QListView#sidebar", "")  # colours come from the palette


def test_dark_scheme_gets_a_dark_palette(qapp) -> None:
    dark = style.palette_for(qapp, Qt.ColorScheme.Dark)
    light = style.palette_for(qapp, Qt.ColorScheme.Light)
    role = QPalette.ColorRole.Window
    assert dark.color(role).lightness() < 80 < light.color(role).lightness()
    assert dark.color(QPalette.ColorRole.Text).lightness() > 180


def test_apply_style_follows_the_current_scheme(qapp) -> None:
    style.apply_style(qapp)
    expected = style.palette_for(qapp, qapp.styleHints().colorScheme())
    role = QPalette.ColorRole.Window
    assert qapp.palette().color(role) == expected.color(role)
    assert "sidebar" in qapp.styleSheet()
