"""One document's facts → quads in its named graph, with provenance for every fact.

Follows docs/data-model.md: the document node; the canonical people, courts and
organisations it names (their names as this document states them); charges, sentences,
events, designations, recognitions, principle invocations and relationships as fact
nodes, each with ``prov:wasDerivedFrom`` the document, ``rkg:method`` (stated, or
inferred from a description) and ``rkg:evidence`` Web Annotations whose selectors give
the character span and the exact quote. Fact and annotation IRIs hash the document id,
the kind and the raw span, so the same input gives the same quads.
"""

from __future__ import annotations

import re

from pyoxigraph import NamedNode, Quad

from repression_kg import ids
from repression_kg.extract.russian import is_cyrillic
from repression_kg.facts import Document, DocumentFacts, Person, Span
from repression_kg.rdf.terms import (
    DESIGNATIONS,
    EVENT_CLASSES,
    RDF_TYPE,
    RDFS_LABEL,
    RELATION_PROPERTIES,
    boolean,
    concept,
    dct,
    integer,
    oa,
    partial_date,
    prov,
    rkg,
    string,
)
from repression_kg.resolve import PersonResolver, court_iri, organisation_iri, place_iri_for

_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
ORG_KINDS = {"armed_unit", "court", "designated_terrorist", "employer", "human_rights",
             "international", "media", "other", "political_party", "religious", "state_agency"}


class Mapper:
    """Maps documents with a shared resolver (people resolved across all documents)."""

    def __init__(self, resolver: PersonResolver, base: str = ids.DEFAULT_BASE) -> None:
        self.resolver = resolver
        self.base = base

    def quads(self, doc: Document, facts: DocumentFacts) -> list[Quad]:
        return _DocumentMapping(self, doc, facts).run()


