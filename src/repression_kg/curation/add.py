"""Additions: the facts a maintainer adds, as quads of ``id:graph/curated``.

An added fact has the shape of an extracted one (so queries find it beside them and the
SHACL gate checks it the same way) and curated provenance: ``rkg:method
ref:method/curated``, ``prov:wasGeneratedBy`` the correction, ``prov:wasAttributedTo``
the curator, ``prov:wasDerivedFrom`` the corrections (and the source document or URL
when the entry names one). Its ``rkg:evidence`` annotation quotes the source when the
entry gives a quote (with the character span when the quote is found in the document's
text), else the curator's reason, with the correction itself as the annotated resource.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import NamedNode, Quad

from repression_kg import ids
from repression_kg.curation.model import Correction
from repression_kg.extract.russian import is_cyrillic
from repression_kg.lookups import load as load_lookup
from repression_kg.rdf.terms import (
    EVENT_CLASSES,
    RDF_TYPE,
    RELATION_PROPERTIES,
    concept,
    integer,
    oa,
    partial_date,
    prov,
    rkg,
    string,
)
from repression_kg.resolve import PersonResolver


class Unresolved(Exception):
    """An addition names a person, provision or document that this build does not have."""


@dataclass
class Context:
    """What additions are checked against: this build's people, texts and reference data."""

    resolver: PersonResolver
    base: str
    texts: dict[str, str] = field(default_factory=dict)  # document id → text
    known: Callable[[str], bool] = lambda iri: True  # is this IRI a reference entity?
    warnings: list[str] = field(default_factory=list)


def addition_quads(entry: Correction, ctx: Context) -> list[Quad]:
    """The quads ``entry`` adds to the curated graph; :class:`Unresolved` says what is missing."""
    return _Addition(entry, ctx).run()


def gazetteer_place(name: str) -> str:
    """``ref:place/<key>`` of a gazetteer place named by its key, name or a surface form."""
    wanted = " ".join(name.split()).casefold()
    for section in load_lookup("places").values():
        for key, entry in (section or {}).items():
            names = [key, entry.get("name", ""), entry.get("ru", ""), *entry.get("forms", [])]
            if wanted in {str(n).casefold() for n in names} or wanted.replace(" ", "_") == key:
                return ids.place_iri(key)
    raise Unresolved(f"{name!r} is not a place of the gazetteer (ontology/lookups/places.yml)")


