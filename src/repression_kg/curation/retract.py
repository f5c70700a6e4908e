"""Retractions: take an extracted fact out of its document's graph, on every build.

A retraction names a fact by its IRI, or by document, kind and a piece of its quote (the
``oa:exact`` text of its evidence, as `rkg query charge-methods` or the entity pages show
it). Because the document's quads are made afresh from its text on every build and the
retraction is applied to them before they are validated and loaded, a retracted fact
stays out when its document is re-ingested. What goes with the fact: its evidence
annotations (unless another fact still cites them), the direct relation triple of a
retracted relationship, and a case node no remaining fact points to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Quad

from repression_kg import ids
from repression_kg.curation.model import Correction
from repression_kg.rdf.terms import RDF_TYPE, RELATION_PROPERTIES, oa, rkg

_EVIDENCE, _EXACT = rkg("evidence"), oa("exact")
_CASE = rkg("Case")


def _v(term: object) -> str:
    """The IRI or lexical form of a term (quads here never hold RDF-star triples)."""
    return str(getattr(term, "value", term))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def target_document(entry: Correction, base: str) -> str | None:
    """The id of the document a retraction is about (from its IRI when it gives one)."""
    iri = entry.target.get("iri")
    if iri is None:
        return str(entry.target["document"])
    prefix = ids.doc_iri("", base=base)
    return iri[len(prefix):].split("/", 1)[0] if iri.startswith(prefix) else None


def facts_to_retract(doc_id: str, quads: list[Quad], entry: Correction, base: str) -> list[str]:
    """IRIs of the facts of one document's quads that ``entry`` retracts (sorted)."""
    prefix = ids.doc_iri(doc_id, base=base) + "/"
    if entry.target.get("iri"):
        wanted = entry.target["iri"]
        return [wanted] if any(_v(q.subject) == wanted for q in quads) else []
    kind_prefix = f"{prefix}{entry.target['kind']}/"
    evidence: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, str] = {}
    for q in quads:
        if q.predicate == _EVIDENCE and _v(q.subject).startswith(kind_prefix):
            evidence[_v(q.subject)].add(_v(q.object))
        elif q.predicate == _EXACT:
            exact[_v(q.subject).split("#", 1)[0]] = _norm(_v(q.object))
    quote = _norm(entry.target["quote"])
    return sorted(fact for fact, notes in evidence.items()
                  if any(quote in exact.get(n, "") for n in notes))


def without_facts(quads: Iterable[Quad], facts: set[str]) -> list[Quad]:
    """``quads`` less the given fact nodes and what only they needed."""
    quads = list(quads)
    gone = [q for q in quads if _v(q.subject) in facts]
    kept = [q for q in quads if _v(q.subject) not in facts]
    kept = _drop_direct_relations(kept, gone)
    cited = {_v(q.object) for q in kept if q.predicate == _EVIDENCE}
    orphans = {_v(q.object) for q in gone if q.predicate == _EVIDENCE} - cited
    kept = [q for q in kept if _v(q.subject).split("#", 1)[0] not in orphans]
    pointed = {_v(q.object) for q in kept if q.predicate != RDF_TYPE}
    cases = {_v(q.subject) for q in kept if q.predicate == RDF_TYPE and q.object == _CASE}
    return [q for q in kept if _v(q.subject) not in cases - pointed]


def _relations(quads: Iterable[Quad]) -> set[tuple[str, str, str]]:
    """(subject, direct property, object) of the relationship nodes among ``quads``."""
    parts: dict[str, dict[str, str]] = defaultdict(dict)
    for q in quads:
        name = _v(q.predicate).rsplit("#", 1)[-1]
        if name in ("relationType", "subject", "object") and q.predicate == rkg(name):
            parts[_v(q.subject)][name] = _v(q.object)
    out = set()
    for p in parts.values():
        prop = RELATION_PROPERTIES.get(p.get("relationType", "").rsplit("/", 1)[-1])
        if prop and "subject" in p and "object" in p:
            out.add((p["subject"], rkg(prop).value, p["object"]))
    return out


def _drop_direct_relations(kept: list[Quad], gone: list[Quad]) -> list[Quad]:
    dropped = _relations(gone) - _relations(kept)
    return [q for q in kept
            if (_v(q.subject), _v(q.predicate), _v(q.object)) not in dropped]
