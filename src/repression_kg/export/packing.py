"""Label-aware boxes and collision-free packing for :mod:`repression_kg.export.layout`.

A node is drawn as a shape of radius ``size`` with its label below it, so it takes a box
``size`` above its centre and ``size`` + the label's lines below. Children are packed
around their parent on a grid whose cells fit the widest child label (the blob comes out
elliptical, wider than tall, like a screen); whole subtrees are packed as blocks of cells.
Groups of trees (the roots) are then placed one by one, each as near as it can to the
roots it is linked to, on a spiral of candidate spots, never overlapping one placed before.
Everything here is deterministic and needs only numpy.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

CHAR_WIDTH = 0.62  # average advance of DejaVu Sans / system-ui, in ems
LINE_HEIGHT = 1.2
GAP_X, GAP_Y = 16.0, 10.0  # space kept between two boxes
ASPECT = 1.6  # a blob of children is this much wider than tall
STRETCH = 1.25  # trees are placed on a spiral this much wider than tall (the screen's shape)
GREEDY_MAX = 60  # up to this many children are placed one by one; more go on a grid
WRAP_AT = 22  # labels longer than this break onto two lines

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 relative to the node's centre


def wrap(label: str) -> str:
    """The label as drawn: past ``WRAP_AT`` characters, broken at the space nearest the middle."""
    if len(label) <= WRAP_AT or " " not in label:
        return label
    middle = len(label) / 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: (abs(i - middle), i))
    return label[:cut] + "\n" + label[cut + 1:]


def node_box(label: str, size: float, font: float) -> Box:
    """The box a node and its label cover, gaps included."""
    lines = wrap(label).split("\n")
    text = max(len(line) for line in lines) * CHAR_WIDTH * font
    half = max(2.0 * size, text) / 2.0 + GAP_X / 2.0
    below = size + 4.0 + len(lines) * font * LINE_HEIGHT + GAP_Y / 2.0
    return (-half, -size - GAP_Y / 2.0, half, below)


def _cells(count: int, cell_w: float, cell_h: float, hole: Box) -> np.ndarray:
    """Grid offsets (in cells) outside ``hole``, nearest the centre first, at least ``count``.

    Distance is measured with rows stretched by ``ASPECT``, so the blob comes out about
    1.6 times as wide as it is tall.
    """
    hole_r = max(abs(v) for v in hole)
    r = math.sqrt(count * cell_w * cell_h * ASPECT / math.pi) * 1.2 + hole_r + cell_w
    while True:
        si, sj = int(math.ceil(r / cell_w)) + 1, int(math.ceil(r / (cell_h * ASPECT))) + 1
        gi, gj = np.meshgrid(np.arange(-si, si + 1), np.arange(-sj, sj + 1))
        ii, jj = gi.ravel(), gj.ravel()
        x, y = ii * cell_w, jj * cell_h
        free = ((x + cell_w / 2 <= hole[0]) | (x - cell_w / 2 >= hole[2])
                | (y + cell_h / 2 <= hole[1]) | (y - cell_h / 2 >= hole[3]))
        ii, jj = ii[free], jj[free]
        dist = np.hypot(ii * cell_w, jj * cell_h * ASPECT)
        inside = dist <= r
        if inside.sum() >= count:
            ii, jj, dist = ii[inside], jj[inside], dist[inside]
            order = np.lexsort((np.arctan2(jj, ii), np.round(dist, 6)))
            return np.stack([ii[order], jj[order]], axis=1)
        r *= 1.5


def pack(parent: Box, leaves: list[Box], blocks: list[Box]
         ) -> tuple[list[tuple[float, float]], list[tuple[float, float]], Box]:
    """Offsets of ``leaves`` (single nodes) and ``blocks`` (subtrees) around ``parent``.

    Returns the offsets of each leaf's and each block's node, and the box of the whole.
    """
    boxes = leaves + blocks
    if not boxes:
        return [], [], parent
    if len(boxes) <= GREEDY_MAX:
        at = _pack_greedy(parent, boxes)
        return at[:len(leaves)], at[len(leaves):], _union(parent, boxes, at)
    widths = [b[2] - b[0] for b in leaves] or [60.0]
    heights = [b[3] - b[1] for b in leaves] or [40.0]
    cell_w, cell_h = max(widths), max(heights)
    # blocks first (larger first), on cells that are all free; then leaves on what is left
    spans = [(max(1, math.ceil((b[2] - b[0]) / cell_w - 1e-9)),
              max(1, math.ceil((b[3] - b[1]) / cell_h - 1e-9))) for b in blocks]
    need = len(leaves) + sum(a * b for a, b in spans)
    cells = _cells(need, cell_w, cell_h, parent)
    taken: set[tuple[int, int]] = set()
    hole = {(int(i), int(j)) for i, j in _hole_cells(cell_w, cell_h, parent)}
    block_at: list[tuple[float, float]] = [(0.0, 0.0)] * len(blocks)
    for k in sorted(range(len(blocks)), key=lambda k: (-spans[k][0] * spans[k][1], k)):
        wi, hj = spans[k]
        for i, j in _block_candidates(cells, wi, hj):
            footprint = [(i + a, j + b) for a in range(wi) for b in range(hj)]
            if not any(f in taken or f in hole for f in footprint):
                taken.update(footprint)
                box = blocks[k]
                # the block's box centred on its cells; its node sits off centre in the box
                cx = (i + (wi - 1) / 2) * cell_w - (box[0] + box[2]) / 2
                cy = (j + (hj - 1) / 2) * cell_h - (box[1] + box[3]) / 2
                block_at[k] = (float(cx), float(cy))
                break
    leaf_at: list[tuple[float, float]] = []
    rest = (c for c in map(tuple, cells.tolist()) if c not in taken)
    for box in leaves:
        i, j = next(rest)
        leaf_at.append((i * cell_w - (box[0] + box[2]) / 2, j * cell_h - (box[1] + box[3]) / 2))
    return leaf_at, block_at, _union(parent, boxes, leaf_at + block_at)


def _union(parent: Box, boxes: list[Box], at: list[tuple[float, float]]) -> Box:
    whole = [parent] + [_shift(b, p) for b, p in zip(boxes, at, strict=True)]
    return (min(b[0] for b in whole), min(b[1] for b in whole),
            max(b[2] for b in whole), max(b[3] for b in whole))


def _pack_greedy(parent: Box, boxes: list[Box]) -> list[tuple[float, float]]:
    """Each box, largest first, at the free spot nearest the parent: tight for few children."""
    arr = np.array(boxes, dtype=float)
    area = (arr[:, 2] - arr[:, 0]) * (arr[:, 3] - arr[:, 1])
    placed = [np.array(parent, dtype=float)]
    at: list[tuple[float, float]] = [(0.0, 0.0)] * len(boxes)
    step = max(4.0, float(np.sqrt(area.min())) / 6.0)
    batch = 0  # the spiral fills from the inside out: the next box starts one batch back
    for k in sorted(range(len(boxes)), key=lambda k: (-area[k], k)):
        spot, batch = first_free(np.array(placed), arr[k], np.zeros(2), step, max(0, batch - 1))
        at[k] = (float(spot[0]), float(spot[1]))
        placed.append(arr[k] + np.tile(spot, 2))
    return at


def _hole_cells(cell_w: float, cell_h: float, parent: Box) -> list[tuple[int, int]]:
    out = []
    for i in range(int(parent[0] // cell_w) - 1, int(parent[2] // cell_w) + 2):
        for j in range(int(parent[1] // cell_h) - 1, int(parent[3] // cell_h) + 2):
            x, y = i * cell_w, j * cell_h
            if not (x + cell_w / 2 <= parent[0] or x - cell_w / 2 >= parent[2]
                    or y + cell_h / 2 <= parent[1] or y - cell_h / 2 >= parent[3]):
                out.append((i, j))
    return out


def _block_candidates(cells: np.ndarray, wi: int, hj: int):
    """Anchor cells for a ``wi`` x ``hj`` block, its centre nearest the parent first."""
    yield from (tuple(c) for c in (cells - [(wi - 1) // 2, (hj - 1) // 2]).tolist())
    # the grid ran out: go on outwards, past everything
    edge = int(np.abs(cells).max()) + max(wi, hj) + 1
    for ring in range(edge, edge * 8):
        for i in range(-ring, ring + 1):
            yield (i, ring)
            yield (i, -ring - hj)


def _shift(box: Box, at: tuple[float, float]) -> Box:
    return (box[0] + at[0], box[1] + at[1], box[2] + at[0], box[3] + at[1])


def place_roots(boxes: list[Box], weights: dict[tuple[int, int], float]
                ) -> list[tuple[float, float]]:
    """Positions for root trees: largest first, then each next to those it is linked to."""
    n = len(boxes)
    if n == 0:
        return []
    arr = np.array(boxes, dtype=float)
    area = (arr[:, 2] - arr[:, 0]) * (arr[:, 3] - arr[:, 1])
    linked: list[dict[int, float]] = [{} for _ in range(n)]
    for (a, b), w in sorted(weights.items()):  # sums in one order: same floats every time
        linked[a][b] = linked[a].get(b, 0.0) + w
        linked[b][a] = linked[b].get(a, 0.0) + w
    pos = np.zeros((n, 2))
    placed: list[int] = []
    pull = np.zeros(n)
    todo = set(range(n))
    while todo:
        nxt = min(todo, key=lambda k: (-pull[k], -area[k], k))
        todo.discard(nxt)
        near = sorted((m, w) for m, w in linked[nxt].items() if m not in todo)
        if near:
            total = sum(w for _, w in near)
            target = sum(pos[m] * w for m, w in near) / total
        else:
            target = np.zeros(2)
        step = max(6.0, float(np.sqrt(area[nxt])) / 7.0)
        pos[nxt] = _free_spot(arr, pos, placed, nxt, target, step)
        placed.append(nxt)
        for m, w in linked[nxt].items():
            pull[m] += w
    return [(float(x), float(y)) for x, y in pos]


def _free_spot(arr: np.ndarray, pos: np.ndarray, placed: list[int], k: int,
               target: np.ndarray, step: float) -> np.ndarray:
    if not placed:
        return target
    return first_free(arr[placed] + np.tile(pos[placed], (1, 2)), arr[k], target, step)[0]


def first_free(others: np.ndarray, box: np.ndarray, target: np.ndarray,
               step: float, start: int = 0) -> tuple[np.ndarray, int]:
    """The first spot on a spiral out of ``target`` where ``box`` touches none of ``others``,
    looking from the ``start``-th batch of spots on; and that spot's batch."""
    while True:
        spots = target + _spiral(start) * step
        # only the boxes this batch of spots can reach
        lo, hi = spots.min(axis=0) + box[:2], spots.max(axis=0) + box[2:]
        near = others[(others[:, 0] < hi[0]) & (others[:, 2] > lo[0])
                      & (others[:, 1] < hi[1]) & (others[:, 3] > lo[1])]
        x0, y0 = spots[:, 0:1] + box[0], spots[:, 1:2] + box[1]
        x1, y1 = spots[:, 0:1] + box[2], spots[:, 1:2] + box[3]
        clash = ((x0 < near[:, 2]) & (x1 > near[:, 0])
                 & (y0 < near[:, 3]) & (y1 > near[:, 1])).any(axis=1)
        free = np.flatnonzero(~clash)
        if len(free):
            return spots[free[0]], start
        start += 1


BATCH = 128


@cache
def _spiral(batch: int) -> np.ndarray:
    """The ``batch``-th ``BATCH`` spots of a unit sunflower spiral, stretched sideways."""
    idx = np.arange(batch * BATCH, (batch + 1) * BATCH)
    r = np.sqrt(idx)
    theta = idx * (math.pi * (3.0 - math.sqrt(5.0)))
    out = np.stack([r * np.cos(theta) * STRETCH, r * np.sin(theta) / STRETCH], axis=1)
    out.setflags(write=False)
    return out
