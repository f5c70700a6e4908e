"""Render pages with Jinja2 (autoescape on, undefined names are errors).

Pages carry a strict Content-Security-Policy: nothing may load but the site's own
stylesheet, and the index's one inline script is allowed by its hash. Data reaches the
search script as JSON inside ``<script type="application/json">`` (``<``, ``>``, ``&``
escaped), read with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from repression_kg import __version__
from repression_kg.site.model import Quote
from repression_kg.site.pages import EntityPage, QuoteRef, Ref, anchor

TEMPLATES = Path(__file__).resolve().parent / "templates"
BASE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
            "base-uri 'none'; form-action 'none'; connect-src 'none'")


@lru_cache(maxsize=100_000)
def link_html(ref: Ref) -> Markup:
    """``<a>`` to an entity's page (or a titled ``<span>`` when it has none); escaped."""
    label = escape(ref.label)
    if ref.href:
        kind = f' class="k-{escape(ref.kind)}"' if ref.kind else ""
        return Markup(f'<a href="{escape(ref.href)}"{kind}>{label}</a>')
    return Markup(f'<span title="{escape(ref.iri)}">{label}</span>')


def quotes_html(quotes: list[QuoteRef]) -> Markup:
    """Each quote as a blockquote linking to its highlighted span; escaped."""
    out = []
    for q in quotes:
        text = f"“{escape(q.text)}”"
        if q.href:
            text = f'<a href="{escape(q.href)}">{text}</a>'
        out.append(f'<blockquote class="quote">{text} <cite>— {link_html(q.doc)}</cite>'
                   "</blockquote>")
    return Markup("".join(out))


def sources_html(refs: list[Ref]) -> Markup:
    if not refs:
        return Markup("")
    return Markup('<span class="src">from ' + ", ".join(link_html(r) for r in refs) + "</span>")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters.update(link=link_html, quotes=quotes_html, sources=sources_html)
    return env


def asset(name: str) -> str:
    """The text of a static asset shipped with the templates (site.css, search.js, …)."""
    if "/" in name or name.startswith("."):
        raise ValueError(f"not an asset name: {name!r}")
    return (TEMPLATES / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def json_for_script(value: object) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass(frozen=True)
class SiteLinks:
    """Relative links for a static site: every page sits one folder below the root."""

    paths: dict[str, str]
    prefix: str = "../"

    def entity(self, iri: str) -> str | None:
        path = self.paths.get(iri)
        return self.prefix + path if path else None

    def quote(self, quote: Quote) -> str | None:
        path = self.paths.get(quote.doc)
        return f"{self.prefix}{path}#{anchor(quote.iri)}" if path else None

    def home(self) -> str:
        return self.prefix + "index.html"

    def asset(self, name: str) -> str:
        return f"{self.prefix}assets/{name}"

    def kind_index(self, kind: str) -> str:
        return f"{self.prefix}{kind}/index.html"


def render_entity(page: EntityPage, links: object, *, csp: str = BASE_CSP) -> str:
    return environment().get_template("entity.html.j2").render(
        page=page, links=links, csp=csp, title=page.label, version=__version__)


def render_kind(title: str, entries: list[Ref], links: object, *, total: int | None = None,
                pages: list[dict[str, object]] | None = None) -> str:
    return environment().get_template("kind.html.j2").render(
        title=title, entries=entries, links=links, csp=BASE_CSP, version=__version__,
        total=len(entries) if total is None else total, pages=pages or [])


def render_index(entries: list[dict[str, object]], kinds: list[dict[str, object]],
                 links: object) -> str:
    search_js = asset("search.js")
    if "</script" in search_js.lower():
        raise ValueError("search.js must not contain '</script'")
    csp = BASE_CSP + f"; script-src {csp_hash(search_js)}"
    return environment().get_template("index.html.j2").render(
        index_json=json_for_script(entries), search_js=search_js, kinds=kinds, links=links,
        csp=csp, title="Entity browser", version=__version__)
