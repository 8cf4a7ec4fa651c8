"""The one exception type for mistakes a person can fix, with messages fit to show them."""


class JournalError(Exception):
    """A user-facing error: bad input, a missing record, a file that is not a journal."""


class NotFound(JournalError):
    """A record that does not exist (or no longer exists)."""


class JournalTooNew(JournalError):
    """The journal was written by a newer Rapport; it is refused and left untouched."""


class NotAJournal(JournalError):
    """The file is not a Rapport journal (corrupt, unrelated, or not SQLite at all)."""


class PassphraseNeeded(JournalError):
    """The journal is encrypted and no passphrase was given."""


class WrongPassphrase(JournalError):
    """The passphrase does not open the journal (nothing was read or written)."""


class JournalBusy(JournalError):
    """Another Rapport kept the journal busy for longer than this write could wait."""


class JournalDamaged(NotAJournal):
    """The journal's file is damaged (SQLite's own checks found broken pages): it is left as it
    is, and a backup may be put in its place."""