class _DocumentMapping:
    def __init__(self, mapper: Mapper, doc: Document, facts: DocumentFacts) -> None:
        self.m = mapper
        self.doc = doc
        self.facts = facts
        self.doc_iri = NamedNode(ids.doc_iri(doc.id, base=mapper.base))
        self.graph = self.doc_iri
        self.out: list[Quad] = []
        self.courts = {c.id: NamedNode(court_iri(c, mapper.base, doc.id)) for c in facts.courts}
        self.orgs = {o.id: NamedNode(organisation_iri(o, mapper.base)) for o in facts.organisations}
        self.places = {p.name.casefold(): NamedNode(place_iri_for(p, mapper.base))
                       for p in facts.places}

    def add(self, s: NamedNode, p: NamedNode, o: object) -> None:
        self.out.append(Quad(s, p, o, self.graph))

    def person(self, local_id: str | None) -> NamedNode | None:
        if not local_id:
            return None
        iri = self.m.resolver.iri(self.doc.id, local_id)
        return NamedNode(iri) if iri else None

    def place(self, name: str | None) -> NamedNode | None:
        if not name:
            return None
        return self.places.get(name.casefold()) or NamedNode(place_iri_for(name, self.m.base))

    def fact(self, kind: str, cls: str, mentions: list[Span], *key: object,
             method: str = "stated") -> NamedNode:
        first = mentions[0] if mentions else Span(0, 0, "")
        node = NamedNode(ids.fact_iri(self.doc.id, kind, first.start, first.end, *key,
                                      base=self.m.base))
        self.add(node, RDF_TYPE, rkg(cls))
        self.add(node, prov("wasDerivedFrom"), self.doc_iri)
        self.add(node, rkg("method"), concept("method", method))
        for span in mentions:
            self.add(node, rkg("evidence"), self.quote(span))
        return node

    def quote(self, span: Span) -> NamedNode:
        iri = ids.fact_iri(self.doc.id, "quote", span.start, span.end, base=self.m.base)
        node, target = NamedNode(iri), NamedNode(iri + "#target")
        pos, exact, g = NamedNode(iri + "#pos"), NamedNode(iri + "#quote"), self.graph
        self.out += (  # one Web Annotation: ~860 of a synthetic document's ~1,300 quads
            Quad(node, RDF_TYPE, oa("Annotation"), g),
            Quad(node, oa("hasTarget"), target, g),
            Quad(target, oa("hasSource"), self.doc_iri, g),
            Quad(target, oa("hasSelector"), pos, g),
            Quad(target, oa("hasSelector"), exact, g),
            Quad(pos, RDF_TYPE, oa("TextPositionSelector"), g),
            Quad(pos, oa("start"), integer(span.start), g),
            Quad(pos, oa("end"), integer(span.end), g),
            Quad(exact, RDF_TYPE, oa("TextQuoteSelector"), g),
            Quad(exact, oa("exact"), string(span.text), g))
        return node

    def run(self) -> list[Quad]:
        self.document()
        self.people()
        self.entities()
        self.charges()
        self.sentences()
        self.events()
        self.organisation_claims()
        self.principles()
        self.relations()
        return list(dict.fromkeys(self.out))  # in mapping order, each quad once

    def document(self) -> None:
        d, node = self.doc, self.doc_iri
        self.add(node, RDF_TYPE, rkg("Document"))
        self.add(node, RDF_TYPE, prov("Entity"))
        if d.title:
            self.add(node, dct("title"), string(d.title))
        if d.published:
            self.add(node, dct("issued"), partial_date(d.published))
        if d.source and _URL.fullmatch(d.source):  # a local path is not published
            self.add(node, dct("source"), NamedNode(d.source))
        self.add(node, rkg("contentHash"), string(d.text_sha256))
        self.add(node, rkg("rawHash"), string(d.raw_sha256))
        for repair in d.repairs:
            self.add(node, rkg("repair"), string(repair))
        self.add(node, rkg("text"), string(d.text))

    def people(self) -> None:
        """Each person node once per graph: one rkg:name and rdfs:label (the fullest Latin
        name this document gives it), every other name of its records as rkg:alias, one
        birth year (the canonical record's, else the first stated)."""
        records: dict[NamedNode, list[Person]] = {}
        for p in self.facts.persons:
            node = self.person(p.id)
            if node is not None:
                records.setdefault(node, []).append(p)
        for node, found in records.items():
            canonical = min(found, key=_name_rank)
            self.add(node, RDF_TYPE, rkg("Person"))
            self.add(node, RDFS_LABEL, string(canonical.name))
            self.add(node, rkg("name"), string(canonical.name))
            names = [n for p in found for n in (p.name, *p.aliases)]
            for alias in dict.fromkeys(n for n in names if n and n != canonical.name):
                self.add(node, rkg("alias"), string(alias, "ru" if is_cyrillic(alias) else None))
            year = canonical.birth_year or next((p.birth_year for p in found if p.birth_year), None)
            if year:
                self.add(node, rkg("birthYear"), integer(year))
            for p in found:
                for role in p.roles:
                    self.add(node, rkg("hasRole"), concept("role", role))
                if "political_prisoner" in p.roles:
                    self.recognition(p.id, node, p.mentions)

    def recognition(self, local_id: str, person: NamedNode, mentions: list[Span]) -> None:
        node = self.fact("recognition", "PoliticalPrisonerRecognition", mentions[:1], local_id)
        self.add(node, rkg("recognised"), person)
        for org in self.facts.organisations:
            if "human_rights" in org.roles:
                self.add(node, rkg("recognisedBy"), self.orgs[org.id])
                break

    def entities(self) -> None:
        for c in self.facts.courts:
            node = self.courts[c.id]
            self.add(node, RDF_TYPE, rkg("Court"))
            self.add(node, RDFS_LABEL, string(c.name, "ru" if is_cyrillic(c.name) else None))
            if c.type:
                self.add(node, rkg("courtType"), concept("court-type", c.type))
            if c.city:
                self.add(node, rkg("seat"), self.place(c.city))
        for o in self.facts.organisations:
            node = self.orgs[o.id]
            self.add(node, RDF_TYPE, rkg("Organisation"))
            self.add(node, RDFS_LABEL, string(o.name, "ru" if is_cyrillic(o.name) else None))
            for role in o.roles:
                if role in ORG_KINDS:
                    self.add(node, rkg("orgKind"), concept("org-kind", role))
        for p in self.facts.places:
            if p.id is None:
                node = self.place(p.name)
                self.add(node, RDF_TYPE, rkg("DetentionFacility" if p.type == "facility" else
                                             "Place"))
                self.add(node, RDFS_LABEL, string(p.name))

    def case(self, person: NamedNode) -> NamedNode:
        node = NamedNode(ids.case_iri(person.value, base=self.m.base))
        self.add(node, RDF_TYPE, rkg("Case"))
        return node

    def charges(self) -> None:
        for c in self.facts.charges:
            person = self.person(c.person)
            if person is None:
                continue
            node = self.fact("charge", "Charge", c.mentions, c.person, c.code, c.article, c.part,
                             c.modifier, method="stated" if c.stated_by_number else "inferred")
            self.add(node, rkg("accused"), person)
            self.add(node, rkg("cites"), NamedNode(ids.provision_iri(c.code, c.article, c.part)))
            self.add(node, rkg("statedByNumber"), boolean(c.stated_by_number))
            if c.modifier:
                self.add(node, rkg("modifier"), rkg(c.modifier.capitalize()))
            self.add(node, rkg("inCase"), self.case(person))

    def sentences(self) -> None:
        for s in self.facts.sentences:
            person = self.person(s.person)
            if person is None:
                continue
            node = self.fact("sentence", "Sentence", s.mentions, s.person, s.kind, s.months,
                             s.date)
            self.add(node, rkg("sentenced"), person)
            self.add(node, rkg("sentenceKind"), concept("sentence-kind", s.kind))
            if s.months is not None:
                self.add(node, rkg("durationMonths"), integer(s.months))
            if s.regime:
                self.add(node, rkg("regime"), concept("regime", s.regime))
            if s.date:
                self.add(node, rkg("date"), partial_date(s.date))
            if s.court and s.court in self.courts:
                self.add(node, rkg("court"), self.courts[s.court])
            self.add(node, rkg("inCase"), self.case(person))

    def events(self) -> None:
        for e in self.facts.events:
            person = self.person(e.person)
            cls = EVENT_CLASSES.get(e.type, "OtherEvent")
            node = self.fact("event", cls, e.mentions, e.type, e.person, e.date)
            if person is not None:
                self.add(node, rkg("participant"), person)
            if e.date:
                self.add(node, rkg("date"), partial_date(e.date))
            if e.place:
                self.add(node, rkg("place"), self.place(e.place))
            if e.from_country:
                self.add(node, rkg("fromCountry"), self.place(e.from_country))
            if e.to_country:
                self.add(node, rkg("toCountry"), self.place(e.to_country))

    def organisation_claims(self) -> None:
        for o in self.facts.organisations:
            for role in o.roles:
                if role in DESIGNATIONS:
                    node = self.fact("designation", "Designation", o.mentions[:3], o.id, role)
                    self.add(node, rkg("designated"), self.orgs[o.id])
                    self.add(node, rkg("designationType"), concept("designation",
                                                                   DESIGNATIONS[role]))

    def principles(self) -> None:
        concerned = self._main_person()
        for p in self.facts.principles:
            node = self.fact("principle", "PrincipleInvocation", p.mentions, p.id)
            self.add(node, rkg("invokes"), NamedNode(ids.principle_iri(p.id)))
            if concerned is not None:
                self.add(node, rkg("concerns"), concerned)

    def _main_person(self) -> NamedNode | None:
        accused = [p for p in self.facts.persons
                   if {"defendant", "political_prisoner"} & set(p.roles)]
        ranked = sorted(accused or self.facts.persons, key=lambda p: (-len(p.mentions), p.id))
        return self.person(ranked[0].id) if ranked else None

    def relations(self) -> None:
        for r in self.facts.relations:
            subject = self.person(r.subject) or self.orgs.get(r.subject)
            obj = self.person(r.object) or self.orgs.get(r.object)
            if subject is None or obj is None:
                continue
            mentions = getattr(r, "mentions", None) or []
            node = self.fact("relation", "Relationship", mentions, r.subject, r.type, r.object)
            self.add(node, rkg("relationType"), concept("relation", r.type))
            self.add(node, rkg("subject"), subject)
            self.add(node, rkg("object"), obj)
            prop = RELATION_PROPERTIES.get(r.type)
            if prop:
                self.add(subject, rkg(prop), obj)


def _name_rank(person: Person) -> tuple[bool, int, str]:
    """Order of preference for a node's one rkg:name: Latin first, most words, then id."""
    return (is_cyrillic(person.name), -len(person.name.split()), person.id)
