"""Benchmark `rkg build` after extraction: resolve, map, SHACL gate, load; then queries.

Synthetic documents (benchmarks/synthetic.py) are extracted first (timed apart: see
benchmarks/extract.py for that stage), people are resolved across all of them, and then,
as in :func:`repression_kg.build.build`, each document is mapped, passed through the SHACL
gate and written into a fresh on-disk Oxigraph store by the build's GraphWriter (new
documents in atomic bulk batches of up to 200k quads, loaded by a thread while the next
documents are mapped, then a compaction), one document at a time. "load" is the time the
build spends in the writer, waiting for the loader included; the loading that overlaps
mapping and the gate is not in it. Each step's time is summed over the documents; the peak memory of
the build is read before any comparison store exists.

Then two queries run on the on-disk store (before and after ``Store.optimize()``) and, in
a child process reading the same quads, on pyoxigraph's in-memory store and on rdflib's
default in-memory Dataset (skipped above ``--rdflib-max`` quads: rdflib needs ~1 KiB and
~50 µs per quad). Times are the best of three runs; the ratios are printed.

    python benchmarks/build.py --docs 1000 10000 [--no-shacl] [--rdflib-max 2000000]
    python benchmarks/build.py --docs 50000 --no-compare     # ~30 min, ~6 GiB
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate_documents  # noqa: E402

from repression_kg.build import (  # noqa: E402
    build,
    iter_quads,
    load_reference,
    resolve_people,
    validate_quads,
)
from repression_kg.extract import extract_document  # noqa: E402
from repression_kg.facts import Document  # noqa: E402
from repression_kg.ids import DEFAULT_BASE, doc_iri  # noqa: E402
from repression_kg.loading import OPTIMIZE_AFTER, GraphWriter  # noqa: E402
from repression_kg.store import copy_into_memory, open_store  # noqa: E402

PER_STATUTE = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?p (COUNT(DISTINCT ?who) AS ?n) WHERE { GRAPH ?g { ?c a rkg:Charge ; rkg:cites ?p ;
  rkg:accused ?who } } GROUP BY ?p ORDER BY DESC(?n)"""
