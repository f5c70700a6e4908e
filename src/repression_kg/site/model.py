"""An in-memory index of (part of) the graph, shaped for building entity pages.

The site loads the whole graph with a few bulk SPARQL queries (:mod:`repression_kg.site.load`);
the server loads one entity's neighbourhood. Both fill the same :class:`GraphIndex`, so one
page builder serves both. Terms are plain Python values: an IRI is a ``str``, a blank node
a ``str`` starting with ``_:``, a literal a :class:`Lit`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RKG = "https://w3id.org/repression-kg/ontology#"
REF = "https://w3id.org/repression-kg/ref/"
ID = "https://w3id.org/repression-kg/id/"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ONTOLOGY_GRAPH = REF + "graph/ontology"

#: Predicates whose values name a thing, best first.
LABEL_PREDICATES = (RDFS + "label", SKOS + "prefLabel", RKG + "name", DCT + "title")
#: Predicates that carry the plumbing of provenance, not facts worth a row of their own.
QUOTE_PARTS = {OA + "hasTarget", OA + "hasSource", OA + "hasSelector", OA + "start",
               OA + "end", OA + "exact", OA + "prefix", OA + "suffix"}
#: Nodes of these classes are provenance plumbing: they never get a page.
PLUMBING_CLASSES = {OA + "Annotation", OA + "TextPositionSelector", OA + "TextQuoteSelector",
                    OA + "SpecificResource"}


class Lit(NamedTuple):
    """An RDF literal: lexical value, language tag (or ""), datatype IRI (or "")."""

    value: str
    lang: str = ""
    datatype: str = ""


Term = str | Lit


@dataclass(frozen=True)
class Quote:
    """A span of a document that states a fact (a Web Annotation)."""

    iri: str
    doc: str
    exact: str
    start: int | None
    end: int | None


@dataclass
class GraphIndex:
    """Outgoing and incoming arcs of every node, with the graph each arc came from."""

    out: dict[str, list[tuple[str, Term, str]]] = field(default_factory=lambda: defaultdict(list))
    inc: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    vocab_labels: dict[str, str] = field(default_factory=dict)
    #: True when a loader stopped at its budget: pages built from it may miss rows.
    incomplete: bool = False
    #: Memo of derived names (filled by the page builder; cleared when arcs are added).
    memo: dict[tuple[str, str | None], str] = field(default_factory=dict)
    _quotes: dict[str, Quote] | None = None
    _by_doc: dict[str, list[Quote]] | None = None

    def add(self, s: str, p: str, o: Term, g: str) -> None:
        """Add one quad (``g`` is "" for the default graph)."""
        self.out[s].append((p, o, g))
        if isinstance(o, str):
            self.inc[o].append((p, s, g))
            if p == RDF_TYPE:
                self.types[s].add(o)
        self._quotes = None
        self._by_doc = None
        if self.memo:
            self.memo.clear()

    # -- names -----------------------------------------------------------------------------

    def labels(self, iri: str) -> list[Lit]:
        """Every label of a node (all label predicates, all languages), deduplicated."""
        seen: dict[Lit, None] = {}
        for p, o, _ in self.out.get(iri, ()):
            if p in LABEL_PREDICATES and isinstance(o, Lit):
                seen.setdefault(o)
        return list(seen)

    def label(self, iri: str) -> str:
        """The best single name: an English or untagged label first, else the IRI's tail."""
        best: tuple[int, int, str] | None = None
        for p, o, _ in self.out.get(iri, ()):
            if p in LABEL_PREDICATES and isinstance(o, Lit):
                key = (0 if o.lang in ("", "en") else 1, LABEL_PREDICATES.index(p), o.value)
                if best is None or key < best:
                    best = key
        if best is not None:
            return best[2]
        return self.vocab_labels.get(iri) or local_name(iri)

    def aliases(self, iri: str) -> list[str]:
        """Alternative names (aliases, other-language labels) besides :meth:`label`."""
        main = self.label(iri)
        names = [lit.value for lit in self.labels(iri)]
        names += [o.value for p, o, _ in self.out.get(iri, ())
                  if p in (RKG + "alias", SKOS + "altLabel") and isinstance(o, Lit)]
        return sorted({n for n in names if n != main})

    def term_label(self, term: Term) -> str:
        return term.value if isinstance(term, Lit) else self.label(term)

    # -- values ----------------------------------------------------------------------------

    def values(self, iri: str, predicate: str) -> list[Term]:
        return [o for p, o, _ in self.out.get(iri, ()) if p == predicate]

    def first(self, iri: str, predicate: str) -> Term | None:
        for p, o, _ in self.out.get(iri, ()):
            if p == predicate:
                return o
        return None

    def subjects(self, predicate: str, obj: str) -> list[str]:
        return sorted({s for p, s, _ in self.inc.get(obj, ()) if p == predicate})

    def is_a(self, iri: str, *classes: str) -> bool:
        return bool(self.types.get(iri, set()).intersection(classes))

    # -- provenance ------------------------------------------------------------------------

    @property
    def quotes(self) -> dict[str, Quote]:
        """Every annotation whose target names a source document."""
        if self._quotes is None:
            self._quotes = {}
            for target, arcs in list(self.inc.items()):
                for p, annotation, _ in arcs:
                    if p == OA + "hasTarget":
                        quote = self._quote(annotation, target)
                        if quote is not None:
                            self._quotes[annotation] = quote
        return self._quotes

    def quotes_in(self, doc: str) -> list[Quote]:
        """The quotes whose source is ``doc``."""
        if self._by_doc is None:
            self._by_doc = defaultdict(list)
            for quote in self.quotes.values():
                self._by_doc[quote.doc].append(quote)
        return sorted(self._by_doc.get(doc, ()), key=lambda q: q.iri)

    def _quote(self, annotation: str, target: str) -> Quote | None:
        doc = self.first(target, OA + "hasSource")
        if not isinstance(doc, str):
            return None
        exact, start, end = "", None, None
        for selector in self.values(target, OA + "hasSelector"):
            if not isinstance(selector, str):
                continue
            for p, o, _ in self.out.get(selector, ()):
                if not isinstance(o, Lit):
                    continue
                if p == OA + "exact":
                    exact = o.value
                elif p == OA + "start" and o.value.isdigit():
                    start = int(o.value)
                elif p == OA + "end" and o.value.isdigit():
                    end = int(o.value)
        if start is not None and (end is None or end < start):
            start = end = None
        return Quote(annotation, doc, exact, start, end)

    def evidence(self, iri: str) -> list[Quote]:
        """The quotes that state the facts recorded on ``iri`` (its ``rkg:evidence``)."""
        quotes = self.quotes
        found = [quotes[o] for o in self.values(iri, RKG + "evidence") if o in quotes]
        return sorted(set(found), key=lambda q: (q.doc, q.start or 0, q.iri))

    def sources(self, iri: str) -> list[str]:
        """Documents a node was derived from, or whose named graph holds facts about it."""
        docs = {o for o in self.values(iri, PROV + "wasDerivedFrom") if isinstance(o, str)}
        docs |= {g for _, _, g in self.out.get(iri, ()) if self.is_a(g, RKG + "Document")}
        return sorted(docs)


def local_name(iri: str) -> str:
    """The readable tail of an IRI: after '#', else the last path segment(s)."""
    if "#" in iri:
        return iri.rsplit("#", 1)[1] or iri
    for base in (REF, ID):
        if iri.startswith(base):
            return iri[len(base):]
    return iri.rstrip("/").rsplit("/", 1)[-1] or iri
