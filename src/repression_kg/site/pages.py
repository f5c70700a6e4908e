"""The typed context of one entity page: what the template may show, and nothing else.

:func:`build_page` turns a node of a :class:`GraphIndex` into an :class:`EntityPage`
holding its names, classes, literal properties, outgoing and incoming links, and for every
row the documents and quotes that state it. Kind-specific sections (statute, principle,
person timeline, document text) are added by :mod:`repression_kg.site.sections`.
Links are produced by a :class:`Links` object, so the same page works as a static file
(relative links) and from the server (absolute paths).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from repression_kg.site.model import (
    OA,
    PROV,
    RDF_TYPE,
    RKG,
    GraphIndex,
    Lit,
    Quote,
    Term,
    local_name,
)
from repression_kg.site.naming import KIND_TITLES, kind_of

#: Incoming links shown per property on one page; the rest are counted, not listed.
MAX_INCOMING = 1000
HIDDEN_OUTGOING = {RKG + "evidence", RKG + "text", RDF_TYPE} | {OA + "hasTarget"}
GENERIC_CLASSES = {RKG + "Fact", PROV + "Entity", "http://www.w3.org/2004/02/skos/core#Concept"}
#: Arcs from a fact to the things it is mainly about, used to name the fact.
FACT_FOCUS = tuple(RKG + p for p in (
    "accused", "sentenced", "participant", "designated", "recognised", "invokes", "concerns",
    "subject", "object", "cites", "recognisedBy", "designatedBy", "court", "fromCountry",
    "toCountry"))


class Links(Protocol):
    """Where a link to an entity, a document span or the index points from this page."""

    def entity(self, iri: str) -> str | None: ...

    def quote(self, quote: Quote) -> str | None: ...

    def home(self) -> str: ...

    def asset(self, name: str) -> str: ...


@dataclass(frozen=True)
class Ref:
    iri: str
    label: str
    href: str | None
    kind: str = ""


@dataclass(frozen=True)
class QuoteRef:
    text: str
    href: str | None
    doc: Ref


@dataclass
class Row:
    """One fact shown on the page: a property and its value, with where it comes from."""

    predicate: Ref
    value: Ref | None = None
    literal: str = ""
    note: str = ""
    sources: list[Ref] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)


@dataclass
class Group:
    predicate: Ref
    rows: list[Row]
    total: int


@dataclass
class EntityPage:
    iri: str
    kind: str
    kind_title: str
    label: str
    aliases: list[str]
    classes: list[Ref]
    properties: list[Row]
    outgoing: list[Row]
    incoming: list[Group]
    quotes: list[QuoteRef]
    sources: list[Ref]
    sections: dict[str, object] = field(default_factory=dict)


def anchor(quote_iri: str) -> str:
    """The HTML id of a quote's highlight on its document page."""
    return "q-" + hashlib.sha256(quote_iri.encode("utf-8")).hexdigest()[:12]


def class_label(index: GraphIndex, iri: str) -> str:
    """The ontology's label of a class, else its local name in words ("Open letter")."""
    label = index.vocab_labels.get(iri)
    if label:
        return label
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name(iri))
    return words[:1].upper() + words[1:].lower()


def main_class(index: GraphIndex, iri: str) -> str | None:
    types = sorted(index.types.get(iri, set()) - GENERIC_CLASSES)
    return types[0] if types else None


def display_label(index: GraphIndex, iri: str, exclude: str | None = None) -> str:
    """A name for any node: its label, or for an unnamed fact its class, what it is about
    (leaving out ``exclude``, the page it is shown on) and its date."""
    key = (iri, exclude)
    if key not in index.memo:
        index.memo[key] = _display_label(index, iri, exclude)
    return index.memo[key]


