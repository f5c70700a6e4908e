"""Headers, the competency-question document and safe binding."""

from __future__ import annotations

import re

import pytest

from repression_kg.query import ParamError, QueryTextError, load_library, parse_spec, prepare
from repression_kg.query.inject import forbidden_keywords
from repression_kg.resources import repo_root

LIBRARY = load_library()


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_query_has_a_complete_header(name: str) -> None:
    spec = LIBRARY[name]
    assert spec.title and len(spec.description) > 60 and spec.fields.get("question")
    assert not forbidden_keywords(spec.text)
    for param in spec.params:
        assert param.description and f"?{param.name}" in spec.text


def test_competency_questions_name_every_query() -> None:
    root = repo_root()
    if root is None:
        pytest.skip("needs a checkout")
    doc = (root / "docs" / "competency-questions.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`queries/([\w-]+)\.rq`", doc))
    assert named == set(LIBRARY)


def test_competency_questions_match_the_headers() -> None:
    """Each entry of docs/competency-questions.md repeats its query's title, description and
    parameters, so the document cannot drift from the library."""
    root = repo_root()
    if root is None:
        pytest.skip("needs a checkout")
    doc = (root / "docs" / "competency-questions.md").read_text(encoding="utf-8")
    entries = re.findall(r"^\d+\. \*\*(.+?)\*\* — `queries/([\w-]+)\.rq`\s*\n(.*?)\n\s*Parameters: (.*?)\n",
                         doc, re.M | re.S)
    assert sorted(name for _t, name, _d, _p in entries) == sorted(LIBRARY)
    for title, name, description, params in entries:
        spec = LIBRARY[name]
        assert (title, description.strip(), params.strip()) == (
            spec.title, spec.description, spec.signature() + "."), name


def test_values_are_serialised_terms_not_text() -> None:
    spec = parse_spec("q", "# param: p | string | required | x\nSELECT ?s WHERE { ?s ?o ?p }")
    text = prepare(spec, {"p": 'x" } ; DROP ALL ; #'})
    assert 'VALUES (?p) { ("x\\" } ; DROP ALL ; #") }' in text
    spec = parse_spec("q", "# param: p | iri | required | x\nSELECT ?s WHERE { ?s ?o ?p }")
    with pytest.raises(ParamError):
        prepare(spec, {"p": "http://x/> } ; DROP ALL ; #"})


def test_parameters_reach_subqueries() -> None:
    spec = parse_spec("q", "# param: n | integer | 2 | x\n"
                      "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?n } } }")
    assert prepare(spec).count("VALUES (?n)") == 2


def test_keywords_inside_strings_iris_and_comments_are_not_refused() -> None:
    assert not forbidden_keywords('SELECT ?s WHERE { ?s ?p "DROP ALL" . ?s <http://x/load> ?o } # SERVICE')
    assert forbidden_keywords("SELECT * WHERE { service <http://e> { ?s ?p ?o } }") == {"SERVICE"}
    with pytest.raises(QueryTextError):
        prepare(parse_spec("q", "INSERT DATA { <a:b> <a:c> <a:d> }"))
    assert prepare(parse_spec("q", "SELECT * WHERE { SERVICE <http://e> { ?s ?p ?o } }"), allow_service=True)


def test_choice_parameters_reject_other_values() -> None:
    with pytest.raises(ParamError, match="one of article, part"):
        prepare(LIBRARY["shared-statute"], {"person": "x", "by": "chapter"})
