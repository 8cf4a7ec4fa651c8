"""Contacts in: vCard, CSV (LinkedIn, Google, Outlook, any spreadsheet) and Rapport JSON files.

`read_contacts` reads a file without touching the journal; `import_contacts` adds it in one
transaction, merging people already there; `merge_people` merges two people by hand.
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
