"""The meeting brief of one person: read it in the window, save it as PDF or Markdown.

The PDF is laid out and written off the GUI thread, with a busy bar in the dialog.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal import people
from journal.brief import brief_markdown
from journal.files import write_text_atomically

from .. import settings
from ..brief_pdf import write_brief_pdf
from ..guard import attempt, tell_failure
from ..tasks import TaskRunner
from . import journal_files

FOLDER_KEY = "brief/folder"


def file_name(name: str, suffix: str) -> str:
    """ "Brief Ana Souza 2026-11-23.pdf": no characters a file system refuses."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    safe = " ".join(safe.split()).strip(" .")[:80] or "person"
    return f"Brief {safe} {dt.date.today():%Y-%m-%d}{suffix}"


class BriefDialog(QDialog):
    """`saved(message)` after each file written, for the status bar."""

    saved = Signal(str)

    def __init__(self, person_id: int, background: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.background = background
        self.person = people.get_person(person_id)
        self.markdown = brief_markdown(person_id)
        self.title = f"Brief: {self.person.name}"
        self.setObjectName("briefDialog")
        self.setAccessibleName("Meeting brief")
        self.setWindowTitle(self.title)
        self.view = QTextBrowser()
        self.view.setObjectName("briefView")
        self.view.setAccessibleName("Meeting brief")
        self.view.setOpenExternalLinks(True)
        self.view.document().setDocumentMargin(16)
        github = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
        self.view.document().setMarkdown(self.markdown, github)
        self.done_label = QLabel()
        self.done_label.setObjectName("briefSavedLabel")
        self.done_label.setProperty("role", "hint")
        self.done_label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("briefProgress")
        self.bar.hide()
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.setObjectName("briefPdfButton")
        self.md_button = QPushButton("Save as &Markdown…")
        self.md_button.setObjectName("briefMarkdownButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.md_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.md_button.clicked.connect(lambda: self.save_markdown())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.resize(680, 680)

    def _choose(self, suffix: str, filters: str) -> Path | None:
        folder = Path(settings.value_str(FOLDER_KEY) or journal_files.documents())
        suggested = folder / file_name(self.person.name, suffix)
        title = "Save the brief as PDF" if suffix == ".pdf" else "Save the brief as Markdown"
        return journal_files.choose_save_file(self, title, suggested, filters)

    def save_pdf(self, path: Path | None = None) -> bool:
        """Write the PDF in the worker; False if nothing was started."""
        path = path or self._choose(".pdf", "PDF (*.pdf)")
        if path is None:
            return False
        markdown, title = self.markdown, self.title
        started = self.background.run(
            "Writing the PDF",
            lambda _progress: write_brief_pdf(markdown, path, title),
            lambda _: self._saved(path),
            failed=self._failed,
            bar=self.bar,
        )
        if started:
            self._set_busy(True)
        else:
            self.done_label.setText("Still busy with the last backup, import or export.")
        return started

    def save_markdown(self, path: Path | None = None) -> bool:
        path = path or self._choose(".md", "Markdown (*.md)")
        if path is None:
            return False
        if attempt(self, "Saving the brief", write_text_atomically, path, self.markdown) is None:
            return False
        self._saved(path)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.pdf_button.setEnabled(not busy)
        self.md_button.setEnabled(not busy)

    def _saved(self, path: Path) -> None:
        self._set_busy(False)
        settings.set_value(FOLDER_KEY, str(path.parent))
        message = f"Saved the brief for {self.person.name} to {path}"
        self.done_label.setText(message + ".")
        self.saved.emit(message)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        tell_failure(self, "Writing the PDF", exc)

    def reject(self) -> None:
        if self.pdf_button.isEnabled():
            super().reject()
