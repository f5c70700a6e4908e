"""`rkg explain`: the merge judgements behind a person, read from ``id:graph/resolution``,
with the maintainers' merges and splits (``id:graph/curated``) that shaped them."""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import Literal

QUERY = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?person ?rule ?reason ?name ?doc ?q WHERE {
  GRAPH ?g {
    ?j prov:generated ?person ; rkg:resolutionRule ?rule ; rdfs:comment ?reason ;
       rkg:mergedName ?name ; prov:used ?doc .
    ?j rkg:mergedName ?match .
  }
  FILTER(CONTAINS(LCASE(STR(?match)), LCASE(?q)) || STR(?person) = ?q)
}
"""

CURATED = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?person ?c ?what ?who ?when ?why WHERE {
  GRAPH ?g { ?j prov:generated ?person ; prov:wasInfluencedBy ?c }
  GRAPH ?gc { ?c a rkg:Correction ; rdfs:label ?what ; rdfs:comment ?why ; rkg:date ?when ;
                 prov:wasAssociatedWith ?agent . ?agent rdfs:label ?who }
} ORDER BY ?when ?c
"""


def curated_judgements(store: pyoxigraph.Store, person: str) -> list[dict[str, str]]:
    """The corrections (merge, split) behind one person's resolution: what, who, when, why."""
    rows = store.query(CURATED, substitutions={pyoxigraph.Variable("person"):
                                               pyoxigraph.NamedNode(person)})
    return [{k: row[k].value for k in ("what", "who", "when", "why")} | {"iri": row["c"].value}
            for row in rows]  # type: ignore[union-attr]


def explain(store: pyoxigraph.Store, query: str) -> list[dict[str, object]]:
    """One row per matching person: IRI, rule, reason, merged names and documents, and the
    maintainers' corrections (what, who, when, why) that shaped the judgement."""
    found: dict[str, tuple[str, str, set[str], set[str]]] = {}
    for row in store.query(QUERY, substitutions={pyoxigraph.Variable("q"): Literal(query)}):  # type: ignore[union-attr]
        iri = row["person"].value
        _, _, names, documents = found.setdefault(
            iri, (row["rule"].value, row["reason"].value, set(), set()))
        names.add(row["name"].value)
        documents.add(row["doc"].value.rsplit("/", 1)[-1])
    return [{"iri": iri, "rule": rule, "reason": reason, "names": sorted(names),
             "documents": sorted(documents), "curated": curated_judgements(store, iri)}
            for iri, (rule, reason, names, documents) in sorted(found.items())]
