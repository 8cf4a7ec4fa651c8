"""File → Export…: the format (JSON, vCard, CSV, iCalendar, a Markdown folder) and where it goes.

The export runs off the GUI thread with a busy bar; the status bar then says where it went.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal import interchange, people
from journal.exports.csv_export import export_csv
from journal.exports.ics import export_ics
from journal.exports.markdown import export_markdown
from journal.exports.vcard import export_vcards
from journal.files import write_text_atomically

from .. import settings
from ..guard import tell_failure
from ..tasks import TaskRunner
from . import journal_files

FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"


@dataclass(frozen=True)
class Format:
    label: str
    about: str
    suffix: str  # "" for a folder
    filters: str
    write: Callable[[Path], object]


def _text(make: Callable[[], str]) -> Callable[[Path], object]:
    return lambda path: write_text_atomically(path, make())


FORMATS: dict[str, Format] = {
    "json": Format(
        "&JSON",
        "Everything in the journal, in Rapport's open format: it can be imported again.",
        ".json",
        "Rapport JSON (*.json)",
        interchange.dump_json,
    ),
    "vcard": Format(
        "&vCard",
        "One card per person, for address books and phones.",
        ".vcf",
        "vCard (*.vcf)",
        _text(export_vcards),
    ),
    "csv": Format(
        "&CSV",
        "One row per person with last touch, fit, tags, open goals and pains, for spreadsheets.",
        ".csv",
        "CSV (*.csv)",
        _text(export_csv),
    ),
    "ics": Format(
        "i&Calendar",
        "Follow-ups, decisions to revisit and keep-in-touch dates, for your calendar.",
        ".ics",
        "iCalendar (*.ics)",
        _text(export_ics),
    ),
    "markdown": Format(
        "&Markdown folder",
        "One readable file per person (profile, goals, pains, decisions, notes) in a folder.",
        "",
        "",
        export_markdown,
    ),
}


def export_to(kind: str, target: Path) -> str:
    """Write the export (in the worker) and say what was written where."""
    FORMATS[kind].write(target)
    count = people.count_people()
    return f"Exported {count} {'person' if count == 1 else 'people'} to {target}"


class ExportDialog(QDialog):
    """`exported(message)` once the file or folder is written."""

    exported = Signal(str)

    def __init__(self, background: TaskRunner, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.setObjectName("exportDialog")
        self.setAccessibleName("Export")
        self.setWindowTitle("Export the journal")
        self._stem = f"{stem} {dt.date.today():%Y-%m-%d}"
        self.group = QButtonGroup(self)
        choices = QVBoxLayout()
        self.radios: dict[str, QRadioButton] = {}
        for kind, fmt in FORMATS.items():
            radio = QRadioButton(fmt.label)
            radio.setObjectName(f"export_{kind}")
            radio.setToolTip(fmt.about)
            self.group.addButton(radio)
            self.radios[kind] = radio
            about = QLabel(fmt.about)
            about.setProperty("role", "hint")
            about.setWordWrap(True)
            about.setContentsMargins(24, 0, 0, 4)
            choices.addWidget(radio)
            choices.addWidget(about)
        self.target = QLineEdit()
        self.target.setObjectName("exportTarget")
        self.target.setAccessibleName("Save to")
        self.target.setMinimumWidth(380)
        self.choose = QPushButton("C&hoose…")
        self.choose.setObjectName("exportChooseButton")
        self.choose.clicked.connect(self.choose_target)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(self.choose)
        self.note = QLabel()
        self.note.setObjectName("exportNote")
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Format", choices)
        save_to = QLabel("&Save to")
        save_to.setBuddy(self.target)
        form.addRow(save_to, where)
        form.addRow("", self.note)
        self.bar = QProgressBar()
        self.bar.setObjectName("exportProgress")
        self.bar.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton("&Export")
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        folder = settings.value_str(FOLDER_KEY)
        folder = folder if folder and Path(folder).is_dir() else journal_files.documents()
        self.target.setText(str(Path(folder) / self._stem))
        kind = settings.value_str(FORMAT_KEY, "json")
        self.set_format(kind if kind in FORMATS else "json")
        self.group.buttonToggled.connect(lambda *_: self._format_changed())
        self.target.textChanged.connect(self._update_note)

    def format(self) -> str:
        return next(k for k, r in self.radios.items() if r.isChecked())

    def set_format(self, kind: str) -> None:
        self.radios[kind].setChecked(True)
        self._format_changed()

    def set_target(self, path: Path) -> None:
        self.target.setText(str(path))

    def target_path(self) -> Path | None:
        text = self.target.text().strip()
        return Path(text).expanduser() if text else None

    def choose_target(self) -> None:
        fmt, current = FORMATS[self.format()], self.target_path() or Path(self._stem)
        if not fmt.suffix:
            chosen = journal_files.choose_folder(self, "Export into a folder", current.parent)
            if chosen is not None and any(chosen.iterdir()):
                chosen = chosen / self._stem  # a new folder inside the one chosen
        else:
            chosen = journal_files.choose_save_file(self, "Export", current, fmt.filters)
        if chosen is not None:
            self.set_target(chosen)

    def _format_changed(self) -> None:
        path = self.target_path()
        if path is not None:
            suffix = FORMATS[self.format()].suffix
            known = {f.suffix for f in FORMATS.values() if f.suffix}
            stem = path.with_suffix("") if path.suffix in known else path
            self.target.setText(str(stem.with_name(stem.name + suffix)))
        self._update_note()

    def _update_note(self) -> None:
        path = self.target_path()
        folder = not FORMATS[self.format()].suffix
        if path is None:
            note = "Choose where the export goes."
        elif not path.parent.is_dir():
            note = f"{path.parent} is not a folder on this computer."
            path = None
        elif folder and path.is_dir():
            note = "This folder will hold the export (it must be empty or an earlier export)."
        elif folder:
            note = "A new folder with one Markdown file per person and an index."
        elif path.exists():
            note = "This file exists: the export replaces it."
        else:
            note = ""
        self.note.setText(note)
        self.export_button.setEnabled(path is not None)

    def start(self) -> bool:
        path, kind = self.target_path(), self.format()
        if path is None:
            return False
        started = self.background.run(
            "Exporting",
            lambda _progress: export_to(kind, path),
            lambda message: self._done(path, kind, message),
            failed=self._failed,
            bar=self.bar,
        )
        if started:
            self._set_busy(True)
        else:
            self.note.setText("Still busy with the last backup, import or export.")
        return started

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.export_button, self.choose, self.target, *self.radios.values()):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)

    def _done(self, path: Path, kind: str, message: str) -> None:
        self._set_busy(False)
        settings.set_value(FOLDER_KEY, str(path.parent))
        settings.set_value(FORMAT_KEY, kind)
        self.exported.emit(message)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        tell_failure(self, "Exporting", exc)

    def reject(self) -> None:
        if self.export_button.isEnabled() or not self.background.busy():
            super().reject()
