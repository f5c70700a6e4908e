"""The network views: what each draws from the sample graph."""

from __future__ import annotations

import pytest

from repression_kg.export import views
from repression_kg.export.kgdata import KGData
from repression_kg.export.layout import layout

ID = "https://w3id.org/repression-kg/id/"
REF = "https://w3id.org/repression-kg/ref/"
ZHILIN = ID + "person/mikhail-zhilin"


def labels(net: views.Network) -> set[str]:
    return {n.label for n in net.nodes}


def test_load_reads_every_kind_of_record(sample_data: KGData) -> None:
    assert sample_data.persons[ZHILIN]["aliases"] == ["Жилин Михаил Алексеевич"]
    assert {c.target for c in sample_data.charges} == {
        REF + "law/ru-cc/322", REF + "law/ru-cc/338", REF + "law/ru-cc/205.2"}
    (event,) = sample_data.events  # typed Deportation, Transfer and Event: drawn once
    assert event.kind == "Deportation" and dict(event.extra)["from"] == REF + "place/kazakhstan"
    assert sample_data.sentences[0].detail.startswith("imprisonment, 6 y 6 m (78 months)")


def test_statutes_view_links_people_to_articles(sample_data: KGData) -> None:
    net = views.build_view(sample_data, "statutes")
    groups = {n.label: n.group for n in net.nodes}
    assert groups["Mikhail Zhilin"] == "person"
    assert groups["Art. 338"] == "statute"
    charged = {(e.source, e.target) for e in net.edges}
    assert (ZHILIN, REF + "law/ru-cc/322") in charged
    edge = next(e for e in net.edges if e.source == ZHILIN and e.target.endswith("/338"))
    assert edge.quote == "charged with illegal border crossing and desertion"
    assert "part 3" in edge.detail


def test_transfers_view_runs_from_country_to_country(sample_data: KGData) -> None:
    net = views.build_view(sample_data, "transfers")
    assert labels(net) == {"Mikhail Zhilin", "Kazakhstan", "Russia"}
    assert {(e.source, e.target) for e in net.edges} == {
        (REF + "place/kazakhstan", ZHILIN), (ZHILIN, REF + "place/russia")}
    assert all("2022-12-29" in e.detail for e in net.edges)
    zhilin = next(n for n in net.nodes if n.id == ZHILIN)
    assert ("sentence", "imprisonment, 6 y 6 m (78 months), Barnaul Garrison Military Court"
            ) in [(k, v.replace(" (2023-03-20)", "")) for k, v in zhilin.facts]


def test_principles_view_shows_statutes_of_the_same_people(sample_data: KGData) -> None:
    net = views.build_view(sample_data, "principles")
    assert {"Non-refoulement", "Freedom of expression", "Boris Kagarlitsky",
            "Art. 205.2"} <= labels(net)
    statute = next(n for n in net.nodes if n.label == "Art. 205.2")
    assert ("title", "Public calls to terrorism or its justification") in statute.facts


def test_person_view_is_the_neighbourhood(sample_data: KGData) -> None:
    net = views.build_view(sample_data, "person", person="Zhilin")
    assert {"Mikhail Zhilin", "Ekaterina Zhilina", "Kazakhstan", "Russia",
            "Barnaul Garrison Military Court", "Non-refoulement"} <= labels(net)
    assert "Boris Kagarlitsky" not in labels(net)
    by_alias = views.build_view(sample_data, "person", person="жилин михаил алексеевич")
    assert labels(by_alias) == labels(net)


def test_person_view_shows_people_sharing_a_statute(sample_data: KGData) -> None:
    net = views.build_view(sample_data, "person", person="Boris Kagarlitsky")
    assert {"<img src=x onerror=alert(1)>", '"</script><script>alert(1)</script>'} <= labels(net)


@pytest.mark.parametrize("query, message", [("Nobody", "no person matches"),
                                            ("a", "several people")])
def test_person_view_errors(sample_data: KGData, query: str, message: str) -> None:
    with pytest.raises(views.ViewError, match=message):
        views.build_view(sample_data, "person", person=query)


def test_overview_aggregates_above_the_limit(sample_data: KGData) -> None:
    full = views.build_view(sample_data, "overview")
    assert "Mikhail Zhilin" in labels(full)
    small = views.build_view(sample_data, "overview", max_nodes=5)
    assert all(n.group != "person" for n in small.nodes)
    statute = next(n for n in small.nodes if n.id.endswith("/205.2"))
    assert len(statute.members) == 3
    assert {n.id for n in small.hidden_nodes} >= set(statute.members)
    assert small.notes


def test_layout_is_deterministic_and_spreads_nodes(sample_data: KGData) -> None:
    a = views.build_view(sample_data, "overview")
    b = views.build_view(sample_data, "overview")
    layout(a)
    layout(b)
    assert [(n.x, n.y) for n in a.nodes] == [(n.x, n.y) for n in b.nodes]
    points = {(round(n.x), round(n.y)) for n in a.nodes}
    assert len(points) == len(a.nodes)
