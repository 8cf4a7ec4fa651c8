"""The session: writes go through it, it says what changed, and pages read only what a change
touches, only when shown; the page that made a change is not sent its own echo."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt

from journal import notes, people
from journal.changes import Changes


@contextmanager
def queries() -> Iterator[list[str]]:
    """The SQL statements run on the journal's connection inside the block (peewee logs each)."""
    seen: list[str] = []

    class Spy(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, tuple):
                seen.append(str(record.msg[0]))

    logger = logging.getLogger("peewee")
    spy, level = Spy(), logger.level
    logger.addHandler(spy)
    logger.setLevel(logging.DEBUG)
    try:
        yield seen
    finally:
        logger.removeHandler(spy)
        logger.setLevel(level)


def people_page_queries(window, person_id: int) -> set[str]:
    """What the People page runs to bring one person's row up to date."""
    with queries() as seen:
        window.people.people_changed(frozenset({person_id}))
    return set(seen)


def test_saving_a_note_makes_no_query_for_the_people_page(window, qtbot):
    ana = people.add_person("Ana Souza").id
    people.add_person("Bruno Lima")
    window.show_page("people")
    assert window.people.model.rowCount() == 2
    own = people_page_queries(window, ana)
    assert own  # the page reads the journal to refresh a row: those reads are what we look for
    window.open_person(ana)
    page = window.person.page
    page.new_note()
    qtbot.keyClicks(page.journal.composer.body, "Called about the renewal")
    with queries() as saving:
        qtbot.keyClick(
            page.journal.composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert [n.body for n in notes.notes_of(ana)] == ["Called about the renewal"]
    assert own.isdisjoint(saving)
    with queries() as showing:
        window.show_page("people")  # shown again: now it catches up
    assert not own.isdisjoint(showing)


def test_the_page_that_saved_gets_no_echo_but_others_do(window, qtbot, monkeypatch):
    ana = people.add_person("Ana Souza").id
    window.open_person(ana)
    heard: list[tuple[Changes, object]] = []
    window.session.changed.connect(lambda changes, handler: heard.append((changes, handler)))
    page = window.person.page
    shown: list[int] = []
    show_person = page.show_person
    monkeypatch.setattr(page, "show_person", lambda pid, focus=None: shown.append(pid))
    name = page.header.name
    name.setFocus()
    qtbot.keyClicks(name, " Lima")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert people.get_person(ana).name == "Ana Souza Lima"
    [(changes, handler)] = heard
    assert handler is page and changes.touches_person(ana)
    assert shown == []  # the page that saved is not shown the person again
    window.session.run(window, "Renaming", people.update_person, ana, name="Ana Lima")
    assert shown == [ana]  # a change made elsewhere is
    monkeypatch.setattr(page, "show_person", show_person)
    window.show_page("people")
    assert window.people.model.row_of(ana) is not None
    assert window.people.model.data(window.people.model.index(0, 0)) == "Ana Lima"


def test_a_change_made_elsewhere_reloads_the_person_shown(window, qtbot):
    ana = people.add_person("Ana Souza").id
    window.open_person(ana)
    window.session.run(window, "Renaming", people.update_person, ana, name="Ana Lima")
    assert window.person.page.header.name.text() == "Ana Lima"


def test_the_network_is_laid_out_again_only_for_referrals_and_people_in_it(window, qtbot):
    from journal import referrals

    priya, tom = people.add_person("Priya Shah").id, people.add_person("Tom Reed").id
    alone = people.add_person("Alone Person").id
    referrals.add_referral(priya, tom)
    window.show_page("network")
    page = window.network_page
    items = dict(page.node_items)
    assert set(items) == {priya, tom}
    window.show_page("today")
    window.session.run(window, "Saving the note", notes.add_note, alone, "Met at the fair")
    window.show_page("network")
    assert page.node_items == items  # the same items: nothing was laid out again
    window.show_page("today")
    window.session.run(window, "Renaming", people.update_person, tom, name="Tom Reed Jr")
    window.show_page("network")
    assert page.node_items != items  # Tom is in the network: it is read again
    items = dict(page.node_items)
    window.show_page("today")
    window.session.run(window, "Linking", referrals.add_referral, tom, alone)
    window.show_page("network")
    assert set(page.node_items) == {priya, tom, alone}
