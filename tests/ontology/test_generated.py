"""Generated files stay in step with the ontology; the HTML docs escape what they show."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import RDFS, Literal, URIRef

from repression_kg.cli import root
from repression_kg.ontology import load_ontology, load_reference
from repression_kg.ontology.docs import render_html, render_markdown
from repression_kg.ontology.vocabgen import VOCAB_FILE, is_fresh, render
from repression_kg.resources import repo_root

ROOT = repo_root() or Path(__file__).resolve().parents[2]


def test_vocab_py_is_fresh() -> None:
    assert is_fresh(load_ontology()), "src/repression_kg/vocab.py is stale: run `rkg ontology vocab`"


def test_vocab_module_names_every_term() -> None:
    from repression_kg.vocab import RKG

    assert str(RKG.TransferredPerson).endswith("#TransferredPerson")
    assert "    spouseOf: URIRef" in VOCAB_FILE.read_text(encoding="utf-8")


def test_ontology_md_is_fresh() -> None:
    text = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert text == render_markdown(), "docs/ontology.md is stale: run `rkg ontology docs --markdown docs/ontology.md`"


def test_html_escapes_labels_and_definitions() -> None:
    ontology = load_ontology()
    evil = "<script>alert(1)</script>"
    ontology.set((URIRef("https://w3id.org/repression-kg/ontology#Person"), RDFS.label, Literal(evil, lang="en")))
    page = render_html(ontology, load_reference())
    assert evil not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page


def test_rendering_is_deterministic() -> None:
    assert render(load_ontology()) == render(load_ontology())
    assert render_html() == render_html()


def test_cli_docs_writes_a_page(tmp_path: Path) -> None:
    out, md = tmp_path / "o.html", tmp_path / "o.md"
    result = CliRunner().invoke(root, ["ontology", "docs", "--out", str(out), "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "rkg:SpeechDefendant" in page and "Content-Security-Policy" in page
    assert md.read_text(encoding="utf-8").startswith("# The repression-kg ontology")


def test_cli_vocab_check() -> None:
    result = CliRunner().invoke(root, ["ontology", "vocab", "--check"])
    assert result.exit_code == 0 and "fresh" in result.output


def test_cli_check_without_reasoner() -> None:
    result = CliRunner().invoke(root, ["ontology", "check", "--no-reasoner"])
    assert result.exit_code == 0, result.output
    assert "classes" in result.output and "object properties" in result.output
