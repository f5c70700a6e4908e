"""`rkg build`: documents → extract → resolve → map → validate → load, per document.

Every document is read and extracted first, so that people are resolved across all of
them at once (order never changes an IRI). Each document's quads then pass the SHACL gate
(ontology/shapes.ttl); a document that fails is reported with its node and constraint and
not loaded, and the others go on. Documents are mapped, checked and loaded one at a
time, so only one document's quads are held at once. A new document is written with one
``Store.extend`` (graph and digest together, one transaction); a changed one replaces its
named graph in one SPARQL update (one transaction too): a killed build leaves every
document fully in or fully out. A document whose quads have not changed is not written
again (a digest of its sorted quads is kept in the graph ``id:graph/build``). The
reference and ontology graphs are replaced together in one update, and only when their
digest changed.

A corrections file (:mod:`repression_kg.curation`, docs/curation.md) is applied on every
build: merges and splits inside resolution, retractions on each document's quads before
the gate, additions and the record of every correction in ``id:graph/curated``. Without
a file, the corrections that the store recorded last time are applied again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from repression_kg.curation import Corrections, Curation, stored_corrections
from repression_kg.extract import extract_document
from repression_kg.facts import Document, DocumentFacts
from repression_kg.ids import DEFAULT_BASE, doc_iri
from repression_kg.ingest import IngestError, iter_documents
from repression_kg.rdf.mapping import Mapper
from repression_kg.rdf.resolution import (
    RESOLUTION_GRAPH,
    birth_year_conflicts,
    forget_document_update,
    merge_judgements,
    resolution_quads,
)
from repression_kg.rdf.terms import (
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    rkg,
)
from repression_kg.resolve import Override, PersonResolver
from repression_kg.resources import ontology_dir

STATE_GRAPH = "graph/build"


@dataclass
class Report:
    """What a build did: counts, and one line per document that failed."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    corrections: int = 0  # entries of the corrections file applied
    warnings: list[str] = field(default_factory=list)  # corrections that matched nothing; birth-year conflicts
    failed_corrections: list[tuple[str, str]] = field(default_factory=list)  # SHACL-rejected

    @property
    def documents(self) -> int:
        return len(self.loaded) + len(self.unchanged) + len(self.failed)


def read_and_extract(paths: Iterable[str | Path], report: Report,
                     progress: Callable[[str], None] | None = None,
                     ) -> list[tuple[Document, DocumentFacts]]:
    out = []
    for path, doc in iter_documents(paths):
        if progress:
            progress(str(path))
        if isinstance(doc, IngestError):
            report.failed.append((str(path), str(doc)))
            continue
        try:
            out.append((doc, extract_document(doc)))
        except Exception as exc:  # an extractor bug must not stop the batch
            report.failed.append((str(path), f"{path}: extraction failed ({exc})"))
    return out


def resolve_people(docs: list[tuple[Document, DocumentFacts]], base: str = DEFAULT_BASE, *,
                   overrides: Iterable[Override] = ()) -> PersonResolver:
    """Resolve people across ``docs`` (with curated merges and splits)."""
    resolver = PersonResolver(base, overrides=overrides)
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


def _digest(quads: list[Quad]) -> str:
    """A digest of the set of quads: their N-Quads lines, sorted (cheaper than sorting
    quads by their terms, as :func:`canonical_nquads` does for exports)."""
    lines = (pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS) or b"").splitlines()
    return hashlib.sha256(b"\n".join(sorted(set(lines)))).hexdigest()


def load_document(store: pyoxigraph.Store, graph: str, quads: list[Quad], base: str) -> bool:
    """Replace one document's graph atomically; False when it was already identical.

    The quads go to ``graph`` whatever graph they name (as before with INSERT DATA)."""
    state = NamedNode(base + STATE_GRAPH)
    digest = _digest(quads)
    node = NamedNode(graph)
    known = list(store.quads_for_pattern(node, rkg("graphDigest"), None, state))
    present = store.contains_named_graph(node)
    if known and known[0].object.value == digest and present:
        return False
    if isinstance(store, pyoxigraph.Store) and not known and not present:
        # nothing to replace: one transactional extend writes the graph and its digest
        store.extend([q if q.graph_name == node else Quad(q.subject, q.predicate, q.object, node)
                      for q in quads] + [Quad(node, rkg("graphDigest"), Literal(digest), state)])
        return True
    triples = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    store.update(
        f"DROP SILENT GRAPH {node} ;\n"
        f"DELETE WHERE {{ GRAPH {state} {{ {node} {rkg('graphDigest')} ?d }} }} ;\n"
        f"INSERT DATA {{ GRAPH {node} {{ {triples} }} "
        f"GRAPH {state} {{ {node} {rkg('graphDigest')} {Literal(digest)} }} }}")
    return True


