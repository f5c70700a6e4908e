"""The pieces of the server that need no server: guard, formats, named queries."""

from __future__ import annotations

import csv
import doctest
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from repression_kg.serve import guard, named, results
from repression_kg.serve.protocol import classify
from repression_kg.site import text


@pytest.mark.parametrize("module", [guard, text])
def test_doctests(module) -> None:
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
    "select * { sErViCe silent ?endpoint { ?s ?p ?o } }",
    "SELECT * {?a ?b ?c FILTER(?c<3)SERVICE<http://x/>{?s ?p ?o}}",
    "PREFIX s: <http://x/>\nSELECT * { # comment\n SERVICE s:e { ?s ?p ?o } }",
    "SELECT * { ?s ?p 'a' . } ; LOAD <http://x/>",
    "LOAD <http://x/data.ttl> INTO GRAPH <urn:g>",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "BASE <http://x/> PREFIX a: <urn:a> DROP ALL",
])
def test_guard_refuses(query: str) -> None:
    assert guard.check_query(query) is not None


@pytest.mark.parametrize("query", [
    "SELECT * { ?s ?p \"SERVICE <http://x/> { }\" }",
    "SELECT * { ?s ?p '''LOAD\nSERVICE''' }",
    "SELECT ?service ?load { ?service <http://x/SERVICE> ?load }",
    "PREFIX service: <http://x/> SELECT * { ?s service:load ?o } # SERVICE LOAD",
    "SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
])
def test_guard_allows(query: str) -> None:
    assert guard.check_query(query) is None


def test_protocol_refuses_writes_before_any_engine() -> None:
    update = "update=" + "INSERT%20DATA%20%7B%7D"
    for method, qs, media, body in [
        ("POST", "", "application/x-www-form-urlencoded", update.encode()),
        ("POST", "", "application/sparql-update", b"CLEAR ALL"),
        ("GET", update, "", b""),
        ("PUT", "graph=urn:x", "text/turtle", b""),
        ("DELETE", "default", "", b""),
    ]:
        outcome = classify(method, qs, media, body, allow_update=False)
        assert isinstance(outcome, guard.Refusal) and outcome.status == 403, (method, qs)


def test_accept_negotiation() -> None:
    assert results.choose("solutions", "text/csv;q=0.5, application/sparql-results+xml", None) \
        == "xml"
    assert results.choose("graph", "application/ld+json;q=0.9, text/turtle", None) == "turtle"
    assert results.choose("graph", None, "jsonld") == "jsonld"
    with pytest.raises(results.NotAcceptable):
        results.choose("solutions", "text/turtle", None)
    with pytest.raises(results.NotAcceptable):
        results.choose("graph", None, "csv")


def test_result_writers_keep_every_character() -> None:
    tricky = 'a "quoted", comma\tand tab\nnew line <b>&amp;'
    rows = [[ox.NamedNode("http://x/a"), ox.Literal(tricky)],
            [ox.BlankNode("b1"), ox.Literal("пример", language="ru")],
            [None, ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))]]
    for fmt in ("json", "xml", "csv", "tsv"):
        body = results.write_solutions(["x", "y"], rows, fmt)
        if fmt in ("json", "xml", "tsv"):
            fmt_enum = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                        "tsv": ox.QueryResultsFormat.TSV}[fmt]
            parsed = list(ox.parse_query_results(body, format=fmt_enum))
            assert parsed[0]["y"] == ox.Literal(tricky)
            assert parsed[1]["y"] == ox.Literal("пример", language="ru")
            assert parsed[2]["x"] is None
        else:
            table = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
            assert table[1] == ["http://x/a", tricky] and table[2][0] == "_:b1"
    assert json.loads(results.write_boolean(True, "json"))["boolean"] is True


def test_named_queries_load_headers_and_bind(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "by-statute.rq").write_text(
        "# title: People charged under a statute\n# description: Everyone charged,\n"
        "#   with the part.\n# param: article | string | required | article number\n"
        "SELECT ?c WHERE { ?c ?p ?article }\n", encoding="utf-8")
    (tmp_path / "bare.rq").write_text("SELECT * {}\n", encoding="utf-8")
    (tmp_path / "broken.rq").write_text("# param: oops\nSELECT * {}\n", encoding="utf-8")
    specs = named.load(tmp_path)
    assert set(specs) == {"by-statute", "bare"}
    assert "broken" in capsys.readouterr().err
    page = named.as_json(specs["by-statute"])
    assert page["title"] == "People charged under a statute"
    assert page["description"] == "Everyone charged, with the part."
    assert page["params"] == [{"name": "article", "type": "string", "default": None,
                               "required": True, "description": "article number",
                               "choices": []}]
    text = named.bound_text(specs["by-statute"], {"article": 'x" } ; DROP ALL ; #'})
    assert 'VALUES (?article) { ("x\\" } ; DROP ALL ; #") }' in text
    with pytest.raises(named.BindError, match="needs parameter"):
        named.bound_text(specs["by-statute"], {})
    with pytest.raises(named.BindError, match="no parameter"):
        named.bound_text(specs["bare"], {"x": "1"})


@pytest.mark.parametrize(("header", "bound", "ok"), [
    ("127.0.0.1:8000", "127.0.0.1", True), ("localhost:8000", "127.0.0.1", True),
    ("[::1]:8000", "127.0.0.1", True), ("localhost", "127.0.0.1", True),
    ("evil.example:8000", "127.0.0.1", False), (None, "127.0.0.1", False),
    ("localhost.evil.example", "127.0.0.1", False), ("anything", "0.0.0.0", True),
])
def test_host_check(header, bound, ok) -> None:
    from repression_kg.serve.app import host_allowed

    assert host_allowed(header, bound) is ok


def test_cli_serve_usage_errors(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from repression_kg.cli import root

    runner = CliRunner()
    result = runner.invoke(root, ["serve", "--store", str(tmp_path), "--allow-update"],
                           env={"RKG_SERVE_TOKEN": ""})
    assert result.exit_code == 2 and "--token" in result.output
    result = runner.invoke(root, ["serve", "--store", str(tmp_path / "absent")])
    assert result.exit_code == 1 and "no store here" in result.output
    result = runner.invoke(root, ["serve", "--store", str(tmp_path), "--base", "urn:x"])
    assert result.exit_code == 2 and "--base" in result.output
    assert runner.invoke(root, ["serve", "--help"]).exit_code == 0
