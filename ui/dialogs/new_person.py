"""Adding a person: a name (required) and, if known, company, role and email."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class NewPersonDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPersonDialog")
        self.setWindowTitle("New person")
        self.setAccessibleName("New person")
        self.setMinimumWidth(380)
        self.name_edit = self._field("name", "Name", "Who is it?")
        self.company_edit = self._field("company", "Company", "Optional")
        self.role_edit = self._field("role", "Role", "Optional")
        self.email_edit = self._field("email", "Email", "Optional")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        form = QFormLayout(self)
        form.addRow("&Name", self.name_edit)
        form.addRow("&Company", self.company_edit)
        form.addRow("&Role", self.role_edit)
        form.addRow("&Email", self.email_edit)
        form.addRow(self.buttons)
        self.name_edit.setFocus()

    def _field(self, name: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}Edit")
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        return edit

    def accept(self) -> None:
        if self.name_edit.text().strip():
            super().accept()

    def fields(self) -> dict[str, Any]:
        """What to pass to people.add_person: name plus any filled-in field."""
        values: dict[str, Any] = {"name": self.name_edit.text().strip()}
        for key, edit in (("company", self.company_edit), ("role", self.role_edit)):
            if edit.text().strip():
                values[key] = edit.text().strip()
        if self.email_edit.text().strip():
            values["emails"] = [self.email_edit.text().strip()]
        return values
