"""graph/: the built graph of the bundled corpus, as deterministic TriG, a stats file and
its VoID/DCAT description (void.ttl).

Reproduced by ``rkg build corpus/ --store <fresh dir> --graph-out graph/``; a test
rebuilds it and fails when graph/ is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph

from repression_kg.files import write_text
from repression_kg.rdf.serialise import write_rdf
from repression_kg.rdf.void import void_turtle

STATS = """
SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/repression-kg/id/doc/")) } GROUP BY ?c ORDER BY ?c
"""


def stats(store: pyoxigraph.Store) -> dict[str, object]:
    graphs = [g.value for g in store.named_graphs()]
    docs = sorted(g.rsplit("/", 1)[-1] for g in graphs if "/id/doc/" in g)
    classes = {row["c"].value.replace("https://w3id.org/repression-kg/ontology#", "rkg:"):
               int(row["n"].value) for row in store.query(STATS)}
    return {"documents": len(docs), "quads": len(store), "graphs": len(graphs),
            "classes": dict(sorted(classes.items())), "document_ids": docs}


def write_graph_dir(store: pyoxigraph.Store, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    quads = [q for q in store.quads_for_pattern(None, None, None, None)
             if not q.graph_name.value.endswith("/graph/build")]
    write_rdf(quads, out / "corpus.trig", "trig")
    text = json.dumps(stats(store), indent=2, sort_keys=True) + "\n"
    write_text(out / "stats.json", text)
    write_text(out / "void.ttl", void_turtle(store).decode("utf-8"))
