"""Rapport's journal: the domain and its storage. No Qt here; usable from scripts and tests.

Open a journal with `journal.storage.open_journal(path)`, then call the operations of the
modules named after each kind of record (`people`, `notes`, `decisions`, …).
"""

from .errors import JournalError
from .storage import Journal, open_journal

__all__ = ["Journal", "JournalError", "open_journal"]
