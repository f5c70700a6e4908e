"""`rkg queries`, `rkg query`, `rkg analyse`, `rkg export graph` on a store on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from repression_kg.cli import root
from repression_kg.store import open_store

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "kg-sample.trig"
INJECTION = 'x" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    s = open_store(path)
    s.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    s.flush()
    del s
    return path


def rkg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(root, list(args))
    return result.exit_code, result.stdout, result.stderr


def count(store: Path) -> int:
    return len(open_store(store, read_only=True))


def test_queries_lists_names_and_parameters() -> None:
    code, out, _ = rkg("queries")
    assert code == 0
    assert "shared-statute\n" in out and "person (string; required)" in out


def test_query_json_gives_sparql_results(store: Path) -> None:
    code, out, _ = rkg("query", "transfers", "--store", str(store), "--format", "json",
                       "--param", "from_country=Kazakhstan")
    assert code == 0
    data = json.loads(out)
    row = data["results"]["bindings"][0]
    assert row["name"]["value"] == "Mikhail Zhilin" and row["months"]["value"] == "78"


def test_query_csv(store: Path) -> None:
    code, out, _ = rkg("query", "shared-statute", "-p", "person=Azat Miftakhov", "--format", "csv", "--store", str(store))
    assert code == 0
    assert out.splitlines()[0].startswith("other,other_name,statute")
    assert "Boris Kagarlitsky" in out


@pytest.mark.parametrize("param", ["person", "text"])
def test_injection_in_a_parameter_is_harmless(store: Path, param: str) -> None:
    before = count(store)
    name = "shared-statute" if param == "person" else "search-people"
    code, out, _ = rkg("query", name, "--param", f"{param}={INJECTION}", "--store", str(store), "--format", "csv")
    assert code == 0
    assert len(out.strip().splitlines()) == 1  # the header only: no rows
    assert count(store) == before


def test_unknown_query_and_parameter_are_usage_errors(store: Path) -> None:
    code, _, err = rkg("query", "no-such-query", "--store", str(store))
    assert code == 2 and "unknown query 'no-such-query'" in err
    code, _, err = rkg("query", "transfers", "--param", "colour=red", "--store", str(store))
    assert code == 2 and "'transfers' has no parameter 'colour'" in err and "from_country" in err
    code, _, err = rkg("query", "courts-longest-sentences", "-p", "min_sentences=many", "--store", str(store))
    assert code == 2 and "not an integer" in err
    code, _, err = rkg("query", "shared-statute", "--store", str(store))
    assert code == 2 and "needs parameter person" in err


def test_file_queries_refuse_service_and_updates(store: Path, tmp_path: Path) -> None:
    service = tmp_path / "service.rq"
    service.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    code, _, err = rkg("query", "--file", str(service), "--store", str(store))
    assert code == 2 and "SERVICE" in err
    update = tmp_path / "drop.rq"
    update.write_text("DROP ALL")
    code, _, err = rkg("query", "--file", str(update), "--store", str(store))
    assert code == 2 and "DROP" in err
    assert count(store) > 0


def test_file_query_with_syntax_error_fails_with_1(store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE { ?s ?p }")
    code, _, err = rkg("query", "--file", str(bad), "--store", str(store))
    assert code == 1 and "bad" in err


def test_file_query_with_declared_parameter(store: Path, tmp_path: Path) -> None:
    q = tmp_path / "court.rq"
    q.write_text("# title: one court\n# param: name | string | required | court name\n"
                 "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                 "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c rdfs:label ?name } }")
    code, out, _ = rkg("query", "--file", str(q), "-p", "name=Tomsk Regional Court", "--store", str(store), "--format", "tsv")
    assert code == 0
    assert "tomsk-regional-court" in out


def test_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = rkg("query", "documents", "--store", str(tmp_path / "nowhere"))
    assert code == 2 and "no store here" in err


def test_analyse_writes_markdown_and_html(store: Path, tmp_path: Path) -> None:
    code, _, _ = rkg("analyse", "--store", str(store), "--out", str(tmp_path / "a"))
    assert code == 0
    md = (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert "| Kazakhstan | Russia | 1 | Mikhail Zhilin |" in md
    assert "Source: `rkg query courts-longest-sentences`" in md
    assert "<td>Anna Volkova, Denis Orlov</td>" in html


def test_in_memory_gives_the_same_answers_and_leaves_the_store_alone(store: Path, tmp_path: Path) -> None:
    before = count(store)
    for args in (("query", "transfers", "--format", "json"),
                 ("query", "shared-statute", "-p", "person=Azat Miftakhov", "--format", "csv")):
        on_disk = rkg(*args, "--store", str(store))
        in_memory = rkg(*args, "--store", str(store), "--in-memory")
        assert on_disk[0] == in_memory[0] == 0 and on_disk[1] == in_memory[1]
    for folder, extra in (("disk", ()), ("memory", ("--in-memory",))):
        assert rkg("analyse", "--store", str(store), "--out", str(tmp_path / folder), *extra)[0] == 0
    assert (tmp_path / "disk" / "report.md").read_bytes() == (tmp_path / "memory" / "report.md").read_bytes()
    assert count(store) == before
    code, _, err = rkg("query", "transfers", "--in-memory", "--endpoint", "http://127.0.0.1:9/sparql")
    assert code == 2 and "--in-memory" in err


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_export_graph_formats(store: Path, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    target = tmp_path / f"g.{fmt}"
    code, out, _ = rkg("export", "graph", "--format", fmt, "--view", "person-statute", "--store", str(store),
                       "--out", str(target))
    assert code == 0
    if fmt == "graphml":
        graph = nx.read_graphml(target)
        assert graph.number_of_edges() == 8
    elif fmt == "gexf":
        assert nx.read_gexf(target).number_of_edges() == 8
    else:
        edges = (tmp_path / "g-edges.csv").read_text(encoding="utf-8").splitlines()
        assert edges[0].startswith("source,target") and len(edges) == 9
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_export_transfers_view(store: Path, tmp_path: Path) -> None:
    import networkx as nx

    code, _, _ = rkg("export", "graph", "--view", "transfers", "--store", str(store), "--out", str(tmp_path / "t.graphml"))
    assert code == 0
    graph = nx.read_graphml(tmp_path / "t.graphml")
    assert graph.edges["https://w3id.org/repression-kg/ref/place/kazakhstan",
                       "https://w3id.org/repression-kg/ref/place/russia"]["weight"] == 1


def test_api_rows_and_dataframe(store: Path) -> None:
    from repression_kg import api

    kg = api.open(store=store)
    rows = kg.query("shared-statute", person="Boris Kagarlitsky")
    assert [r["other_name"] for r in rows] == ["Azat Miftakhov"]
    frame = kg.query("statute-people").df()
    assert frame.loc[frame["number"] == "322", "median_months"].item() == 78


def test_store_copy_is_unchanged_by_everything(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    before = count(copy)
    rkg("query", "evidence", "-p", f"entity=http://x/{INJECTION}", "--store", str(copy))
    assert count(copy) == before
