"""Store operations: idempotent re-ingest, replace, remove, bad input, a killed build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad

from repression_kg.build import (
    Report,
    build,
    map_documents,
    read_and_extract,
    remove,
    validate_quads,
)
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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_fail_alone(tmp_path: Path, jobs: str) -> None:
    docs = tmp_path / "docs"
    write(docs, "good.txt", CASE)
    write(docs, "empty.txt", "")
    write(docs, "binary.txt", b"\x00\x01\x02\x03" * 100)
    result = CliRunner().invoke(root, ["build", str(docs), "--store", str(tmp_path / "s"),
                                       "-j", jobs])
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


CHILD = """
import sys
from repression_kg.build import build
from repression_kg.store import open_store
build([sys.argv[1]], open_store(sys.argv[2]), batch_quads=int(sys.argv[3]),
      loaded=lambda doc_id: print(doc_id, flush=True))
"""


@pytest.mark.slow
@pytest.mark.parametrize("batch_quads", [1, 1000], ids=["transaction per document",
                                                         "bulk batches of four documents"])
def test_killed_build_leaves_documents_whole(tmp_path: Path, batch_quads: int) -> None:
    """Kill a real build while it is loading (it reports each committed document on its
    stdout): every document is then fully in or fully out, some in and some not. Each
    document here has 239 quads: a batch of one quad sends every document alone in a
    transaction; a batch of 1,000 writes four documents per bulk ingestion."""
    docs = tmp_path / "docs"
    n = 150
    for i in range(n):
        write(docs, f"case{i:03}.txt", CASE.replace("Ivan Petrov", f"Ivan Petrov{i}") * 3)
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(docs), str(store_dir),
                             str(batch_quads)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    committed = [proc.stdout.readline().strip() for _ in range(5)]  # loading is under way
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert all(committed), "the build ended before it loaded five documents"
    store = open_store(store_dir)
    report = Report()
    quads, _ = map_documents(read_and_extract([docs], report))
    assert len(quads) == n
    loaded = 0
    for doc_id, doc_quads in quads.items():
        want = {str(q) for q in doc_quads}
        have = {str(Quad(q.subject, q.predicate, q.object, q.graph_name)) for q in
                store.quads_for_pattern(None, None, None, NamedNode(doc_iri(doc_id)))}
        assert have in (set(), want), f"{doc_id} is half in the store"
        loaded += bool(have)
    assert all(graph_size(store, d) for d in committed)
    assert 0 < loaded < n, f"the kill did not land mid-load ({loaded} of {n} in)"
    again = build([docs], store)  # and the next build completes it, rewriting nothing
    assert len(again.unchanged) == loaded
    assert len(again.loaded) == n - loaded and not again.failed
    assert all(graph_size(store, d) for d in quads)


def _judged(store) -> dict[str, set[str]]:  # noqa: ANN001
    """person IRI -> the document ids its stored resolution judgement used."""
    rows = store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?p ?d WHERE { GRAPH ?g { "
        "?j prov:generated ?p ; prov:used ?d } FILTER(STRENDS(STR(?g), 'graph/resolution')) }")
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["p"].value, set()).add(row["d"].value.rsplit("/", 1)[-1])
    return out


def test_judgements_are_kept_across_builds_and_removed_with_their_document(tmp_path: Path) -> None:
    other = ("Anna Sidorova, a teacher from Perm, was fined 30,000 roubles on 2 May 2023 under "
             "Article 20.3.3, Part 1, of the Code of Administrative Offences.\n")
    write(tmp_path / "a", "petrov.txt", CASE)
    write(tmp_path / "b", "sidorova.txt", other)
    write(tmp_path / "c", "petrov-appeal.txt", CASE.replace("14 September 2023", "14 October 2023"))
    store = open_store(tmp_path / "store")
    build([tmp_path / "a"], store)
    petrov = next(iri for iri, docs in _judged(store).items() if docs == {"petrov"})
    build([tmp_path / "b"], store)  # another build: the first one's judgement stays
    judged = _judged(store)
    assert judged[petrov] == {"petrov"} and {"sidorova"} in judged.values()
    build([tmp_path / "c"], store)  # the same man in a third build: one judgement, both documents
    assert _judged(store)[petrov] == {"petrov", "petrov-appeal"}
    build([tmp_path / "a"], store)  # reading a document again judges it anew, once
    assert _judged(store)[petrov] == {"petrov", "petrov-appeal"}
    assert remove(store, "petrov")
    assert _judged(store)[petrov] == {"petrov-appeal"}
    assert remove(store, "petrov-appeal")
    assert petrov not in _judged(store) and {"sidorova"} in _judged(store).values()


def _person_iris(store) -> dict[str, set[str]]:  # noqa: ANN001
    """document id -> the person IRIs its graph names."""
    out: dict[str, set[str]] = {}
    rows = store.query("PREFIX rkg: <https://w3id.org/repression-kg/ontology#> "
                       "SELECT ?g ?p WHERE { GRAPH ?g { ?p a rkg:Person } }")
    for row in rows:
        out.setdefault(row["g"].value.rsplit("/", 1)[-1], set()).add(row["p"].value)
    return out


def test_people_with_conflicting_birth_years_stay_apart_across_builds(tmp_path: Path) -> None:
    """A later build resolves its people against the stored ones: the Ivan Petrov born in
    1990 is not the stored one born in 1961, and a third document on the man of 1961 joins
    the stored one."""
    older = CASE.replace("Ivan Petrov, an engineer", "Ivan Petrov (born 1961), an engineer")
    younger = CASE.replace("Ivan Petrov, an engineer", "Ivan Petrov (born 1990), an engineer")
    write(tmp_path / "a", "older.txt", older)
    write(tmp_path / "b", "younger.txt", younger)
    write(tmp_path / "c", "older-again.txt", older.replace("14 September 2023", "15 September 2023"))
    write(tmp_path / "d", "undated.txt", CASE.replace("Tomsk", "Omsk"))
    together = build([tmp_path / "a", tmp_path / "b"], open_store(tmp_path / "one"))
    assert not any("born" in w for w in together.warnings)  # resolution keeps them apart
    store = open_store(tmp_path / "two")
    for folder in "abcd":
        assert not any("born" in w for w in build([tmp_path / folder], store).warnings)
    people = _person_iris(store)
    assert people["older"] == people["older-again"]
    assert people["older"].isdisjoint(people["younger"])
    # two stored men of this name: an undated mention is neither of them
    assert people["undated"].isdisjoint(people["older"] | people["younger"])
    rebuilt = build([tmp_path / "a"], store)  # re-reading a document keeps its IRI
    assert rebuilt.unchanged == ["older"]


def test_birth_year_conflicts_in_a_store_are_reported(tmp_path: Path) -> None:
    """A store that merged two birth years under one IRI (as builds before resolution
    against the store did) gets a warning naming both documents."""
    from repression_kg.loading import load_document
    from repression_kg.rdf.resolution import birth_year_conflicts

    store = open_store(tmp_path / "store")
    for name, year in (("older", 1961), ("younger", 1990)):
        write(tmp_path / name, f"{name}.txt",
              CASE.replace("Ivan Petrov, an engineer", f"Ivan Petrov (born {year}), an engineer"))
        quads, _ = map_documents(read_and_extract([tmp_path / name], Report()))
        load_document(store, doc_iri(name), quads[name], "https://w3id.org/repression-kg/id/")
    conflict = [w for w in birth_year_conflicts(store) if "born 1961 and 1990" in w]
    assert len(conflict) == 1 and "older" in conflict[0] and "younger" in conflict[0]


def test_a_folder_that_is_no_store_is_refused_by_name(tmp_path: Path) -> None:
    from repression_kg.store import StoreError

    folder = tmp_path / "not-a-store"
    write(folder, "CURRENT", "garbage\n")
    with pytest.raises(StoreError, match="not-a-store"):
        open_store(folder, read_only=True)
