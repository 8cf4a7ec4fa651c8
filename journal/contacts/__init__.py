"""Contacts in: vCard, CSV (LinkedIn, Google, Outlook, any spreadsheet) and Rapport JSON files.

`read_contacts` only reads; `import_contacts` adds all or nothing, merging people already there.
"""

from .importer import (
    ContactImportReport,
    Merged,
    NearDuplicate,
    import_contacts,
    read_contacts,
)
from .merge import merge_people
from .model import Contact, ParsedFile, Skipped

__all__ = [
    "Contact",
    "ContactImportReport",
    "Merged",
    "NearDuplicate",
    "ParsedFile",
    "Skipped",
    "import_contacts",
    "merge_people",
    "read_contacts",
]
