"""The SPARQL 1.1 Protocol endpoint of a real `rkg serve` on loopback."""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

pytestmark = pytest.mark.slow

LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?p ?name WHERE { ?p a rkg:Person ; rdfs:label ?name } ORDER BY ?name"""
CONSTRUCT = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
CONSTRUCT { ?c rkg:cites ?law } WHERE { ?c rkg:cites ?law }"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def call(url: str, *, data: bytes | None = None, method: str | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(server: str, query: str, **params: str) -> tuple[int, dict[str, str], bytes]:
    accept = params.pop("accept", None)
    qs = urllib.parse.urlencode({"query": query, **params})
    return call(f"{server}/sparql?{qs}", headers={"Accept": accept} if accept else {})


def names_json(body: bytes) -> list[str]:
    return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]


EXPECTED = sorted(['"</script><script>alert(1)</script>', "<img src=x onerror=alert(1)>",
                   "Ekaterina Zhilina", "Mikhail Zhilin"])


def test_sparqlwrapper_each_result_format(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(LABELS)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert sorted(b["name"]["value"] for b in data["results"]["bindings"]) == EXPECTED
    client.setReturnFormat(XML)
    xml = client.query().convert().toxml()
    assert "Mikhail Zhilin" in xml and "&lt;img src=x" in xml
    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert rows[0] == ["p", "name"] and sorted(r[1] for r in rows[1:]) == EXPECTED
    client.setReturnFormat(TSV)
    lines = client.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "?p\t?name" and len(lines) == 5


@pytest.mark.parametrize(("accept", "fmt", "media"), [
    ("application/sparql-results+json", None, "application/sparql-results+json"),
    ("application/sparql-results+xml", None, "application/sparql-results+xml"),
    ("text/csv", None, "text/csv"), ("text/tab-separated-values", None, "text/tab-separated-values"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
    (None, "csv", "text/csv"), ("text/csv", "json", "application/sparql-results+json"),
])
def test_select_content_negotiation(server: str, accept, fmt, media) -> None:
    params = {"accept": accept} if accept else {}
    if fmt:
        params["format"] = fmt
    status, headers, body = get(server, LABELS, **params)
    assert status == 200 and headers["Content-Type"].startswith(media)
    assert b"Mikhail Zhilin" in body


@pytest.mark.parametrize(("accept", "parse_as"), [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_construct_content_negotiation(server: str, accept, parse_as) -> None:
    status, headers, body = get(server, CONSTRUCT, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    triples = list(ox.parse(body, format=parse_as))
    assert len(triples) == 3
    assert {t.object.value.rsplit("/", 2)[-2] for t in triples} == {"322", "338", "205.2"}


def test_post_form_direct_ask_and_errors(server: str) -> None:
    form = urllib.parse.urlencode({"query": LABELS}).encode()
    status, _, body = call(server + "/sparql", data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    assert status == 200 and sorted(names_json(body)) == EXPECTED
    status, _, body = call(server + "/sparql", data=LABELS.encode(), headers={
        "Content-Type": "application/sparql-query; charset=utf-8"})
    assert status == 200 and sorted(names_json(body)) == EXPECTED
    status, _, body = get(server, "ASK { ?s ?p 'Mikhail Zhilin' }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(server, "SELECT ?x WHERE { ?x ")
    assert status == 400 and "does not parse" in json.loads(body)["message"]
    status, _, _ = get(server, LABELS, accept="image/png")
    assert status == 406
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("SELECT * WHERE {")
    with pytest.raises(QueryBadFormed):
        client.query()


def test_service_description(server: str) -> None:
    status, headers, body = call(server + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert any(t.object == ox.NamedNode(sd + "Service") for t in triples)
    assert not any(t.object == ox.NamedNode(sd + "SPARQL11Update") for t in triples)


def test_every_write_vector_is_refused(server: str) -> None:
    before = get(server, COUNT)[2]
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    turtle = b"<urn:a> <urn:b> <urn:c> ."
    attempts = [
        call(server + "/sparql", data=urllib.parse.urlencode({"update": update}).encode(),
             headers={"Content-Type": "application/x-www-form-urlencoded"}),
        call(server + "/sparql", data=update.encode(),
             headers={"Content-Type": "application/sparql-update"}),
        call(server + "/sparql?" + urllib.parse.urlencode({"update": update})),
        get(server, update),
        get(server, "DROP ALL"),
        call(server + "/sparql?graph=urn:x", data=turtle, method="PUT",
             headers={"Content-Type": "text/turtle"}),
        call(server + "/sparql?graph=urn:x", data=turtle, method="POST",
             headers={"Content-Type": "text/turtle"}),
        call(server + "/sparql?graph=https://w3id.org/repression-kg/id/doc/d1", method="DELETE"),
        call(server + "/store?default", data=turtle, method="PUT",
             headers={"Content-Type": "text/turtle"}),
        call(server + "/store", data=turtle, method="POST", headers={"Content-Type": "text/turtle"}),
        call(server + "/store?graph=urn:x", method="DELETE"),
    ]
    for status, _, body in attempts:
        assert status == 403, body
        assert "read-only" in json.loads(body)["message"]
    status, headers, _ = call(server + "/elsewhere", data=b"x", method="PUT")
    assert status == 405 and "GET" in headers["Allow"]
    assert get(server, COUNT)[2] == before


def test_service_and_load_are_refused(server: str) -> None:
    status, _, body = get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> "
                                  "{ ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in json.loads(body)["message"]
    status, _, body = get(server, "select * where { service silent ?x { ?s ?p ?o } }")
    assert status == 403
    status, _, body = get(server, "LOAD <http://127.0.0.1:9/data.ttl>")
    assert status == 403
    status, _, body = get(server, "SELECT * WHERE { ?s ?p 'SERVICE LOAD' } # SERVICE")
    assert status == 200


def test_row_limit_is_an_error_not_a_truncation(server: str) -> None:
    status, _, body = get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and "200 rows" in json.loads(body)["message"]
    status, _, body = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 200")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 200


def test_runaway_query_is_stopped_and_the_server_goes_on(server: str) -> None:
    started = time.monotonic()
    status, _, body = get(server, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 504 and "time limit" in json.loads(body)["message"]
    assert elapsed < 10
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(RUNAWAY)
    with pytest.raises(urllib.error.HTTPError) as failure:
        client.query()
    assert failure.value.code == 504
    status, _, body = get(server, LABELS)
    assert status == 200 and sorted(names_json(body)) == EXPECTED


def test_twenty_parallel_clients_answered_or_told_to_retry(server: str) -> None:
    def one(i: int) -> tuple[int, dict[str, str], bytes]:
        return get(server, LABELS + f" # client {i}")

    with ThreadPoolExecutor(max_workers=20) as pool:
        replies = list(pool.map(one, range(20), timeout=60))
    statuses = [r[0] for r in replies]
    assert set(statuses) <= {200, 429}, statuses
    assert statuses.count(200) >= 3
    for status, headers, body in replies:
        if status == 429:
            assert headers["Retry-After"].isdigit()
        else:
            assert sorted(names_json(body)) == EXPECTED


def test_no_cors_unless_asked_and_security_headers(server: str) -> None:
    status, headers, _ = get(server, LABELS, accept="text/csv")
    assert "Access-Control-Allow-Origin" not in headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, _ = call(server + "/sparql", method="OPTIONS",
                              headers={"Origin": "http://evil.example"})
    assert status == 204 and "Access-Control-Allow-Origin" not in headers


def test_foreign_host_header_is_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    status, _, body = call(server + "/sparql?query=ASK%7B%7D",
                           headers={"Host": f"attacker.example:{port}"})
    assert status == 421 and "host" in json.loads(body)["error"]
    assert call(server + "/health", headers={"Host": f"localhost:{port}"})[0] == 200
