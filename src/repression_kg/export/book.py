"""What every view builds on: a book of nodes keyed by IRI, and each person's tooltip.

A view adds nodes and edges to a :class:`Book` in any order; :meth:`Book.network` sorts
them, drops repeated edges and sizes the nodes (people small and alike, statutes, courts,
countries and principles growing with their links, their labels larger too).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from repression_kg.export.kgdata import Fact, KGData
from repression_kg.export.network import Edge, Network, Node


class Book:
    """Collects nodes by IRI, so each entity is drawn once whatever links to it."""

    def __init__(self, data: KGData) -> None:
        self.data = data
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self._person_facts = _person_facts(data)

    def node(self, iri: str, group: str) -> Node:
        node = self.nodes.get(iri)
        if node is None:
            node = Node(iri, self.data.label(iri), group)
            if group == "person":
                node.facts, node.quotes = self._person_facts.get(iri, ([], []))
            else:
                node.facts = [("class", self.data.classes.get(iri, group))]
                if iri in self.data.titles:
                    node.facts.append(("title", self.data.titles[iri]))
            self.nodes[iri] = node
        return node

    def link(self, source: str, target: str, label: str, fact: Fact | None = None) -> None:
        edge = Edge(source, target, label)
        if fact is not None:
            edge.quote, edge.doc, edge.detail = fact.quote, fact.doc, fact.detail
            if fact.date:
                edge.detail = f"{edge.detail} ({fact.date})".strip()
        self.edges.append(edge)

    def network(self, title: str, description: str) -> Network:
        degree: Counter[str] = Counter()
        for e in self.edges:
            degree[e.source] += 1
            degree[e.target] += 1
        for node in self.nodes.values():
            if node.members:
                continue
            d = degree[node.id] ** 0.5
            if node.group == "person":  # people small and alike; hubs grow with their links
                node.size, node.font = 9.0 + min(6.0, 1.5 * d), 12.0
            else:
                node.size = 11.0 + min(34.0, 3.5 * d)
                node.font = 16.0 if degree[node.id] >= 10 else 14.0
        nodes = sorted(self.nodes.values(), key=lambda n: n.id)
        unique = {(e.source, e.target, e.label, e.detail): e for e in self.edges}
        edges = [unique[k] for k in sorted(unique)]
        return Network(title, description, nodes, edges)


def _person_facts(data: KGData) -> dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Tooltip lines and quotes of every person, computed once per export."""
    lines: dict[str, list[tuple[str, str]]] = defaultdict(list)
    quotes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for iri, person in data.persons.items():
        aliases = person.get("aliases") or []
        if aliases:
            lines[iri].append(("also known as", "; ".join(map(str, aliases))))
        if person.get("birthYear"):
            lines[iri].append(("born", str(person["birthYear"])))
    for label, facts in (("charge", data.charges), ("sentence", data.sentences),
                         ("event", data.events)):
        for fact in facts:
            value = fact.detail + (f" ({fact.date})" if fact.date else "")
            if label == "sentence" and fact.target:
                value += f", {data.label(fact.target)}"
            lines[fact.person].append((label, value))
            if fact.quote and len(quotes[fact.person]) < 6:
                quotes[fact.person].append((fact.quote, fact.doc or ""))
    return {iri: (lines[iri], quotes[iri]) for iri in set(lines) | set(quotes)}
