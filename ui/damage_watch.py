"""A journal found damaged after it opened (the whole-file check run after the first paint, a
backup, or a read that met a broken page): nothing more is written to it, and the newest good
backup is offered in its place, as at start."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from journal import storage
from journal.errors import JournalDamaged

from . import damage
from .dialogs import passphrase, recover_dialog
from .session import Session


class DamageWatch(QObject):
    """Runs `storage.damage` as a task once the window has painted (and for each journal opened
    after); `found(problem)` handles damage however it was met (ui/damage.py reports it)."""

    gave_up = Signal()  # damaged, and no backup put in its place: the application ends

    def __init__(self, session: Session, window: QWidget, delay_ms: int = 0) -> None:
        super().__init__(session)
        self.session, self.window = session, window
        self.problem: str | None = None
        self.checked: object = None  # the journal last checked
        self._handling = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.start)
        session.opened.connect(self.timer.start)
        self.unregister = damage.register(self.met)
        self.destroyed.connect(lambda *_: self.unregister())
        self.timer.start()

    def start(self) -> None:
        journal = self.session.journal
        if journal is self.checked or journal.db.is_closed() or self._handling:
            return
        if journal.is_server:  # a server keeps its own pages whole: nothing to read here
            self.checked = journal
            return
        started = self.session.tasks.run(
            "Checking the journal",
            lambda _progress: (journal, storage.damage(journal)),
            self._checked,
            failed=lambda exc: self.session.status(f"The journal could not be checked: {exc}"),
        )
        if not started:
            self.timer.start()  # busy with other work: look again later

    def _checked(self, result: tuple[object, str | None]) -> None:
        journal, problem = result
        self.checked = journal
        if problem is not None and journal is self.session.journal:
            self.found(f"{self.session.journal.path} is damaged ({problem}).")

    def met(self, exc: BaseException) -> bool:
        """Damage reported from anywhere (ui/damage.py): `found` when it is the open journal's
        (a damaged backup chosen to restore is only said, by the caller); True if handled."""
        path = str(self.session.journal.path)
        if isinstance(exc, JournalDamaged):
            if not str(exc).startswith(path):
                return False
            self.found(str(exc))
        else:
            self.found(f"{path} is damaged ({exc}).")
        return True

    def found(self, problem: str) -> None:
        """Stop using the journal (its connection is closed and stays closed), then offer the
        newest good backup; with it in place the window shows it, else the application ends."""
        if self._handling:
            return
        self._handling = True
        self.problem = problem
        session = self.session
        path = session.journal.path
        session.tasks.wait()
        session.journal.close()
        session.journal.db.autoconnect = False  # no draft or late edit reopens it to write
        try:
            restored = recover_dialog.offer_recovery(path, problem, self.window)
            journal = passphrase.open_or_unlock(self.window, path) if restored else None
        except Exception as exc:
            problem, restored, journal = f"{problem}\n\n{exc}", False, None
        if journal is not None:
            session.switch(journal)
            session.status("The backup was put in place of the damaged journal.")
            self._handling = False
            return
        if not restored:
            _tell_unusable(self.window, problem)
        self.window.hide()  # nothing on it can be read any more
        self.gave_up.emit()


def _tell_unusable(parent: QWidget, problem: str) -> None:
    box = QMessageBox(parent)
    box.setObjectName("damagedDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Rapport")
    box.setText("The journal cannot be used.")
    box.setInformativeText(
        f"{problem}\n\nRapport did not change the file and will close now. A copy of the file "
        "may still be read by a recovery tool."
    )
    box.exec()


def install_hook() -> None:
    """Damage met by any read the window makes (an exception leaving a slot) is reported as
    damage (ui/damage.py); every other exception goes on to the hook there was."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not damage.report(exc):
            previous(kind, exc, tb)

    sys.excepthook = hook
