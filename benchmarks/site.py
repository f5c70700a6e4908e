"""Measure `rkg site` on a synthetic graph: time, size, number of files, peak memory.

    python benchmarks/site.py --docs 10000            # builds a store in a temp folder
    python benchmarks/site.py --docs 1000 --keep /tmp/bench

The graph follows docs/data-model.md: per document one text, one or two people (drawn from
a pool, so people recur across documents), a case, charges citing parts of ~25 articles,
a sentence by one of 60 courts, two events in one of 120 places, a principle invocation,
a recognition by one of 20 organisations, sometimes a relationship; every fact has a quote
with character offsets into the text. About 70 quads per document.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from repression_kg.site import write_site
from repression_kg.store import open_store

RKG = "https://w3id.org/repression-kg/ontology#"
REF = "https://w3id.org/repression-kg/ref/"
ID = "https://w3id.org/repression-kg/id/"
OA = "http://www.w3.org/ns/oa#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ARTICLES = ["205.2", "205.5", "207.3", "212", "275", "275.1", "276", "280", "280.3", "280.4",
            "282", "282.1", "282.2", "284.1", "318", "322", "328", "330.1", "332", "337", "338",
            "354.1", "30", "205.1", "361"]
PRINCIPLES = ["freedom_of_expression", "freedom_of_conscience", "non_refoulement",
              "ne_bis_in_idem", "fair_trial", "presumption_of_innocence", "no_torture",
              "freedom_of_assembly", "freedom_of_association", "legality", "right_to_liberty",
              "private_life", "effective_remedy"]
FIRST = ["Mikhail", "Ekaterina", "Ivan", "Olga", "Sergei", "Anna", "Dmitry", "Maria", "Alexei",
         "Natalia", "Pavel", "Irina", "Yuri", "Elena", "Oleg", "Svetlana"]
LAST = ["Zhilin", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov",
        "Novikov", "Morozov", "Volkov", "Solovyov", "Vasiliev", "Zaitsev", "Pavlov", "Semenov"]
CYR = {"Mikhail": "Михаил", "Ivan": "Иван", "Olga": "Ольга", "Anna": "Анна", "Zhilin": "Жилин",
       "Petrov": "Петров", "Popov": "Попов", "Volkov": "Волков"}


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=n(XSD + datatype) if datatype else None)


def reference(quads: list[ox.Quad]) -> None:
    g = n(REF + "graph/reference")
    code = n(REF + "law/ru-cc")
    quads.append(ox.Quad(code, n(TYPE), n(RKG + "LegalCode"), g))
    quads.append(ox.Quad(code, n(RDFS + "label"), lit("Criminal Code", lang="en"), g))
    for number in ARTICLES:
        art = n(f"{REF}law/ru-cc/{number}")
        quads += [ox.Quad(art, n(TYPE), n(RKG + "Article"), g),
                  ox.Quad(art, n(RDFS + "label"), lit(f"Article {number}", lang="en"), g),
                  ox.Quad(art, n(RKG + "articleNumber"), lit(number), g),
                  ox.Quad(art, n(RKG + "partOf"), code, g)]
        for part in range(1, 4):
            p = n(f"{REF}law/ru-cc/{number}/part-{part}")
            quads += [ox.Quad(p, n(TYPE), n(RKG + "ArticlePart"), g),
                      ox.Quad(p, n(RDFS + "label"), lit(f"Article {number} part {part}"), g),
                      ox.Quad(p, n(RKG + "partOf"), art, g)]
    for name in PRINCIPLES:
        p = n(f"{REF}principle/{name}")
        quads += [ox.Quad(p, n(TYPE), n(RKG + "LegalPrinciple"), g),
                  ox.Quad(p, n(RDFS + "label"), lit(name.replace("_", " "), lang="en"), g),
                  ox.Quad(p, n(RKG + "statedIn"), n(f"{REF}law/echr/{len(name) % 14 + 1}"), g)]
    for i in range(120):
        p = n(f"{REF}place/place-{i}")
        quads += [ox.Quad(p, n(TYPE), n(RKG + "City"), g),
                  ox.Quad(p, n(RDFS + "label"), lit(f"Town {i}", lang="en"), g)]


def document(i: int, rng: random.Random, quads: list[ox.Quad]) -> None:
    doc_iri = f"{ID}doc/{i:06d}"
    g, doc = n(doc_iri), n(doc_iri)
    text_parts: list[str] = []
    pos = [0]

    def say(sentence: str) -> tuple[int, int]:
        start = pos[0]
        text_parts.append(sentence + " ")
        pos[0] += len(sentence) + 1
        return start, start + len(sentence)

    def fact(kind: str, k: int, cls: str, sentence: str) -> ox.NamedNode:
        node = n(f"{doc_iri}/{kind}/{k}")
        quote = f"{doc_iri}/quote/{kind}-{k}"
        start, end = say(sentence)
        quads.extend([
            ox.Quad(node, n(TYPE), n(RKG + cls), g),
            ox.Quad(node, n("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, g),
            ox.Quad(node, n(RKG + "evidence"), n(quote), g),
            ox.Quad(n(quote), n(TYPE), n(OA + "Annotation"), g),
            ox.Quad(n(quote), n(OA + "hasTarget"), n(quote + "#target"), g),
            ox.Quad(n(quote + "#target"), n(OA + "hasSource"), doc, g),
            ox.Quad(n(quote + "#target"), n(OA + "hasSelector"), n(quote + "#pos"), g),
            ox.Quad(n(quote + "#pos"), n(OA + "start"), lit(start, "integer"), g),
            ox.Quad(n(quote + "#pos"), n(OA + "end"), lit(end, "integer"), g),
            ox.Quad(n(quote + "#target"), n(OA + "hasSelector"), n(quote + "#quote"), g),
            ox.Quad(n(quote + "#quote"), n(OA + "exact"), lit(sentence), g)])
        return node

    people = []
    for _ in range(rng.choice((1, 1, 2))):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        k = rng.randrange(4000)
        person = n(f"{ID}person/{first.lower()}-{last.lower()}-{k:04d}")
        people.append((person, f"{first} {last}"))
        quads += [ox.Quad(person, n(TYPE), n(RKG + "Person"), g),
                  ox.Quad(person, n(RDFS + "label"), lit(f"{first} {last}"), g)]
        if first in CYR and last in CYR:
            quads.append(ox.Quad(person, n(RKG + "alias"), lit(f"{CYR[last]} {CYR[first]}",
                                                              lang="ru"), g))
    say(f"Report number {i} about a political case, written in our own words.")
    case = n(f"{ID}case/case-{i:06d}")
    quads += [ox.Quad(case, n(TYPE), n(RKG + "Case"), g),
              ox.Quad(case, n(RDFS + "label"), lit(f"Case {i}"), g)]
    accused, name = people[0]
    for k in range(rng.choice((1, 2, 2, 3))):
        article = rng.choice(ARTICLES)
        part = rng.randrange(1, 4)
        charge = fact("charge", k, "Charge", f"{name} was charged under Article {article} "
                                             f"part {part} of the Criminal Code.")
        quads += [ox.Quad(charge, n(RKG + "accused"), accused, g),
                  ox.Quad(charge, n(RKG + "cites"), n(f"{REF}law/ru-cc/{article}/part-{part}"), g),
                  ox.Quad(charge, n(RKG + "inCase"), case, g)]
    court = n(f"{ID}court/court-{rng.randrange(60)}")
    quads += [ox.Quad(court, n(TYPE), n(RKG + "Court"), g),
              ox.Quad(court, n(RDFS + "label"), lit(f"Court {court.value[-2:]}"), g)]
    months = rng.randrange(12, 240)
    sentence = fact("sentence", 0, "Sentence", f"The court sentenced {name} to {months} months.")
    quads += [ox.Quad(sentence, n(RKG + "sentenced"), accused, g),
              ox.Quad(sentence, n(RKG + "durationMonths"), lit(months, "integer"), g),
              ox.Quad(sentence, n(RKG + "court"), court, g),
              ox.Quad(sentence, n(RKG + "inCase"), case, g),
              ox.Quad(sentence, n(RKG + "date"), lit(f"20{rng.randrange(15, 25)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}", "date"), g)]
    for k, cls in enumerate(("Detention", rng.choice(("Search", "Trial", "Appeal")))):
        event = fact("event", k, cls, f"{cls} of {name} in town {k}, as the family reported.")
        quads += [ox.Quad(event, n(RKG + "participant"), accused, g),
                  ox.Quad(event, n(RKG + "place"), n(f"{REF}place/place-{rng.randrange(120)}"), g),
                  ox.Quad(event, n(RKG + "date"), lit(f"20{rng.randrange(15, 25)}", "gYear"), g)]
    invocation = fact("principle", 0, "PrincipleInvocation", "Lawyers invoked a principle.")
    quads += [ox.Quad(invocation, n(RKG + "invokes"),
                      n(f"{REF}principle/{rng.choice(PRINCIPLES)}"), g),
              ox.Quad(invocation, n(RKG + "concerns"), accused, g),
              ox.Quad(invocation, n(RKG + "inCase"), case, g)]
    org = n(f"{ID}org/org-{rng.randrange(20)}")
    quads += [ox.Quad(org, n(TYPE), n(RKG + "Organisation"), g),
              ox.Quad(org, n(RDFS + "label"), lit(f"Organisation {org.value[-2:]}"), g)]
    recognition = fact("recognition", 0, "PoliticalPrisonerRecognition",
                       f"{name} was recognised as a political prisoner.")
    quads += [ox.Quad(recognition, n(RKG + "recognised"), accused, g),
              ox.Quad(recognition, n(RKG + "recognisedBy"), org, g)]
    text = "".join(text_parts) + "Filler text. " * rng.randrange(20, 80)
    quads += [ox.Quad(doc, n(TYPE), n(RKG + "Document"), g),
              ox.Quad(doc, n("http://purl.org/dc/terms/title"), lit(f"Case report {i}"), g),
              ox.Quad(doc, n(RKG + "text"), lit(text), g)]


def build_store(path: Path, docs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    store = open_store(path)
    quads: list[ox.Quad] = []
    reference(quads)
    total = 0
    for i in range(docs):
        document(i, rng, quads)
        if len(quads) > 200_000:
            store.bulk_extend(quads)
            total += len(quads)
            quads = []
    store.bulk_extend(quads)
    total += len(quads)
    store.flush()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="Keep the store and the site in this folder.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="rkg-site-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    store_path, out = work / "store", work / "site"
    shutil.rmtree(store_path, ignore_errors=True)
    started = time.perf_counter()
    quads = build_store(store_path, args.docs)
    print(f"store: {args.docs:,} documents, {quads:,} quads in "
          f"{time.perf_counter() - started:.1f} s")
    stats = write_site(open_store(store_path, read_only=True), out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"site: {stats.pages:,} pages, {stats.files:,} files, {stats.bytes / 1e6:.1f} MB, "
          f"{stats.seconds:.1f} s ({stats.pages / stats.seconds:,.0f} pages/s), "
          f"peak RSS {peak:,.0f} MB")
    print("pages by kind: " + ", ".join(f"{k} {v:,}" for k, v in stats.by_kind.items()))
    index = (out / "index.html").stat().st_size / 1e6
    print(f"index.html (search over names, statutes, organisations): {index:.1f} MB")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