class _Addition:
    def __init__(self, entry: Correction, ctx: Context) -> None:
        self.entry, self.ctx = entry, ctx
        self.graph = NamedNode(ids.graph_iri("curated", base=ctx.base))
        self.corr = entry.iri(ctx.base)
        self.out: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: Any) -> None:
        self.out.append(Quad(s, p, o, self.graph))

    def named(self, name: str) -> NamedNode:
        found = self.ctx.resolver.by_name(name)
        if not found:
            raise Unresolved(f"no person is named {name!r} in the documents built")
        if len(found) > 1:
            raise Unresolved(f"{name!r} names {len(found)} different people; give the IRI of one")
        return NamedNode(found[0])

    def run(self) -> list[Quad]:
        target = self.entry.target
        kind = next(k for k in ("charge", "sentence", "event", "relation", "person") if k in target)
        getattr(self, kind)(target[kind])
        return sorted(set(self.out), key=str)

    # --- provenance -------------------------------------------------------------------
    def fact(self, cls: str) -> NamedNode:
        node = NamedNode(ids.curated_iri(self.corr, "fact"))
        self.add(node, RDF_TYPE, rkg(cls))
        self.add(node, rkg("method"), concept("method", "curated"))
        self.add(node, prov("wasGeneratedBy"), NamedNode(self.corr))
        self.add(node, prov("wasAttributedTo"), NamedNode(ids.curator_iri(self.entry.who,
                                                                          base=self.ctx.base)))
        self.add(node, prov("wasDerivedFrom"), self.graph)
        source = self.entry.target.get("source", {})
        origin = NamedNode(source["url"]) if "url" in source else \
            NamedNode(ids.doc_iri(source["document"], base=self.ctx.base)) if source else None
        if origin is not None:
            self.add(node, prov("wasDerivedFrom"), origin)
        self.add(node, rkg("evidence"), self.evidence(origin, source.get("quote")))
        return node

    def evidence(self, origin: NamedNode | None, quote: str | None) -> NamedNode:
        iri = ids.curated_iri(self.corr, "quote")
        node, target, exact = NamedNode(iri), NamedNode(iri + "#target"), NamedNode(iri + "#quote")
        self.add(node, RDF_TYPE, oa("Annotation"))
        self.add(node, oa("hasTarget"), target)
        self.add(target, oa("hasSource"), origin or NamedNode(self.corr))
        self.add(target, oa("hasSelector"), exact)
        self.add(exact, RDF_TYPE, oa("TextQuoteSelector"))
        self.add(exact, oa("exact"), string(quote or self.entry.why))
        doc = self.entry.target.get("source", {}).get("document")
        if quote and doc is not None and doc in self.ctx.texts:
            start = self.ctx.texts[doc].find(quote)
            if start < 0:
                self.ctx.warnings.append(f"{self.entry.name}: the quote is not in document {doc}")
            else:
                pos = NamedNode(iri + "#pos")
                self.add(target, oa("hasSelector"), pos)
                self.add(pos, RDF_TYPE, oa("TextPositionSelector"))
                self.add(pos, oa("start"), integer(start))
                self.add(pos, oa("end"), integer(start + len(quote)))
        return node

    def case(self, person: NamedNode) -> NamedNode:
        node = NamedNode(ids.case_iri(person.value, base=self.ctx.base))
        self.add(node, RDF_TYPE, rkg("Case"))
        return node

    # --- the kinds of fact ------------------------------------------------------------
    def charge(self, c: dict[str, Any]) -> None:
        person = self.named(c["person"])
        provision = ids.provision_iri(c["code"], c["article"], c.get("part"))
        if not self.ctx.known(provision):
            raise Unresolved(f"{provision} is not in the reference data (ontology/reference/)")
        node = self.fact("Charge")
        self.add(node, rkg("accused"), person)
        self.add(node, rkg("cites"), NamedNode(provision))
        if c.get("modifier"):
            self.add(node, rkg("modifier"), rkg(c["modifier"].capitalize()))
        self.add(node, rkg("inCase"), self.case(person))

    def sentence(self, s: dict[str, Any]) -> None:
        person = self.named(s["person"])
        node = self.fact("Sentence")
        self.add(node, rkg("sentenced"), person)
        self.add(node, rkg("sentenceKind"), concept("sentence-kind", s["kind"]))
        if "months" in s:
            self.add(node, rkg("durationMonths"), integer(s["months"]))
        if "regime" in s:
            self.add(node, rkg("regime"), concept("regime", s["regime"]))
        if "date" in s:
            self.add(node, rkg("date"), partial_date(s["date"]))
        self.add(node, rkg("inCase"), self.case(person))

    def event(self, e: dict[str, Any]) -> None:
        person = self.named(e["person"])
        node = self.fact(EVENT_CLASSES[e["type"]])
        self.add(node, rkg("participant"), person)
        if "date" in e:
            self.add(node, rkg("date"), partial_date(e["date"]))
        for key, prop in (("place", "place"), ("from_country", "fromCountry"),
                          ("to_country", "toCountry")):
            if key in e:
                self.add(node, rkg(prop), NamedNode(gazetteer_place(e[key])))

    def relation(self, r: dict[str, Any]) -> None:
        subject, obj = self.named(r["subject"]), self.named(r["object"])
        node = self.fact("Relationship")
        self.add(node, rkg("relationType"), concept("relation", r["type"]))
        self.add(node, rkg("subject"), subject)
        self.add(node, rkg("object"), obj)
        prop = RELATION_PROPERTIES.get(r["type"])
        if prop:
            self.add(subject, rkg(prop), obj)

    def person(self, p: dict[str, Any]) -> None:
        """Attributes of a person (birth year, aliases): triples about the person itself,
        in the curated graph, so they go when the entry goes."""
        person = self.named(p["name"])
        if "birth_year" in p:
            self.add(person, rkg("birthYear"), integer(p["birth_year"]))
        for alias in p.get("aliases", []):
            self.add(person, rkg("alias"), string(alias, "ru" if is_cyrillic(alias) else None))
