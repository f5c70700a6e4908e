"""Benchmark `rkg build` after extraction: map + SHACL gate + load, and query speed.

Synthetic documents (benchmarks/synthetic.py) are extracted first (timed apart: see
benchmarks/extract.py for that stage), then resolved, mapped, validated and loaded into a
fresh on-disk Oxigraph store one transaction per document. Then two queries run on the
on-disk store and on rdflib's in-memory Dataset holding the same quads (the ratio).

    python benchmarks/build.py --docs 1000 [--no-shacl]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate_documents  # noqa: E402

from repression_kg.build import load_document, load_reference, map_documents, validate_quads  # noqa: E402
from repression_kg.extract import extract_document  # noqa: E402
from repression_kg.facts import Document  # noqa: E402
from repression_kg.ids import DEFAULT_BASE, doc_iri  # noqa: E402
from repression_kg.store import open_store  # noqa: E402

PER_STATUTE = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?p (COUNT(DISTINCT ?who) AS ?n) WHERE { GRAPH ?g { ?c a rkg:Charge ; rkg:cites ?p ;
  rkg:accused ?who } } GROUP BY ?p ORDER BY DESC(?n)"""
SHARED = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?other (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?c rkg:accused <%s> ; rkg:cites ?p }
  GRAPH ?h { ?d rkg:cites ?p ; rkg:accused ?other } FILTER(?other != <%s>) }
  GROUP BY ?other ORDER BY DESC(?n) LIMIT 10"""


def timed(label: str, func, *args):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    out = func(*args)
    print(f"  {label:<34} {time.perf_counter() - start:8.2f} s")
    return out


def _extract(n: int) -> list:
    return [(d, extract_document(d)) for d in (
        Document.from_text(i, t) for i, t in generate_documents(n))]


def _validate(by_doc: dict) -> list:
    return [validate_quads(k, v) for k, v in by_doc.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000])
    parser.add_argument("--no-shacl", action="store_true")
    args = parser.parse_args()
    for n in args.docs:
        print(f"{n} synthetic documents")
        docs = timed("extract", _extract, n)
        by_doc, _ = timed("resolve + map", map_documents, docs)
        quads = sum(len(q) for q in by_doc.values())
        if not args.no_shacl:
            timed("SHACL gate", _validate, by_doc)
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "store")
            load_reference(store)
            start = time.perf_counter()
            for doc_id, doc_quads in by_doc.items():
                load_document(store, doc_iri(doc_id), doc_quads, DEFAULT_BASE)
            store.flush()
            load = time.perf_counter() - start
            print(f"  {'load (1 transaction per document)':<34} {load:8.2f} s  "
                  f"{quads / load:,.0f} quads/s ({quads:,} quads)")
            person = next(q.object.value for qs in by_doc.values() for q in qs
                          if q.predicate.value.endswith("#accused"))
            t0 = time.perf_counter()
            list(store.query(PER_STATUTE))
            t1 = time.perf_counter()
            list(store.query(SHARED % (person, person)))
            t2 = time.perf_counter()
            from rdflib import Dataset

            memory = Dataset()
            memory.parse(data="".join(str(q) + " .\n" for qs in by_doc.values() for q in qs),
                         format="nquads")
            t3 = time.perf_counter()
            list(memory.query(PER_STATUTE))
            t4 = time.perf_counter()
            list(memory.query(SHARED % (person, person)))
            t5 = time.perf_counter()
            print(f"  per-statute GROUP BY: oxigraph disk {t1 - t0:.3f} s, rdflib memory "
                  f"{t4 - t3:.3f} s (x{(t4 - t3) / max(t1 - t0, 1e-6):.0f})")
            print(f"  shares statutes with X: oxigraph disk {t2 - t1:.3f} s, rdflib memory "
                  f"{t5 - t4:.3f} s (x{(t5 - t4) / max(t2 - t1, 1e-6):.0f})")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak RSS {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
