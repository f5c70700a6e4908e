"""The RDF terms the mapping writes: namespaces, vocabularies and typed literals."""

from __future__ import annotations

from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from repression_kg.ids import ONTOLOGY, REF, concept_iri

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

REFERENCE_GRAPH = NamedNode(f"{REF}graph/reference")
ONTOLOGY_GRAPH = NamedNode(f"{REF}graph/ontology")


@lru_cache(maxsize=4096)  # a few dozen names, made once (a mapping writes ~1,300 quads per document)
def rkg(name: str) -> NamedNode:
    return NamedNode(ONTOLOGY + name)


@lru_cache(maxsize=4096)
def prov(name: str) -> NamedNode:
    return NamedNode(PROV + name)


@lru_cache(maxsize=4096)
def oa(name: str) -> NamedNode:
    return NamedNode(OA + name)


@lru_cache(maxsize=4096)
def dct(name: str) -> NamedNode:
    return NamedNode(DCT + name)


@lru_cache(maxsize=4096)
def concept(scheme: str, key: str) -> NamedNode:
    return NamedNode(concept_iri(scheme, key))


def string(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


_INTEGER, _BOOLEAN = NamedNode(XSD + "integer"), NamedNode(XSD + "boolean")
_TRUE, _FALSE = Literal("true", datatype=_BOOLEAN), Literal("false", datatype=_BOOLEAN)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_INTEGER)


def boolean(value: bool) -> Literal:
    return _TRUE if value else _FALSE


def partial_date(value: str) -> Literal:
    """``2023`` → xsd:gYear, ``2023-03`` → xsd:gYearMonth, ``2023-03-20`` → xsd:date."""
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return Literal(value, datatype=NamedNode(XSD + kind))


#: contract event type → ontology class
EVENT_CLASSES = {
    "detention": "Detention", "arrest": "Arrest", "search": "Search",
    "border_crossing": "BorderCrossing", "asylum_request": "AsylumRequest",
    "asylum_denied": "AsylumDenied", "asylum_granted": "AsylumGranted",
    "extradition": "Extradition", "deportation": "Deportation", "charged": "Charging",
    "trial": "Trial", "conviction": "Conviction", "sentencing": "Sentencing",
    "appeal": "Appeal", "release": "Release", "exchange": "Exchange", "letter": "OpenLetter",
    "other": "OtherEvent",
}
#: contract relation type → the direct property written beside the Relationship node
RELATION_PROPERTIES = {
    "spouse": "spouseOf", "child": "childOf", "parent": "parentOf", "relative": "relativeOf",
    "lawyer_of": "lawyerOf", "co_defendant": "coDefendantOf", "co_signatory": "coSignatoryWith",
    "member_of": "memberOf", "employee_of": "employeeOf",
}
#: organisation roles that are designations (claims by a state), not kinds
DESIGNATIONS = {"designated_terrorist": "terrorist", "designated_extremist": "extremist",
                "designated_undesirable": "undesirable", "foreign_agent": "foreign_agent",
                "designated_foreign_agent": "foreign_agent"}
