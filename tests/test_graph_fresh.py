"""graph/ is the graph of corpus/ as the code builds it today (byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pytest

from repression_kg.build import build
from repression_kg.graphdir import write_graph_dir
from repression_kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
GRAPH = ROOT / "graph"


@pytest.mark.slow
def test_graph_dir_is_fresh(tmp_path: Path) -> None:
    if not (GRAPH / "corpus.trig").is_file():
        pytest.skip("graph/corpus.trig is not built yet (see graph/README.md)")
    store = open_store(tmp_path / "store")
    report = build([ROOT / "corpus"], store)
    assert not report.failed, report.failed
    write_graph_dir(store, tmp_path / "graph")
    for name in ("corpus.trig", "stats.json", "void.ttl"):
        fresh = (tmp_path / "graph" / name).read_bytes()
        assert fresh == (GRAPH / name).read_bytes(), (
            f"graph/{name} is stale: rebuild it with the command in graph/README.md")


@pytest.mark.slow
def test_building_on_two_processes_gives_the_same_graph(tmp_path: Path) -> None:
    """`rkg build -j 2` (extraction on two processes) writes graph/ byte for byte."""
    if not (GRAPH / "corpus.trig").is_file():
        pytest.skip("graph/corpus.trig is not built yet (see graph/README.md)")
    from click.testing import CliRunner

    from repression_kg.cli import root

    result = CliRunner().invoke(root, ["build", str(ROOT / "corpus"), "-j", "2", "--store",
                                       str(tmp_path / "store"), "--graph-out", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g" / "corpus.trig").read_bytes() == (GRAPH / "corpus.trig").read_bytes()


def test_void_description_counts_the_dump() -> None:
    """graph/void.ttl describes graph/corpus.trig: its triples, documents and classes."""
    if not (GRAPH / "void.ttl").is_file():
        pytest.skip("graph/void.ttl is not built yet (see graph/README.md)")
    import json

    import pyoxigraph as ox

    void = ox.Store()
    void.load(path=str(GRAPH / "void.ttl"), format=ox.RdfFormat.TURTLE)
    dump = ox.Store()
    dump.load(path=str(GRAPH / "corpus.trig"), format=ox.RdfFormat.TRIG)
    stats = json.loads((GRAPH / "stats.json").read_text(encoding="utf-8"))
    row = next(iter(void.query(
        "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?t ?d ?people WHERE { ?set a void:Dataset ; "
        "void:triples ?t ; void:documents ?d ; void:dataDump ?dump ; void:classPartition ?p . "
        "?p void:class <https://w3id.org/repression-kg/ontology#Person> ; void:entities ?people }")))
    assert int(row["t"].value) == len(dump)
    assert int(row["d"].value) == stats["documents"]
    assert int(row["people"].value) == stats["classes"]["rkg:Person"]


def test_every_cited_provision_is_in_the_reference_data() -> None:
    """A charge citing an article the reference data lacks has no title, number or code in
    any query; the statutes file must describe every provision the corpus cites."""
    if not (GRAPH / "corpus.trig").is_file():
        pytest.skip("graph/corpus.trig is not built yet (see graph/README.md)")
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(GRAPH / "corpus.trig"), format=ox.RdfFormat.TRIG)
    missing = [row["p"].value for row in store.query(
        "PREFIX rkg: <https://w3id.org/repression-kg/ontology#> "
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?c rkg:cites ?p } "
        "FILTER NOT EXISTS { GRAPH ?r { ?p a ?kind } VALUES ?kind { rkg:Article rkg:ArticlePart } } }")]
    assert not missing, f"cited but not in ontology/reference/statutes.ttl: {sorted(missing)}"
