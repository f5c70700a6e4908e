"""Curation: a corrections file retracts, adds, merges and splits, on a real store on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode

from repression_kg.build import build
from repression_kg.cli import root
from repression_kg.curation import (
    Corrections,
    CorrectionsError,
    load_corrections,
    parse_corrections,
)
from repression_kg.explain import explain
from repression_kg.ids import doc_iri, graph_iri
from repression_kg.rdf.serialise import canonical_nquads
from repression_kg.store import open_store

RKG = "https://w3id.org/repression-kg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "corrections.example.yml"
DOCS = {
    "a.txt": "Alexei Sokolov, a teacher from Perm, was charged under Article 280.3 of the "
             "Russian Criminal Code.\n",
    "b.txt": "Alexey Sokolov was charged under Article 207.3 of the Russian Criminal Code. "
             "Dmitri Orlov was charged under Article 280.3.\n",
    "c.txt": "Dmitry Orlow was detained in Perm.\n",
}
HEAD = "corrections:\n  - who: Jane Curator\n    when: 2024-05-02\n    why: checked against the court file\n"


def corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def corrections(tmp_path: Path, body: str, name: str = "fix.yml") -> Corrections:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return load_corrections(path)


def charges(store, doc_id: str) -> dict[str, str]:  # noqa: ANN001
    """Charge IRI → cited provision, in one document's graph."""
    rows = store.query(f"SELECT ?c ?p WHERE {{ GRAPH <{doc_iri(doc_id)}> {{ ?c a <{RKG}Charge> ; "
                       f"<{RKG}cites> ?p }} }}")
    return {r["c"].value: r["p"].value.rsplit("/", 1)[-1] for r in rows}


def curated(store) -> list:  # noqa: ANN001
    return list(store.quads_for_pattern(None, None, None, NamedNode(graph_iri("curated"))))


def value(quads: list, subject: str, predicate: str) -> list[str]:
    return sorted(q.object.value for q in quads
                  if q.subject.value == subject and q.predicate.value == predicate)


RETRACT = "    retract: {document: b, kind: charge, quote: Article 207.3}\n"


def test_retraction_survives_reingest_and_is_recorded(tmp_path: Path) -> None:
    docs, store = corpus(tmp_path), open_store(tmp_path / "store")
    build([docs], store)
    before = charges(store, "b")
    assert sorted(before.values()) == ["207.3", "280.3"]
    report = build([docs], store, corrections=corrections(tmp_path, RETRACT))
    assert report.warnings == [] and not report.failed_corrections
    assert sorted(charges(store, "b").values()) == ["280.3"]
    retracted = next(c for c, p in before.items() if p == "207.3")
    quads = curated(store)
    [entry] = {q.subject.value for q in quads if q.object.value == RKG + "Correction"}
    assert value(quads, entry, PROV + "invalidated") == [retracted]
    assert value(quads, entry, "http://www.w3.org/2000/01/rdf-schema#comment") == [
        "checked against the court file"]
    assert value(quads, entry, RKG + "date") == ["2024-05-02"]
    [curator] = value(quads, entry, PROV + "wasAssociatedWith")
    assert value(quads, curator, "http://www.w3.org/2000/01/rdf-schema#label") == ["Jane Curator"]
    # the document changes and is re-ingested: the fact stays retracted
    (docs / "b.txt").write_text(DOCS["b.txt"] + "Both deny the charges.\n", encoding="utf-8")
    again = build([docs], store, corrections=corrections(tmp_path, RETRACT))
    assert "b" in again.loaded and sorted(charges(store, "b").values()) == ["280.3"]
    # a build without the file re-applies what the store recorded
    (docs / "b.txt").write_text(DOCS["b.txt"] + "Both deny everything.\n", encoding="utf-8")
    assert "b" in build([docs], store).loaded
    assert sorted(charges(store, "b").values()) == ["280.3"]
    # an empty corrections file takes the correction back
    build([docs], store, corrections=Corrections("empty"))
    assert sorted(charges(store, "b").values()) == ["207.3", "280.3"]
    assert curated(store) == []


