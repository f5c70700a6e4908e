"""Apply a corrections file to one build and write ``id:graph/curated``.

The build runner calls, in order: :meth:`Curation.overrides` (merges and splits, handed
to the person resolver), :meth:`Curation.retract` on each document's quads before the
SHACL gate, and :meth:`Curation.load` at the end, which writes the curated graph: one
``rkg:Correction`` per entry (who, when, why, what it did), the facts added (each entry's
quads checked by the same SHACL gate as a document's), and the file itself as canonical
JSON, so that a later build run without the file applies the same corrections.

A build that covers only some documents keeps what the earlier build recorded for the
entries it cannot evaluate (a retraction in a document not in this build, an addition
about a person it does not name); an entry that matches nothing at all is a warning.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from repression_kg import ids
from repression_kg.curation.add import Context, Unresolved, addition_quads
from repression_kg.curation.model import Correction, Corrections, parse_corrections
from repression_kg.curation.retract import facts_to_retract, target_document, without_facts
from repression_kg.rdf.terms import (
    RDF_TYPE,
    RDFS_COMMENT,
    RDFS_LABEL,
    REFERENCE_GRAPH,
    XSD,
    prov,
    rkg,
    string,
)
from repression_kg.resolve import Override, PersonResolver

STORED = "stored corrections"
_ENTRIES = rkg("correctionEntries")


def _v(term: object) -> str:
    """The IRI or lexical form of a term (quads here never hold RDF-star triples)."""
    return str(getattr(term, "value", term))


def stored_corrections(store: pyoxigraph.Store, base: str = ids.DEFAULT_BASE) -> Corrections | None:
    """The corrections the last build applied (None when it applied none)."""
    graph = NamedNode(ids.graph_iri("curated", base=base))
    for quad in store.quads_for_pattern(graph, _ENTRIES, None, graph):
        return parse_corrections(json.loads(_v(quad.object)), STORED)
    return None


@dataclass
class Curation:
    """One corrections file, applied to one build."""

    corrections: Corrections
    base: str = ids.DEFAULT_BASE
    warnings: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    invalidated: dict[str, list[str]] = field(default_factory=dict)  # correction → facts

    @property
    def graph(self) -> NamedNode:
        return NamedNode(ids.graph_iri("curated", base=self.base))

    def overrides(self) -> list[Override]:
        return [Override(c.action, tuple(c.target), c.iri(self.base))
                for c in self.corrections.entries if c.action in ("merge", "split")]

    def retract(self, doc_id: str, quads: list[Quad]) -> list[Quad]:
        """One document's quads without the facts that the retractions name."""
        facts: set[str] = set()
        for entry in self.corrections.of("retract"):
            if target_document(entry, self.base) == doc_id:
                found = facts_to_retract(doc_id, quads, entry, self.base)
                self.invalidated.setdefault(entry.iri(self.base), []).extend(found)
                facts.update(found)
        return without_facts(quads, facts) if facts else quads

    def load(self, store: pyoxigraph.Store, resolver: PersonResolver, texts: dict[str, str], *,
             validate: Callable[[str, list[Quad]], list[str]] | None = None) -> bool:
        """Write the curated graph (drop it when there are no entries); False if unchanged."""
        from repression_kg.loading import drop_graph, load_document

        graph = self.graph
        if not self.corrections.entries:
            return drop_graph(store, graph.value, self.base)
        old = list(store.quads_for_pattern(None, None, None, graph))
        ctx = Context(resolver, self.base, texts, lambda iri: _known(store, iri))
        out = [Quad(graph, RDF_TYPE, prov("Entity"), graph),
               Quad(graph, RDFS_LABEL, string("corrections"), graph),
               Quad(graph, _ENTRIES, Literal(self.corrections.canonical()), graph)]
        for entry in self.corrections.entries:
            out += self._record(entry)
            if entry.action == "retract":
                out += self._retraction(store, entry, old)
            elif entry.action == "add":
                out += self._addition(entry, ctx, old, validate)
            elif entry.iri(self.base) in resolver.problems:
                self.warn(entry, resolver.problems[entry.iri(self.base)])
        self.warnings += ctx.warnings
        if validate is not None:
            self.failed += [("corrections", p) for p in validate("corrections", out)]
            if self.failed:
                return False
        return load_document(store, graph.value, out, self.base)

    def warn(self, entry: Correction, problem: str) -> None:
        self.warnings.append(f"{entry.name}: {problem}")

    def _record(self, entry: Correction) -> list[Quad]:
        node, g = NamedNode(entry.iri(self.base)), self.graph
        curator = NamedNode(ids.curator_iri(entry.who, base=self.base))
        return [Quad(node, RDF_TYPE, rkg("Correction"), g),
                Quad(node, RDF_TYPE, prov("Activity"), g),
                Quad(node, RDFS_LABEL, string(entry.describe()), g),
                Quad(node, RDFS_COMMENT, string(entry.why), g),
                Quad(node, rkg("date"), Literal(entry.when, datatype=NamedNode(XSD + "date")), g),
                Quad(node, prov("wasAssociatedWith"), curator, g),
                Quad(curator, RDF_TYPE, prov("Agent"), g),
                Quad(curator, RDFS_LABEL, string(entry.who), g)]

    def _retraction(self, store: pyoxigraph.Store, entry: Correction, old: list[Quad]) -> list[Quad]:
        node, g = NamedNode(entry.iri(self.base)), self.graph
        doc_id = target_document(entry, self.base)
        out = []
        if doc_id is not None:
            out.append(Quad(node, prov("used"), NamedNode(ids.doc_iri(doc_id, base=self.base)), g))
        facts = self.invalidated.get(entry.iri(self.base))
        if facts is None:  # the document is not in this build: keep what was recorded
            facts = [_v(q.object) for q in old
                     if q.subject == node and q.predicate == prov("invalidated")]
            if not facts and doc_id is not None and store.contains_named_graph(
                    NamedNode(ids.doc_iri(doc_id, base=self.base))):
                self.warn(entry, f"document {doc_id} is not in this build; build it to apply "
                          "the retraction")
            elif not facts:
                self.warn(entry, f"no document {doc_id} in this build or in the store")
        elif not facts:
            what = entry.target.get("iri") or f"{entry.target['kind']} quoting " \
                f"{entry.target['quote']!r}"
            self.warn(entry, f"matches no {what} in document {doc_id}")
        return out + [Quad(node, prov("invalidated"), NamedNode(f), g) for f in sorted(set(facts))]

    def _addition(self, entry: Correction, ctx: Context, old: list[Quad],
                  validate: Callable[[str, list[Quad]], list[str]] | None) -> list[Quad]:
        node = NamedNode(entry.iri(self.base))
        try:
            quads = addition_quads(entry, ctx)
        except Unresolved as exc:
            kept = [q for q in old if _v(q.subject).startswith(node.value + "/")]
            if not kept:
                self.warn(entry, str(exc))
            return kept
        problems = validate(entry.name, quads) if validate is not None else []
        if problems:
            self.failed.append((entry.name, "; ".join(problems[:5])))
            return []
        made = sorted({q.subject for q in quads if _v(q.subject).endswith("/fact")}, key=str)
        return quads + [Quad(node, prov("generated"), m, self.graph) for m in made]


def _known(store: pyoxigraph.Store, iri: str) -> bool:
    return any(True for _ in store.quads_for_pattern(NamedNode(iri), RDF_TYPE, None,
                                                     REFERENCE_GRAPH))