SHARED = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?other (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?c rkg:accused <%s> ; rkg:cites ?p }
  GRAPH ?h { ?d rkg:cites ?p ; rkg:accused ?other } FILTER(?other != <%s>) }
  GROUP BY ?other ORDER BY DESC(?n) LIMIT 10"""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_of(store, text: str, runs: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        list(store.query(text))
        times.append(time.perf_counter() - start)
    return min(times)


def queries(store, person: str) -> dict[str, float]:  # noqa: ANN001
    return {"per-statute GROUP BY": best_of(store, PER_STATUTE),
            "shares statutes with X": best_of(store, SHARED % (person, person))}


def compare(nquads: str, person: str, rdflib_max: int) -> None:
    """Child process: the same quads in pyoxigraph's and rdflib's memory stores."""
    import pyoxigraph

    out: dict[str, object] = {}
    start = time.perf_counter()
    memory = pyoxigraph.Store()
    memory.bulk_load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    out["oxigraph memory load"] = time.perf_counter() - start
    out["oxigraph memory"] = queries(memory, person)
    size = len(memory)
    del memory
    if size <= rdflib_max:
        from rdflib import Dataset

        start = time.perf_counter()
        dataset = Dataset()
        dataset.parse(nquads, format="nquads")
        out["rdflib memory load"] = time.perf_counter() - start
        out["rdflib memory"] = queries(dataset, person)
    print(json.dumps(out))


def run(n: int, shacl: bool, rdflib_max: int, compare_stores: bool = True) -> None:
    print(f"{n:,} synthetic documents")
    start = time.perf_counter()
    docs = [(d, extract_document(d)) for d in (
        Document.from_text(i, t) for i, t in generate_documents(n))]
    print(f"  {'extract (not part of the build)':<36} {time.perf_counter() - start:8.2f} s")
    steps: Counter[str] = Counter()
    quads = 0
    person = ""
    with tempfile.TemporaryDirectory() as tmp:
        begin = time.perf_counter()
        resolver = resolve_people(docs, DEFAULT_BASE)
        steps["resolve"] = time.perf_counter() - begin
        store = open_store(Path(tmp) / "store")
        mark = time.perf_counter()
        load_reference(store)
        steps["reference"] = time.perf_counter() - mark
        writer = GraphWriter(store, DEFAULT_BASE)
        mark = time.perf_counter()
        for doc_id, doc_quads in iter_quads(docs, resolver, DEFAULT_BASE):
            t1 = time.perf_counter()
            problems = validate_quads(doc_id, doc_quads) if shacl else []
            assert not problems, problems
            t2 = time.perf_counter()
            writer.write(doc_id, doc_iri(doc_id), doc_quads)
            t3 = time.perf_counter()
            steps["map"] += t1 - mark
            steps["SHACL gate"] += t2 - t1
            steps["load"] += t3 - t2
            mark = t3
            quads += len(doc_quads)
            if not person:
                person = next(q.object.value for q in doc_quads
                              if q.predicate.value.endswith("#accused"))
        mark = time.perf_counter()
        writer.finish()
        store.flush()
        steps["load"] += time.perf_counter() - mark
        if writer.ingestions >= OPTIMIZE_AFTER:  # as GraphWriter.close() does
            mark = time.perf_counter()
            store.optimize()
            steps["optimize (after many bulk batches)"] = time.perf_counter() - mark
        writer.close(optimize=False)
        total = time.perf_counter() - begin
        for step, seconds in steps.items():
            print(f"  {step:<36} {seconds:8.2f} s")
        print(f"  {'build after extraction':<36} {total:8.2f} s  {quads / total:,.0f} quads/s "
              f"overall, {quads / steps['load']:,.0f} quads/s loading ({quads:,} quads, "
              f"{quads / n:,.0f} per document)")
        print(f"  {'peak RSS of the build':<36} {peak_mib():8,.0f} MiB")
        disk = queries(store, person)
        extra = Path(tmp) / "extra" / "incremental-000000.txt"  # one more document, as a user adds it
        extra.parent.mkdir()
        extra.write_text(next(generate_documents(1, seed=n + 1))[1], encoding="utf-8")
        mark = time.perf_counter()
        added = build([extra.parent], store)
        assert added.loaded == ["incremental-000000"], added
        print(f"  {'rkg build of one more document':<36} {time.perf_counter() - mark:8.2f} s")
        if not compare_stores:
            for query, seconds in disk.items():
                print(f"  {query}: oxigraph disk {seconds:.4f} s")
            return
        mark = time.perf_counter()
        store.optimize()
        print(f"  {'Store.optimize()':<36} {time.perf_counter() - mark:8.2f} s")
        optimised = queries(store, person)
        mark = time.perf_counter()
        copied = copy_into_memory(store)  # what --in-memory does
        print(f"  {'copy into memory (--in-memory)':<36} {time.perf_counter() - mark:8.2f} s")
        copy_times = queries(copied, person)
        del copied
        dump = Path(tmp) / "all.nq"
        store.dump(str(dump), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        del store
        child = subprocess.run([sys.executable, __file__, "--compare", str(dump), person,
                                str(rdflib_max)], capture_output=True, text=True, check=True)
        other = json.loads(child.stdout)
    for query in disk:
        mem = other["oxigraph memory"][query]
        line = (f"  {query}: oxigraph disk {disk[query]:.4f} s (optimised "
                f"{optimised[query]:.4f} s), oxigraph memory {mem:.4f} s "
                f"(disk/memory x{optimised[query] / max(mem, 1e-6):.1f}), copied into memory "
                f"{copy_times[query]:.4f} s (x{copy_times[query] / max(mem, 1e-6):.1f})")
        if "rdflib memory" in other:
            rdf = other["rdflib memory"][query]
            line += f", rdflib memory {rdf:.4f} s (rdflib/disk x{rdf / max(optimised[query], 1e-6):.0f})"
        print(line)
    if "rdflib memory" not in other:
        print(f"  rdflib skipped: {quads:,} quads > --rdflib-max {rdflib_max:,}")


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000])
    parser.add_argument("--no-shacl", action="store_true")
    parser.add_argument("--no-compare", action="store_true",
                        help="time the queries on the built store only (no in-memory copies)")
    parser.add_argument("--rdflib-max", type=int, default=2_000_000,
                        help="largest number of quads to load into rdflib for the ratio")
    args = parser.parse_args()
    for n in args.docs:
        run(n, not args.no_shacl, args.rdflib_max, not args.no_compare)


if __name__ == "__main__":
    main()
