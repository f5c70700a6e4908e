"""Running library queries on an rdflib ``Dataset``: the second SPARQL 1.1 engine.

For notebooks that already hold the graph in rdflib (``Dataset().parse("graph/corpus.trig")``)
and for the portability test: every library query must give the same rows here as on
Oxigraph. rdflib evaluates in pure Python, so keep it to graphs of a few thousand cases.

>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> g = ds.graph(URIRef("http://example.org/g"))
>>> _ = g.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("x")))
>>> RdflibBackend(ds).select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }").bindings
[{'o': Term(kind='literal', value='x', datatype='http://www.w3.org/2001/XMLSchema#string', lang=None)}]
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Dataset, Literal, URIRef

from repression_kg.query.backends import QueryError, Result
from repression_kg.query.terms import XSD, Term


def from_rdflib(term: Any) -> Term:
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        if term.language:
            return Term("literal", str(term), None, term.language)
        return Term("literal", str(term), str(term.datatype) if term.datatype else f"{XSD}string")
    return Term("literal", str(term))


class RdflibBackend:
    """A :class:`~repression_kg.query.backends.Backend` over an rdflib ``Dataset`` (named graphs)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def describe(self) -> str:
        return f"an rdflib Dataset of {len(self.dataset):,} quads"

    def select(self, text: str) -> Result:
        try:
            answer = self.dataset.query(text)
        except Exception as exc:  # rdflib raises parser and evaluation errors of many types
            raise QueryError(f"{type(exc).__name__}: {exc}") from exc
        if answer.type == "ASK":
            return Result([], [], bool(answer.askAnswer))
        if answer.type != "SELECT":
            raise QueryError("only SELECT and ASK queries give tables (this is CONSTRUCT/DESCRIBE)")
        names = [str(v) for v in answer.vars or []]
        rows = []
        for solution in answer:
            row = {}
            for name, value in zip(names, solution, strict=True):
                if value is not None:
                    row[name] = from_rdflib(value)
            rows.append(row)
        return Result(names, rows)
