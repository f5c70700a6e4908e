"""`rkg export rdf`: JSON-LD compacted with the published context reads back (offline) to
the same graph as the N-Quads export; exports are deterministic and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from repression_kg.build import build
from repression_kg.cli import root
from repression_kg.rdf.serialise import CONTEXT_URL, jsonld_offline
from repression_kg.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    docs = [CORPUS / n for n in ("01_yashin-case-page.txt", "06_ponomarenko-ru.txt")]
    store = open_store(folder / "store")
    report = build(docs, store)
    assert not report.failed
    store.flush()
    del store
    return folder / "store"


def export(store_dir: Path, fmt: str, out: Path) -> bytes:
    result = CliRunner().invoke(root, ["export", "rdf", "--format", fmt, "--store",
                                       str(store_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def quad_set(dataset: Dataset) -> set[tuple[str, str, str, str]]:
    return {(s.n3(), p.n3(), o.n3(), g.n3()) for s, p, o, g in dataset.quads()}


def test_jsonld_reads_back_to_the_nquads_graph(store_dir: Path, tmp_path: Path) -> None:
    data = export(store_dir, "jsonld", tmp_path / "graph.jsonld")
    document = json.loads(data)
    assert document["@context"] == CONTEXT_URL
    text = data.decode("utf-8")
    assert '"accused": "https://w3id.org' in text  # an IRI-valued term, compacted
    assert "https://w3id.org/repression-kg/ontology#accused" not in text
    from_jsonld = Dataset()
    from_jsonld.parse(data=jsonld_offline(data), format="json-ld")
    from_nquads = Dataset()
    from_nquads.parse(data=export(store_dir, "nquads", tmp_path / "graph.nq").decode("utf-8"),
                      format="nquads")
    want = quad_set(from_nquads)
    assert len(want) > 1000
    assert quad_set(from_jsonld) == want
    again = export(store_dir, "jsonld", tmp_path / "again.jsonld")
    assert again == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.jsonld", "graph.jsonld",
                                                          "graph.nq"]  # no temporary left


def test_context_file_defines_terms() -> None:
    context = json.loads((Path(__file__).resolve().parents[1] / "ontology" /
                          "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["rkg"] == "https://w3id.org/repression-kg/ontology#"
    assert context["accused"] == {"@id": "rkg:accused", "@type": "@id"}
    assert context["durationMonths"]["@type"] == "xsd:integer"
