"""Who is writing to the journal: the name set in Preferences (or $RAPPORT_AUTHOR), else a server
journal's PostgreSQL role; on a file journal with no name set, nobody ('')."""

from __future__ import annotations

from . import validate as v
from .errors import JournalError

MAX_LENGTH = 80
ENVIRONMENT = "RAPPORT_AUTHOR"  # the command line's name (the window's is in its Preferences)

_chosen = ""  # set by the window's Preferences or the command line, for every journal
_role = ""  # the open server journal's role (current_user); '' for a file journal


def clean(name: object, field: str = "name") -> str:
    """A name as it is stored: one line of text, spaces trimmed ('' is nobody)."""
    cleaned = v.text(name, field)
    if "\n" in cleaned or "\r" in cleaned:
        raise JournalError(f"{field}: must be one line")
    if len(cleaned) > MAX_LENGTH:
        raise JournalError(f"{field}: at most {MAX_LENGTH} characters")
    return cleaned


def set_author(name: object, field: str = "name") -> str:
    """Use `name` for every note, decision and edit written from now on ('' = the role, or
    nobody on a file journal); returns the name as stored. `field` names it in an error."""
    global _chosen
    _chosen = clean(name, field)
    return _chosen


def set_role(role: str) -> None:
    """Called as a journal opens: its server role, or '' for a file journal."""
    global _role
    _role = role or ""


def chosen() -> str:
    """The name set for this computer ('' when none is)."""
    return _chosen


def author() -> str:
    """Who the write being made now is by: the chosen name, else the server role, else ''."""
    return _chosen or _role
