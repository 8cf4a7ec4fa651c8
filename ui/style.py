"""The look: Fusion on the system's light or dark palette, plus a small palette-aware QSS."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QApplication


def stylesheet() -> str:
    ref = resources.files("resources") / "styles" / "rapport.qss"
    return ref.read_text(encoding="utf-8") if ref.is_file() else ""


def apply_style(app: QApplication) -> None:
    """Fusion follows the platform palette (light or dark); the QSS only uses palette roles."""
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
