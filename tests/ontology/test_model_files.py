"""The model files: they parse, every term is labelled and defined, and the contract holds.

The contract is docs/data-model.md (every rkg: term it names exists) and ids.py (every
reference IRI the code mints for a value of the facts contract exists in reference data).
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from repression_kg import facts, ids
from repression_kg.ontology import load_ontology, load_reference
from repression_kg.ontology.check import count, defined_classes, term_problems
from repression_kg.ontology.files import all_turtle_files, load_graph, rule_files
from repression_kg.reason import load_rules
from repression_kg.resources import repo_root

ROOT = repo_root() or Path(__file__).resolve().parents[2]
RKG = ids.ONTOLOGY


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def reference() -> Graph:
    return load_reference()


@pytest.mark.parametrize("path", all_turtle_files(), ids=lambda p: p.name)
def test_every_turtle_file_parses(path: Path) -> None:
    assert len(load_graph([path])) > 0


def test_every_term_has_label_and_definition(ontology: Graph) -> None:
    assert term_problems(ontology) == []


def test_counts_are_those_of_a_real_model(ontology: Graph, reference: Graph) -> None:
    c = count(ontology, reference)
    assert c.classes >= 60 and c.defined_classes >= 3
    assert c.object_properties >= 40 and c.datatype_properties >= 15
    assert c.individuals >= 200


def test_no_owl_imports(ontology: Graph) -> None:
    assert not list(ontology.objects(None, OWL.imports))


def _data_model_terms() -> set[str]:
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S))
    inline = " ".join(re.findall(r"`([^`\n]+)`", text))
    return set(re.findall(r"\brkg:([A-Za-z][A-Za-z0-9_]*)", blocks + " " + inline))


def test_every_term_of_the_data_model_exists(ontology: Graph) -> None:
    terms = _data_model_terms()
    assert len(terms) > 60
    declared = {str(s)[len(RKG):] for s in ontology.subjects(RDF.type, None) if str(s).startswith(RKG)}
    assert sorted(terms - declared) == []


def test_data_model_reference_iris_exist(reference: Graph, ontology: Graph) -> None:
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\bref:((?:regime|court-type|sentence-kind|role|designation|relation|method|org-kind|principle|law)/[\w.-]+)", text))
    subjects = {str(s) for s in (reference + ontology).subjects(RDF.type, None)}
    missing = sorted(n for n in named if ids.REF + n not in subjects)
    assert missing == []


def _literal_values(alias: object) -> list[str]:
    return list(typing.get_args(alias))


@pytest.mark.parametrize(("scheme", "alias"), [
    ("regime", facts.Regime), ("court-type", facts.CourtType), ("sentence-kind", facts.SentenceKind),
    ("role", facts.PersonRole), ("relation", facts.RelationType), ("event-type", facts.EventType),
])
def test_every_contract_value_has_a_concept(reference: Graph, scheme: str, alias: object) -> None:
    for value in _literal_values(alias):
        concept = URIRef(ids.concept_iri(scheme, value))
        assert (concept, RDF.type, SKOS.Concept) in reference, concept
        assert (concept, SKOS.inScheme, URIRef(ids.REF + scheme)) in reference, concept


def test_every_principle_is_linked_to_existing_international_articles(reference: Graph) -> None:
    values = _literal_values(facts.PrincipleId)
    assert len(values) == 13
    for value in values:
        principle = URIRef(ids.principle_iri(value))
        assert (principle, RDF.type, URIRef(RKG + "LegalPrinciple")) in reference
        articles = list(reference.objects(principle, URIRef(RKG + "statedIn")))
        assert articles, principle
        for article in articles:
            assert (article, RDF.type, None) in reference, article


DESIGN_ARTICLES = ["30", "205.2", "205.5", "207.3", "212", "275", "275.1", "276", "280", "280.3",
                   "280.4", "282", "282.1", "282.2", "284.1", "318", "319", "322", "328", "330.1",
                   "332", "337", "338", "354.1", "205", "205.1", "278", "279", "317", "339", "361"]


@pytest.mark.parametrize(("code", "article", "part"), [
    ("RU-CC", "205.5", "2"), ("RU-CC", "322", "1"), ("RU-CC", "338", "3"), ("RU-CC", "30", "1"),
    ("RU-CC", "30", "3"), ("RU-CC", "207.3", "2"), ("RU-CoAP", "20.3.3", "1"), ("RU-CoAP", "20.2", "5"),
    ("ECHR", "6", "2"), ("ICCPR", "14", "7"),
])
def test_cited_parts_exist_with_their_article_and_code(reference: Graph, code: str, article: str, part: str) -> None:
    part_iri, article_iri = URIRef(ids.provision_iri(code, article, part)), URIRef(ids.provision_iri(code, article))
    assert (part_iri, RDF.type, URIRef(RKG + "ArticlePart")) in reference
    assert (part_iri, URIRef(RKG + "partOf"), article_iri) in reference
    assert (article_iri, URIRef(RKG + "partOf"), URIRef(ids.code_iri(code))) in reference
    assert (part_iri, URIRef(RKG + "code"), URIRef(ids.code_iri(code))) in reference


def test_design_articles_have_english_and_russian_titles(reference: Graph) -> None:
    for number in DESIGN_ARTICLES:
        article = URIRef(ids.provision_iri("RU-CC", number))
        langs = {getattr(o, "language", None) for o in reference.objects(article, RDFS.label)}
        assert {"en", "ru"} <= langs, article
        assert str(reference.value(article, URIRef(RKG + "articleNumber"))) == number


def test_speech_provisions_are_marked(reference: Graph) -> None:
    speech = URIRef(RKG + "SpeechProvision")
    for code, number in [("RU-CC", "207.3"), ("RU-CC", "280.3"), ("RU-CC", "205.2"), ("RU-CoAP", "20.3.3")]:
        assert (URIRef(ids.provision_iri(code, number)), RDF.type, speech) in reference
    assert (URIRef(ids.provision_iri("RU-CC", "322")), RDF.type, speech) not in reference


def test_every_defined_class_names_an_existing_rule(ontology: Graph) -> None:
    rules = {p.name for p in rule_files()}
    assert len(load_rules()) == len(rules) >= 5
    for cls in defined_classes(ontology):
        rule = ontology.value(cls, URIRef(RKG + "ruleFile"))
        assert rule is not None and str(rule) in rules, cls
        text = (ROOT / "ontology" / "rules" / str(rule)).read_text(encoding="utf-8")
        assert f"rkg:{str(cls)[len(RKG):]}" in text, (cls, rule)


def test_no_wikidata_item_is_malformed(reference: Graph) -> None:
    for item in reference.objects(None, URIRef(RKG + "wikidata")):
        assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q\d+", str(item))
