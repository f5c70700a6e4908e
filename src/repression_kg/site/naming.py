"""What kind of page an entity gets, and the file it is written to.

File names come from the IRI: a readable slug plus a hash of the whole IRI, inside one
folder per kind. Only ``[a-z0-9-]`` reaches the file system, so no IRI can climb out of the
output folder (``..``), collide with another entity, or produce a name the OS rejects.

>>> page_path("https://w3id.org/repression-kg/ref/law/ru-cc/205.5/part-2", "statute")
'statute/law-ru-cc-205-5-part-2-be900693ce.html'
>>> page_path("https://w3id.org/repression-kg/id/../../etc/passwd", "person").startswith("person/etc-passwd-")
True
"""

from __future__ import annotations

import hashlib
import re

from repression_kg.site.model import (
    PLUMBING_CLASSES,
    PROV,
    RKG,
    SKOS,
    GraphIndex,
    local_name,
)

#: (kind, folder title, classes) — the first kind whose classes match wins.
KINDS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("document", "Documents", frozenset({RKG + "Document"})),
    ("person", "People", frozenset({RKG + "Person"})),
    ("case", "Cases", frozenset({RKG + "Case"})),
    ("charge", "Charges", frozenset({RKG + "Charge"})),
    ("statute", "Statutes", frozenset({RKG + "Article", RKG + "ArticlePart", RKG + "LegalCode"})),
    ("court", "Courts", frozenset({RKG + "Court"})),
    ("organisation", "Organisations", frozenset({RKG + "Organisation"})),
    ("place", "Places", frozenset({RKG + c for c in ("Place", "Country", "Region", "City",
                                                      "Village", "DetentionFacility")})),
    ("principle", "Legal principles", frozenset({RKG + "LegalPrinciple"})),
)
KIND_TITLES = {kind: title for kind, title, _ in KINDS} | {
    "fact": "Other facts", "concept": "Vocabularies", "entity": "Other entities"}

_UNSAFE = re.compile(r"[^a-z0-9]+")


def kind_of(index: GraphIndex, iri: str) -> str | None:
    """The page kind of a node, or None when it gets no page (untyped, provenance plumbing)."""
    types = index.types.get(iri)
    if not types or iri.startswith("_:") or types & PLUMBING_CLASSES:
        return None
    for kind, _, classes in KINDS:
        if types & classes:
            return kind
    if index.first(iri, RKG + "evidence") is not None or index.first(
            iri, PROV + "wasDerivedFrom") is not None or RKG + "Fact" in types:
        return "fact"
    if SKOS + "Concept" in types:
        return "concept"
    return "entity"


def slug(iri: str, limit: int = 60) -> str:
    """A readable, file-system-safe rendering of the IRI's tail."""
    text = _UNSAFE.sub("-", local_name(iri).lower()).strip("-")
    return text[:limit].rstrip("-") or "entity"


def page_path(iri: str, kind: str) -> str:
    """The page's path relative to the site root, e.g. ``person/mikhail-zhilin-….html``."""
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"not a page kind: {kind!r}")
    digest = hashlib.sha256(iri.encode("utf-8")).hexdigest()[:10]
    return f"{kind}/{slug(iri)}-{digest}.html"
