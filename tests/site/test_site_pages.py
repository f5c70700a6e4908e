"""The static site written from the sample store: pages, links, quotes, escaping, safety."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from repression_kg.cli import root
from repression_kg.site import SiteError, SiteStats, write_site
from repression_kg.site.naming import page_path
from repression_kg.site.pages import anchor
from repression_kg.store import open_store

ID = "https://w3id.org/repression-kg/id/"
REF = "https://w3id.org/repression-kg/ref/"
ZHILIN = ID + "person/mikhail-zhilin-1a2b3c4d"
IMG = ID + "person/img-9f9f9f9f"
SCRIPT = ID + "person/script-8e8e8e8e"
D1 = ID + "doc/d1"


def read(site: tuple[Path, SiteStats], iri: str, kind: str) -> str:
    return (site[0] / page_path(iri, kind)).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_one_page_per_entity_kind(site: tuple[Path, SiteStats]) -> None:
    stats = site[1]
    for kind in ("person", "case", "charge", "statute", "court", "organisation", "place",
                 "principle", "document"):
        assert stats.by_kind.get(kind), kind
    assert stats.by_kind["person"] == 4 and stats.by_kind["document"] == 2
    files = [p for p in site[0].rglob("*") if p.is_file()]
    assert len(files) == stats.files
    assert all(re.fullmatch(r"[a-z0-9.-]+", p.name) for p in files)


def test_statute_page_lists_people_parts_sentences_courts(site: tuple[Path, SiteStats]) -> None:
    text = text_of(read(site, REF + "law/ru-cc/338", "statute"))
    assert "Desertion" in text and "Дезертирство" in text
    assert "Charged under this provision (1)" in text
    row = text.split("Charged under this provision (1)")[1]
    assert "Mikhail Zhilin" in row and "Article 338 part 3" in row
    assert "6 y 6 m" in row and "Barnaul Garrison Military Court" in row
    assert "charged under Article 322 part 1 and Article 338 part 3" in row


def test_principle_page_lists_invocations_and_articles(site: tuple[Path, SiteStats]) -> None:
    text = text_of(read(site, REF + "principle/freedom_of_expression", "principle"))
    stated = text.split("Stated in")[1].split("Invoked")[0]
    assert "ECHR Article 10" in stated and "ICCPR Article 19" in stated
    invoked = text.split("Invoked (1)")[1]
    assert '"</script><script>alert(1)</script>' in invoked
    assert "Case of the two authors" in invoked


def test_person_page_timeline_and_quotes_link_to_highlighted_spans(
        site: tuple[Path, SiteStats]) -> None:
    html = read(site, ZHILIN, "person")
    text = text_of(html)
    timeline = text.split("Timeline")[1].split("Properties")[0]
    assert timeline.index("2022-12-29") < timeline.index("2023-03-20")
    assert "Kazakhstan" in timeline and "Russia" in timeline
    assert "Жилин Михаил Алексеевич" in text
    targets = re.findall(r'href="\.\./(document/[a-z0-9-]+\.html)#(q-[0-9a-f]{12})"', html)
    assert targets
    for path, frag in targets:
        doc = (site[0] / path).read_text(encoding="utf-8")
        assert f'id="{frag}"' in doc


def test_document_page_marks_every_span_and_escapes_text(site: tuple[Path, SiteStats]) -> None:
    html = read(site, D1, "document")
    quote = ID + "doc/d1/quote/3"
    mark = re.search(rf'<mark id="{anchor(quote)}">(.*?)</mark>', html, re.S)
    assert mark is not None
    assert mark.group(1).startswith("the Barnaul Garrison Military Court sentenced him")
    assert len(re.findall(r'id="q-[0-9a-f]{12}"', html)) == 7
    doc2 = read(site, ID + "doc/d2", "document")
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc2 and "<img" not in doc2
    assert "Two authors &lt;i&gt;prosecuted&lt;/i&gt;" in doc2


def test_injection_names_are_text_everywhere(site: tuple[Path, SiteStats]) -> None:
    for path in site[0].rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<img src=x" not in html, path
        assert "<script>alert" not in html, path
        assert "<b>bold</b>" not in html, path
    assert "&lt;img src=x onerror=alert(1)&gt;" in read(site, IMG, "person")


def test_no_external_resources_and_strict_csp(site: tuple[Path, SiteStats]) -> None:
    for path in site[0].rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                                 html).group(1))
        assert csp.startswith("default-src 'none'") and "unsafe" not in csp
        for _tag, url in re.findall(r'<(script|link|img|iframe)[^>]*?(?:src|href)="([^"]*)"',
                                   html):
            assert url == "data:," or not re.match(r"[a-z]+:|//", url), (path, url)
        for url in re.findall(r'href="([^"]*)"', html):
            assert not url.startswith("/") and ".." not in url.replace("../", "", 1), url


def test_search_index_holds_names_aliases_statutes(site: tuple[Path, SiteStats]) -> None:
    html = (site[0] / "index.html").read_text(encoding="utf-8")
    payload = re.search(r'<script type="application/json" id="rkg-index">(.*?)</script>',
                        html, re.S).group(1)
    assert "<" not in payload
    entries = json.loads(payload)
    by_name = {e["n"]: e for e in entries}
    assert "Жилин Михаил Алексеевич" in by_name["Mikhail Zhilin"]["a"]
    assert "205.2" in by_name["Public calls to terrorism or its justification"]["a"]
    assert "Мемориал" in by_name["Memorial"]["a"]
    assert '"</script><script>alert(1)</script>' in by_name
    assert all((site[0] / e["p"]).is_file() for e in entries)


def test_same_store_same_bytes_and_safe_replacement(site_store: Path, tmp_path: Path) -> None:
    store = open_store(site_store, read_only=True)
    out = tmp_path / "out"
    write_site(store, out)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_site(store, out)
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("not a site")
    with pytest.raises(SiteError, match="not a site written by rkg"):
        write_site(store, foreign)
    assert (foreign / "keep.txt").read_text() == "not a site"


def test_forked_renderers_write_the_same_site(site_store: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from repression_kg.site import build

    store = open_store(site_store, read_only=True)
    write_site(store, tmp_path / "one", jobs=1)
    monkeypatch.setattr(build, "PARALLEL_MIN_PAGES", 0)
    stats = write_site(store, tmp_path / "two", jobs=2)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*")
           if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*")
           if p.is_file()}
    assert one == two and stats.pages == 41


def test_path_traversal_iri_stays_inside(tmp_path: Path) -> None:
    path = page_path(ID + "person/../../../etc/passwd", "person")
    assert path.startswith("person/") and ".." not in path and path.count("/") == 1
    assert page_path(ID + "a", "person") != page_path(ID + "A", "person")


def test_cli_site(site_store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(root, ["site", "--store", str(site_store), "--out",
                                       str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "41 pages" in result.output and (tmp_path / "s" / "index.html").is_file()
    missing = CliRunner().invoke(root, ["site", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no store here" in missing.output


def test_long_kind_listings_are_paged(site_store: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from repression_kg.site import build

    monkeypatch.setattr(build, "LISTING_PAGE", 4)
    write_site(open_store(site_store, read_only=True), tmp_path / "s")
    statute = sorted(p.name for p in (tmp_path / "s" / "statute").glob("index*.html"))
    assert statute == ["index-2.html", "index-3.html", "index.html"]  # 11 statutes
    first = (tmp_path / "s" / "statute" / "index.html").read_text(encoding="utf-8")
    assert "(11)" in first and 'href="index-3.html"' in first
    assert len(re.findall(r'<li><a href="law-', first)) == 4
