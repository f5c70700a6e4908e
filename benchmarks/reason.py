"""Benchmark `rkg reason`: the rules of ontology/rules/ over synthetic graphs of N cases.

Usage: ``python benchmarks/reason.py [N ...]`` (default 1000 10000 50000). For each N it
writes a synthetic dataset in the shape of docs/data-model.md (one named graph per
document: a person, one to three charges with provenance, a sentence, events, sometimes an
extradition or deportation, a recognition, a spouse), bulk-loads it into a fresh on-disk
Oxigraph store, loads the ontology and reference data, and times the inference
(`repression_kg.reason.infer`, the code path of `rkg reason`), printing triples in, triples
inferred, rounds, seconds (in all and per rule) and the process's peak resident memory.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from repression_kg.ids import DEFAULT_BASE, REF, provision_iri
from repression_kg.reason import ensure_model, infer
from repression_kg.store import open_store

RKG = "https://w3id.org/repression-kg/ontology#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PROVISIONS = [("RU-CC", "207.3", "2"), ("RU-CC", "280.3", "1"), ("RU-CC", "205.2", "2"),
              ("RU-CC", "205.5", "2"), ("RU-CC", "275", None), ("RU-CC", "322", "1"),
              ("RU-CC", "338", "3"), ("RU-CC", "282.2", "1"), ("RU-CC", "318", "1"),
              ("RU-CoAP", "20.3.3", "1"), ("RU-CoAP", "20.2", "5")]
EVENTS = ["Detention", "Arrest", "Search", "Trial", "Extradition", "Deportation", "Release"]
COUNTRIES = ["kazakhstan", "armenia", "georgia", "kyrgyzstan", "turkey"]


def _r(local: str) -> str:
    return f"<{RKG}{local}>"


def _lit(value: object, datatype: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<http://www.w3.org/2001/XMLSchema#{datatype}>' if datatype else f'"{text}"'


def _case(rnd: random.Random, i: int) -> list[str]:
    """The quads of one synthetic case document."""
    lines: list[str] = []
    doc = f"{DEFAULT_BASE}doc/synthetic-{i:06d}"
    g = f"<{doc}>"
    person = f"<{DEFAULT_BASE}person/p-{i:06d}>"
    case = f"<{DEFAULT_BASE}case/c-{i:06d}>"
    quote = f"<{doc}/quote/1>"

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} {g} .")

    def fact(node: str, cls: str) -> None:
        add(node, A, _r(cls))
        add(node, _r("inCase"), case)
        add(node, "<http://www.w3.org/ns/prov#wasDerivedFrom>", g)
        add(node, _r("evidence"), quote)
        add(node, _r("method"), f"<{REF}method/stated>")

    add(g, A, _r("Document"))
    add(g, _r("contentHash"), _lit(f"h{i}"))
    add(quote, A, "<http://www.w3.org/ns/oa#Annotation>")
    add(quote, "<http://www.w3.org/ns/oa#hasTarget>", f"<{doc}/quote/1#target>")
    add(f"<{doc}/quote/1#target>", "<http://www.w3.org/ns/oa#hasSource>", g)
    add(f"<{doc}/quote/1#target>", "<http://www.w3.org/ns/oa#hasSelector>", f"<{doc}/quote/1#pos>")
    add(f"<{doc}/quote/1#pos>", A, "<http://www.w3.org/ns/oa#TextPositionSelector>")
    add(f"<{doc}/quote/1#pos>", "<http://www.w3.org/ns/oa#start>", _lit(0, "integer"))
    add(f"<{doc}/quote/1#pos>", "<http://www.w3.org/ns/oa#end>", _lit(80, "integer"))
    add(person, A, _r("Person"))
    add(person, _r("name"), _lit(f"Person {i}"))
    add(person, _r("birthYear"), _lit(1950 + i % 50, "integer"))
    add(person, _r("hasRole"), f"<{REF}role/defendant>")
    add(case, A, _r("Case"))

    for k, (code, article, part) in enumerate(rnd.sample(PROVISIONS, rnd.randint(1, 3))):
        charge = f"<{doc}/charge/{k}>"
        fact(charge, "Charge")
        add(charge, _r("accused"), person)
        add(charge, _r("cites"), f"<{provision_iri(code, article, part)}>")
        if rnd.random() < 0.1:
            add(charge, _r("modifier"), _r("Preparation"))
    sentence = f"<{doc}/sentence/1>"
    fact(sentence, "Sentence")
    add(sentence, _r("sentenced"), person)
    add(sentence, _r("sentenceKind"), f"<{REF}sentence-kind/imprisonment>")
    add(sentence, _r("durationMonths"), _lit(rnd.randint(6, 240), "integer"))
    add(sentence, _r("regime"), f"<{REF}regime/general>")
    add(sentence, _r("date"), _lit(f"2023-{1 + i % 12:02d}-15", "date"))
    for k, cls in enumerate(rnd.sample(EVENTS, 2)):
        event = f"<{doc}/event/{k}>"
        fact(event, cls)
        add(event, _r("participant"), person)
        if cls in ("Extradition", "Deportation"):
            add(event, _r("fromCountry"), f"<{REF}place/{rnd.choice(COUNTRIES)}>")
            add(event, _r("toCountry"), f"<{REF}place/russia>")
    if rnd.random() < 0.3:
        recognition = f"<{doc}/recognition/1>"
        fact(recognition, "PoliticalPrisonerRecognition")
        add(recognition, _r("recognised"), person)
    if rnd.random() < 0.1:
        spouse = f"<{DEFAULT_BASE}person/s-{i:06d}>"
        add(spouse, A, _r("Person"))
        add(spouse, _r("spouseOf"), person)
    return lines


def synthetic_nquads(n: int, seed: int = 0) -> str:
    """N-Quads for ``n`` synthetic cases (about 70 quads each), deterministic for a seed."""
    rnd = random.Random(seed)
    lines: list[str] = []
    for i in range(n):
        lines.extend(_case(rnd, i))
    return "\n".join(lines) + "\n"


def run(n: int) -> None:
    text = synthetic_nquads(n)
    quads_in = text.count("\n")
    with tempfile.TemporaryDirectory(prefix="rkg-reason-bench-") as tmp:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        ensure_model(store)
        load_s = time.perf_counter() - started
        report = infer(store)
        print(f"{n:>7} cases  {quads_in:>9} quads in  load {load_s:6.1f} s  "
              f"reason {report.seconds:6.1f} s  {report.triples:>9} inferred  {report.rounds} rounds", flush=True)
        slowest = sorted(report.per_rule.items(), key=lambda kv: -kv[1])[:3]
        print("         most triples: " + ", ".join(f"{k} {v}" for k, v in slowest), flush=True)
        seconds = sorted(report.per_rule_seconds.items(), key=lambda kv: -kv[1])[:4]
        print("         most seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds) +
              f"; peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", flush=True)
        del store


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000, 50000]
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main(sys.argv[1:])
