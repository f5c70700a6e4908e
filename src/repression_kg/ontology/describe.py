"""Read the ontology into plain records for documentation: terms, axioms as text, schemes.

Class expressions are written in a compact Manchester-like syntax
(``Person and (participatedIn some (Extradition or Deportation))``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from repression_kg.ids import ONTOLOGY, REF

RKG_RULE_FILE = URIRef(f"{ONTOLOGY}ruleFile")
CHARACTERISTICS = {
    OWL.TransitiveProperty: "transitive", OWL.SymmetricProperty: "symmetric",
    OWL.FunctionalProperty: "functional",
}
KINDS = [("class", OWL.Class), ("object property", OWL.ObjectProperty),
         ("datatype property", OWL.DatatypeProperty), ("annotation property", OWL.AnnotationProperty)]


@dataclass
class Term:
    """One class or property of the ontology, ready to print."""

    iri: str
    name: str
    kind: str
    label: str
    label_ru: str
    definition: str
    parents: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    inverse: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    rule: str = ""


@dataclass
class Scheme:
    """A SKOS concept scheme of the reference data, with its concepts' keys and labels."""

    iri: str
    label: str
    concepts: list[tuple[str, str, str]]  # (IRI, label, definition)


def short(graph: Graph, node: object) -> str:
    """A readable name: rkg terms by local name, others by prefixed name."""
    if isinstance(node, URIRef):
        text = str(node)
        if text.startswith(ONTOLOGY):
            return text[len(ONTOLOGY):]
        if text.startswith(REF):
            return "ref:" + text[len(REF):]
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:
            return text
    if isinstance(node, Literal):
        return str(node)
    return expression(graph, node)


def expression(graph: Graph, node: object) -> str:
    """A class expression in a compact Manchester-like syntax."""
    if not isinstance(node, BNode):
        return short(graph, node)
    for key, word in ((OWL.intersectionOf, " and "), (OWL.unionOf, " or ")):
        members = graph.value(node, key)
        if members is not None:
            parts = [expression(graph, m) for m in Collection(graph, members)]
            return word.join(p if " " not in p else f"({p})" for p in parts)
    prop = graph.value(node, OWL.onProperty)
    if prop is not None:
        inverse = graph.value(prop, OWL.inverseOf) if isinstance(prop, BNode) else None
        prop_text = f"inverse {short(graph, inverse)}" if inverse is not None else short(graph, prop)
        for key, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
            value = graph.value(node, key)
            if value is not None:
                filler = expression(graph, value)
                return f"{prop_text} {word} {filler if ' ' not in filler else f'({filler})'}"
    return "[anonymous]"


def _label(graph: Graph, term: URIRef, lang: str) -> str:
    return next((str(o) for o in graph.objects(term, RDFS.label) if getattr(o, "language", None) == lang), "")


def terms(graph: Graph) -> list[Term]:
    """Every class and property of our namespace, sorted by kind then name."""
    out = []
    for kind, rdf_type in KINDS:
        names = sorted(s for s in graph.subjects(RDF.type, rdf_type)
                       if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY))
        for iri in names:
            sub = RDFS.subClassOf if rdf_type == OWL.Class else RDFS.subPropertyOf
            inverse = list(graph.objects(iri, OWL.inverseOf)) + list(graph.subjects(OWL.inverseOf, iri))
            out.append(Term(
                iri=str(iri), name=short(graph, iri), kind=kind,
                label=_label(graph, iri, "en"), label_ru=_label(graph, iri, "ru"),
                definition=" ".join(str(graph.value(iri, SKOS.definition) or "").split()),
                parents=sorted(short(graph, o) for o in graph.objects(iri, sub)),
                children=sorted(short(graph, s) for s in graph.subjects(sub, iri) if isinstance(s, URIRef)),
                equivalent=[expression(graph, e) for e in graph.objects(iri, OWL.equivalentClass)],
                domain=sorted(expression(graph, o) for o in graph.objects(iri, RDFS.domain)),
                range=sorted(expression(graph, o) for o in graph.objects(iri, RDFS.range)),
                inverse=sorted(short(graph, o) for o in inverse),
                characteristics=sorted(word for t, word in CHARACTERISTICS.items() if (iri, RDF.type, t) in graph),
                rule=str(graph.value(iri, RKG_RULE_FILE) or ""),
            ))
    return out


def schemes(reference: Graph) -> list[Scheme]:
    """The SKOS concept schemes of the reference data, with their concepts."""
    out = []
    for scheme in sorted(reference.subjects(RDF.type, SKOS.ConceptScheme)):
        concepts = sorted(
            (str(c), _label(reference, c, "en"), " ".join(str(reference.value(c, SKOS.definition) or "").split()))
            for c in reference.subjects(SKOS.inScheme, scheme))
        out.append(Scheme(str(scheme), _label(reference, scheme, "en"), concepts))
    return out
