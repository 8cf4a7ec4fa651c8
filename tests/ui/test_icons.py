"""The shipped icons: any size, plain on a selected row's highlight, greyed when disabled."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette

from ui.icons import icon

GREY = QColor("#7a808a")  # the strokes of resources/icons/*.svg


def _inked(image: QImage) -> list[QColor]:
    """The colours of the pixels an icon drew on fully (its strokes, not their soft edges)."""
    return [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() >= 230
    ]


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_an_icon_is_drawn_as_shipped_at_any_size(qapp) -> None:
    for size in (20, 40, 64):
        inked = _inked(icon("search").pixmap(QSize(size, size)).toImage())
        assert inked, size
        assert all(_distance(colour, GREY) < 8 for colour in inked)


def test_a_selected_icon_takes_the_highlighted_texts_colour(qapp) -> None:
    text = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
    highlight = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
    for name in ("today", "people", "search", "personas"):
        pixmap = icon(name).pixmap(QSize(40, 40), QIcon.Mode.Selected)
        inked = _inked(pixmap.toImage())
        assert inked, name
        assert all(_distance(colour, text) < 8 for colour in inked), name
        assert _distance(text, highlight) > _distance(GREY, highlight)  # plainer than the grey


def test_a_disabled_icon_is_greyed_and_an_unknown_one_is_empty(qapp) -> None:
    normal = _inked(icon("people").pixmap(QSize(24, 24)).toImage())
    disabled = icon("people").pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    assert normal and [c for c in _inked(disabled)] != normal
    assert icon("no-such-icon").isNull()
