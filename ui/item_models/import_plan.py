"""An import's plan as three tables: who will be added, who merged into whom, what is skipped."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from journal.contacts import Contact, ContactImportReport, ParsedFile

from .text_rows import TextRowsModel

FIELD_NAMES = {
    "company": "company",
    "role": "role",
    "location": "location",
    "how_we_met": "how we met",
    "met_on": "date met",
    "emails": "email",
    "phones": "phone",
    "tags": "tags",
    "note": "a note",
}
ADDED_HEADERS = ("Name", "Company", "Email", "Where in the file")
MERGED_HEADERS = ("In the file", "Same person as", "Fills in", "Where in the file")
SKIPPED_HEADERS = ("Where in the file", "Why it is skipped")


@dataclass(frozen=True)
class ImportPlan:
    """A file read and its dry run: what Import will do."""

    parsed: ParsedFile
    report: ContactImportReport

    @property
    def changes_nothing(self) -> bool:
        return not self.report.added and not any(m.filled for m in self.report.merged)


def added_contacts(plan: ImportPlan) -> list[Contact | None]:
    """The contact behind each added name, in the report's order (None where unknown)."""
    merged_refs = {m.source_ref for m in plan.report.merged}
    skipped_refs = {s.source_ref for s in plan.report.skipped}
    left = [
        c
        for c in plan.parsed.contacts
        if c.source_ref not in merged_refs and c.source_ref not in skipped_refs
    ]
    if len(left) != len(plan.report.added):
        return [None] * len(plan.report.added)
    return list(left)


def added_rows(plan: ImportPlan) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, contact in zip(plan.report.added, added_contacts(plan), strict=True):
        if contact is None:
            rows.append((name, "", "", ""))
        else:
            emails = ", ".join(contact.emails)
            rows.append((name, contact.company, emails, contact.source_ref))
    return rows


def filled_text(filled: tuple[str, ...]) -> str:
    return ", ".join(FIELD_NAMES.get(f, f) for f in filled) if filled else "nothing new"


def merged_rows(plan: ImportPlan) -> list[tuple[str, str, str, str]]:
    return [(m.name, m.into, filled_text(m.filled), m.source_ref) for m in plan.report.merged]


def skipped_rows(plan: ImportPlan) -> list[tuple[str, str]]:
    return [(s.source_ref, s.reason) for s in plan.report.skipped]


def plan_models(plan: ImportPlan, parent: QObject) -> dict[str, TextRowsModel]:
    """The three tables of the preview, by name: "added", "merged", "skipped"."""
    models = {
        "added": TextRowsModel(ADDED_HEADERS, parent),
        "merged": TextRowsModel(MERGED_HEADERS, parent),
        "skipped": TextRowsModel(SKIPPED_HEADERS, parent),
    }
    models["added"].set_rows(added_rows(plan))
    models["merged"].set_rows(merged_rows(plan))
    models["skipped"].set_rows(skipped_rows(plan))
    return models
