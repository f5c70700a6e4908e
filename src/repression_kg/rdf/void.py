"""The dataset's VoID and DCAT description: ontology/dataset.ttl plus counts of the graph.

What a maintainer writes (title, description, licence, vocabularies, the dump) is in
ontology/dataset.ttl; what is counted from the store is added here: the triples of the
dump (every graph but the build's own bookkeeping), the entities (subjects in the
``void:uriSpace``), the documents (one named graph each), and a ``void:classPartition``
per class of the document graphs with its number of entities.
Everything is derived from the graph, never from the clock, so the same graph always gets
the same description.
"""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import Literal, NamedNode

from repression_kg.ids import DEFAULT_BASE, slug
from repression_kg.rdf.serialise import prefixes
from repression_kg.resources import ontology_dir

VOID = "http://rdfs.org/ns/void#"
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
SITE = "https://w3id.org/repression-kg/"
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != %(state)s) }"
ENTITIES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?s), STR(%(base)s))) }"""
DOCUMENTS = """SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), STR(%(docs)s))) }"""
CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class }
  FILTER(STRSTARTS(STR(?g), STR(%(docs)s))) } GROUP BY ?class ORDER BY ?class
"""


def _v(name: str) -> NamedNode:
    return NamedNode(VOID + name)


def _n(value: str) -> Literal:
    return Literal(value, datatype=XSD_INTEGER)


def void_triples(store: pyoxigraph.Store, base: str = DEFAULT_BASE) -> list[pyoxigraph.Triple]:
    """The description of the graph in ``store`` (document graphs under ``base``)."""
    path = ontology_dir() / "dataset.ttl"
    out = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE,
                                base_iri=SITE))
    dataset = NamedNode(SITE + "dataset")
    docs = {"docs": NamedNode(base + "doc/"), "base": NamedNode(base),
            "state": NamedNode(base + "graph/build")}
    for name, query in (("triples", TRIPLES), ("entities", ENTITIES), ("documents", DOCUMENTS)):
        count = next(iter(store.query(query % docs)))["n"].value
        out.append(pyoxigraph.Triple(dataset, _v(name), _n(count)))
    for row in store.query(CLASSES % docs):
        part = NamedNode(f"{SITE}dataset/class/{_short(row['class'].value)}")
        out += [pyoxigraph.Triple(dataset, _v("classPartition"), part),
                pyoxigraph.Triple(part, _v("class"), row["class"]),
                pyoxigraph.Triple(part, _v("entities"), _n(row["n"].value))]
    return out


def _short(iri: str) -> str:
    """``rkg-person`` for rkg:Person: the class's prefix and name, so partitions never clash."""
    for prefix, namespace in sorted(prefixes().items()):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return slug(f"{prefix}-{iri[len(namespace):]}")
    return slug(iri)


def void_turtle(store: pyoxigraph.Store, base: str = DEFAULT_BASE) -> bytes:
    """The description as sorted Turtle (graph/void.ttl)."""
    triples = sorted(set(void_triples(store, base)), key=str)
    names = {**prefixes(), "void": VOID, "dcat": "http://www.w3.org/ns/dcat#",
             "foaf": "http://xmlns.com/foaf/0.1/"}
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=names) or b""
