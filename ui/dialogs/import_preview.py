"""The preview of an import: what the file is, who will be added, who merged, what skipped.

Nothing is written until Import is pressed; then a busy bar shows while the import runs.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..item_models.import_plan import ImportPlan, plan_models
from ..pages.common import PersonTable

FIT_ROWS = 500
TABS = {
    "added": ("To add", "Nobody new in this file."),
    "merged": ("To merge", "Nobody in this file is already in the journal."),
    "skipped": ("Skipped", "Every entry of the file can be imported."),
}


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def describe(plan: ImportPlan) -> str:
    """One paragraph: the format, and what Import will do."""
    r = plan.report
    parts = [f"{plural(len(r.added), 'person', 'people')} to add" if r.added else "nobody new"]
    if plan.parsed.document is None:
        if r.merged:
            parts.append(f"{plural(len(r.merged), 'contact')} to merge with people you know")
        if r.skipped:
            parts.append(f"{plural(len(r.skipped), 'entry', 'entries')} skipped")
    else:
        j = r.journal_report
        extra = [
            plural(getattr(j, field, 0), word)
            for field, word in (("notes", "note"), ("goals", "goal"), ("decisions", "decision"))
            if getattr(j, field, 0)
        ]
        if extra:
            parts.append("with " + ", ".join(extra))
    said = "; ".join(parts)
    text = f"Detected: <b>{html.escape(r.format)}</b>. {said[0].upper()}{said[1:]}."
    if r.near_duplicates:
        count = plural(len(r.near_duplicates), "possible duplicate")
        text += f" Afterwards, {count} to review."
    return text


class ImportPreviewDialog(QDialog):
    """`importRequested` when Import is pressed; the flow accepts the dialog once it is done.
    `cancelRequested` when Cancel is pressed while the import runs (nothing of it is kept)."""

    importRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, plan: ImportPlan, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.busy = False
        self.setObjectName("importPreviewDialog")
        self.setAccessibleName("Import preview")
        self.setWindowTitle(f"Import {path.name}")
        self.summary = QLabel(describe(plan))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        hint = QLabel(
            "Nothing is written until you press Import. People already in the journal keep "
            "what they have: only their empty fields are filled in."
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.models = plan_models(plan, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tables: dict[str, PersonTable] = {}
        for name, (title, empty) in TABS.items():
            model = self.models[name]
            table = PersonTable(f"{name}Table", title, self)
            table.setModel(model)
            table.setToolTip(empty if not model.rowCount() else "")
            if model.rowCount() <= FIT_ROWS:  # fitting reads every row
                table.stretch(*range(model.columnCount() - 1))
            self.tables[name] = table
            index = self.tabs.addTab(table, f"{title} ({model.rowCount()})")
            self.tabs.setTabEnabled(index, model.rowCount() > 0)
        first = next((i for i in range(self.tabs.count()) if self.tabs.isTabEnabled(i)), 0)
        self.tabs.setCurrentIndex(first)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("importConfirmButton")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(not plan.changes_nothing)
        if plan.changes_nothing:
            self.import_button.setToolTip("Everyone in this file is in the journal already.")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("importCancelButton")
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def _import(self) -> None:
        self.set_busy(True)
        self.importRequested.emit()

    def set_busy(self, busy: bool) -> None:
        """While the import runs, Cancel stops it: it is all or nothing."""
        self.busy = busy
        self.import_button.setEnabled(not busy)
        self.tabs.setEnabled(not busy)
        self.cancel_button.setText("&Stop the import" if busy else "Cancel")

    def reject(self) -> None:
        if self.busy:
            self.cancelRequested.emit()
        else:
            super().reject()
