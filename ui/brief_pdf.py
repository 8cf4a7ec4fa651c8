"""A meeting brief as an A4 PDF: its Markdown laid out by QTextDocument, drawn by QPdfWriter.

The caller owns the Qt application: a QGuiApplication (or QApplication) must exist before
`write_brief_pdf` is called. The command line creates a QGuiApplication with
QT_QPA_PLATFORM=offscreen when it needs one; the window already has its QApplication.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from journal.private import replacing

MARGIN_MM = 18
RESOLUTION = 600
BODY_PT = 10.5
INK = QColor("#1d1d1f")
ACCENT = QColor("#24577a")
MUTED = QColor("#6b6b70")
CODE_BACKGROUND = QColor("#f2f2f4")
# heading level: (size in points, space above, space below, colour)
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
HEADINGS = {1: (19.0, 0.0, 5.0, INK), 2: (12.5, 11.0, 3.0, ACCENT), 3: (10.5, 7.0, 2.0, MUTED)}


def _px(points: float) -> float:
    """Points as the lengths of block formats, which Qt scales from the screen's logical DPI."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return points * dpi / 72


def _style_block(cursor: QTextCursor, level: int) -> None:
    size, above, below, colour = HEADINGS.get(level, HEADINGS[3])
    block_format = cursor.blockFormat()
    block_format.setTopMargin(_px(above))
    block_format.setBottomMargin(_px(below))
    cursor.setBlockFormat(block_format)
    block = cursor.block()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        char_format = fragment.charFormat()
        char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        char_format.setFontPointSize(size)
        char_format.setFontWeight(QFont.Weight.Bold)
        char_format.setForeground(colour)
        selection = QTextCursor(block)
        selection.setPosition(fragment.position())
        end = fragment.position() + fragment.length()
        selection.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.setCharFormat(char_format)
        it += 1


def _tidy(doc: QTextDocument) -> None:
    """Heading sizes and colours, and even spacing between paragraphs and list items."""
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        level = block.blockFormat().headingLevel()
        if level:
            _style_block(cursor, level)
        else:
            block_format = block.blockFormat()
            block_format.setLineHeight(115, PROPORTIONAL)
            block_format.setTopMargin(0)
            in_list = block.textList() is not None
            last_of_list = in_list and block.next().textList() is None
            block_format.setBottomMargin(_px(3 if in_list and not last_of_list else 6))
            if block_format.nonBreakableLines():  # a code block: wrap it rather than cut it off
                block_format.setNonBreakableLines(False)
                block_format.setBackground(CODE_BACKGROUND)
                block_format.setLineHeight(100, PROPORTIONAL)
                if block.next().blockFormat().nonBreakableLines():
                    block_format.setBottomMargin(0)
            cursor.setBlockFormat(block_format)
        block = block.next()


def _keep_headings_with_text(doc: QTextDocument, height: float) -> None:
    """Move a heading that would end a page to the next one, beside the text it introduces."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid() and block.next().isValid():
        following = block.next()
        if block.blockFormat().headingLevel():
            top = layout.blockBoundingRect(block).top()
            next_top = layout.blockBoundingRect(following).top()
            if int(next_top // height) > int(top // height):
                block_format = block.blockFormat()
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(block_format)
        block = following


def _add_title(doc: QTextDocument, title: str) -> None:
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertBlock(doc.firstBlock().blockFormat(), doc.firstBlock().charFormat())
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    block_format = QTextBlockFormat()
    block_format.setBottomMargin(_px(8))
    cursor.setBlockFormat(block_format)
    char_format = QTextCharFormat()
    char_format.setFontPointSize(8.5)
    char_format.setFontCapitalization(QFont.Capitalization.AllUppercase)
    char_format.setFontLetterSpacing(108)
    char_format.setForeground(MUTED)
    cursor.insertText(title, char_format)


def write_brief_pdf(markdown: str, path: Path, title: str) -> None:
    """Write `markdown` as an A4 PDF at `path`, `title` at the top and in the PDF's metadata."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_brief_pdf needs a QGuiApplication: create one first")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Rapport")
    writer.setResolution(RESOLUTION)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    page = layout.paintRectPixels(RESOLUTION)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long links too
    doc.setDefaultTextOption(option)
    doc.setIndentWidth(_px(14))
    doc.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    _tidy(doc)
    _add_title(doc, title)
    width, height = page.width(), page.height()
    doc.setPageSize(QSizeF(width, height))
    _keep_headings_with_text(doc, height)

    painter = QPainter(writer)
    try:
        painter.setPen(INK)
        for number in range(doc.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            doc.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
    finally:
        painter.end()
    _write_whole(Path(path), bytes(buffer.data()))


def _write_whole(path: Path, data: bytes) -> None:
    """Write to a private temporary file beside `path`, then rename: never a half-written PDF,
    and the PDF gets the person's usual mode."""
    with replacing(path) as file:
        file.write(data)


def write_pdf_headless(markdown: str, path: Path, title: str) -> None:
    """`write_brief_pdf` from a program with no window (the command line): makes the
    QGuiApplication it needs, off screen, if there is none."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    write_brief_pdf(markdown, path, title)
    del app
