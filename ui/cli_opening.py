"""Opening a journal from the command line: an encrypted file's passphrase and a server's
password from the environment, else typed on the terminal (never echoed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal import storage
from journal.errors import JournalError

if TYPE_CHECKING:
    from journal.storage import Journal


def _typed(prompt: str) -> str:
    """What the person types at `prompt` on the terminal, not echoed."""
    import getpass  # only to ask: a command that needs no secret starts without it

    return getpass.getpass(prompt)


def open_with_passphrase(path: Path | str) -> Journal:
    """Open the journal; an encrypted one takes $RAPPORT_PASSPHRASE, else a prompt on a terminal;
    a server that asks for a password not in ~/.pgpass or $PGPASSWORD gets a prompt too."""
    if isinstance(path, str):
        return open_server(path)
    from journal import sqlite_file

    if not sqlite_file.is_encrypted(path):
        return storage.open_journal(path)
    from journal import crypto

    given = os.environ.get(crypto.ENV_VAR) or None
    try:
        return storage.open_journal(path, given)
    except crypto.PassphraseNeeded:
        if given is not None or not sys.stdin.isatty():
            raise
        return storage.open_journal(path, _typed(f"Passphrase for {path.name}: "))


def open_server(url: str) -> Journal:
    from journal import server

    try:
        return storage.open_journal(url)
    except server.PasswordNeeded:
        if not sys.stdin.isatty():
            raise JournalError(
                f"the server at {server.redacted(url)} asks for a password: put it in ~/.pgpass "
                "or $PGPASSWORD, or run this in a terminal to type it"
            ) from None
        typed = _typed(f"Password for {server.redacted(url)}: ")  # copy asks for two
        return storage.open_journal(url, password=typed)


def new_passphrase() -> str:
    """$RAPPORT_PASSPHRASE, else typed twice on a terminal."""
    from journal import crypto

    given = os.environ.get(crypto.ENV_VAR)
    if given:
        return crypto.check_passphrase(given)
    if not sys.stdin.isatty():
        raise JournalError(f"no passphrase: run this in a terminal or set {crypto.ENV_VAR}")
    first = crypto.check_passphrase(_typed("New passphrase: "))
    if _typed("The same passphrase again: ") != first:
        raise JournalError("the two passphrases differ; nothing was changed")
    return first