def _display_label(index: GraphIndex, iri: str, exclude: str | None) -> str:
    if index.labels(iri):
        return index.label(iri)
    cls = main_class(index, iri)
    if cls is None:
        return index.label(iri)
    focus: list[str] = []
    for predicate in FACT_FOCUS:
        for value in index.values(iri, predicate):
            if isinstance(value, str) and value != exclude and value not in focus:
                focus.append(value)
    text = class_label(index, cls)
    if focus:
        text += ": " + ", ".join(index.label(v) for v in focus[:2])
        if len(focus) > 2:
            text += f" (+{len(focus) - 2})"
    date = index.first(iri, RKG + "date")
    if isinstance(date, Lit):
        text += f" ({date.value})"
    return text


def ref(index: GraphIndex, links: Links, iri: str, exclude: str | None = None) -> Ref:
    kind = kind_of(index, iri) or ""
    return Ref(iri, display_label(index, iri, exclude), links.entity(iri) if kind else None,
               kind)


def quote_refs(index: GraphIndex, links: Links, quotes: list[Quote]) -> list[QuoteRef]:
    return [QuoteRef(q.exact or "(span)", links.quote(q), ref(index, links, q.doc))
            for q in quotes]


def literal_text(value: Lit) -> tuple[str, str]:
    """The value and a short note (language or datatype) to show beside it."""
    if value.lang:
        return value.value, value.lang
    if value.datatype and not value.datatype.endswith("#string"):
        return value.value, local_name(value.datatype)
    return value.value, ""


def _sources(index: GraphIndex, links: Links, graphs: set[str], page: str) -> list[Ref]:
    """The documents among ``graphs`` (not the page's own document)."""
    return [ref(index, links, g) for g in sorted(graphs)
            if g and g != page and kind_of(index, g) == "document"]


def build_page(index: GraphIndex, iri: str, links: Links) -> EntityPage:
    """The page of ``iri`` (which must have a kind, see :func:`kind_of`)."""
    kind = kind_of(index, iri) or "entity"
    own_quotes = quote_refs(index, links, index.evidence(iri))
    properties: list[Row] = []
    outgoing: list[Row] = []
    merged: dict[tuple[str, Term], set[str]] = defaultdict(set)
    for p, o, g in index.out.get(iri, ()):
        if p not in HIDDEN_OUTGOING:
            merged[(p, o)].add(g)
    sources = sorted((set(index.sources(iri)) | {q.doc for q in index.evidence(iri)}) - {iri})
    several = len(sources) > 1  # name the source per row only when there is a choice
    for (p, o), graphs in sorted(merged.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        row = Row(ref(index, links, p),
                  sources=_sources(index, links, graphs, iri) if several else [])
        if isinstance(o, Lit):
            row.literal, row.note = literal_text(o)
            properties.append(row)
        else:
            row.value = ref(index, links, o)
            outgoing.append(row)
    incoming: list[Group] = []
    by_predicate: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for p, s, g in index.inc.get(iri, ()):
        if p not in (RDF_TYPE, OA + "hasSource") and kind_of(index, s):
            by_predicate[p][s].add(g)
    for p in sorted(by_predicate):
        subjects = by_predicate[p]
        rows = [Row(ref(index, links, p), value=ref(index, links, s, exclude=iri),
                    sources=_sources(index, links, graphs, iri),
                    quotes=quote_refs(index, links, index.evidence(s)))
                for s, graphs in sorted(subjects.items())[:MAX_INCOMING]]
        rows.sort(key=lambda r: (r.value.label.casefold() if r.value else "", r.value.iri
                                 if r.value else ""))
        incoming.append(Group(ref(index, links, p), rows, len(subjects)))
    classes = [ref(index, links, c) for c in sorted(index.types.get(iri, set()))]
    return EntityPage(
        iri=iri, kind=kind, kind_title=KIND_TITLES.get(kind, kind), label=display_label(index, iri),
        aliases=index.aliases(iri), classes=classes, properties=properties, outgoing=outgoing,
        incoming=incoming, quotes=own_quotes,
        sources=[ref(index, links, d) for d in sorted(sources)])
