"""The one place where IRIs are minted.

Rules (see CONTRIBUTING.md):

* Reference entities that an authority names keep readable slugs under :data:`REF`:
  ``ref/law/ru-cc/205.5/part-2``, ``ref/principle/ne_bis_in_idem``, ``ref/place/kazakhstan``.
* Data minted from documents lives under a configurable base (default :data:`DEFAULT_BASE`).
  A document IRI comes from its id (the file stem), so an edited file keeps its IRI and its
  named graph is replaced; fact IRIs hash the document id, the fact kind and the raw span.
* Canonical entities (people, courts, organisations found in documents) hash their
  resolution key, never a display form, and their readable part is the key's slug too, so
  a better display name (or another spelling in another run) never changes an IRI. Cyrillic
  is transliterated (Wikipedia scheme) before slugging, so no readable part is empty.
* Courts and organisations of the gazetteers (ontology/lookups/courts.yml,
  organisations.yml) are reference entities: ``ref/court/<key>``, ``ref/org/<key>``.

>>> provision_iri("RU-CC", "205.5", "2")
'https://w3id.org/repression-kg/ref/law/ru-cc/205.5/part-2'
>>> provision_iri("RU-CC", "275")
'https://w3id.org/repression-kg/ref/law/ru-cc/275'
>>> slug("Mikhail  Zhilin!")
'mikhail-zhilin'
>>> slug("Басманный суд")
'basmanny-sud'
>>> entity_iri("person", "mikhail zhilin")
'https://w3id.org/repression-kg/id/person/mikhail-zhilin-88971d43'
>>> doc_iri("000_cf656991ca73c798")
'https://w3id.org/repression-kg/id/doc/000_cf656991ca73c798'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import iuliia

ONTOLOGY = "https://w3id.org/repression-kg/ontology#"
REF = "https://w3id.org/repression-kg/ref/"
DEFAULT_BASE = "https://w3id.org/repression-kg/id/"

_SLUG_DROP = re.compile(r"[^a-z0-9._]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def short_hash(*parts: object, length: int = 12) -> str:
    """A stable hex digest of the parts (joined with a separator that cannot occur in them)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated; dots and underscores kept (article numbers, ids).

    Cyrillic is transliterated first (iuliia's Wikipedia scheme), other letters lose their
    accents; what cannot be spelled in ASCII is dropped (``x`` when nothing is left).
    """
    if _CYRILLIC.search(text):
        text = str(iuliia.WIKIPEDIA.translate(text))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", ascii_text.lower()).strip("-") or "x"


# --- reference entities (fixed IRIs, written in ontology/reference/*.ttl) -----------------

def code_iri(code: str) -> str:
    """A legal code, e.g. ``RU-CC`` (Criminal Code), ``RU-CoAP`` (Administrative Offences)."""
    return f"{REF}law/{slug(code)}"


def provision_iri(code: str, article: str, part: str | None = None) -> str:
    """Code → article → part, as the code numbers them."""
    base = f"{code_iri(code)}/{slug(article)}"
    return f"{base}/part-{slug(part)}" if part else base


def principle_iri(principle_id: str) -> str:
    return f"{REF}principle/{principle_id}"


def place_iri(key: str) -> str:
    """A gazetteer place by its key (``kazakhstan``, ``barnaul``)."""
    return f"{REF}place/{slug(key)}"


def court_ref_iri(key: str) -> str:
    """A known court of ontology/lookups/courts.yml (``ref:court/moscow_city_court``)."""
    return f"{REF}court/{slug(key)}"


def org_ref_iri(key: str) -> str:
    """A known organisation of ontology/lookups/organisations.yml (``ref:org/memorial``)."""
    return f"{REF}org/{slug(key)}"


def concept_iri(scheme: str, key: str) -> str:
    """A member of a small controlled vocabulary (``regime/strict``, ``court-type/district``)."""
    return f"{REF}{scheme}/{slug(key)}"


# --- data minted from documents (under a configurable base) --------------------------------

def doc_iri(doc_id: str, *, base: str = DEFAULT_BASE) -> str:
    """The document, which is also the name of its graph."""
    return f"{base}doc/{doc_id}"


def fact_iri(doc_id: str, kind: str, *key: object, base: str = DEFAULT_BASE) -> str:
    """A fact node (charge, sentence, event ...) of one document, keyed by its raw inputs."""
    return f"{doc_iri(doc_id, base=base)}/{kind}/{short_hash(kind, *key)}"


def entity_iri(kind: str, key: str, *, base: str = DEFAULT_BASE) -> str:
    """A canonical entity found in documents: ``person/mikhail-zhilin-3f2a…``.

    ``key`` is the resolution key (what decides identity); both the readable part and the
    hash come from it alone, never from a display label.
    """
    readable = slug(key)[:60].strip("-.") or "x"
    return f"{base}{kind}/{readable}-{short_hash(kind, key, length=8)}"


def case_iri(person: str, *, base: str = DEFAULT_BASE) -> str:
    """The prosecution of one person (``case/mikhail-zhilin-1a2b3c4d-…``), keyed by the
    person's IRI relative to the base (so the readable part is the person's)."""
    local = person[len(base):] if person.startswith(base) else person
    return entity_iri("case", local.rsplit("/", 1)[-1], base=base)


# --- named graphs and curation (under the same base) ----------------------------------------

def graph_iri(name: str, *, base: str = DEFAULT_BASE) -> str:
    """A graph that no document owns: ``graph/curated``, ``graph/resolution``, ``graph/build``."""
    return f"{base}graph/{name}"


def correction_iri(entry_key: str, *, base: str = DEFAULT_BASE) -> str:
    """One entry of the corrections file, keyed by its canonical JSON (so reordering the
    file never changes an IRI, and editing an entry gives a new one)."""
    return f"{base}correction/{short_hash('correction', entry_key)}"


def curated_iri(correction: str, part: str) -> str:
    """A node that a correction makes (its fact, the fact's evidence): under the correction."""
    return f"{correction}/{slug(part)}"


def curator_iri(who: str, *, base: str = DEFAULT_BASE) -> str:
    """The maintainer named in a correction's ``who`` (an agent of PROV-O)."""
    return entity_iri("curator", who.strip(), base=base)
