"""The analysis report and graph exports on the sample graph plus hostile names."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from repression_kg.analyse import networks
from repression_kg.analyse.report import build_sections, to_html, to_markdown, write_report
from repression_kg.export.graphs import write_graph
from repression_kg.query import LocalBackend

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "kg-sample.trig"
HOSTILE = '<img src=x onerror=alert(1)>'
EXTRA = """
@prefix rkg: <https://w3id.org/repression-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/repression-kg/id/doc/hostile> {
  <https://w3id.org/repression-kg/id/person/hostile> a rkg:Person ; rdfs:label "HOSTILE_NAME" .
  <https://w3id.org/repression-kg/id/person/bell> a rkg:Person ; rdfs:label "ring\\u0007 | *bell*" .
  <https://w3id.org/repression-kg/id/doc/hostile/charge/1> a rkg:Charge ;
      rkg:accused <https://w3id.org/repression-kg/id/person/hostile> ;
      rkg:cites <https://w3id.org/repression-kg/ref/law/ru-cc/205.2/part-2> .
  <https://w3id.org/repression-kg/id/doc/hostile/charge/2> a rkg:Charge ;
      rkg:accused <https://w3id.org/repression-kg/id/person/bell> ;
      rkg:cites <https://w3id.org/repression-kg/ref/law/ru-cc/205.2> .
}
""".replace("HOSTILE_NAME", HOSTILE)


@pytest.fixture(scope="module")
def backend() -> LocalBackend:
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    store.load(EXTRA.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return LocalBackend(store)


def test_sections_name_their_queries(backend: LocalBackend) -> None:
    sections = {s.title: s for s in build_sections(backend)}
    shared = sections["Most shared statutes"]
    assert shared.source == "person-statutes"
    assert shared.rows[0] == ["205.2", 4, 6]
    assert sections["Transfer flows (extradition and deportation)"].rows == [
        ["Armenia", "Russia", 1, "Denis Orlov", "Extradition", 1],
        ["Kazakhstan", "Russia", 1, "Mikhail Zhilin", "Deportation", 1]]
    assert sections["Courts with the longest mean sentences"].rows[0][:3] == ["Barnaul Garrison Military Court", 1, 78.0]
    communities = sections["Communities (Louvain, weighted by shared statutes)"].rows
    assert ["2", "Anna Volkova, Denis Orlov"] in [[str(a), b] for a, b in communities]


def test_html_escapes_names_and_markdown_keeps_tables_intact(backend: LocalBackend) -> None:
    sections = build_sections(backend)
    html = to_html(sections)
    assert HOSTILE not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Content-Security-Policy" in html
    md = to_markdown(sections)
    assert HOSTILE not in md
    assert "ring \\| \\*bell\\*" in md and "\x07" not in md


def test_report_files_and_graph_exports_read_back(backend: LocalBackend, tmp_path: Path) -> None:
    md, html = write_report(backend, tmp_path / "analysis")
    assert md.name == "report.md" and html.read_text(encoding="utf-8").startswith("<!doctype html>")
    graph = networks.person_person(networks.person_statute(backend))
    assert graph.graph["query"] == "person-statutes"
    (path,) = write_graph(graph, tmp_path / "pp.graphml", "graphml")
    back = nx.read_graphml(path)  # would fail on the bell character if it were written
    assert back.nodes["https://w3id.org/repression-kg/id/person/bell"]["label"] == "ring | *bell*"
    assert back.edges["https://w3id.org/repression-kg/id/person/hostile",
                      "https://w3id.org/repression-kg/id/person/bell"]["weight"] == 1
    (gexf,) = write_graph(graph, tmp_path / "pp.gexf", "gexf")
    assert nx.read_gexf(gexf).number_of_nodes() == graph.number_of_nodes()


def test_large_projection_falls_back_to_strongest_pairs(backend: LocalBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    from repression_kg.analyse import report

    monkeypatch.setattr(report, "MAX_PAIRS", 2)
    bipartite = networks.person_statute(backend)
    graph = report._people_network(bipartite, networks.incidence(bipartite))
    assert graph.number_of_edges() == 2 and graph.graph["kind"] == "person-person (strongest pairs)"


def test_a_transfer_reported_twice_is_one_person_in_the_flow() -> None:
    """Two documents reporting Zhilin's deportation (and one without a destination) give a
    Kazakhstan -> Russia flow of one person, from two reports."""
    again = """
@prefix rkg: <https://w3id.org/repression-kg/ontology#> .
<https://w3id.org/repression-kg/id/doc/again> {
  <https://w3id.org/repression-kg/id/doc/again/event/1> a rkg:Extradition ;
      rkg:participant <https://w3id.org/repression-kg/id/person/mikhail-zhilin-2c3d4e5f> ;
      rkg:fromCountry <https://w3id.org/repression-kg/ref/place/kazakhstan> ;
      rkg:toCountry <https://w3id.org/repression-kg/ref/place/russia> .
  <https://w3id.org/repression-kg/id/doc/again/event/2> a rkg:Deportation ;
      rkg:participant <https://w3id.org/repression-kg/id/person/mikhail-zhilin-2c3d4e5f> ;
      rkg:fromCountry <https://w3id.org/repression-kg/ref/place/kazakhstan> .
}
"""
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    store.load(again.encode("utf-8"), format=ox.RdfFormat.TRIG)
    flows = networks.transfers(LocalBackend(store))
    edge = flows.edges["https://w3id.org/repression-kg/ref/place/kazakhstan",
                       "https://w3id.org/repression-kg/ref/place/russia"]
    assert (edge["weight"], edge["reports"], edge["people"]) == (1, 2, "Mikhail Zhilin")
    assert edge["relation"] == "Deportation, Extradition"
    assert flows.number_of_edges() == 2  # and Armenia -> Russia (Orlov)


def test_statutes_without_reference_data_get_readable_labels() -> None:
    assert networks.statute_label("https://w3id.org/repression-kg/ref/law/ru-cc/281") == "281"
    assert networks.statute_label("https://w3id.org/repression-kg/ref/law/ru-cc/207.3/part-2") == "207.3 part 2"


def test_report_files_are_readable_by_others(backend: LocalBackend, tmp_path: Path) -> None:
    for path in write_report(backend, tmp_path / "out"):
        assert path.stat().st_mode & 0o044
    for path in write_graph(networks.person_statute(backend), tmp_path / "g.csv", "csv"):
        assert path.stat().st_mode & 0o044


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path: Path) -> None:
    graph = nx.Graph()
    graph.add_node("p", label='=HYPERLINK("http://x","click")')
    graph.add_node("q", label="-3")
    graph.add_edge("p", "q", relation="@SUM(1)")
    nodes, edges = write_graph(graph, tmp_path / "f.csv", "csv")
    assert "'=HYPERLINK" in nodes.read_text(encoding="utf-8")
    assert ",-3" in nodes.read_text(encoding="utf-8")
    assert "'@SUM(1)" in edges.read_text(encoding="utf-8")
