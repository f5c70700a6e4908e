"""Triples as N-Triples term strings: read out of the store in bulk, written back in bulk.

The engine keeps every term in its N-Triples form (``<iri>``, ``_:b``, ``"lit"@ru``), the
form Oxigraph serialises it in, so sets of plain string tuples hold and compare triples
without a Python object per term; reads go through SPARQL results serialised by Oxigraph
(TSV for columns of IRIs only, N-Triples for whole triples), writes through N-Triples text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

Triple = tuple[str, str, str]
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
BULK_BYTES = 4_000_000  # above this, triples are bulk-loaded (faster, not transactional)


def is_iri(term: str) -> bool:
    return term.startswith("<")


def parse(data: bytes) -> list[Triple]:
    """The triples of N-Triples text as written by Oxigraph (one triple a line)."""
    out = []
    for line in data.decode("utf-8").split("\n"):
        if line:
            s, p, o = line[:-2].split(" ", 2)
            out.append((s, p, o))
    return out


def construct(store: ox.Store, query: str, *, union: bool = True) -> list[Triple]:
    """Run a CONSTRUCT over the union of all graphs (``union=False``: the default graph)."""
    results = store.query(query, use_default_graph_as_union=union)
    if not isinstance(results, ox.QueryTriples):
        raise ValueError("not a CONSTRUCT query")
    return parse(results.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")


def iri_rows(store: ox.Store, query: str, *, union: bool = True) -> list[list[str]]:
    """The rows of a SELECT whose every value is an IRI (TSV keeps IRIs in N-Triples form)."""
    results = store.query(query, use_default_graph_as_union=union)
    if not isinstance(results, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    data = results.serialize(format=ox.QueryResultsFormat.TSV) or b""
    return [line.split("\t") for line in data.decode("utf-8").split("\n")[1:] if line]


def text(triples: Iterable[Triple]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def write(store: ox.Store, triples: Sequence[Triple], graph: ox.NamedNode) -> None:
    """Add the triples to ``graph`` (bulk-loaded when large)."""
    if not triples:
        return
    data = text(triples).encode("utf-8")
    if len(data) > BULK_BYTES:
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    else:
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)


class Asserted:
    """What the named graphs other than ``inferred`` hold, one predicate at a time (cached).

    A triple a rule infers goes to the inferred graph only when no other named graph
    asserts it; the engine asks here.
    """

    def __init__(self, store: ox.Store, inferred: ox.NamedNode) -> None:
        self.store = store
        self.inferred = inferred
        self._pairs: dict[str, set[tuple[str, str]]] = {}

    def pairs(self, predicate: str) -> set[tuple[str, str]]:
        """The (subject, object) pairs of ``predicate`` in the named graphs but ``inferred``."""
        if predicate not in self._pairs:
            rows = construct(self.store, f"CONSTRUCT {{ ?s {predicate} ?o }} WHERE {{ GRAPH ?g "
                                         f"{{ ?s {predicate} ?o }} FILTER(?g != {self.inferred}) }}")
            self._pairs[predicate] = {(s, o) for s, _, o in rows}
        return self._pairs[predicate]

    def default_types(self) -> set[tuple[str, str]]:
        """The (instance, class) pairs of the default graph (a rule reads them too)."""
        rows = construct(self.store, "CONSTRUCT { ?s a ?o } WHERE { ?s a ?o }", union=False)
        return {(s, o) for s, _, o in rows}
