"""`rkg build`: documents → extract → resolve → map → validate → load, per document.

Every document is read and extracted first, so that people are resolved across all of
them at once (order never changes an IRI). Each document's quads then pass the SHACL gate
(ontology/shapes.ttl); a document that fails is reported with its node and constraint and
not loaded, and the others go on. Documents are mapped and checked one at a time and
written by :class:`~repression_kg.loading.GraphWriter`: new documents in atomic batches
(bulk ingestion), a changed one by replacing its named graph in one SPARQL update, so a
killed build leaves every document fully in or fully out. A document whose quads have not
changed is not written again (a digest of its sorted quads is kept in the graph
``id:graph/build``). The reference and ontology graphs are replaced together in one
update, and only when their digest changed.

A corrections file (:mod:`repression_kg.curation`, docs/curation.md) is applied on every
build: merges and splits inside resolution, retractions on each document's quads before
the gate, additions and the record of every correction in ``id:graph/curated``. Without
a file, the corrections that the store recorded last time are applied again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode, Quad

from repression_kg.curation import Corrections, Curation, stored_corrections
from repression_kg.facts import Document, DocumentFacts
from repression_kg.ids import DEFAULT_BASE, doc_iri
from repression_kg.ingest import read_and_extract_paths
from repression_kg.loading import (
    BULK_BATCH_QUADS,
    STATE_GRAPH,
    GraphWriter,
    drop_graph,
    load_reference,
    update_graph,
)
from repression_kg.rdf.mapping import Mapper
from repression_kg.rdf.resolution import (
    RESOLUTION_GRAPH,
    birth_year_conflicts,
    forget_document_update,
    merge_judgements,
    resolution_quads,
    stored_people,
)
from repression_kg.rdf.terms import RDF_TYPE, rkg
from repression_kg.resolve import Override, PersonResolver
from repression_kg.resolve.persons import person_key


@dataclass
class Report:
    """What a build did: counts, and one line per document that failed."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    entities: Counter[str] = field(default_factory=Counter)  # of SUMMARY_CLASSES, in the documents read
    corrections: int = 0  # entries of the corrections file applied
    warnings: list[str] = field(default_factory=list)  # corrections that matched nothing; birth-year conflicts
    failed_corrections: list[tuple[str, str]] = field(default_factory=list)  # SHACL-rejected

    @property
    def documents(self) -> int:
        return len(self.loaded) + len(self.unchanged) + len(self.failed)


def read_and_extract(paths: Iterable[str | Path], report: Report,
                     progress: Callable[[str], None] | None = None, *, jobs: int = 1,
                     ) -> list[tuple[Document, DocumentFacts]]:
    """Every readable document under ``paths`` with its facts, in input order, extracted on
    ``jobs`` processes; each file that fails is added to ``report.failed``."""
    out = []
    for path, result in read_and_extract_paths(paths, jobs=jobs):
        if progress:
            progress(str(path))
        if isinstance(result, str):
            report.failed.append((str(path), result))
        else:
            out.append(result)
    return out


def resolve_people(docs: list[tuple[Document, DocumentFacts]], base: str = DEFAULT_BASE, *,
                   overrides: Iterable[Override] = (),
                   prior: dict[str, set[int]] | None = None) -> PersonResolver:
    """Resolve people across ``docs`` (with curated merges and splits), and against the
    ``prior`` people a store holds from other documents."""
    resolver = PersonResolver(base, overrides=overrides, prior=prior)
    for _, facts in docs:
        resolver.add(facts)
    resolver.finish()
    return resolver


def iter_quads(docs: Iterable[tuple[Document, DocumentFacts]], resolver: PersonResolver,
               base: str = DEFAULT_BASE) -> Iterator[tuple[str, list[Quad]]]:
    """Each document's id and quads, one document at a time."""
    mapper = Mapper(resolver, base)
    for doc, facts in docs:
        yield doc.id, mapper.quads(doc, facts)


def map_documents(docs: list[tuple[Document, DocumentFacts]], base: str = DEFAULT_BASE, *,
                  overrides: Iterable[Override] = (),
                  ) -> tuple[dict[str, list[Quad]], PersonResolver]:
    """Resolve people across ``docs`` and map every document to its quads (all held in
    memory: the build itself streams with :func:`iter_quads`)."""
    resolver = resolve_people(docs, base, overrides=overrides)
    return dict(iter_quads(docs, resolver, base)), resolver


def validate_quads(doc_id: str, quads: list[Quad]) -> list[str]:
    """SHACL violations of one document's graph, as readable lines (empty when it conforms)."""
    from repression_kg.ontology.shacl import gate

    return [f"{doc_id}: {v.line()}" for v in gate(quads)]


