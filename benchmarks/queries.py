"""Time every library query on a synthetic graph in the shape of docs/data-model.md.

Each synthetic case is one document graph: 1-3 defendants charged under 1-3 article parts
(skewed towards a few articles), a sentence per defendant from one of 40 courts, a
detention event, sometimes a deportation or a co-defendant relation, with quotes. The
reference graph holds the articles and parts. Prints load time and each query's time and
row count; the quadratic all-pairs query is run only up to 2k cases.

    python benchmarks/queries.py            # 1k and 10k cases
    python benchmarks/queries.py 50000
"""

from __future__ import annotations

import sys
import tempfile
import time

import numpy as np
import pyoxigraph as ox

from repression_kg.query import LocalBackend, load_library, run

RKG = "https://w3id.org/repression-kg/ontology#"
REF = "https://w3id.org/repression-kg/ref/"
ID = "https://w3id.org/repression-kg/id/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
ARTICLES = [f"{n}" for n in (205.2, 205.5, 207.3, 212, 275, 280.3, 280.4, 282, 282.2, 284.1, 318, 322, 328, 337, 338)]


def r(name: str) -> ox.NamedNode:
    return ox.NamedNode(RKG + name)


def reference() -> list[ox.Quad]:
    g = ox.NamedNode(REF + "graph/reference")
    code = ox.NamedNode(REF + "law/ru-cc")
    quads = [ox.Quad(code, A, r("CriminalCode"), g)]
    for number in ARTICLES:
        art = ox.NamedNode(f"{REF}law/ru-cc/{number}")
        quads += [ox.Quad(art, A, r("Article"), g), ox.Quad(art, r("articleNumber"), ox.Literal(number), g),
                  ox.Quad(art, r("code"), code, g), ox.Quad(art, r("partOf"), code, g),
                  ox.Quad(art, RDFS_LABEL, ox.Literal(f"Article {number}", language="en"), g)]
        for part in (1, 2):
            p = ox.NamedNode(f"{REF}law/ru-cc/{number}/part-{part}")
            quads += [ox.Quad(p, A, r("ArticlePart"), g), ox.Quad(p, r("partOf"), art, g),
                      ox.Quad(p, r("partNumber"), ox.Literal(str(part)), g), ox.Quad(p, r("code"), code, g)]
    for c in ("kazakhstan", "russia", "armenia"):
        quads.append(ox.Quad(ox.NamedNode(REF + "place/" + c), RDFS_LABEL, ox.Literal(c.title(), language="en"), g))
    return quads


def case(i: int, rng: np.random.Generator) -> list[ox.Quad]:
    doc = ox.NamedNode(f"{ID}doc/synthetic-{i}")
    case_node = ox.NamedNode(f"{ID}case/synthetic-{i}")
    court = ox.NamedNode(f"{ID}court/court-{int(rng.integers(40))}")
    q = [ox.Quad(doc, A, r("Document"), doc), ox.Quad(court, A, r("Court"), doc),
         ox.Quad(court, RDFS_LABEL, ox.Literal(f"Court {court.value[-2:]}"), doc)]
    people = []
    for k in range(int(rng.integers(1, 4))):
        person = ox.NamedNode(f"{ID}person/p-{i}-{k}")
        people.append(person)
        q += [ox.Quad(person, A, r("Person"), doc), ox.Quad(person, RDFS_LABEL, ox.Literal(f"Person {i}-{k}"), doc)]
        weights = 1.0 / np.arange(1, len(ARTICLES) + 1)
        for j, art in enumerate(rng.choice(ARTICLES, size=int(rng.integers(1, 4)), replace=False, p=weights / weights.sum())):
            charge = ox.NamedNode(f"{doc.value}/charge/{k}-{j}")
            quote = ox.NamedNode(f"{doc.value}/quote/c{k}-{j}")
            q += [ox.Quad(charge, A, r("Charge"), doc), ox.Quad(charge, r("accused"), person, doc),
                  ox.Quad(charge, r("cites"), ox.NamedNode(f"{REF}law/ru-cc/{art}/part-{int(rng.integers(1, 3))}"), doc),
                  ox.Quad(charge, r("inCase"), case_node, doc), ox.Quad(charge, r("evidence"), quote, doc)]
        sentence = ox.NamedNode(f"{doc.value}/sentence/{k}")
        date = ox.Literal(f"20{int(rng.integers(15, 25))}-0{int(rng.integers(1, 10))}-1{int(rng.integers(0, 10))}", datatype=XSD_DATE)
        q += [ox.Quad(sentence, A, r("Sentence"), doc), ox.Quad(sentence, r("sentenced"), person, doc),
              ox.Quad(sentence, r("durationMonths"), ox.Literal(str(int(rng.integers(6, 240))), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), doc),
              ox.Quad(sentence, r("court"), court, doc), ox.Quad(sentence, r("inCase"), case_node, doc),
              ox.Quad(sentence, r("date"), date, doc)]
        if rng.random() < 0.05:
            ev = ox.NamedNode(f"{doc.value}/event/t{k}")
            q += [ox.Quad(ev, A, r("Deportation"), doc), ox.Quad(ev, r("participant"), person, doc),
                  ox.Quad(ev, r("fromCountry"), ox.NamedNode(REF + "place/kazakhstan"), doc),
                  ox.Quad(ev, r("toCountry"), ox.NamedNode(REF + "place/russia"), doc)]
    if len(people) > 1:
        q.append(ox.Quad(people[0], r("coDefendantOf"), people[1], doc))
    return q


ANCHORED = {
    "shared-statute": {"person": "Person 7-0"}, "person-timeline": {"person": "Person 7-0"},
    "search-people": {"text": "person 7-"}, "people-charged-under": {"article": "322"},
    "evidence": {"entity": f"{ID}person/p-7-0"}, "statute-people": {}, "courts": {}, "transfers": {},
    "courts-longest-sentences": {}, "co-defendants": {"person": "Person 7-0"}, "person-statutes": {"person": "Person 7-0"},
    "statute-cooccurrence": {"article": "322"}, "sentences-by-regime": {}, "statute-hierarchy": {},
}


def main(sizes: list[int]) -> None:
    library = load_library()
    for cases in sizes:
        rng = np.random.default_rng(3)
        with tempfile.TemporaryDirectory() as tmp:
            store = ox.Store(tmp)
            start = time.perf_counter()
            store.extend(reference())
            for i in range(cases):
                store.extend(case(i, rng))
            store.flush()
            print(f"{cases} cases: {len(store)} quads loaded in {time.perf_counter() - start:.1f} s")
            backend = LocalBackend(store)
            names = dict(ANCHORED)
            if cases <= 2000:
                names["shared-statute-pairs"] = {"article": "322"}
            for name, params in names.items():
                start = time.perf_counter()
                rows = len(run(library[name], backend, params).bindings)
                print(f"  {name:<26} {time.perf_counter() - start:7.3f} s  {rows:>7} rows")
            del store, backend


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
