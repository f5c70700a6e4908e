"""`rkg explain`: the merge judgements behind a person, read from ``id:graph/resolution``."""

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


def explain(store: pyoxigraph.Store, query: str) -> list[dict[str, object]]:
    """One row per matching person: IRI, rule, reason, merged names and documents."""
    found: dict[str, dict[str, object]] = {}
    for row in store.query(QUERY, substitutions={pyoxigraph.Variable("q"): Literal(query)}):
        iri = row["person"].value
        item = found.setdefault(iri, {"iri": iri, "rule": row["rule"].value,
                                      "reason": row["reason"].value, "names": set(),
                                      "documents": set()})
        item["names"].add(row["name"].value)  # type: ignore[union-attr]
        item["documents"].add(row["doc"].value.rsplit("/", 1)[-1])  # type: ignore[union-attr]
    return [{**v, "names": sorted(v["names"]), "documents": sorted(v["documents"])}  # type: ignore[arg-type]
            for _, v in sorted(found.items())]