#: the classes a build's summary counts; entities of the first four can appear in several
#: documents, the others are minted per document
SHARED_CLASSES = ("Person", "Court", "Organisation", "Case")
SUMMARY_CLASSES = (*SHARED_CLASSES, "Document", "Charge", "Sentence", "PrincipleInvocation",
                   "Designation", "Relationship", "Detention", "Arrest", "Deportation",
                   "Extradition")
_CLASS_IRIS = {rkg(name).value: name for name in SUMMARY_CLASSES}


class _EntityCounter:
    """Distinct entities of :data:`SUMMARY_CLASSES` in the documents of a build."""

    def __init__(self) -> None:
        self.shared: dict[str, set[str]] = {name: set() for name in SHARED_CLASSES}
        self.own: Counter[str] = Counter()

    def add(self, quads: list[Quad]) -> None:
        seen: set[tuple[str, str]] = set()
        for q in quads:
            name = _CLASS_IRIS.get(q.object.value) if q.predicate == RDF_TYPE else None
            if name is not None and (name, q.subject.value) not in seen:
                seen.add((name, q.subject.value))
                if name in self.shared:
                    self.shared[name].add(q.subject.value)
                else:
                    self.own[name] += 1

    def counts(self) -> Counter[str]:
        return Counter({**{k: len(v) for k, v in self.shared.items() if v}, **self.own})


def build(paths: Iterable[str | Path], store: pyoxigraph.Store, *, base: str = DEFAULT_BASE,
          validate: bool = True, progress: Callable[[str], None] | None = None,
          corrections: Corrections | None = None,
          loaded: Callable[[str], None] | None = None,
          batch_quads: int = BULK_BATCH_QUADS, jobs: int = 1) -> Report:
    """Build ``paths`` into ``store``; ``corrections`` None re-applies those the store
    recorded (an empty :class:`Corrections` removes them). ``loaded`` is called with each
    document id once its graph is committed (or found unchanged); new documents are
    committed in batches of up to ``batch_quads`` quads (:class:`GraphWriter`). Documents
    are read and extracted on ``jobs`` processes."""
    report = Report()
    if corrections is None:
        corrections = stored_corrections(store, base)
    curation = Curation(corrections, base) if corrections is not None else None
    docs = read_and_extract(paths, report, progress, jobs=jobs)
    prior = stored_people(store, base, {doc_iri(doc.id, base=base) for doc, _ in docs},
                          {person_key(p) for _, facts in docs for p in facts.persons})
    resolver = resolve_people(docs, base, overrides=curation.overrides() if curation else (),
                              prior=prior)
    load_reference(store, base)
    writer = GraphWriter(store, base, batch_quads=batch_quads, committed=loaded)
    counter = _EntityCounter()
    for doc_id, quads in iter_quads(docs, resolver, base):
        if curation is not None:
            quads = curation.retract(doc_id, quads)
        problems = validate_quads(doc_id, quads) if validate else []
        if problems:
            report.failed.append((doc_id, "; ".join(problems[:5])))
            continue
        written = writer.write(doc_id, doc_iri(doc_id, base=base), quads)
        (report.loaded if written else report.unchanged).append(doc_id)
        report.triples += len(quads)
        counter.add(quads)
    writer.close()
    report.entities = counter.counts()
    stored = list(store.quads_for_pattern(None, None, None, NamedNode(base + RESOLUTION_GRAPH)))
    resolution = merge_judgements(stored, resolution_quads(resolver, base),
                                  {doc_iri(doc.id, base=base) for doc, _ in docs},
                                  lambda iri: store.contains_named_graph(NamedNode(iri)))
    if resolution:
        update_graph(store, base + RESOLUTION_GRAPH, stored, resolution, base)
    elif stored:
        drop_graph(store, base + RESOLUTION_GRAPH, base)
    if curation is not None:
        curation.load(store, resolver, {doc.id: doc.text for doc, _ in docs},
                      validate=validate_quads if validate else None)
        report.corrections = len(curation.corrections.entries)
        report.warnings += curation.warnings
        report.failed_corrections += curation.failed
    report.warnings += birth_year_conflicts(  # only this build's people can meet a new conflict
        store, {j.iri for j in resolver.judgements.values()})
    store.flush()
    return report


def remove(store: pyoxigraph.Store, doc_id: str, base: str = DEFAULT_BASE) -> bool:
    """Delete one document's graph (and its digest); False when it was not there."""
    graph = NamedNode(doc_iri(doc_id, base=base))
    if not store.contains_named_graph(graph):
        return False
    state = NamedNode(base + STATE_GRAPH)
    store.update(f"DROP GRAPH {graph} ; DELETE WHERE {{ GRAPH {state} {{ {graph} ?p ?o }} }} ;\n"
                 + forget_document_update(graph.value, base))
    return True
