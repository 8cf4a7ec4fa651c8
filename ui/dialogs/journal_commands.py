"""The File menu's commands: new, open and recent journals (files and server journals), the
sample, import, export, backup; all slow work goes through the session's one task runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from journal import backups

from .. import single_instance
from ..cli_commands import ENCRYPTION_ON_A_SERVER
from ..guard import attempt
from ..tasks import Job
from . import encrypt, journal_files, passphrase, restore_dialog, server_journal

if TYPE_CHECKING:
    from ..shell import Shell
    from .export_dialog import ExportDialog
    from .import_flow import ImportFlow


SERVER_INSTEAD = {
    "restore": (
        "This is a server journal: it is restored with the server's own tools (pg_restore), "
        "or a JSON backup is read into an empty database with 'rapport copy BACKUP URL'."
    ),
    "encrypt": f"This journal {ENCRYPTION_ON_A_SERVER}.",
}
SERVER_INSTEAD["decrypt"] = SERVER_INSTEAD["encrypt"]


class JournalCommands:
    def __init__(self, window: Shell) -> None:
        self.window = window
        self.session = window.session
        self.background = window.session.tasks
        self._imports: ImportFlow | None = None

    @property
    def imports(self) -> ImportFlow:
        """The import flow, built (and its modules loaded) the first time it is needed."""
        if self._imports is None:
            from .import_flow import ImportFlow

            self._imports = ImportFlow(self.window, self.background)
        return self._imports

    def new_journal(self) -> None:
        path = journal_files.choose_new_journal(self.window)
        if path is not None:
            self.switch_journal(path)

    def choose_journal(self) -> None:
        path = journal_files.choose_existing_journal(self.window)
        if path is not None:
            self.switch_journal(path)

    def switch_journal(self, path: Path) -> bool:
        """Open the journal at `path` in this window (it takes that journal's lock)."""
        w = self.window
        path = Path(path)
        current = self.session.journal
        same = not current.is_server and path.resolve() == current.path.resolve()
        if (shown := self._shown_already(same, str(path), path.name, path)) is not None:
            return shown
        lock = attempt(w, "Opening the journal", journal_files.lock_journal, path)
        opening = passphrase.open_or_unlock  # an encrypted journal asks for its passphrase
        journal = attempt(w, "Opening the journal", opening, w, path) if lock else None
        if journal is None:
            if lock is not None:
                lock.release()
            return False
        self.session.switch(journal, lock)
        return True

    def choose_server_journal(self) -> None:
        url = server_journal.choose_server_journal(self.window)
        if url is not None:
            self.switch_to_server(url)

    def switch_to_server(self, url: str) -> bool:
        """Open the server journal at `url` in this window (asking for its password if the
        server wants one that ~/.pgpass and PGPASSWORD do not give)."""
        w = self.window
        where = single_instance.location_key(url)
        current = self.session.journal
        same = current.url is not None and single_instance.location_key(current.url) == where
        if (shown := self._shown_already(same, where, where, url)) is not None:
            return shown
        journal = attempt(w, "Opening the journal", server_journal.open_server_journal, w, url)
        if journal is None:
            return False
        self.session.release_lock()  # a server journal has no lock: many write to it at once
        self.session.switch(journal)
        return True

    def _shown_already(
        self, same: bool, name: str, short: str, location: Path | str
    ) -> bool | None:
        """True when this window shows that journal already, False when another window does
        (it was asked to come forward); None to go on (background work over, edits saved)."""
        w = self.window
        if same:
            w.status(f"{name} is the journal already open.")
            return True
        if single_instance.ask_running_to_raise(location):
            w.status(f"{short} is open in another Rapport window: it was brought forward.")
            return False
        self.wait()
        w.flush_edits()
        return None

    def server_says(self, what: str) -> bool:
        """On a server journal, say in one line what it does instead of `what` (restore,
        encrypt, decrypt) and return True; False on a file."""
        journal = self.session.journal
        if not journal.is_server:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Information, "Rapport", SERVER_INSTEAD[what], parent=self.window
        )
        box.setObjectName("serverJournalNote")
        box.setInformativeText(journal.location)
        box.open()
        return True

    def open_sample(self) -> None:
        w = self.window
        self.wait()
        w.flush_edits()
        journal = attempt(w, "Opening the sample journal", journal_files.create_sample_journal)
        if journal is not None:
            self.session.switch(journal, journal_files.lock_journal(journal.path))

    def import_contacts(self) -> None:
        self.imports.start()

    def review_duplicates(self) -> None:
        self.imports.review_duplicates()

    def export(self) -> ExportDialog:
        w = self.window
        w.flush_edits()
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.background, self.session.journal.path.stem, w)
        dialog.exported.connect(w.status)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def restore(self) -> None:
        if not self.server_says("restore"):
            restore_dialog.open_restore(self.window)

    def encrypt(self) -> None:
        if not self.server_says("encrypt"):
            encrypt.encrypt_journal(self.window)

    def decrypt(self) -> None:
        if not self.server_says("decrypt"):
            encrypt.decrypt_journal(self.window)

    def backup_now(self) -> None:
        w = self.window
        journal = self.session.journal
        if journal.is_server:
            from journal import server_backup

            job: Job = lambda _progress: server_backup.backup(journal)  # noqa: E731
        else:
            job = lambda progress: backups.backup(  # noqa: E731
                journal.path, passphrase=journal.passphrase, progress=progress
            )
        self._start("Backing up the journal", job, lambda dest: w.status(f"Backup saved to {dest}"))

    def _start(self, action: str, job: Job, done: Callable[[Any], None]) -> None:
        if not self.background.run(action, job, done, parent=self.window):
            self.window.status("Still busy with the last backup, import or export; try again.")

    def busy(self) -> bool:
        return self.background.busy()

    def wait(self) -> None:
        """Block until background work is over (before the journal closes)."""
        self.background.wait()