ADD = """    add:
      charge: {person: Dmitri Orlov, article: "282.2", part: "2", modifier: preparation}
      source: {document: b, quote: Dmitri Orlov was charged}
  - who: Jane Curator
    when: 2024-05-03
    why: the appeal names his lawyer
    add:
      relation: {subject: Alexei Sokolov, type: lawyer_of, object: Dmitri Orlov}
  - who: Jane Curator
    when: 2024-05-03
    why: birth year from the verdict
    add:
      person: {name: Dmitri Orlov, birth_year: 1979, aliases: [Дмитрий Орлов]}
"""


def test_additions_carry_curated_provenance_and_pass_shacl(tmp_path: Path) -> None:
    docs, store = corpus(tmp_path), open_store(tmp_path / "store")
    report = build([docs], store, corrections=corrections(tmp_path, ADD))
    assert report.warnings == [] and report.failed_corrections == [] and report.corrections == 3
    quads = curated(store)
    [charge] = {q.subject.value for q in quads if q.object.value == RKG + "Charge"}
    assert value(quads, charge, RKG + "method") == ["https://w3id.org/repression-kg/ref/method/curated"]
    assert value(quads, charge, RKG + "cites") == [
        "https://w3id.org/repression-kg/ref/law/ru-cc/282.2/part-2"]
    assert value(quads, charge, RKG + "modifier") == [RKG + "Preparation"]
    [activity] = value(quads, charge, PROV + "wasGeneratedBy")
    assert value(quads, activity, RKG + "date") == ["2024-05-02"]
    assert value(quads, charge, PROV + "wasAttributedTo") == value(quads, activity,
                                                                   PROV + "wasAssociatedWith")
    assert doc_iri("b") in value(quads, charge, PROV + "wasDerivedFrom")
    [note] = value(quads, charge, RKG + "evidence")
    assert value(quads, note + "#quote", "http://www.w3.org/ns/oa#exact") == ["Dmitri Orlov was charged"]
    start = DOCS["b.txt"].index("Dmitri Orlov was charged")
    assert value(quads, note + "#pos", "http://www.w3.org/ns/oa#start") == [str(start)]
    [orlov] = {q.object.value for q in quads if q.predicate.value == RKG + "accused"}
    assert value(quads, orlov, RKG + "birthYear") == ["1979"]
    assert (orlov,) == tuple(q.object.value for q in quads if q.predicate.value == RKG + "lawyerOf")


def test_entries_that_match_nothing_are_warnings_naming_the_entry(tmp_path: Path) -> None:
    docs, store = corpus(tmp_path), open_store(tmp_path / "store")
    body = """    retract: {document: b, kind: charge, quote: Article 999}
  - who: J
    when: 2024-05-02
    why: typo test
    add:
      charge: {person: Nobody Atall, article: "280.3"}
  - who: J
    when: 2024-05-02
    why: unknown statute
    add:
      charge: {person: Dmitri Orlov, article: "999.9"}
  - who: J
    when: 2024-05-02
    why: nobody to split
    split: [Alexei Sokolov, Ivan Nobody]
"""
    report = build([docs], store, corrections=corrections(tmp_path, body))
    assert [w.split(":", 1)[0] for w in report.warnings] == [
        "fix.yml entry #1 (retract)", "fix.yml entry #2 (add)", "fix.yml entry #3 (add)",
        "fix.yml entry #4 (split)"]
    assert "Article 999" in report.warnings[0] and "999.9" in report.warnings[2]
    assert sorted(charges(store, "b").values()) == ["207.3", "280.3"]


