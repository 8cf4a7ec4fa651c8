"""The look: Fusion, on a light or dark palette that follows the system, plus a small QSS.

The QSS names palette roles only, so the same sheet reads well in both schemes.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
DARK = {
    Role.Window: "#2b2d30",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1f2023",
    Role.AlternateBase: "#27292c",
    Role.ToolTipBase: "#3a3d41",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#8c9096",
    Role.Text: "#e6e6e6",
    Role.Button: "#35373b",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ff6b6b",
    Role.Light: "#45484d",
    Role.Midlight: "#3c3f43",
    Role.Mid: "#4a4d52",
    Role.Dark: "#1a1b1d",
    Role.Shadow: "#000000",
    Role.Highlight: "#3d7bd9",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb0ff",
    Role.LinkVisited: "#b89cff",
}
DARK_DISABLED = {Role.WindowText: "#7c7f84", Role.Text: "#7c7f84", Role.ButtonText: "#7c7f84"}


def stylesheet() -> str:
    ref = resources.files("resources") / "styles" / "rapport.qss"
    return ref.read_text(encoding="utf-8") if ref.is_file() else ""


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def palette_for(app: QApplication, scheme: Qt.ColorScheme) -> QPalette:
    if scheme == Qt.ColorScheme.Dark:
        return dark_palette()
    return app.style().standardPalette()


def apply_style(app: QApplication) -> None:
    """Fusion with the system's scheme, kept in step when the system switches light/dark."""
    app.setStyle("Fusion")
    hints = app.styleHints()

    def follow(scheme: Qt.ColorScheme) -> None:
        app.setPalette(palette_for(app, scheme))
        app.setStyleSheet(stylesheet())  # re-resolve palette(...) in the sheet

    follow(hints.colorScheme())
    hints.colorSchemeChanged.connect(follow)
