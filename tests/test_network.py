"""The referral network without Qt: who is in it, the layered layout, chains and tags."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import decisions, network, people, referrals

pytestmark = pytest.mark.both_backends


def test_layout_places_everyone_and_chains_run_downward() -> None:
    edges = frozenset({(1, 2), (2, 3), (3, 4), (1, 5), (10, 11), (11, 10), (20, 21), (21, 22)})
    pos = network.layout(edges)
    assert set(pos) == {1, 2, 3, 4, 5, 10, 11, 20, 21, 22}
    for a, b in [(1, 2), (2, 3), (3, 4), (1, 5), (20, 21), (21, 22)]:
        assert pos[a][1] < pos[b][1], (a, b)
    assert len(set(pos.values())) == len(pos)  # nobody on top of anybody
    assert network.layout(edges) is pos  # cached by the referral set


def test_layout_of_a_wide_and_loopy_network_keeps_people_apart() -> None:
    edges = frozenset({(0, i) for i in range(1, 400)} | {(i, i + 1) for i in range(400, 450)})
    edges |= {(450, 400)}  # a loop: someone introduced the person who introduced them
    pos = network.layout(edges)
    assert len(pos) == 451
    assert len(set(pos.values())) == len(pos)
    assert all(pos[0][1] < pos[i][1] for i in range(1, 400))


def test_chain_through_follows_both_directions_transitively() -> None:
    edges = {(1, 2), (2, 3), (3, 4), (2, 5), (9, 1), (7, 8), (6, 3)}
    assert network.chain_through(edges, 2) == {9, 1, 2, 3, 4, 5}
    assert network.chain_through(edges, 7) == {7, 8}
    assert network.chain_through(edges, 42) == {42}


def test_referral_network_from_a_journal(journal) -> None:
    priya = people.add_person("Priya", tags=["connector"]).id
    tom = people.add_person("Tom", tags=["CFO"]).id
    lena = people.add_person("Lena").id
    gone = people.add_person("Gone").id
    people.add_person("Alone")
    referrals.add_referral(priya, tom)
    referrals.add_referral(priya, lena)
    referrals.add_referral(tom, gone)
    people.trash_person(gone)
    decisions.record_decision(tom, "Bookkeeping", "yes", decided_on=dt.date.today())
    net = network.referral_network()
    assert {n.name for n in net.nodes.values()} == {"Priya", "Tom", "Lena"}
    assert net.edges == {(priya, tom), (priya, lena)}
    assert net.nodes[priya].referred == 2 and net.nodes[priya].served_without_buying
    assert net.nodes[tom].said_yes and not net.nodes[tom].served_without_buying
    chosen, context = network.tagged_view(net, "cfo")
    assert chosen == {tom} and context == {priya}


def test_arrange_puts_people_without_referrals_in_a_row_underneath() -> None:
    edges = frozenset({(1, 2)})
    pos = network.arrange(edges, [1, 2, 7, 8])
    assert set(pos) == {1, 2, 7, 8}
    assert pos[7][1] == pos[8][1] > pos[2][1] > pos[1][1]
    assert network.arrange(frozenset(), [5]) == {5: (0.0, 0.0)}
