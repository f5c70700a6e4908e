"""networkx graphs built from the query library, each remembering the query it came from.

Every graph carries ``graph.graph["query"]`` (the library query names) so a report figure or
an exported file can say where its numbers come from.
"""

from __future__ import annotations

import networkx as nx

from repression_kg.analyse.pairs import Incidence, projection
from repression_kg.query import load_library, run
from repression_kg.query.backends import Backend, Result

VIEWS = ("person-statute", "person-person", "court-statute", "transfers", "co-defendants")


def fetch(backend: Backend, name: str, **params: str) -> Result:
    return run(load_library()[name], backend, params)


def _v(row: dict, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""


def person_statute(backend: Backend) -> nx.Graph:
    """Bipartite: people and articles, an edge per article a person is charged under."""
    graph = nx.Graph(query="person-statutes", kind="person-statute")
    for row in fetch(backend, "person-statutes").bindings:
        person, statute = _v(row, "subject"), _v(row, "statute")
        graph.add_node(person, label=_v(row, "name") or person, kind="person", bipartite=0)
        graph.add_node(statute, label=_v(row, "number") or statute, kind="statute", bipartite=1)
        graph.add_edge(person, statute, weight=int(_v(row, "charges") or 1), relation="charged under")
    return graph


def incidence(graph: nx.Graph) -> Incidence:
    pairs = [(u, v) if graph.nodes[u]["kind"] == "person" else (v, u) for u, v in graph.edges]
    return Incidence.from_pairs(pairs)


def person_person(bipartite: nx.Graph, *, min_shared: int = 1) -> nx.Graph:
    """Weighted projection onto people: weight = number of shared articles (sparse product)."""
    graph = nx.Graph(query="person-statutes", kind="person-person")
    for node, data in bipartite.nodes(data=True):
        if data["kind"] == "person":
            graph.add_node(node, label=data["label"], kind="person")
    for a, b, shared in projection(incidence(bipartite), min_shared=min_shared):
        graph.add_edge(a, b, weight=shared, relation="shares statutes")
    return graph


def court_statute(backend: Backend) -> nx.Graph:
    graph = nx.Graph(query="courts", kind="court-statute")
    for row in fetch(backend, "courts").bindings:
        court = _v(row, "court")
        graph.add_node(court, label=_v(row, "court_name") or court, kind="court")
        for number in filter(None, (s.strip() for s in _v(row, "statutes").split(","))):
            graph.add_node(f"statute:{number}", label=number, kind="statute")
            graph.add_edge(court, f"statute:{number}", relation="applies")
    return graph


def transfers(backend: Backend) -> nx.DiGraph:
    """Country -> country, weighted by the number of people handed over."""
    graph = nx.DiGraph(query="transfers", kind="transfers")
    seen: set[str] = set()
    for row in fetch(backend, "transfers").bindings:
        key = _v(row, "transfer")
        if key in seen or not _v(row, "from") or not _v(row, "to"):
            continue
        seen.add(key)
        source, target = _v(row, "from"), _v(row, "to")
        graph.add_node(source, label=_v(row, "from_name") or source, kind="country")
        graph.add_node(target, label=_v(row, "to_name") or target, kind="country")
        if graph.has_edge(source, target):
            graph[source][target]["weight"] += 1
            graph[source][target]["people"] += "; " + _v(row, "name")
        else:
            graph.add_edge(source, target, weight=1, people=_v(row, "name"), relation=_v(row, "kind"))
    return graph


def co_defendants(backend: Backend) -> nx.Graph:
    """People tried together or signing together (co-defendants and co-signatories)."""
    graph = nx.Graph(query="co-defendants, co-signatories", kind="co-defendants")
    for name, relation in (("co-defendants", "co-defendant"), ("co-signatories", "co-signatory")):
        for row in fetch(backend, name).bindings:
            a, b = _v(row, "person_a"), _v(row, "person_b")
            graph.add_node(a, label=_v(row, "name_a") or a, kind="person")
            graph.add_node(b, label=_v(row, "name_b") or b, kind="person")
            graph.add_edge(a, b, relation=relation)
    return graph


def build_view(backend: Backend, view: str) -> nx.Graph:
    if view == "person-statute":
        return person_statute(backend)
    if view == "person-person":
        return person_person(person_statute(backend))
    if view == "court-statute":
        return court_statute(backend)
    if view == "transfers":
        return transfers(backend)
    if view == "co-defendants":
        return co_defendants(backend)
    raise ValueError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
