"""The network model the HTML views draw: plain nodes and edges, built as lists at once.

pyvis' ``add_node``/``add_edge`` check every existing node on each call (quadratic: 72 s
for 10k nodes, measured in DESIGN.md), so views build these lists directly and hand them
to :mod:`repression_kg.export.html`, which renders them with pyvis' bundled vis-network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Node groups: colour, vis-network shape and the legend's words.
GROUPS: dict[str, dict[str, str]] = {
    "person": {"color": "#3b6fb6", "shape": "dot", "label": "Person"},
    "statute": {"color": "#c0392b", "shape": "diamond", "label": "Statute (article)"},
    "court": {"color": "#8e5b2a", "shape": "triangle", "label": "Court"},
    "country": {"color": "#2e8b57", "shape": "square", "label": "Country"},
    "principle": {"color": "#7d3c98", "shape": "star", "label": "Legal principle"},
    "organisation": {"color": "#d68910", "shape": "hexagon", "label": "Organisation"},
    "place": {"color": "#5d6d7e", "shape": "triangleDown", "label": "Place"},
}


@dataclass
class Node:
    id: str  # the entity IRI
    label: str
    group: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # tooltip lines (key, value)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quote, document IRI)
    size: float = 12.0
    font: float = 12.0  # label font size, in pixels at zoom 1
    members: list[str] = field(default_factory=list)  # cluster members (ids), drawn on click
    url: str | None = None  # entity page in the static site, when there is one
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    source: str
    target: str
    label: str
    quote: str | None = None
    doc: str | None = None
    detail: str = ""
    width: float = 1.0


@dataclass
class Network:
    """One view: its nodes and edges, plus hidden nodes/edges that clusters expand into."""

    title: str
    description: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    hidden_nodes: list[Node] = field(default_factory=list)
    hidden_edges: list[Edge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "showing 2,000 of 9,812 people"
    placed: bool = False  # set by the layout

    def groups(self) -> list[str]:
        """The groups present, in legend order."""
        present = {n.group for n in self.nodes} | {n.group for n in self.hidden_nodes}
        return [g for g in GROUPS if g in present]
