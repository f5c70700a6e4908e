"""The precomputed layout: no node or label covers another, clusters stay together, and the
same graph always gets the same positions."""

from __future__ import annotations

import itertools
import json
import random
import re

import pytest

from repression_kg.export import html, packing, views
from repression_kg.export.kgdata import Fact, KGData
from repression_kg.export.layout import layout
from repression_kg.export.network import Network

ID = "https://w3id.org/repression-kg/id/"
REF = "https://w3id.org/repression-kg/ref/"


def crowd(people: int, seed: int = 1) -> KGData:
    """Many people over a few statutes, courts and principles, some with long names."""
    rng = random.Random(seed)
    data = KGData()
    statutes = [f"{REF}law/ru-cc/{a}" for a in ("205.2", "207.3", "280.3", "275", "318")]
    courts = [f"{ID}court/c{i}" for i in range(6)]
    for s in statutes:
        data.labels[s] = f"Art. {s.rsplit('/', 1)[-1]}"
    for i, c in enumerate(courts):
        data.labels[c] = "Zheleznodorozhny District Court of Oryol" if i == 0 else f"Court {i}"
    principle = f"{REF}principle/freedom_of_expression"
    data.labels[principle] = "Freedom of expression"
    for i in range(people):
        p = f"{ID}person/p{i:04d}"
        data.persons[p] = {"label": "Aleksandra Konstantinovna Rumyantseva" if i % 7 == 0
                           else f"Person {i}"}
        for s in rng.sample(statutes, rng.choice([1, 1, 1, 2])):
            data.charges.append(Fact(f"{p}/c{s[-3:]}", p, s, "charge", "charged"))
        data.sentences.append(Fact(f"{p}/s", p, rng.choice(courts), "sentence", "sentenced"))
        if i % 3 == 0:
            data.principles.append(Fact(f"{p}/pr", p, principle, "principle", "invoked"))
    return data


def boxes(net: Network) -> list[tuple[str, float, float, float, float]]:
    """Each node's box (shape and label) in the drawing, without the gap kept around it."""
    out = []
    for n in net.nodes:
        x0, y0, x1, y1 = packing.node_box(n.label, n.size, n.font)
        gx, gy = packing.GAP_X / 2, packing.GAP_Y / 2
        out.append((n.id, n.x + x0 + gx, n.y + y0 + gy, n.x + x1 - gx, n.y + y1 - gy))
    return out


def overlapping(net: Network) -> list[tuple[str, str]]:
    return [(a[0], b[0]) for a, b in itertools.combinations(boxes(net), 2)
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


@pytest.mark.parametrize("view", views.VIEWS)
def test_no_label_covers_another_in_the_sample(sample_data: KGData, view: str) -> None:
    net = views.build_view(sample_data, view, person="Boris Kagarlitsky")
    layout(net)
    assert overlapping(net) == []


@pytest.mark.parametrize("view", ["overview", "statutes", "principles"])
def test_no_label_covers_another_in_a_crowd(view: str) -> None:
    net = views.build_view(crowd(400), view)  # a statute with >60 people: the grid packing
    layout(net)
    assert len(net.nodes) > 100
    assert overlapping(net) == []


def test_people_sit_by_their_statute() -> None:
    net = views.build_view(crowd(150), "statutes")
    layout(net)
    at = {n.id: (n.x, n.y) for n in net.nodes}
    statutes = [n.id for n in net.nodes if n.group == "statute"]
    linked: dict[str, set[str]] = {}
    for e in net.edges:
        linked.setdefault(e.source, set()).add(e.target)
    for person, targets in linked.items():
        if len(targets) != 1:
            continue
        (own,) = targets

        def dist(s: str, person: str = person) -> float:
            return ((at[s][0] - at[person][0]) ** 2 + (at[s][1] - at[person][1]) ** 2) ** 0.5
        assert dist(own) == min(dist(s) for s in statutes), person


def test_same_graph_same_positions_whatever_the_order() -> None:
    a = views.build_view(crowd(120), "overview")
    b = views.build_view(crowd(120), "overview")
    random.Random(3).shuffle(b.nodes)
    random.Random(4).shuffle(b.edges)
    layout(a)
    layout(b)
    assert sorted((n.id, n.x, n.y) for n in a.nodes) == sorted((n.id, n.x, n.y) for n in b.nodes)
    assert html.render(views.build_view(crowd(120), "principles")) == html.render(
        views.build_view(crowd(120), "principles"))


def test_the_drawing_is_wider_than_tall() -> None:
    net = views.build_view(crowd(300), "overview")
    layout(net)
    xs, ys = [n.x for n in net.nodes], [n.y for n in net.nodes]
    assert max(xs) - min(xs) > max(ys) - min(ys)


def test_folded_nodes_are_placed_by_the_page(sample_data: KGData) -> None:
    text = html.render(views.build_view(sample_data, "overview", max_nodes=5))
    payload = json.loads(re.search(r'id="rkg-data">(.*?)</script>', text, re.S).group(1))
    assert all("x" in n and "y" in n for n in payload["nodes"])
    assert payload["hiddenNodes"] and not any("x" in n for n in payload["hiddenNodes"])


def test_long_labels_wrap_and_hubs_are_bigger(sample_data: KGData) -> None:
    court = "Zheleznodorozhny District Court of Oryol"
    lines = packing.wrap(court).split("\n")
    assert len(lines) == 2 and " ".join(lines) == court
    assert max(map(len, lines)) <= 24
    assert packing.wrap("Art. 205.2") == "Art. 205.2"
    short, long = packing.node_box("Art. 1", 10, 12), packing.node_box("A" * 20, 10, 12)
    assert long[2] - long[0] > short[2] - short[0]
    net = views.build_view(sample_data, "statutes")
    biggest = max(net.nodes, key=lambda n: n.size)
    assert biggest.group == "statute"
    assert all(n.font <= biggest.font for n in net.nodes)
