"""A fast, deterministic, overlap-free layout for the network views (no physics in the browser).

networkx's ``spring_layout`` took 19.5 s at 2k nodes here and pyvis' physics never settles
at 500; both leave labels on top of each other. So the layout is built, not simulated:

1. every node leans on its best-connected neighbour, if that one has more links (ties: a
   statute, court … before a person, then by IRI). That makes a forest: a statute with the
   people charged under it, a person with the court that sentenced only them, and so on;
2. bottom-up, each node's children are packed around it on a grid whose cells fit their
   labels (:mod:`repression_kg.export.packing`); a child with children of its own is packed
   as one block, so a cluster never overlaps another;
3. the trees are placed largest first, each as near as it fits to the trees it shares
   edges with.

No two boxes (node plus label) overlap, whatever the count; same input, same positions.
Nodes folded into a cluster (``hidden_nodes``) are placed by the page when drawn.
"""

from __future__ import annotations

from collections import defaultdict

from repression_kg.export.network import Network, Node
from repression_kg.export.packing import Box, node_box, pack, place_roots

EDGE_LABELS_UP_TO = 40  # network.js draws edge labels up to this many edges
SPREAD = 1.7


def layout(net: Network, seed: int = 7) -> None:
    """Set ``x``/``y`` of every drawn node in place (``seed`` is kept for callers)."""
    del seed  # nothing random is left
    nodes = sorted(net.nodes, key=lambda n: n.id)
    net.placed = True
    if not nodes:
        return
    by_id = {n.id: n for n in nodes}
    near: dict[str, set[str]] = defaultdict(set)
    for e in net.edges:
        if e.source in by_id and e.target in by_id and e.source != e.target:
            near[e.source].add(e.target)
            near[e.target].add(e.source)
    parent = _forest(nodes, near)
    children: dict[str, list[str]] = defaultdict(list)
    for child, up in parent.items():
        children[up].append(child)
    own = {n.id: node_box(n.label, n.size, n.font) for n in nodes}
    tree: dict[str, Box] = {}
    offset: dict[str, tuple[float, float]] = {}
    depth = _depths(parent, list(by_id))
    for v in sorted(by_id, key=lambda v: (-depth[v], v)):
        kids = sorted(children.get(v, []), key=lambda c: (-len(near[c]), by_id[c].label, c))
        leaves = [c for c in kids if c not in children]
        blocks = [c for c in kids if c in children]
        leaf_at, block_at, tree[v] = pack(own[v], [own[c] for c in leaves],
                                          [tree[c] for c in blocks])
        offset.update(zip(leaves, leaf_at, strict=True))
        offset.update(zip(blocks, block_at, strict=True))
    roots = sorted((v for v in by_id if v not in parent), key=lambda v: v)
    top_down = sorted(by_id, key=lambda v: (depth[v], v))
    root_of: dict[str, str] = {}
    for v in top_down:
        root_of[v] = root_of[parent[v]] if v in parent else v
    index = {r: i for i, r in enumerate(roots)}
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for a, linked in near.items():
        for b in linked:
            ra, rb = index[root_of[a]], index[root_of[b]]
            if ra < rb:
                weights[(ra, rb)] += 1.0
    spots = place_roots([tree[r] for r in roots], weights)
    absolute: dict[str, tuple[float, float]] = dict(zip(roots, spots, strict=True))
    for v in top_down:
        if v in parent:
            px, py = absolute[parent[v]]
            dx, dy = offset[v]
            absolute[v] = (px + dx, py + dy)
    # few edges: their labels are drawn (network.js), so give them room; scaling keeps boxes apart
    spread = SPREAD if len(net.edges) <= EDGE_LABELS_UP_TO else 1.0
    for v, node in by_id.items():
        node.x, node.y = absolute[v][0] * spread, absolute[v][1] * spread


def _forest(nodes: list[Node], near: dict[str, set[str]]) -> dict[str, str]:
    """Each node's parent: its highest-ranked neighbour, when that outranks it."""
    rank = {n.id: (len(near[n.id]), n.group != "person", n.id) for n in nodes}
    parent = {}
    for n in nodes:
        if near[n.id]:
            best = max(near[n.id], key=rank.__getitem__)
            if rank[best] > rank[n.id]:
                parent[n.id] = best
    return parent


def _depths(parent: dict[str, str], ids: list[str]) -> dict[str, int]:
    """How far each node is below its root (iterative: a long chain is no problem)."""
    depth: dict[str, int] = {}
    for v in ids:
        path = []
        while v in parent and v not in depth:
            path.append(v)
            v = parent[v]
        d = depth.setdefault(v, 0)
        for u in reversed(path):
            d += 1
            depth[u] = d
    return depth
