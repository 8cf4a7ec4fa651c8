"""One registry of the window's actions, by name, with their shortcuts; and the undoable commands.

Every command of the window is an action here, so every command has a menu entry, a shortcut
where it deserves one, and a line in the Keyboard shortcuts dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from journal import people

from . import settings
from .calendar_watch import CalendarWatch
from .dialogs.journal_commands import JournalCommands
from .icons import icon
from .session import Session

Shortcut = str | QKeySequence.StandardKey
Key = QKeySequence.StandardKey


class ActionRegistry(QObject):
    """QActions by name; the window adds them to itself so shortcuts work on every page."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[..., object] | None = None,
        shortcuts: tuple[Shortcut, ...] = (),
        *,
        checkable: bool = False,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.parent())
        action.setObjectName(f"action_{name}")
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(QKeySequence(shortcut))
        action.setShortcuts(keys)
        action.setCheckable(checkable)
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        return self.adopt(name, action)

    def adopt(self, name: str, action: QAction) -> QAction:
        """Register an action made elsewhere (the undo stack's Undo and Redo)."""
        if name in self._actions:
            raise ValueError(f"action {name!r} registered twice")
        action.setObjectName(f"action_{name}")
        self._actions[name] = action
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: str) -> bool:
        return name in self._actions

    def actions(self) -> list[QAction]:
        return list(self._actions.values())

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(what, keys) for every action that has a shortcut, in registration order."""
        rows = []
        for action in self._actions.values():
            names = (k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            keys = ", ".join(n for n in names if _on_a_keyboard(n))
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…."), keys))
        return rows


class Commands(Protocol):
    """The window's commands the actions trigger (the main window has them all)."""

    session: Session
    files: JournalCommands
    calendars: CalendarWatch
    undo_stack: QUndoStack

    def status(self, message: str) -> None: ...
    def flush_edits(self) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def quit(self) -> bool: ...

    def addAction(self, action: QAction) -> None: ...
    def new_person(self) -> None: ...
    def new_note(self) -> None: ...
    def trash_current_person(self) -> None: ...
    def show_trash(self) -> None: ...
    def show_preferences(self) -> None: ...
    def focus_search(self) -> None: ...
    def page_names(self) -> tuple[tuple[str, str], ...]: ...
    def show_page(self, name: str) -> None: ...
    def go_back(self) -> None: ...
    def show_brief(self) -> None: ...
    def set_show_trashed(self, show: bool) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


def build_actions(window: Commands) -> ActionRegistry:
    """Every command of the main window, with its shortcut."""
    r = ActionRegistry(window)  # type: ignore[arg-type]
    # File
    r.add("new_journal", "&New journal…", window.files.new_journal)
    r.add("open_journal", "&Open journal…", window.files.choose_journal, (Key.Open,))
    r.add("open_server", "Open a ser&ver journal…", window.files.choose_server_journal)
    r.add("open_sample", "Open the &sample journal", window.files.open_sample)
    r.add("import", "&Import contacts…", window.files.import_contacts)
    r.add("add_calendar", "Add &calendar…", window.calendars.choose_file)
    r.add("duplicates", "Review possible d&uplicates…", window.files.review_duplicates)
    r.add("export", "E&xport…", window.files.export, ("Ctrl+Shift+E",))
    r.add("backup", "&Backup now", window.files.backup_now, ("Ctrl+Shift+B",))
    r.add("restore", "&Restore from backup…", window.files.restore)
    r.add("encrypt", "&Encrypt journal…", window.files.encrypt)
    r.add("decrypt", "&Decrypt journal…", window.files.decrypt)
    r.add("quit", "&Quit", window.quit, (Key.Quit, "Ctrl+Q"))
    # Edit
    r.add("new_person", "New &person…", window.new_person, ("Ctrl+N",), icon_name="add-person")
    r.add("new_note", "New &note", window.new_note, ("Ctrl+Shift+N",))
    r.add("delete", "Move person to &trash", window.trash_current_person, ("Del",))
    r.add("trash", "T&rash…", window.show_trash)
    r.add("preferences", "Pre&ferences…", window.show_preferences, (Key.Preferences, "Ctrl+,"))
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Shift+Z")])
    r.adopt("undo", undo)
    r.adopt("redo", redo)
    # View
    r.add(
        "find",
        "&Find in the journal",
        window.focus_search,
        ("Ctrl+K", Key.Find),
        icon_name="search",
    )
    for number, (name, label) in enumerate(window.page_names(), start=1):
        go = lambda _=False, n=name: window.show_page(n)  # noqa: E731
        r.add(f"page_{name}", label, go, (f"Ctrl+{number}",))
    r.add("back", "&Back", window.go_back, (Key.Back, "Alt+Left"), icon_name="back")
    brief = "Meeting brief: one page to read before you meet them"
    r.add("brief", "Meeting &brief…", window.show_brief, ("Ctrl+B",), tip=brief)
    r.add("show_trashed", "Show &trashed people", window.set_show_trashed, checkable=True)
    # Help
    r.add("shortcuts", "&Keyboard shortcuts", window.show_shortcuts, (Key.HelpContents,))
    r.add("about", "&About Rapport", window.show_about)
    for action in r.actions():
        _dedupe(action)
        window.addAction(action)
    return r


