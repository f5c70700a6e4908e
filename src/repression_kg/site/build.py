"""Write the static entity browser: one page per entity, an index with search, assets.

The site is written to a fresh folder beside the target and swapped in at the end, so an
interrupted build never leaves half a site; an existing target is replaced only when it
carries our marker file (we never delete a folder we did not write).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from repression_kg.site.load import iter_texts, load_all
from repression_kg.site.model import RKG, SKOS, GraphIndex, Lit
from repression_kg.site.naming import KIND_TITLES, kind_of, page_path
from repression_kg.site.pages import Ref, build_page, display_label
from repression_kg.site.render import SiteLinks, asset, render_entity, render_index, render_kind
from repression_kg.site.sections import add_sections

MARKER = ".rkg-site"
ASSETS = ("site.css",)
#: Kinds the index search covers (facts and vocabularies are reached by links instead).
SEARCHABLE = ("person", "organisation", "statute", "court", "place", "principle", "case",
              "document")
EXTRA_NAMES = (RKG + "articleNumber", SKOS + "notation")
#: Entries per listing page of a kind (index.html, index-2.html, …).
LISTING_PAGE = 5000
#: Pages between two progress lines.
PROGRESS_EVERY = 10_000
#: Below this many pages, forking renderers costs more than it saves.
PARALLEL_MIN_PAGES = 2000


class SiteError(Exception):
    """The site cannot be written where asked."""


@dataclass(frozen=True)
class SiteStats:
    pages: int
    files: int
    bytes: int
    seconds: float
    by_kind: dict[str, int]


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def listing_name(number: int) -> str:
    """File name of the ``number``-th (0-based) listing page of a kind."""
    return "index.html" if number == 0 else f"index-{number + 1}.html"


def search_entries(index: GraphIndex, paths: dict[str, str], kinds: dict[str, str]
                   ) -> list[dict[str, object]]:
    """One entry per searchable page: name, other names, kind, path."""
    entries: list[dict[str, object]] = []
    for iri, path in paths.items():
        if kinds[iri] not in SEARCHABLE:
            continue
        names = index.aliases(iri) + [o.value for p in EXTRA_NAMES for o in index.values(iri, p)
                                      if isinstance(o, Lit)]
        entries.append({"n": display_label(index, iri), "a": sorted(set(names)), "k": kinds[iri],
                        "p": path})
    entries.sort(key=lambda e: (str(e["n"]).casefold(), str(e["p"])))
    return entries


def write_site(store: ox.Store, out: Path, *, jobs: int | None = None,
               progress: Callable[[str], None] | None = None) -> SiteStats:
    """Generate the site for everything in ``store`` into the folder ``out``.

    With ``jobs`` > 1, pages are rendered by that many forked processes when there are
    more than 2,000 (each child may come to hold its own copy of the graph index, so
    memory grows with ``jobs``). ``progress`` receives a line now and then."""
    started = time.perf_counter()
    out = Path(out)
    if out.exists() and not (out / MARKER).is_file() and (not out.is_dir() or any(out.iterdir())):
        raise SiteError(f"{out}: exists and is not a site written by rkg; choose an empty folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.tmp-"))
    try:
        stats = _generate(store, work, started, max(1, jobs or 1), progress or _quiet)
        _swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return stats


def _quiet(message: str) -> None:
    return None


def _generate(store: ox.Store, root: Path, started: float, jobs: int,
              progress: Callable[[str], None]) -> SiteStats:
    index = load_all(store)
    kinds = {iri: kind for iri in list(index.types) if (kind := kind_of(index, iri))}
    paths = {iri: page_path(iri, kind) for iri, kind in kinds.items()}
    arcs = sum(len(v) for v in index.out.values())
    progress(f"read {arcs:,} arcs in {time.perf_counter() - started:.1f} s; "
             f"writing {len(paths):,} pages")
    for kind in sorted(set(kinds.values())):
        (root / kind).mkdir()
    texts = dict(iter_texts(store))
    _STATE.update(index=index, kinds=kinds, paths=paths, texts=texts, root=root,
                  progress=progress if jobs == 1 else _quiet, started=started)
    iris = sorted(paths)
    try:
        if jobs > 1 and len(iris) >= PARALLEL_MIN_PAGES and "fork" in mp.get_all_start_methods():
            chunks = [iris[i::jobs * 4] for i in range(jobs * 4)]
            with mp.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_render_pages, chunks)
        else:
            parts = [_render_pages(iris)]
    finally:
        _STATE.clear()
    total = sum(size for size, _ in parts)
    by_kind: dict[str, list[Ref]] = defaultdict(list)
    for _, refs in parts:
        for ref in refs:
            by_kind[ref.kind].append(ref)
    links = SiteLinks(paths)
    for kind, refs in by_kind.items():
        refs.sort(key=lambda r: (r.label.casefold(), r.iri))
        local = [Ref(r.iri, r.label, r.href.split("/", 1)[1] if r.href else None, r.kind)
                 for r in refs]
        pages = [local[i:i + LISTING_PAGE] for i in range(0, len(local), LISTING_PAGE)] or [[]]
        names = [listing_name(n) for n in range(len(pages))]
        for number, entries in enumerate(pages):
            nav = [{"href": name, "label": str(n + 1), "current": n == number}
                   for n, name in enumerate(names)] if len(pages) > 1 else []
            total += _write(root / kind / names[number],
                            render_kind(KIND_TITLES.get(kind, kind), entries, links,
                                        total=len(local), pages=nav))
    (root / "assets").mkdir()
    for name in ASSETS:
        total += _write(root / "assets" / name, asset(name))
    home = SiteLinks(paths, prefix="")
    listing = [{"title": KIND_TITLES.get(k, k), "href": f"{k}/index.html", "count": len(v)}
               for k, v in sorted(by_kind.items())]
    total += _write(root / "index.html", render_index(search_entries(index, paths, kinds),
                                                      listing, home))
    (root / MARKER).write_text("written by rkg site; safe to delete and regenerate\n")
    files = sum(len(f) for _, _, f in os.walk(root))
    return SiteStats(pages=len(paths), files=files, bytes=total,
                     seconds=time.perf_counter() - started,
                     by_kind={k: len(v) for k, v in sorted(by_kind.items())})


#: What the page renderers share; set before forking so workers inherit it unpickled.
_STATE: dict[str, Any] = {}


def _render_pages(iris: list[str]) -> tuple[int, list[Ref]]:
    index: GraphIndex = _STATE["index"]
    kinds, paths, texts, root = (_STATE["kinds"], _STATE["paths"], _STATE["texts"],
                                 _STATE["root"])
    links = SiteLinks(paths)
    progress, started = _STATE["progress"], _STATE["started"]
    total, refs = 0, []
    for done, iri in enumerate(iris, 1):
        if done % PROGRESS_EVERY == 0:
            progress(f"{done:,} of {len(iris):,} pages ({time.perf_counter() - started:.0f} s)")
        page = build_page(index, iri, links)
        add_sections(page, index, links, texts.get(iri))
        total += _write(root / paths[iri], render_entity(page, links))
        refs.append(Ref(iri, page.label, paths[iri], kinds[iri]))
    return total, refs


def _swap(work: Path, out: Path) -> None:
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
        os.replace(work, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, out)
