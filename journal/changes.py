"""What a write changed: the kinds of record and the people they belong to.

Every write operation records its change with `record(kind, *person_ids)`. Whoever runs an
operation (the window's session, the command line, a test) wraps it in `recording()` and reads
the `Changes` afterwards, so every caller shares one account of what a write touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

KINDS = frozenset(
    {
        "person",
        "note",
        "goal",
        "pain",
        "decision",
        "objection",
        "referral",
        "followup",
        "tag",
        "setting",
        "draft",
        "meeting",
    }
)


@dataclass(frozen=True)
class Changes:
    """The kinds of record a write touched and the people they belong to.

    `everything` means the journal as a whole changed (another journal opened, an import, a
    restore, a write by another process): every page reads it again.
    """

    kinds: frozenset[str] = frozenset()
    person_ids: frozenset[int] = frozenset()
    everything: bool = False

    def __post_init__(self) -> None:
        unknown = self.kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of record: {sorted(unknown)}")

    @classmethod
    def of(cls, kind: str, person_ids: Iterable[int] = ()) -> Changes:
        return cls(frozenset({kind}), frozenset(person_ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.person_ids | other.person_ids,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def touches(self, *kinds: str) -> bool:
        """True when any of `kinds` changed (or everything did)."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def touches_person(self, person_id: int) -> bool:
        """True when a record of this person changed (or everything did)."""
        return self.everything or person_id in self.person_ids


NOTHING = Changes()
EVERYTHING = Changes(everything=True)


@dataclass
class Recorder:
    """Collects what the operations run inside one `recording()` changed."""

    changes: Changes = field(default_factory=Changes)

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes


_active: ContextVar[tuple[Recorder, ...]] = ContextVar("rapport_change_recorders", default=())


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record the changes of the writes made inside the block (nested blocks each see theirs)."""
    recorder = Recorder()
    token = _active.set((*_active.get(), recorder))
    try:
        yield recorder
    finally:
        _active.reset(token)


_publishers: list[Callable[[Changes], None]] = []


def publish_to(publisher: Callable[[Changes], None]) -> None:
    """Also hand every change recorded from now on to `publisher`, whether or not anyone is
    recording (a server journal tells the other windows through it: journal.server_events)."""
    if publisher not in _publishers:
        _publishers.append(publisher)


def add(changes: Changes) -> None:
    """Say that a write changed `changes` (one account of a whole write: one notice to others)."""
    if not changes:
        return
    for recorder in _active.get():
        recorder.add(changes)
    for publisher in _publishers:
        publisher(changes)


def record(kind: str, *person_ids: int | None) -> None:
    """Say that a write changed `kind` for these people; a no-op when nobody is recording."""
    if _active.get() or _publishers:
        add(Changes.of(kind, (p for p in person_ids if p is not None)))


def record_everything() -> None:
    """Say that the journal changed as a whole (an import, a restore, a merge of many people)."""
    add(EVERYTHING)