def reference_quads() -> list[Quad]:
    """ontology/reference/*.ttl in the reference graph and the ontology in its own, blank
    nodes (OWL restrictions, lists) skolemised to IRIs from a canonical labelling, so the
    same files always give the same quads."""
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    files = [(REFERENCE_GRAPH, p) for p in sorted((ontology_dir() / "reference").glob("*.ttl"))]
    files.append((ONTOLOGY_GRAPH, ontology_dir() / "repression.ttl"))
    out: list[Quad] = []
    for graph, path in files:
        parsed = Graph()
        parsed.parse(path, format="turtle")
        canonical = to_canonical_graph(parsed).skolemize(
            authority="https://w3id.org", basepath="/repression-kg/.well-known/genid/")
        out += [Quad(q.subject, q.predicate, q.object, graph) for q in pyoxigraph.parse(
            canonical.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)]
    return out


def load_reference(store: pyoxigraph.Store, base: str = DEFAULT_BASE) -> bool:
    """Replace the reference and ontology graphs in one transaction (one SPARQL update);
    False when their digest says they are unchanged.

    Reloaded on every build, so edits to the reference data reach the store."""
    quads = reference_quads()
    state, digest = NamedNode(base + STATE_GRAPH), _digest(quads)
    graphs = [REFERENCE_GRAPH, ONTOLOGY_GRAPH]
    known = {q.subject: q.object.value for g in graphs
             for q in store.quads_for_pattern(g, rkg("graphDigest"), None, state)}
    if all(known.get(g) == digest and store.contains_named_graph(g) for g in graphs):
        return False
    body = " ".join(f"GRAPH {g} {{ " + " .\n".join(
        f"{q.subject} {q.predicate} {q.object}" for q in quads if q.graph_name == g) + " }"
        for g in graphs)
    stamps = " ".join(f"{g} {rkg('graphDigest')} {Literal(digest)} ." for g in graphs)
    drops = " ;\n".join(f"DROP SILENT GRAPH {g} ;\n"
                        f"DELETE WHERE {{ GRAPH {state} {{ {g} {rkg('graphDigest')} ?d }} }}"
                        for g in graphs)
    store.update(f"{drops} ;\nINSERT DATA {{ {body} GRAPH {state} {{ {stamps} }} }}")
    return True


def drop_graph(store: pyoxigraph.Store, graph: str, base: str = DEFAULT_BASE) -> bool:
    """Delete a whole graph and its digest; False when it was not there."""
    node, state = NamedNode(graph), NamedNode(base + STATE_GRAPH)
    if not store.contains_named_graph(node):
        return False
    store.update(f"DROP SILENT GRAPH {node} ; "
                 f"DELETE WHERE {{ GRAPH {state} {{ {node} {rkg('graphDigest')} ?d }} }}")
    return True


def build(paths: Iterable[str | Path], store: pyoxigraph.Store, *, base: str = DEFAULT_BASE,
          validate: bool = True, progress: Callable[[str], None] | None = None,
          corrections: Corrections | None = None,
          loaded: Callable[[str], None] | None = None) -> Report:
    """Build ``paths`` into ``store``; ``corrections`` None re-applies those the store
    recorded (an empty :class:`Corrections` removes them). ``loaded`` is called with each
    document id once its graph is committed (or found unchanged)."""
    report = Report()
    if corrections is None:
        corrections = stored_corrections(store, base)
    curation = Curation(corrections, base) if corrections is not None else None
    docs = read_and_extract(paths, report, progress)
    resolver = resolve_people(docs, base, overrides=curation.overrides() if curation else ())
    load_reference(store, base)
    for doc_id, quads in iter_quads(docs, resolver, base):
        if curation is not None:
            quads = curation.retract(doc_id, quads)
        problems = validate_quads(doc_id, quads) if validate else []
        if problems:
            report.failed.append((doc_id, "; ".join(problems[:5])))
            continue
        graph = doc_iri(doc_id, base=base)
        (report.loaded if load_document(store, graph, quads, base) else
         report.unchanged).append(doc_id)
        report.triples += len(quads)
        if loaded is not None:
            loaded(doc_id)
    stored = list(store.quads_for_pattern(None, None, None, NamedNode(base + RESOLUTION_GRAPH)))
    resolution = merge_judgements(stored, resolution_quads(resolver, base),
                                  {doc_iri(doc.id, base=base) for doc, _ in docs},
                                  lambda iri: store.contains_named_graph(NamedNode(iri)))
    if resolution:
        load_document(store, base + RESOLUTION_GRAPH, resolution, base)
    elif stored:
        drop_graph(store, base + RESOLUTION_GRAPH, base)
    if curation is not None:
        curation.load(store, resolver, {doc.id: doc.text for doc, _ in docs},
                      validate=validate_quads if validate else None)
        report.corrections = len(curation.corrections.entries)
        report.warnings += curation.warnings
        report.failed_corrections += curation.failed
    report.warnings += birth_year_conflicts(store)
    for row in store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
                           "FILTER(STRSTARTS(STR(?g), STR(<" + base + "doc/>))) } GROUP BY ?c"):
        report.entities[row["c"].value.rsplit("#", 1)[-1]] = int(row["n"].value)
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
