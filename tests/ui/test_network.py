"""The Network page on a real journal: nodes and arrows, opening, the chain, tags, search."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt

from journal import decisions, notes, people, referrals
from journal.changes import Changes
from ui.graph.items import LABEL_LOD
from ui.item_models.network_models import connectors_model

from .helpers import CTRL

pytestmark = pytest.mark.both_backends


def build_network() -> dict[str, int]:
    """Priya (never bought) introduced Tom and Lena; Tom (said yes) introduced Omar; Zed → Yan."""
    ids = {
        name: people.add_person(name, tags=tags).id
        for name, tags in (
            ("Priya Shah", ["connector"]),
            ("Tom Reed", ["CFO"]),
            ("Lena Park", []),
            ("Omar Haddad", ["CFO"]),
            ("Zed Novak", []),
            ("Yan Li", []),
            ("Alone Person", ["CFO"]),
        )
    }
    month_ago = dt.date.today() - dt.timedelta(days=30)
    for a, b in (
        ("Priya Shah", "Tom Reed"),
        ("Priya Shah", "Lena Park"),
        ("Tom Reed", "Omar Haddad"),
        ("Zed Novak", "Yan Li"),
    ):
        referrals.add_referral(ids[a], ids[b], on=month_ago)
    decisions.record_decision(ids["Tom Reed"], "Monthly bookkeeping", "yes")
    notes.add_note(ids["Zed Novak"], "Thank you for Yan!", kind="message")
    return ids


def names(page, pids) -> set[str]:
    return {page.node_items[p].name for p in pids}


def show_network(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.network_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: bool(page.node_items))
    return page


def test_graph_has_the_people_and_referrals_of_the_journal(window, qtbot) -> None:
    ids = build_network()
    page = show_network(window, qtbot)
    assert {i.name for i in page.node_items.values()} == {
        "Priya Shah",
        "Tom Reed",
        "Lena Park",
        "Omar Haddad",
        "Zed Novak",
        "Yan Li",
    }  # Alone Person is in no referral, so is not drawn
    arrows = {(page.node_items[a].name, page.node_items[b].name) for a, b in page.edge_items}
    assert arrows == {
        ("Priya Shah", "Tom Reed"),
        ("Priya Shah", "Lena Park"),
        ("Tom Reed", "Omar Haddad"),
        ("Zed Novak", "Yan Li"),
    }
    priya, tom, lena = (page.node_items[ids[n]] for n in ("Priya Shah", "Tom Reed", "Lena Park"))
    assert priya.node.served_without_buying and not tom.node.served_without_buying
    assert tom.node.said_yes and priya.radius > tom.radius > lena.radius
    assert priya.pos().y() < tom.pos().y() < page.node_items[ids["Omar Haddad"]].pos().y()
    assert page.legend.isVisible()
    assert page.empty.isHidden()


def test_connectors_are_ranked_with_their_thanks(window, qtbot) -> None:
    build_network()
    page = show_network(window, qtbot)
    rows = [
        [page.model.index(r, c).data() for c in range(page.model.columnCount())]
        for r in range(page.model.rowCount())
    ]
    assert rows[0][:3] == ["Priya Shah", "2", "not yet"]
    assert rows[0][3].startswith("not yet: ")
    assert ["Zed Novak", "1", "not yet", "yes"] in rows
    table = page.connectors
    where = table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.view.selected_node().person_id == page.model.person_id(0)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.person.current_person_id() == page.model.person_id(0)


def test_connectors_model_passes_the_model_tester(qtmodeltester, journal) -> None:
    build_network()
    from journal.credit import connectors

    model = connectors_model()
    model.set_records(connectors())
    qtmodeltester.check(model)


def test_double_click_opens_the_person(window, qtbot) -> None:
    ids = build_network()
    page = show_network(window, qtbot)
    tom = page.node_items[ids["Tom Reed"]]
    page.view.centre_on(tom)
    point = page.view.mapFromScene(tom.scenePos())
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert tom.isSelected()
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.stack.currentWidget() is window.person
    assert window.person.current_person_id() == ids["Tom Reed"]


def test_chain_filter_shows_only_the_chain(window, qtbot) -> None:
    ids = build_network()
    page = show_network(window, qtbot)
    assert not page.chain_button.isEnabled()
    page.select(ids["Tom Reed"])
    assert page.chain_button.isEnabled()
    page.chain_button.click()
    assert names(page, page.visible_people()) == {"Priya Shah", "Tom Reed", "Omar Haddad"}
    shown = {k for k, item in page.edge_items.items() if item.isVisible()}
    assert shown == {(ids["Priya Shah"], ids["Tom Reed"]), (ids["Tom Reed"], ids["Omar Haddad"])}
    y = {name: page.node_items[ids[name]].pos().y() for name in ("Priya Shah", "Tom Reed")}
    assert y["Priya Shah"] < y["Tom Reed"] < page.node_items[ids["Omar Haddad"]].pos().y()
    arrow = page.edge_items[(ids["Tom Reed"], ids["Omar Haddad"])].path().boundingRect()
    assert arrow.top() > y["Tom Reed"]  # the arrow moved with the people it joins
    page.select(ids["Priya Shah"])  # the chain follows the selection
    assert names(page, page.visible_people()) == {
        "Priya Shah",
        "Tom Reed",
        "Lena Park",
        "Omar Haddad",
    }
    page.chain_button.click()
    assert len(page.visible_people()) == 6


def test_tag_filter_shows_the_tagged_and_who_links_them(window, qtbot) -> None:
    ids = build_network()
    page = show_network(window, qtbot)
    assert page.tag_combo.findText("CFO") > 0
    page.set_tag("CFO")
    assert names(page, page.visible_people()) == {"Tom Reed", "Omar Haddad", "Priya Shah"}
    assert page.node_items[ids["Tom Reed"]].opacity() == 1.0
    assert page.node_items[ids["Priya Shah"]].opacity() < 1.0  # context: she introduced Tom
    page.set_tag(None)
    assert len(page.visible_people()) == 6


def test_search_centres_on_a_person(window, qtbot) -> None:
    ids = build_network()
    page = show_network(window, qtbot)
    page.search_box.setText("omar hadd")  # typed without the completer's popup
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    omar = page.node_items[ids["Omar Haddad"]]
    assert omar.isSelected()
    centre = page.view.mapToScene(page.view.viewport().rect().center())
    assert (centre - omar.scenePos()).manhattanLength() < 60
    assert page.view.scale_factor() >= LABEL_LOD
    assert not page.find_person("nobody of that name")


def test_zoom_and_fit_from_the_keyboard(window, qtbot) -> None:
    build_network()
    page = show_network(window, qtbot)
    page.view.setFocus()
    fitted = page.view.scale_factor()
    qtbot.keyClick(page.view, Qt.Key.Key_Minus)
    assert page.view.scale_factor() < fitted
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    assert page.view.scale_factor() > fitted
    qtbot.keyClick(page.view, Qt.Key.Key_F)
    assert abs(page.view.scale_factor() - fitted) < 1e-6
    visible = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    for item in page.node_items.values():
        assert visible.contains(item.scenePos() + QPointF(0, 0))


def test_an_empty_network_says_how_it_grows(window, qtbot) -> None:
    people.add_person("Ada")
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.network_page
    assert page.empty.isVisible() and not page.view.isVisible()


def test_a_new_referral_shows_when_the_page_is_next_shown(window, qtbot) -> None:
    ids = build_network()
    show_network(window, qtbot)
    referrals.add_referral(ids["Yan Li"], ids["Alone Person"])
    window.session.announce(Changes.of("referral", [ids["Yan Li"], ids["Alone Person"]]))
    assert ids["Alone Person"] in window.network_page.node_items


def test_the_page_leaves_the_sidebar_its_width(window, qtbot) -> None:
    build_network()
    page = show_network(window, qtbot)
    assert page.minimumSizeHint().width() < 500
    assert window.sidebar.width() >= 150
    assert page.legend.hint.text() == ""  # a handful of people: names are readable at once
