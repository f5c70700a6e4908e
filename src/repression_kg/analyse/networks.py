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
        graph.add_node(statute, label=_v(row, "number") or statute_label(statute), kind="statute", bipartite=1)
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
    """Country -> country, weighted by the number of distinct people handed over.

    Several documents often report the same transfer (a case page and a news item), so a
    flow counts people, not transfer records; ``reports`` keeps the number of records.
    Transfers without both countries cannot be a flow and are left out.
    """
    graph = nx.DiGraph(query="transfers", kind="transfers")
    seen: set[str] = set()
    people: dict[tuple[str, str], dict[str, str]] = {}
    for row in fetch(backend, "transfers").bindings:
        key = _v(row, "transfer")
        source, target = _v(row, "from"), _v(row, "to")
        if key in seen or not source or not target:
            continue
        seen.add(key)
        graph.add_node(source, label=_v(row, "from_name") or source, kind="country")
        graph.add_node(target, label=_v(row, "to_name") or target, kind="country")
        person = _v(row, "subject")
        named = people.setdefault((source, target), {})
        named.setdefault(person, _v(row, "name") or person)
        if graph.has_edge(source, target):
            graph[source][target]["reports"] += 1
            kinds = set(graph[source][target]["relation"].split(", ")) | {_v(row, "kind")}
            graph[source][target]["relation"] = ", ".join(sorted(kinds))
        else:
            graph.add_edge(source, target, reports=1, relation=_v(row, "kind"))
        graph[source][target]["weight"] = len(named)
        graph[source][target]["people"] = "; ".join(sorted(named.values()))
    return graph


def statute_label(iri: str) -> str:
    """A readable article or part for a statute IRI without reference data: ``281``,
    ``207.3 part 2``."""
    tail = iri.split("/law/", 1)[-1]
    parts = tail.split("/")
    if len(parts) >= 2:
        tail = "/".join(parts[1:])
    return tail.replace("/part-", " part ")


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
