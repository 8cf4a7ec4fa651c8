"""The referral network as data: people and who introduced whom, a layered layout, chains.

Referrers sit above the people they introduced, so a chain reads from top to bottom. The layout
is pure Python (no Qt, no database) and cached by the set of referrals it was computed for.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import referrals, tags
from .models import Decision

Edge = tuple[int, int]  # (referrer_id, referred_id)
Position = tuple[float, float]
X_GAP = 150.0
Y_GAP = 95.0
ROW_GAP = 55.0  # between the rows of a layer too wide to stay on one line
COMPONENT_GAP = 90.0


@dataclass(frozen=True)
class Node:
    person_id: int
    name: str
    referred: int
    said_yes: bool
    tags: tuple[str, ...] = ()

    @property
    def served_without_buying(self) -> bool:
        """Never bought, yet introduced others."""
        return self.referred > 0 and not self.said_yes


@dataclass(frozen=True)
class Network:
    nodes: dict[int, Node]
    edges: frozenset[Edge]


def referral_network() -> Network:
    """Everyone in at least one live referral, and the referrals between them."""
    records = referrals.all_referrals()
    edges = frozenset((r.referrer_id, r.referred_id) for r in records)
    names = {}
    for r in records:
        names[r.referrer_id], names[r.referred_id] = r.referrer_name, r.referred_name
    given: dict[int, int] = defaultdict(int)
    for referrer, _ in edges:
        given[referrer] += 1
    yes = _said_yes(list(names))
    tag_map = tags.tags_of(names)
    nodes = {
        pid: Node(pid, name, given.get(pid, 0), pid in yes, tag_map.get(pid, ()))
        for pid, name in names.items()
    }
    return Network(nodes, edges)


def _said_yes(person_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(person_ids), 500):
        query = Decision.select(Decision.person).where(
            Decision.outcome == "yes",
            Decision.trashed_at.is_null(),
            Decision.person.in_(person_ids[start : start + 500]),
        )
        found.update(pid for (pid,) in query.distinct().tuples())
    return found


def chain_through(edges: Iterable[Edge], person_id: int) -> set[int]:
    """The person, everyone who led to them and everyone they led to, transitively."""
    down: dict[int, list[int]] = defaultdict(list)
    up: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        down[a].append(b)
        up[b].append(a)
    found = {person_id}
    for links in (down, up):
        todo = [person_id]
        seen = {person_id}
        while todo:
            for other in links[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        found |= seen
    return found


def tagged_view(network: Network, tag: str) -> tuple[set[int], set[int]]:
    """People with `tag`, and the people they are linked to directly (shown as context)."""
    wanted = tag.casefold()
    chosen = {p for p, n in network.nodes.items() if wanted in (t.casefold() for t in n.tags)}
    context = {b if a in chosen else a for a, b in network.edges if (a in chosen) != (b in chosen)}
    return chosen, context


# --- layout -------------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def layout(edges: frozenset[Edge]) -> dict[int, Position]:
    """A position for everyone in `edges`: referrers above those they referred (cached)."""
    out: dict[int, list[int]] = defaultdict(list)
    nodes: set[int] = set()
    for a, b in sorted(edges):
        out[a].append(b)
        nodes.update((a, b))
    blocks = [_layout_component(c, out) for c in _components(nodes, edges)]
    return _pack(blocks)


def arrange(edges: frozenset[Edge], people: Iterable[int] = ()) -> dict[int, Position]:
    """The layout of `edges`, and anyone in `people` without a referral among them in a row
    underneath (what a filter leaves on screen is laid out again, so its chains read clearly)."""
    positions = dict(layout(edges))
    alone = sorted(p for p in people if p not in positions)
    bottom = max((y for _, y in positions.values()), default=-Y_GAP) + Y_GAP
    for i, pid in enumerate(alone):
        positions[pid] = (i * X_GAP, bottom)
    return positions


def _components(nodes: set[int], edges: Iterable[Edge]) -> list[list[int]]:
    parent = {n: n for n in nodes}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in sorted(nodes):
        groups[root(n)].append(n)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _acyclic(
    members: list[int], out: dict[int, list[int]]
) -> tuple[dict[int, list[int]], list[int]]:
    """The links without those closing a loop, and the order a depth-first walk met people."""
    has_parent = {b for a in members for b in out.get(a, ())}
    starts = [n for n in members if n not in has_parent] + members
    state: dict[int, int] = {}  # 1 on the walk's path, 2 done
    kept: dict[int, list[int]] = defaultdict(list)
    order: list[int] = []
    for start in starts:
        if start in state:
            continue
        state[start] = 1
        order.append(start)
        stack = [(start, iter(out.get(start, ())))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif child not in state:
                kept[node].append(child)
                state[child] = 1
                order.append(child)
                stack.append((child, iter(out.get(child, ()))))
            elif state[child] == 2:
                kept[node].append(child)
    return kept, order


def _layout_component(members: list[int], out: dict[int, list[int]]) -> dict[int, Position]:
    down, order = _acyclic(members, out)
    up: dict[int, list[int]] = defaultdict(list)
    for a, children in down.items():
        for b in children:
            up[b].append(a)
    depth = {n: 0 for n in members}
    for n in _topological(order, down, up):
        for child in down.get(n, ()):
            depth[child] = max(depth[child], depth[n] + 1)
    rank = {n: i for i, n in enumerate(order)}
    layers: list[list[int]] = [[] for _ in range(max(depth.values()) + 1)]
    for n in sorted(members, key=rank.__getitem__):
        layers[depth[n]].append(n)
    _reduce_crossings(layers, up, down)
    width = max(12, math.ceil(math.sqrt(len(members)) * 1.3))
    x: dict[int, float] = {}
    positions: dict[int, Position] = {}
    y = 0.0
    for layer in layers:
        if len(layer) <= width:
            _place_row(layer, up, x)
            for n in layer:
                positions[n] = (x[n] * X_GAP, y)
            y += Y_GAP
            continue
        for start in range(0, len(layer), width):
            row = layer[start : start + width]
            for i, n in enumerate(row):
                x[n] = i - (len(row) - 1) / 2
                positions[n] = (x[n] * X_GAP, y)
            y += ROW_GAP
        y += Y_GAP - ROW_GAP
    return positions


def _topological(
    order: list[int], down: dict[int, list[int]], up: dict[int, list[int]]
) -> list[int]:
    waiting = {n: len(up.get(n, ())) for n in order}
    ready = [n for n in reversed(order) if waiting[n] == 0]
    result = []
    while ready:
        n = ready.pop()
        result.append(n)
        for child in down.get(n, ()):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return result


def _reduce_crossings(
    layers: list[list[int]], up: dict[int, list[int]], down: dict[int, list[int]]
) -> None:
    """A few barycentre sweeps: each person moves toward the middle of those linked to them."""
    where: dict[int, float] = {}

    def note(layer: list[int]) -> None:
        for i, n in enumerate(layer):
            where[n] = (i + 0.5) / len(layer)

    for layer in layers:
        note(layer)
    for sweep in range(4):
        links, sequence = (up, layers[1:]) if sweep % 2 == 0 else (down, layers[-2::-1])
        for layer in sequence:
            current = {n: where[n] for n in layer}

            def centre(n: int, current: dict[int, float] = current, links: dict = links) -> float:
                linked = links.get(n, ())
                return sum(where[m] for m in linked) / len(linked) if linked else current[n]

            layer.sort(key=centre)
            note(layer)


def _place_row(layer: list[int], up: dict[int, list[int]], x: dict[int, float]) -> None:
    """Each person under the middle of those who introduced them, at least one gap apart."""
    wanted: list[float] = []
    for i, n in enumerate(layer):
        parents = [x[p] for p in up.get(n, ()) if p in x]
        if parents:
            wanted.append(sum(parents) / len(parents))
        else:
            wanted.append(wanted[-1] + 1 if wanted else i - (len(layer) - 1) / 2)
    left = list(wanted)
    for i in range(1, len(left)):
        left[i] = max(left[i], left[i - 1] + 1)
    right = list(wanted)
    for i in range(len(right) - 2, -1, -1):
        right[i] = min(right[i], right[i + 1] - 1)
    placed = [(a + b) / 2 for a, b in zip(left, right, strict=True)]
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + 1)
    for n, value in zip(layer, placed, strict=True):
        x[n] = value


def _pack(blocks: list[dict[int, Position]]) -> dict[int, Position]:
    """Components side by side in shelves, biggest first, about as wide as they are tall × 1.6."""
    boxes = []
    for block in blocks:
        xs = [p[0] for p in block.values()]
        ys = [p[1] for p in block.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + X_GAP, max(ys) - min(ys) + Y_GAP))
    area = sum((w + COMPONENT_GAP) * (h + COMPONENT_GAP) for _, _, w, h in boxes)
    shelf_width = max(max((w for *_, w, _ in boxes), default=0.0), math.sqrt(area * 1.6))
    result: dict[int, Position] = {}
    x = y = shelf_height = 0.0
    for block, (left, top, w, h) in zip(blocks, boxes, strict=True):
        if x > 0 and x + w > shelf_width:
            x, y, shelf_height = 0.0, y + shelf_height + COMPONENT_GAP, 0.0
        for n, (px, py) in block.items():
            result[n] = (px - left + x, py - top + y)
        x += w + COMPONENT_GAP
        shelf_height = max(shelf_height, h)
    return result
