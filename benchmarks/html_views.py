"""Benchmark the HTML network views: generation time, file size and time to first draw.

Synthetic data of N entities (people with charges, sentences and transfers over a few
hundred statutes, courts, countries and principles) goes straight into the views, so this measures
the export itself. Time to first draw is measured in headless chromium when it is
installed (the page sets ``window.rkgFirstDraw`` after vis-network's first frame).

    python benchmarks/html_views.py --entities 1000 10000
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from repression_kg.export import html, views
from repression_kg.export.kgdata import Fact, KGData

ROOT = Path(__file__).resolve().parent.parent
REF = "https://w3id.org/repression-kg/ref/"
ID = "https://w3id.org/repression-kg/id/"
ARTICLES = ["205.2", "205.5", "207.3", "212", "275", "275.1", "276", "280", "280.3", "280.4",
            "282", "282.1", "282.2", "284.1", "318", "322", "328", "330.1", "332", "337",
            "338", "354.1"]
COUNTRIES = ["kazakhstan", "kyrgyzstan", "armenia", "georgia", "turkey", "uae", "serbia"]
PRINCIPLES = ["freedom_of_expression", "freedom_of_association", "freedom_of_religion",
              "right_to_fair_trial", "non_refoulement", "legal_certainty"]


def synthetic(entities: int, seed: int = 0) -> KGData:
    """About ``entities`` nodes: mostly people, plus statutes, courts and countries."""
    rng = random.Random(seed)
    data = KGData()
    courts = [f"{ID}court/c{i}" for i in range(max(5, entities // 40))]
    for court in courts:
        data.labels[court] = f"Court {court.rsplit('/', 1)[-1]}"
    for a in ARTICLES:
        data.labels[f"{REF}law/ru-cc/{a}"] = f"Art. {a}"
    for c in COUNTRIES + ["russia"]:
        data.labels[f"{REF}place/{c}"] = c.title()
    for pr in PRINCIPLES:
        data.labels[f"{REF}principle/{pr}"] = pr.replace("_", " ").capitalize()
    people = max(1, entities - len(courts) - len(ARTICLES) - len(COUNTRIES))
    for i in range(people):
        person = f"{ID}person/p{i}"
        data.persons[person] = {"label": f"Person {i}", "aliases": [f"Лицо {i}"],
                                "birthYear": str(1950 + i % 50)}
        for j, article in enumerate(rng.sample(ARTICLES, rng.choice([1, 1, 2, 3]))):
            data.charges.append(Fact(f"{person}/c{j}", person, f"{REF}law/ru-cc/{article}",
                                     "charge", f"Art. {article}", None,
                                     f"charged under Article {article}", f"{ID}doc/d{i}"))
        data.sentences.append(Fact(f"{person}/s", person, rng.choice(courts), "sentence",
                                   f"imprisonment, {rng.randint(12, 240)} months", "2023-03-20",
                                   "sentenced", f"{ID}doc/d{i}"))
        if rng.random() < 0.3:
            principle = f"{REF}principle/{rng.choice(PRINCIPLES)}"
            data.principles.append(Fact(f"{person}/pi", person, principle, "principle",
                                        data.labels[principle], None, "the charge violates it",
                                        f"{ID}doc/d{i}"))
        if rng.random() < 0.05:
            origin = f"{REF}place/{rng.choice(COUNTRIES)}"
            data.events.append(Fact(f"{person}/t", person, f"{REF}place/russia", "Extradition",
                                    "Extradition", "2022-12-29", "handed him back", None,
                                    (("from", origin), ("to", f"{REF}place/russia"))))
    return data


def first_draw_seconds(page: Path, timeout: float = 120.0) -> float | None:
    """Seconds from navigation start to vis-network's first frame, in headless chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import browser  # tests/browser.py: the project's CDP harness
    except ImportError:
        return None
    if browser.available():
        return None
    with browser.Browser(timeout=timeout) as chromium:
        tab = chromium.open(page.resolve().as_uri(), timeout=timeout)
        tab.wait_for("window.rkgFirstDraw !== undefined", timeout, "the first draw")
        return float(tab.evaluate("window.rkgFirstDraw")) / 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(f"{'entities':>9} {'view':>10} {'nodes':>6} {'edges':>6} {'build s':>8} "
          f"{'render s':>8} {'MB':>6} {'draw s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.entities:
            data = synthetic(n)
            for view in views.VIEWS:
                t0 = time.perf_counter()
                net = views.build_view(data, view, person="Person 7" if view == "person" else None)
                t1 = time.perf_counter()
                out = html.write(net, Path(tmp) / f"{view}-{n}.html")
                t2 = time.perf_counter()
                draw = None if args.no_browser else first_draw_seconds(out)
                print(f"{n:>9} {view:>10} {len(net.nodes):>6} {len(net.edges):>6} "
                      f"{t1 - t0:>8.2f} {t2 - t1:>8.2f} {out.stat().st_size / 1e6:>6.2f} "
                      f"{'-' if draw is None else f'{draw:.2f}':>7}")


if __name__ == "__main__":
    main()
