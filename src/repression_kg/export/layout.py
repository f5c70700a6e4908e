"""A fast, deterministic layout for hub-and-spoke networks (no physics in the browser).

networkx's ``spring_layout`` took 19.5 s at 2k nodes here and pyvis' physics never settles
at 500, so: lay out only the hubs (statutes, courts, countries, principles — few) with a
vectorised Fruchterman-Reingold in numpy, then put every person on a sunflower spiral
around the centroid of the hubs it links to. People with no hub sit beside the person
they are linked to, or on an outer ring. Linear in the number of people.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from repression_kg.export.network import Network, Node

GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
SPACING = 26.0


def layout(net: Network, seed: int = 7) -> None:
    """Set ``x``/``y`` of every node (drawn and hidden) in place."""
    nodes = net.nodes + net.hidden_nodes
    if not nodes:
        return
    by_id = {n.id: n for n in nodes}
    edges = [e for e in net.edges + net.hidden_edges if e.source in by_id and e.target in by_id]
    hubs = sorted(n.id for n in nodes if n.group != "person")
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    hub_index = {h: i for i, h in enumerate(hubs)}
    world = 300.0 + 60.0 * math.sqrt(len(nodes))
    positions = _hub_positions(hubs, hub_index, neighbours, seed) * (world / 2.0)
    for h, i in hub_index.items():
        by_id[h].x, by_id[h].y = float(positions[i, 0]), float(positions[i, 1])

    people = sorted(n.id for n in nodes if n.group == "person")
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    loose: list[str] = []
    for p in people:
        key = tuple(sorted(h for h in neighbours[p] if h in hub_index))
        (groups[key] if key else loose).append(p)
    placed: set[str] = set()
    for key, members in sorted(groups.items()):
        cx = sum(by_id[h].x for h in key) / len(key)
        cy = sum(by_id[h].y for h in key) / len(key)
        start = 1.6 if len(key) == 1 else 0.0
        _spiral(by_id, members, cx, cy, start)
        placed.update(members)
    # people linked only to other people: beside someone already placed, else on a ring
    pending = loose
    for _ in range(3):
        still = []
        clusters: dict[str, list[str]] = defaultdict(list)
        for p in pending:
            anchor = next((q for q in sorted(neighbours[p]) if q in placed), None)
            if anchor is None:
                still.append(p)
            else:
                clusters[anchor].append(p)
        for anchor, members in sorted(clusters.items()):
            _spiral(by_id, members, by_id[anchor].x, by_id[anchor].y, 3.0)
            placed.update(members)
        pending = still
    radius = world * 0.75 + SPACING * math.sqrt(len(pending))
    for i, p in enumerate(pending):
        angle = 2 * math.pi * i / max(1, len(pending))
        by_id[p].x, by_id[p].y = radius * math.cos(angle), radius * math.sin(angle)


def _spiral(by_id: dict[str, Node], members: list[str], cx: float, cy: float,
            start: float) -> None:
    for i, p in enumerate(members):
        r = SPACING * math.sqrt(i + 1 + start * start)
        theta = i * GOLDEN_ANGLE
        by_id[p].x, by_id[p].y = cx + r * math.cos(theta), cy + r * math.sin(theta)


def _hub_positions(hubs: list[str], index: dict[str, int], neighbours: dict[str, set[str]],
                   seed: int) -> np.ndarray:
    """Fruchterman-Reingold over the hubs, attracted by the people (or edges) they share."""
    n = len(hubs)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    weight = np.zeros((n, n), dtype=np.float32)
    for node, near in neighbours.items():
        linked = sorted(index[h] for h in near if h in index)
        if node in index:  # hub-hub edge
            for j in linked:
                weight[index[node], j] += 1.0
        for a_pos, a in enumerate(linked):
            for b in linked[a_pos + 1:]:
                weight[a, b] += 1.0
                weight[b, a] += 1.0
    weight = np.log1p(weight)
    rng = np.random.default_rng(seed)
    angles = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    pos = np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)
    pos += rng.normal(0.0, 0.05, pos.shape).astype(np.float32)
    k = 1.0 / math.sqrt(n)
    iterations = 60 if n <= 500 else 35
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=2)) + 1e-3
        force = (k * k / dist ** 2) - (weight * dist / k)
        np.fill_diagonal(force, 0.0)
        move = (delta * force[:, :, None]).sum(axis=1)
        length = np.sqrt((move ** 2).sum(axis=1)) + 1e-9
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.94
    pos -= pos.mean(axis=0)
    span = np.abs(pos).max() or 1.0
    return pos / span
