"""Every item model of the window passes Qt's model tester, on a real journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal import decisions, search, trash
from journal.listing import PeopleFilter
from journal.today import today_view
from ui.item_models import today_models
from ui.item_models.decisions_model import decisions_model
from ui.item_models.people_model import CHUNK, PERSON_ID_ROLE, PeopleModel
from ui.item_models.search_model import HIT_ROLE, SearchModel, hit_html
from ui.item_models.sidebar_model import SidebarModel
from ui.item_models.trash_model import TrashModel

from .helpers import add_people, sample_people

pytestmark = pytest.mark.both_backends


def test_people_model(qtmodeltester, journal) -> None:
    ids = sample_people()
    model = PeopleModel()
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "Ada Lovelace"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Grace Hopper"
    model.set_filter(PeopleFilter(text="bletch"))
    assert model.rowCount() == 1
    assert model.index(0, 0).data(PERSON_ID_ROLE) == ids["Alan Turing"]
    qtmodeltester.check(model)


def test_people_model_narrows_what_it_read_as_text_is_typed(qtmodeltester, journal) -> None:
    from journal import people

    (ana, anna) = add_people("Ana", "Anna")
    model = PeopleModel()
    model.reload()
    hanna = add_people("Hanna")[0]  # written behind the model's back: not read yet
    model.set_filter(PeopleFilter(text="an"))
    assert [model.index(r, 0).data(PERSON_ID_ROLE) for r in range(2)] == [ana, anna]
    assert model.rowCount() == 2
    model.set_filter(PeopleFilter(text="ann"), read_again=True)
    assert [model.index(r, 0).data(PERSON_ID_ROLE) for r in range(2)] == [anna, hanna]
    people.update_person(ana, name="Annabel")
    model.person_changed(ana)  # a change told to the model reads the roster again
    model.set_filter(PeopleFilter(text="annab"))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Annabel"
    model.set_filter(PeopleFilter(text="annab", focus=True))  # not only text: read again
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_people_model_fetches_rows_in_chunks(qtmodeltester, journal) -> None:
    add_people(*(f"Person {i:04d}" for i in range(CHUNK + 30)))
    model = PeopleModel()
    model.reload()
    assert model.rowCount() == CHUNK + 30
    model.index(0, 0).data()
    assert len(model._rows) == CHUNK  # only the first chunk was read
    qtmodeltester.check(model)


def test_people_model_refreshes_one_person(qtmodeltester, journal) -> None:
    from journal import people

    (ada, bob) = add_people("Ada", "Bob")
    model = PeopleModel()
    model.reload()
    qtmodeltester.check(model)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    people.update_person(bob, company="Acme")
    model.person_changed(bob)
    assert changed == [1]
    assert model.index(1, 1).data() == "Acme"
    people.trash_person(ada)
    model.person_changed(ada)
    assert model.rowCount() == 1
    carol = add_people("Carol")[0]
    model.person_changed(carol)
    assert [model.index(r, 0).data() for r in range(2)] == ["Bob", "Carol"]
    people.update_person(carol, name="Aaron")
    model.person_changed(carol)
    assert [model.index(r, 0).data() for r in range(2)] == ["Aaron", "Bob"]


def test_today_and_decision_models(qtmodeltester, journal) -> None:
    sample_people()
    view = today_view()
    for make, records in (
        (today_models.reconnect_model, view.reconnect),
        (today_models.revisit_model, view.revisit),
        (today_models.follow_up_model, view.follow_ups),
    ):
        model = make()
        model.set_records(records)
        qtmodeltester.check(model)
    model = decisions_model()
    model.set_records(decisions.all_decisions())
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "● Weak no"
    assert "Budget" in model.index(0, 5).data()


def test_search_model(qtmodeltester, journal) -> None:
    sample_people()
    model = SearchModel()
    model.set_hits(search.search("budget"))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Objections"
    hit = model.index(1, 0).data(HIT_ROLE)
    assert hit.person_name == "Grace Hopper"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_search_html_is_escaped_before_marking(journal) -> None:
    from journal import notes

    (pid,) = add_people("Eve <script>")
    notes.add_note(pid, "Talked about <b>pricing</b> & tiers")
    (hit,) = search.search("pricing", kinds=("note",))
    text = hit_html(hit)
    assert "&lt;b&gt;" in text and "<b>pricing</b>" in text
    assert "&lt;script&gt;" in text


def test_search_results_show_a_notes_markdown_as_plain_text(journal) -> None:
    from journal import notes

    (pid,) = add_people("Ann")
    notes.add_note(pid, "# Call\n- She wants a **board review** before *any* change")
    (hit,) = search.search("board review", kinds=("note",))
    text = hit_html(hit)
    assert "*" not in text and "#" not in text
    assert "<b>board</b> <b>review</b> before any change" in text
    model = SearchModel()
    model.set_hits([hit])
    assert model.index(1, 0).data() == "Call She wants a board review before any change — Ann"


def test_sidebar_and_trash_models(qtmodeltester, journal) -> None:
    qtmodeltester.check(SidebarModel())
    from journal import people

    (pid,) = add_people("Gone")
    people.trash_person(pid)
    model = TrashModel()
    model.set_items(trash.trashed_items())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Person: Gone"


def test_people_table_reads_a_chunk_in_a_fixed_number_of_queries(journal) -> None:
    from playhouse.test_utils import count_queries

    add_people(*(f"Person {i:04d}" for i in range(2 * CHUNK + 50)))
    model = PeopleModel()
    model.reload()
    with count_queries() as one_chunk:
        for row in range(CHUNK):
            for column in range(model.columnCount()):
                model.index(row, column).data()
    with count_queries() as all_rows:
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.index(row, column).data()
    assert one_chunk.count <= 8  # a handful for the whole chunk, not one per row
    assert all_rows.count <= 2 * one_chunk.count  # the two chunks not read yet, nothing more