def _on_a_keyboard(name: str) -> bool:
    """Leave out the media keys some standard bindings add ("Open", "Undo", "F14")."""
    return "+" in name or name == "Del" or re.fullmatch(r"F([1-9]|1[0-2])", name) is not None


def _dedupe(action: QAction) -> None:
    unique: list[QKeySequence] = []
    for key in action.shortcuts():
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    action.setShortcuts(unique)


class TrashPersonCommand(QUndoCommand):
    """Move a person to the trash; undo restores them."""

    def __init__(self, session: Session, parent: QWidget, person_id: int, name: str) -> None:
        super().__init__(f"Move {name} to trash")
        self._session = session
        self._parent = parent
        self._person_id = person_id
        self.done = False

    def redo(self) -> None:
        run = self._session.run
        record = run(self._parent, "Moving to trash", people.trash_person, self._person_id)
        self.done = record is not None
        if not self.done:
            self.setObsolete(True)
            return
        self._session.status(f"{record.name} moved to trash. Undo with Ctrl+Z.")

    def undo(self) -> None:
        run = self._session.run
        record = run(self._parent, "Restoring", people.restore_person, self._person_id)
        if record is not None:
            self._session.status(f"{record.name} restored.")


MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        "&File",
        (
            "new_journal",
            "open_journal",
            "open_server",
            "recent",
            "open_sample",
            "import",
            "add_calendar",
            "duplicates",
            "export",
            None,
            "backup",
            "restore",
            "encrypt",
            "decrypt",
            None,
            "quit",
        ),
    ),
    (
        "&Edit",
        ("undo", "redo", None, "new_person", "new_note", "delete", None, "trash", "preferences"),
    ),
    (
        "&View",
        (
            "page_today",
            "page_people",
            "page_decisions",
            "page_search",
            "page_network",
            "page_lessons",
            "page_focus",
            "page_personas",
            None,
            "back",
            "find",
            "brief",
            None,
            "show_trashed",
        ),
    ),
    ("&Help", ("shortcuts", "about")),
)


def build_menus(window: Commands, r: ActionRegistry) -> None:
    """The menu bar, from the registry; File → Open Recent is filled each time it opens."""
    bar = window.menuBar()
    for title, names in MENUS:
        menu = bar.addMenu(title)
        menu.setObjectName(f"menu_{title.strip('&').lower()}")
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "recent":
                recent = menu.addMenu("Open &Recent")
                recent.setObjectName("recentMenu")
                recent.aboutToShow.connect(lambda m=recent: fill_recent(window, m))
            else:
                menu.addAction(r[name])


def fill_recent(window: Commands, menu: QMenu) -> None:
    menu.clear()
    for path in settings.recent_journals():
        if not path.exists():
            continue
        action = menu.addAction(str(path))
        action.triggered.connect(lambda _=False, p=path: window.files.switch_journal(p))
    servers = settings.recent_servers()
    if servers and not menu.isEmpty():
        menu.addSeparator()
    for url in servers:
        action = menu.addAction(url)
        action.triggered.connect(lambda _=False, u=url: window.files.switch_to_server(u))
    if menu.isEmpty():
        menu.addAction("No recent journals").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear the list", forget_recent)


def forget_recent() -> None:
    settings.forget_recent()
    settings.forget_recent_servers()
