"""Dereferenceable IRIs, the query page, and the write mode with a token."""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from test_serve_endpoint import LABELS, call, get

pytestmark = pytest.mark.slow

ZHILIN = "/id/person/mikhail-zhilin-1a2b3c4d"
BASE = "https://w3id.org/repression-kg"


def test_entity_as_html_for_browsers(server: str) -> None:
    status, headers, body = call(server + ZHILIN, headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    html = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "<h1>Mikhail Zhilin</h1>" in html and "Жилин Михаил Алексеевич" in html
    assert re.search(r'href="/id/doc/d1/charge/1"[^>]*>charge: Article 322 part 1<', html, re.I)
    assert re.search(r'href="/id/doc/d1#q-[0-9a-f]{12}"', html)
    assert "Timeline" in html and "2022-12-29" in html


def test_statute_and_document_pages_from_the_server(server: str) -> None:
    status, _, body = call(server + "/ref/law/ru-cc/338", headers={"Accept": "text/html"})
    html = body.decode("utf-8")
    assert status == 200 and "Charged under this provision (1)" in html
    assert "Barnaul Garrison Military Court" in html
    status, _, body = call(server + "/id/doc/d2", headers={"Accept": "text/html"})
    html = body.decode("utf-8")
    assert status == 200 and "<mark id=" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", ox.RdfFormat.TURTLE),
                                             ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_entity_as_rdf(server: str, accept: str, fmt: ox.RdfFormat) -> None:
    status, headers, body = call(server + ZHILIN, headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    triples = [q.triple for q in ox.parse(body, format=fmt)]
    me = ox.NamedNode(BASE + ZHILIN)
    assert ox.Triple(me, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                     ox.Literal("Mikhail Zhilin")) in triples
    assert any(t.object == me for t in triples)  # incoming arcs too (charges, events)


def test_unknown_entity_is_404(server: str) -> None:
    assert call(server + "/id/person/nobody", headers={"Accept": "text/turtle"})[0] == 404
    assert call(server + "/id/person/nobody", headers={"Accept": "text/html"})[0] == 404
    assert call(server + "/nowhere")[0] == 404


def test_query_page_and_assets_are_local(server: str) -> None:
    status, headers, body = call(server + "/")
    html = body.decode("utf-8")
    assert status == 200 and '<textarea id="query"' in html
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert not re.search(r'(src|href)="(https?:)?//', html)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert call(server + asset)[0] == 200
    status, _, body = call(server + "/queries.json")
    assert status == 200 and isinstance(json.loads(body), list)


def test_write_mode_needs_the_token(writable_server: str) -> None:
    url = writable_server
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> 'added' } }"
    headers = {"Content-Type": "application/sparql-update"}
    assert call(url + "/sparql", data=update.encode(), headers=headers)[0] == 401
    assert call(url + "/sparql", data=update.encode(),
                headers=dict(headers, Authorization="Bearer wrong"))[0] == 401
    auth = {"Authorization": "Bearer s3cret"}
    assert call(url + "/sparql", data=update.encode(), headers=dict(headers, **auth))[0] == 204
    ask = "ASK { GRAPH <urn:g> { <urn:a> ?p 'added' } }"
    assert json.loads(get(url, ask)[2])["boolean"] is True
    status, _, body = call(url + "/sparql", data=b"LOAD <http://127.0.0.1:9/x.ttl>",
                           headers=dict(headers, **auth))
    assert status == 403 and "LOAD" in json.loads(body)["message"]
    turtle = b"<urn:b> <http://www.w3.org/2000/01/rdf-schema#label> 'put' ."
    target = url + "/store?" + urllib.parse.urlencode({"graph": "urn:g"})
    assert call(target, data=turtle, method="PUT",
                headers={"Content-Type": "text/turtle", **auth})[0] == 204
    assert json.loads(get(url, ask)[2])["boolean"] is False  # PUT replaced the graph
    assert json.loads(get(url, "ASK { GRAPH <urn:g> { <urn:b> ?p 'put' } }")[2])["boolean"]
    assert call(target, method="DELETE", headers=auth)[0] == 204
    assert call(target, method="DELETE", headers=auth)[0] == 404
    assert get(url, LABELS)[0] == 200


def test_a_triple_stated_in_two_graphs_is_sent_once(writable_server: str) -> None:
    """CONSTRUCT and DESCRIBE answer with a graph, which is a set, even over the union."""
    person = f"<{BASE}{ZHILIN}>"
    typed = f"{person} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " \
            "<https://w3id.org/repression-kg/ontology#Person> ."
    auth = {"Authorization": "Bearer s3cret"}
    target = writable_server + "/store?" + urllib.parse.urlencode({"graph": "urn:second"})
    assert call(target, data=typed.encode(), method="PUT",
                headers={"Content-Type": "application/n-triples", **auth})[0] == 204
    try:
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ {typed[:-2]} }}"
        rows = json.loads(get(writable_server, count)[2])["results"]["bindings"]
        assert rows[0]["n"]["value"] == "2"  # once per graph in the union
        for query in (f"CONSTRUCT WHERE {{ {typed[:-2]} }}", f"DESCRIBE {person}"):
            status, _, body = get(writable_server, query, accept="application/n-triples")
            lines = body.decode("utf-8").splitlines()
            assert status == 200 and lines.count(typed) == 1, query
            assert len(lines) == len(set(lines))
    finally:
        call(target, method="DELETE", headers=auth)


