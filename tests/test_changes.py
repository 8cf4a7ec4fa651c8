"""The change record every write leaves: what kinds of record, which people."""

import pytest

from journal.changes import EVERYTHING, NOTHING, Changes, record, record_everything, recording

pytestmark = pytest.mark.both_backends


def test_recording_collects_kinds_and_people():
    with recording() as rec:
        record("note", 3)
        record("goal", 3, None)
        record("referral", 4, 5)
    assert rec.changes == Changes(frozenset({"note", "goal", "referral"}), frozenset({3, 4, 5}))
    assert rec.changes.touches("goal") and not rec.changes.touches("pain")
    assert rec.changes.touches_person(5) and not rec.changes.touches_person(6)


def test_nested_recordings_each_see_their_writes():
    with recording() as outer:
        record("person", 1)
        with recording() as inner:
            record("note", 2)
    assert inner.changes == Changes.of("note", [2])
    assert outer.changes == Changes(frozenset({"person", "note"}), frozenset({1, 2}))


def test_recording_nothing_and_everything():
    record("note", 1)  # nobody records: nothing happens
    with recording() as rec:
        pass
    assert not rec.changes and rec.changes == NOTHING
    with recording() as rec:
        record_everything()
    assert rec.changes.everything and rec.changes.touches("tag") and rec.changes.touches_person(9)
    assert (NOTHING | EVERYTHING).everything


def test_unknown_kind_is_a_bug():
    with pytest.raises(ValueError, match="unknown kinds"):
        Changes.of("deal")
