"""Fill a :class:`GraphIndex` from an Oxigraph store.

* :func:`load_all` — the whole graph in three bulk SPARQL queries (all arcs except document
  text, the ontology's labels, then the texts streamed one by one): the static site never
  asks one query per entity, so it scales with the graph, not with the number of pages.
* :func:`load_neighbourhood` — one entity and what its page shows (neighbours, their
  neighbours where a section needs them), for the server's dereferenceable IRIs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pyoxigraph as ox

from repression_kg.site.model import (
    OA,
    ONTOLOGY_GRAPH,
    RKG,
    GraphIndex,
    Lit,
    Term,
)

ALL_ARCS = f"""
SELECT ?s ?p ?o ?g WHERE {{
  {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }} UNION {{ ?s ?p ?o }}
  FILTER(?p != <{RKG}text>)
}}"""

VOCAB_LABELS = f"""
SELECT ?x ?label WHERE {{
  GRAPH <{ONTOLOGY_GRAPH}> {{ ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
}}"""

TEXTS = f"""
SELECT ?doc ?text WHERE {{
  {{ GRAPH ?g {{ ?doc <{RKG}text> ?text }} }} UNION {{ ?doc <{RKG}text> ?text }}
}}"""

#: A bound on the arcs read for one server page, so a hub cannot make a request unbounded.
NEIGHBOURHOOD_BUDGET = 300_000


def term(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    """A pyoxigraph term as a plain Python value."""
    if isinstance(node, ox.NamedNode):
        return node.value
    if isinstance(node, ox.BlankNode):
        return "_:" + node.value
    if isinstance(node, ox.Literal):
        return Lit(node.value, node.language or "", node.datatype.value)
    return str(node)


def _graph_name(graph: object) -> str:
    if isinstance(graph, ox.NamedNode):
        return graph.value
    if isinstance(graph, ox.BlankNode):
        return "_:" + graph.value
    return ""


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("expected a SELECT query")
    return result


def load_vocab_labels(store: ox.Store, index: GraphIndex) -> None:
    """Labels of classes and properties from the ontology graph (English preferred)."""
    chosen: dict[str, tuple[int, str]] = {}
    for row in _select(store, VOCAB_LABELS):
        label = row["label"]
        rank = 0 if (label.language or "en") == "en" else 1
        key = str(term(row["x"]))
        if key not in chosen or (rank, label.value) < chosen[key]:
            chosen[key] = (rank, label.value)
    index.vocab_labels.update({k: v for k, (_, v) in chosen.items()})


def load_all(store: ox.Store) -> GraphIndex:
    """Every arc of the store except document text and the ontology itself."""
    index = GraphIndex()
    add = index.add
    intern = sys.intern  # one string per IRI however often it recurs: a third less memory
    for row in _select(store, ALL_ARCS):
        o = term(row["o"])
        add(intern(str(term(row["s"]))), intern(str(term(row["p"]))),
            intern(o) if isinstance(o, str) else o, intern(_graph_name(row["g"])))
    load_vocab_labels(store, index)
    return index


def iter_texts(store: ox.Store) -> Iterator[tuple[str, str]]:
    """(document IRI, full text) for every document, streamed."""
    for row in _select(store, TEXTS):
        yield str(term(row["doc"])), row["text"].value


def document_text(store: ox.Store, doc: str) -> str | None:
    for quad in store.quads_for_pattern(ox.NamedNode(doc), ox.NamedNode(RKG + "text"), None):
        return str(getattr(quad.object, "value", ""))
    return None


def _complete_provenance(index: GraphIndex, expand: Callable[[set[str], bool], set[str]]
                         ) -> None:
    """Read the documents (named graphs) arcs came from, and each evidence annotation down
    to its selectors, so sources are named and quotes have their words."""
    graphs = {g for arcs in list(index.out.values()) for _, _, g in arcs if g}
    expand(graphs, False)
    quotes = {o for arcs in list(index.out.values()) for p, o, _ in arcs
              if p == RKG + "evidence" and isinstance(o, str)}
    expand(quotes, False)
    targets = {t for q in quotes for t in index.values(q, OA + "hasTarget") if isinstance(t, str)}
    expand(targets, False)
    expand({s for t in targets for s in index.values(t, OA + "hasSelector")
            if isinstance(s, str)}, False)


def load_neighbourhood(store: ox.Store, iri: str) -> GraphIndex:
    """What one entity's page needs, read hop by hop with direct pattern lookups:

    * the entity's arcs both ways (and its parts', for an article);
    * the outgoing arcs of everything reached, two hops further (the facts pointing at it,
      what those facts name, and those names' labels);
    * for a statute, the sentences of the people charged under it (the one section that
      needs arcs pointing *at* a neighbour);
    * each evidence annotation down to its selectors.

    Only the entity's own incoming arcs are read in full, so a page about a person never
    pulls in all of Russia; a budget bounds the rest.
    """
    index = GraphIndex()
    seen_out: set[str] = set()
    seen_in: set[str] = set()
    seen_quads: set[tuple[str, str, Term, str]] = set()  # a quad is met from both ends
    budget = [NEIGHBOURHOOD_BUDGET]
    text_p = RKG + "text"

    def read(pattern: tuple[object, object, object]) -> list[str]:
        found: list[str] = []
        for quad in store.quads_for_pattern(*pattern):  # type: ignore[arg-type]
            if budget[0] <= 0:
                index.incomplete = True
                break
            p = quad.predicate.value
            g = _graph_name(quad.graph_name)
            if p == text_p or g == ONTOLOGY_GRAPH:
                continue
            s, o = str(term(quad.subject)), term(quad.object)
            key = (s, p, o, g)
            if key in seen_quads:
                continue
            seen_quads.add(key)
            budget[0] -= 1
            index.add(s, p, o, g)
            if not s.startswith("_:"):
                found.append(s)
            if isinstance(o, str) and not o.startswith("_:"):
                found.append(o)
        return found

    def node(value: str) -> ox.NamedNode | ox.BlankNode:
        return ox.BlankNode(value[2:]) if value.startswith("_:") else ox.NamedNode(value)

    def expand(nodes: set[str], incoming: bool) -> set[str]:
        reached: set[str] = set()
        for value in sorted(nodes):
            if value not in seen_out:
                seen_out.add(value)
                reached.update(read((node(value), None, None)))
            if incoming and value not in seen_in:
                seen_in.add(value)
                reached.update(read((None, None, node(value))))
        return reached - nodes

    level = expand({iri}, incoming=True)
    parts = set(index.subjects(RKG + "partOf", iri))
    level |= expand(parts, incoming=True)
    level = expand(level, incoming=False)
    if index.is_a(iri, RKG + "Article", RKG + "ArticlePart"):
        sentenced = ox.NamedNode(RKG + "sentenced")
        charged = {o for target in {iri} | parts for charge in index.subjects(RKG + "cites", target)
                   for o in index.values(charge, RKG + "accused") if isinstance(o, str)}
        for person in sorted(charged):
            level.update(read((None, sentenced, node(person))))
    level = expand(level, incoming=False)
    expand(level, incoming=False)  # names of what the last facts point at (courts, places)
    _complete_provenance(index, expand)
    load_vocab_labels(store, index)
    return index