def test_a_browser_opening_the_endpoint_gets_the_query_page(server: str) -> None:
    host, port = urllib.parse.urlsplit(server).netloc.rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/sparql", headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    reply = connection.getresponse()
    assert reply.status == 303 and reply.getheader("Location") == "/"
    connection.close()
    for accept in ("*/*", "text/turtle", "application/ld+json"):
        assert call(server + "/sparql", headers={"Accept": accept})[0] == 200
    assert call(server + "/sparql?format=ttl", headers={"Accept": "text/html"})[0] == 200


def test_a_named_query_takes_a_form_only(server: str) -> None:
    status, _, body = call(server + "/queries/people-charged-under", data=b'{"article": "338"}',
                           headers={"Content-Type": "application/json"})
    assert status == 415 and "form" in json.loads(body)["message"]


def test_graph_store_get_reads_one_document_graph(server: str) -> None:
    graph = urllib.parse.urlencode({"graph": BASE + "/id/doc/d2"})
    for path in ("/store?", "/sparql?"):
        status, headers, body = call(server + path + graph,
                                     headers={"Accept": "application/n-triples"})
        assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        assert any(t.object == ox.Literal("<img src=x onerror=alert(1)>") for t in triples)
        assert not any(t.object == ox.Literal("Mikhail Zhilin") for t in triples)
    missing = urllib.parse.urlencode({"graph": "urn:nothing"})
    assert call(server + "/store?" + missing, headers={"Accept": "text/turtle"})[0] == 404


def test_with_a_static_site_iris_redirect_to_its_pages(site_server: str) -> None:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(urllib.request.Request(site_server + ZHILIN, headers={"Accept": "text/html"}),
                    timeout=10)
        raise AssertionError("expected a redirect")
    except urllib.error.HTTPError as exc:
        assert exc.code == 303
        location = exc.headers["Location"]
    assert re.fullmatch(r"/site/person/person-mikhail-zhilin-1a2b3c4d-[0-9a-f]{10}\.html", location)
    status, headers, body = call(site_server + location)
    assert status == 200 and "<h1>Mikhail Zhilin</h1>" in body.decode("utf-8")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    status, _, body = call(site_server + ZHILIN, headers={"Accept": "text/turtle"})
    assert status == 200 and b"Mikhail Zhilin" in body  # RDF is still answered directly
    assert call(site_server + "/site/")[0] == 200
    for bad in ("/site/../../../etc/passwd", "/site/%2e%2e/%2e%2e/etc/passwd", "/site/.rkg-site",
                "/site/person/nothing.html"):
        assert call(site_server + bad)[0] == 404, bad


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


def test_cors_only_for_the_named_origin(site_server: str) -> None:
    status, headers, _ = call(site_server + "/sparql?query=ASK%7B%7D")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "https://researcher.example"
    status, headers, _ = call(site_server + "/sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


def test_describe_by_content_negotiation(server: str) -> None:
    query = f"DESCRIBE <{BASE}{ZHILIN}>"
    for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE),
                        ("application/ld+json", ox.RdfFormat.JSON_LD)):
        status, headers, body = get(server, query, accept=accept)
        assert status == 200 and headers["Content-Type"].startswith(accept)
        assert any(q.object == ox.Literal("Mikhail Zhilin") for q in ox.parse(body, format=fmt))


def test_page_context_as_json(server: str) -> None:
    status, headers, body = call(server + ZHILIN + "?format=json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    page = json.loads(body)
    assert page["label"] == "Mikhail Zhilin" and page["kind"] == "person"
    assert "Жилин Михаил Алексеевич" in page["aliases"]
    assert [e["date"] for e in page["sections"]["timeline"]] == ["2022-12-29", "2023-03-20"]
    doc = json.loads(call(server + "/id/doc/d2?format=json")[2])
    text = "".join(s["text"] for s in doc["sections"]["document"]["segments"])
    assert text.startswith("A blogger who signs as <img src=x onerror=alert(1)>")


def test_named_queries_of_the_library_run_with_bound_parameters(server: str) -> None:
    listing = json.loads(call(server + "/queries.json")[2])
    names = {q["name"]: q for q in listing}
    if "people-charged-under" not in names:
        pytest.skip("the query library has no people-charged-under.rq")
    assert any(p["name"] == "article" for p in names["people-charged-under"]["params"])
    status, headers, body = call(server + "/queries/people-charged-under?article=338&format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert "Mikhail Zhilin" in body.decode("utf-8")
    form = urllib.parse.urlencode({"article": '338" } ; DROP ALL ; #'}).encode()
    status, _, body = call(server + "/queries/people-charged-under", data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _, body = call(server + "/queries/people-charged-under")
    assert status == 400 and "article" in json.loads(body)["message"]
    assert call(server + "/queries/no-such-query")[0] == 404
