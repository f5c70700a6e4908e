"""Store operations: idempotent re-ingest, replace, remove, bad input, a killed build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad

from repression_kg.build import Report, build, map_documents, read_and_extract, validate_quads
from repression_kg.cli import root
from repression_kg.ids import doc_iri
from repression_kg.store import open_store

CASE = ("Ivan Petrov, an engineer from Tomsk, was detained on 3 March 2023. On 14 September "
        "2023 a court in Tomsk sentenced Ivan Petrov to six years in a general regime penal "
        "colony under Article 207.3, Part 2, of the Russian Criminal Code.\n")


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def graph_size(store, doc_id: str) -> int:  # noqa: ANN001
    return len(list(store.quads_for_pattern(None, None, None, NamedNode(doc_iri(doc_id)))))


def test_unchanged_is_a_no_op_changed_replaces_remove_deletes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "petrov.txt", CASE)
    store = open_store(tmp_path / "store")
    first = build([docs], store)
    assert first.loaded == ["petrov"] and not first.failed
    size = graph_size(store, "petrov")
    assert size > 20
    again = build([docs], store)
    assert again.loaded == [] and again.unchanged == ["petrov"]
    write(docs, "petrov.txt", CASE.replace("six years", "seven years"))
    changed = build([docs], store)
    assert changed.loaded == ["petrov"]
    months = {q.object.value for q in store.quads_for_pattern(
        None, NamedNode("https://w3id.org/repression-kg/ontology#durationMonths"), None)}
    assert months == {"84"}  # the old sentence went with the old graph
    result = CliRunner().invoke(root, ["remove", "petrov", "--store", str(tmp_path / "store")])
    assert result.exit_code != 2, result.output


def test_bad_files_fail_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "good.txt", CASE)
    write(docs, "empty.txt", "")
    write(docs, "binary.txt", b"\x00\x01\x02\x03" * 100)
    result = CliRunner().invoke(root, ["build", str(docs), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "binary.txt" in result.output
    store = open_store(tmp_path / "s", read_only=True)
    assert graph_size(store, "good") > 0


def test_shacl_gate_names_document_node_and_constraint(tmp_path: Path) -> None:
    write(tmp_path, "petrov.txt", CASE)
    report = Report()
    docs = read_and_extract([tmp_path / "petrov.txt"], report)
    quads, _ = map_documents(docs)
    charge_pred = NamedNode("https://w3id.org/repression-kg/ontology#accused")
    broken = [q for q in quads["petrov"] if q.predicate != charge_pred]
    problems = validate_quads("petrov", broken)
    assert problems and all(p.startswith("petrov: ") for p in problems)
    assert any("/charge/" in p and "accused" in p and "MinCount" in p for p in problems)
    assert validate_quads("petrov", quads["petrov"]) == []


def test_remove_cli(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "petrov.txt", CASE)
    store_dir = tmp_path / "store"
    build([docs], open_store(store_dir))
    runner = CliRunner()
    assert runner.invoke(root, ["remove", "petrov", "--store", str(store_dir)]).exit_code == 0
    assert graph_size(open_store(store_dir, read_only=True), "petrov") == 0
    missing = runner.invoke(root, ["remove", "nothing", "--store", str(store_dir)])
    assert missing.exit_code == 1 and "no such document" in missing.output


@pytest.mark.slow
def test_killed_build_leaves_documents_whole(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for i in range(60):
        write(docs, f"case{i:03}.txt", CASE.replace("Ivan Petrov", f"Ivan Petrov{i}") * 20)
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "repression_kg", "build", str(docs),
                             "--store", str(store_dir)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (store_dir.exists() and any(
            p.suffix == ".sst" for p in store_dir.iterdir())):
        time.sleep(0.05)
    time.sleep(0.8)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = open_store(store_dir)
    expected = {}
    report = Report()
    quads, _ = map_documents(read_and_extract([docs], report))
    for doc_id, doc_quads in quads.items():
        expected[doc_id] = {str(q) for q in doc_quads}
    partial = 0
    for doc_id, want in expected.items():
        have = {str(Quad(q.subject, q.predicate, q.object, q.graph_name)) for q in
                store.quads_for_pattern(None, None, None, NamedNode(doc_iri(doc_id)))}
        assert have in (set(), want), f"{doc_id} is half in the store"
        partial += bool(have)
    build([docs], store)  # and the next build completes it
    assert all(graph_size(store, d) for d in expected)
