"""The site in a real headless chromium, from file://: search, no requests, nothing runs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from repression_kg.site import SiteStats
from repression_kg.site.naming import page_path
from repression_kg.site.pages import anchor

browser_mod = pytest.importorskip("browser")
pytestmark = pytest.mark.slow

ID = "https://w3id.org/repression-kg/id/"


@pytest.fixture(scope="module")
def chromium():
    yield from browser_mod.browser_or_skip()


def url(site: tuple[Path, SiteStats], rel: str) -> str:
    return (site[0] / rel).as_uri()


def only_local(page, site: tuple[Path, SiteStats]) -> None:
    root = site[0].as_uri()
    assert page.requests and all(r.startswith(root) for r in page.requests), page.requests


def test_search_finds_cyrillic_alias_and_makes_no_request(chromium, site) -> None:
    page = chromium.open(url(site, "index.html") + "?q=" + quote("жилин михаил"))
    page.wait_for("document.querySelectorAll('#results li').length > 0", what="results")
    names = page.evaluate("[...document.querySelectorAll('#results li a')].map(a => a.textContent)")
    assert names == ["Mikhail Zhilin"]
    page.evaluate("""(() => { const q = document.getElementById('q');
        q.value = 'ДЕЗЕРТИРСТВО'; q.dispatchEvent(new Event('input')); })()""")
    names = page.evaluate("[...document.querySelectorAll('#results li a')].map(a => a.textContent)")
    assert names == ["Desertion"]
    page.evaluate("""(() => { const q = document.getElementById('q');
        q.value = 'alert'; q.dispatchEvent(new Event('input')); })()""")
    names = page.evaluate("[...document.querySelectorAll('#results li a')].map(a => a.textContent)")
    assert set(names) == {"<img src=x onerror=alert(1)>", '"</script><script>alert(1)</script>'}
    assert page.evaluate("document.querySelectorAll('#results img, #results script').length") == 0
    href = page.evaluate("document.querySelector('#results li a').getAttribute('href')")
    assert href.startswith("person/")
    page.settle(0.3)
    assert page.dialogs == []
    only_local(page, site)


@pytest.mark.parametrize("iri", [ID + "person/img-9f9f9f9f", ID + "person/script-8e8e8e8e",
                                 ID + "doc/d2"])
def test_injection_pages_show_text_and_run_nothing(chromium, site, iri) -> None:
    kind = "document" if "/doc/" in iri else "person"
    page = chromium.open(url(site, page_path(iri, kind)))
    page.settle(0.3)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('main img, main script, main b').length") == 0
    heading = page.evaluate("document.querySelector('h1').textContent")
    assert "alert(1)" in heading or heading == "Two authors <i>prosecuted</i>"
    only_local(page, site)


def test_document_page_highlights_the_span(chromium, site, tmp_path: Path) -> None:
    target = anchor(ID + "doc/d1/quote/3")
    page = chromium.open(url(site, page_path(ID + "doc/d1", "document")) + "#" + target)
    mark = page.evaluate(f"""(() => {{ const m = document.getElementById('{target}');
        return [m.tagName, m.textContent, m.matches(':target'),
                getComputedStyle(m).backgroundColor]; }})()""")
    assert mark[0] == "MARK"
    assert mark[1].startswith("the Barnaul Garrison Military Court sentenced")
    assert mark[2] is True and mark[3] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("getComputedStyle(document.body).fontFamily")  # stylesheet loaded
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.screenshot(tmp_path / "doc.png").stat().st_size > 1000
    only_local(page, site)