def test_split_and_merge_act_in_the_resolver_and_show_in_explain(tmp_path: Path) -> None:
    docs, store = corpus(tmp_path), open_store(tmp_path / "store")
    build([docs], store)
    [sokolov] = explain(store, "Sokolov")
    assert sokolov["names"] == ["Alexei Sokolov", "Alexey Sokolov"]
    assert len(explain(store, "Orlo")) == 2
    body = """    split: [Alexei Sokolov, Alexey Sokolov]
  - who: Jane Curator
    when: 2024-05-04
    why: same man, the second article misspells his name
    merge: [Dmitri Orlov, Dmitry Orlow]
"""
    report = build([docs], store, corrections=corrections(tmp_path, body))
    assert report.warnings == []
    split = explain(store, "Sokolov")
    assert sorted(r["names"] for r in split) == [["Alexei Sokolov"], ["Alexey Sokolov"]]
    assert sokolov["iri"] in {r["iri"] for r in split}  # the first name keeps its IRI
    assert all(r["curated"][0]["who"] == "Jane Curator" and r["curated"][0]["what"].startswith("split")
               for r in split)
    [orlov] = explain(store, "Orlo")
    assert orlov["rule"] == "curated merge" and orlov["documents"] == ["b", "c"]
    assert orlov["curated"][0]["why"] == "same man, the second article misspells his name"
    accused = {r["p"].value for r in store.query(
        f"SELECT ?p WHERE {{ GRAPH ?g {{ ?c <{RKG}accused>|<{RKG}participant> ?p }} }}")}
    assert orlov["iri"] in accused and len([a for a in accused if "orlo" in a]) == 1
    del store  # close the writer before the CLI opens the store read-only
    result = CliRunner().invoke(root, ["explain", "Orlow", "--store", str(tmp_path / "store")])
    assert "curated: merge 'Dmitri Orlov' + 'Dmitry Orlow' (by Jane Curator, 2024-05-04)" in result.output


def test_two_builds_give_byte_identical_graphs(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    fix = corrections(tmp_path, RETRACT + "  - who: J\n    when: 2024-05-02\n    why: x\n"
                      + ADD)
    out = []
    for name in ("one", "two"):
        store = open_store(tmp_path / name)
        build([docs], store, corrections=fix)
        out.append(canonical_nquads(store.quads_for_pattern(None, None, None, None)))
    assert out[0] == out[1] and b"graph/curated" in out[0]


@pytest.mark.parametrize(("body", "message"), [
    ("    retract: {document: b, kind: charges, quote: x}\n", "entry #1: retract: kind 'charges'"),
    ("    add:\n      charge: {person: X, article: 280.3}\n", "write 280.3 in quotes"),
    ("    merge: [Only One]\n", "entry #1: merge: give a list of at least two"),
    ("    retract: {document: b, kind: charge, quote: x}\n    merge: [A, B]\n", "exactly one action"),
    ("    rename: {a: b}\n", "unknown key(s) rename"),
])
def test_malformed_entries_name_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(CorrectionsError, match="fix.yml") as caught:
        corrections(tmp_path, body)
    assert message in str(caught.value)


def test_why_and_date_are_required() -> None:
    entry = {"who": "J", "when": "2024-02-30", "why": "x", "merge": ["A", "B"]}
    with pytest.raises(CorrectionsError, match=r"c\.yml: entry #1: 'when' is not a real date"):
        parse_corrections([entry], "c.yml")
    with pytest.raises(CorrectionsError, match="entry #2: 'why' is required"):
        parse_corrections([{**entry, "when": "2024-02-01"}, {**entry, "why": " "}], "c.yml")


def test_cli_bad_file_exits_2_without_touching_the_store(tmp_path: Path) -> None:
    docs, store_dir = corpus(tmp_path), tmp_path / "store"
    bad = tmp_path / "bad.yml"
    bad.write_text("corrections:\n  - who: J\n    when: 2024-05-02\n    merge: [A, B\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(root, ["build", str(docs), "--store", str(store_dir), "--corrections", str(bad)])
    assert result.exit_code == 2 and not store_dir.exists()
    assert result.output.count("\n") == 1 and "bad.yml: not valid YAML" in result.output


def test_cli_finds_corrections_yml_in_the_built_folder(tmp_path: Path) -> None:
    docs, store_dir = corpus(tmp_path), tmp_path / "store"
    (docs / "corrections.yml").write_text(HEAD + RETRACT, encoding="utf-8")
    result = CliRunner().invoke(root, ["build", str(docs), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "corrections.yml (1 entries)" in result.output
    assert sorted(charges(open_store(store_dir, read_only=True), "b").values()) == ["280.3"]


def test_the_documented_example_parses() -> None:
    example = load_corrections(EXAMPLE)
    assert {c.action for c in example.entries} == {"add", "retract", "merge", "split"}
