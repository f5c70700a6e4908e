"""Writing graphs into the store, each document whole or not at all.

A document's graph is written with a digest of its sorted quads (in ``id:graph/build``), so
an unchanged document is never written again. How it is written depends on the store:

* **new documents** into an embedded store are gathered by :class:`GraphWriter` into
  batches of at most :data:`BULK_BATCH_QUADS` quads, each written by Oxigraph's bulk
  loader (``Store.bulk_load`` of the batch as N-Quads, on a loader thread, so the next
  documents are mapped and checked meanwhile; ``Store.bulk_extend`` when the batch has
  blank nodes): Oxigraph sorts the batch into one SST file per index and ingests them in
  one RocksDB ``IngestExternalFiles`` call, which is atomic across the indexes (a crash
  leaves all of the batch in or none of it). That is about four times faster than a
  transaction per document (240k against 50k quads/s measured on 2,000 synthetic
  documents), and the batch stays far below the 1,000,000 quads after which Oxigraph's
  bulk loader would split it into separate ingestions. Many small ingestions leave many
  SST files, which slow queries down about threefold, so a build that made several
  compacts the store at its end (``Store.optimize``).
* **changed documents**, and every document sent to a SPARQL endpoint, are replaced in one
  SPARQL update each (``DROP GRAPH`` + ``INSERT DATA``, one transaction).
* a document larger than a batch goes in one ``Store.extend`` (one transaction).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from repression_kg.ids import DEFAULT_BASE
from repression_kg.rdf.terms import ONTOLOGY_GRAPH, REFERENCE_GRAPH, rkg
from repression_kg.resources import ontology_dir

STATE_GRAPH = "graph/build"
BULK_BATCH_QUADS = 200_000
OPTIMIZE_AFTER = 4  # bulk ingestions in one build after which the store is compacted


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
    stored, present = _stored(store, node, state)
    if stored == digest and present:
        return False
    if isinstance(store, pyoxigraph.Store) and stored is None and not present:
        # nothing to replace: one transactional extend writes the graph and its digest
        store.extend(_tagged(quads, node, digest, state))
        return True
    _replace(store, node, quads, digest, state)
    return True


def _stored(store: pyoxigraph.Store, node: NamedNode, state: NamedNode) -> tuple[str | None, bool]:
    """The digest the store keeps for graph ``node`` (None: none), and whether it holds it."""
    known = list(store.quads_for_pattern(node, rkg("graphDigest"), None, state))
    return (known[0].object.value if known else None), store.contains_named_graph(node)


def _tagged(quads: list[Quad], node: NamedNode, digest: str, state: NamedNode) -> list[Quad]:
    """``quads`` in graph ``node`` (whatever graph they name), with the graph's digest."""
    return [q if q.graph_name == node else Quad(q.subject, q.predicate, q.object, node)
            for q in quads] + [Quad(node, rkg("graphDigest"), Literal(digest), state)]


def _replace(store: pyoxigraph.Store, node: NamedNode, quads: list[Quad], digest: str,
             state: NamedNode) -> None:
    """Replace graph ``node`` and its digest in one SPARQL update (one transaction)."""
    triples = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    store.update(
        f"DROP SILENT GRAPH {node} ;\n"
        f"DELETE WHERE {{ GRAPH {state} {{ {node} {rkg('graphDigest')} ?d }} }} ;\n"
        f"INSERT DATA {{ GRAPH {node} {{ {triples} }} "
        f"GRAPH {state} {{ {node} {rkg('graphDigest')} {Literal(digest)} }} }}")


#: bump when :func:`reference_quads` maps the same files to other quads
_REFERENCE_MAPPING = "skolemised-canonical-1"


def _reference_files() -> list[tuple[NamedNode, Path]]:
    files = [(REFERENCE_GRAPH, p) for p in sorted((ontology_dir() / "reference").glob("*.ttl"))]
    return [*files, (ONTOLOGY_GRAPH, ontology_dir() / "repression.ttl")]


def _reference_digest() -> str:
    """A digest of the reference files themselves (names and bytes) and of how they are
    mapped: reading it costs milliseconds, parsing them about two seconds."""
    digest = hashlib.sha256(_REFERENCE_MAPPING.encode())
    for graph, path in _reference_files():
        digest.update(f"\n{graph.value} {path.name} ".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_quads() -> list[Quad]:
    """ontology/reference/*.ttl in the reference graph and the ontology in its own, blank
    nodes (OWL restrictions, lists) skolemised to IRIs from a canonical labelling, so the
    same files always give the same quads."""
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    out: list[Quad] = []
    for graph, path in _reference_files():
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

    Checked on every build (by a digest of the files), so edits to the reference data
    reach the store."""
    state, digest = NamedNode(base + STATE_GRAPH), _reference_digest()
    graphs = [REFERENCE_GRAPH, ONTOLOGY_GRAPH]
    known = {q.subject: q.object.value for g in graphs
             for q in store.quads_for_pattern(g, rkg("graphDigest"), None, state)}
    if all(known.get(g) == digest and store.contains_named_graph(g) for g in graphs):
        return False
    quads = reference_quads()
    body = " ".join(f"GRAPH {g} {{ " + " .\n".join(
        f"{q.subject} {q.predicate} {q.object}" for q in quads if q.graph_name == g) + " }"
        for g in graphs)
    stamps = " ".join(f"{g} {rkg('graphDigest')} {Literal(digest)} ." for g in graphs)
    drops = " ;\n".join(f"DROP SILENT GRAPH {g} ;\n"
                        f"DELETE WHERE {{ GRAPH {state} {{ {g} {rkg('graphDigest')} ?d }} }}"
                        for g in graphs)
    store.update(f"{drops} ;\nINSERT DATA {{ {body} GRAPH {state} {{ {stamps} }} }}")
    return True


def update_graph(store: pyoxigraph.Store, graph: str, old: list[Quad], new: list[Quad],
                 base: str = DEFAULT_BASE) -> bool:
    """Turn graph ``graph``, which holds ``old``, into ``new`` (and its digest) in one
    SPARQL update that deletes and inserts only the difference; False when unchanged.

    For a graph every build rewrites a little of, such as the resolution judgements: a
    build that adds one document to a store of thousands changes a few of its quads."""
    node, state = NamedNode(graph), NamedNode(base + STATE_GRAPH)
    digest = _digest(new)
    if _stored(store, node, state) == (digest, True):
        return False
    have = {(q.subject, q.predicate, q.object) for q in old}
    want = {(q.subject, q.predicate, q.object) for q in new}

    def block(triples: set[tuple[object, object, object]]) -> str:
        return " .\n".join(f"{s} {p} {o}" for s, p, o in sorted(triples, key=str))

    stamp = f"{node} {rkg('graphDigest')} {Literal(digest)}"
    store.update(
        f"DELETE DATA {{ GRAPH {node} {{ {block(have - want)} }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {state} {{ {node} {rkg('graphDigest')} ?d }} }} ;\n"
        f"INSERT DATA {{ GRAPH {node} {{ {block(want - have)} }} GRAPH {state} {{ {stamp} }} }}")
    return True


def drop_graph(store: pyoxigraph.Store, graph: str, base: str = DEFAULT_BASE) -> bool:
    """Delete a whole graph and its digest; False when it was not there."""
    node, state = NamedNode(graph), NamedNode(base + STATE_GRAPH)
    if not store.contains_named_graph(node):
        return False
    store.update(f"DROP SILENT GRAPH {node} ; "
                 f"DELETE WHERE {{ GRAPH {state} {{ {node} {rkg('graphDigest')} ?d }} }}")
    return True


class GraphWriter:
    """Writes documents' graphs into ``store`` (see the module docstring for how).

    :meth:`write` says at once whether the document changed; ``committed`` is called with
    each document id once its graph is in the store (or found unchanged), which for a new
    document is once its batch is written. A batch is written by a loader thread while the
    caller maps and checks the next documents (``bulk_load`` of the batch's N-Quads lets
    Python run meanwhile, ``bulk_extend`` would not); one batch at most is in flight.
    :meth:`close` writes the last batch and must be called."""

    def __init__(self, store: pyoxigraph.Store, base: str = DEFAULT_BASE, *,
                 batch_quads: int = BULK_BATCH_QUADS,
                 committed: Callable[[str], None] | None = None) -> None:
        self.store, self.base = store, base
        self.state = NamedNode(base + STATE_GRAPH)
        self.bulk = isinstance(store, pyoxigraph.Store)
        self.batch_quads = batch_quads
        self.committed = committed or (lambda doc_id: None)
        self.pending: list[Quad] = []
        self.pending_docs: dict[NamedNode, str] = {}  # graph -> document id, in the batch
        self.pending_blank = False  # N-Quads would not keep blank node labels
        self.ingestions = 0
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rkg-load") \
            if self.bulk else None
        self._inflight: Future[None] | None = None
        self._inflight_docs: dict[NamedNode, str] = {}

    def write(self, doc_id: str, graph: str, quads: list[Quad]) -> bool:
        """Write one document's graph; False when the store already holds it unchanged."""
        node = NamedNode(graph)
        if node in self.pending_docs or node in self._inflight_docs:
            self.flush()  # the same graph twice in a build: the later one wins
            self._wait()
        digest = _digest(quads)
        stored, present = _stored(self.store, node, self.state)
        if stored == digest and present:
            self.committed(doc_id)
            return False
        if not self.bulk or stored is not None or present:
            _replace(self.store, node, quads, digest, self.state)
            self.committed(doc_id)
            return True
        batch = _tagged(quads, node, digest, self.state)
        if len(batch) > self.batch_quads:
            self.store.extend(batch)  # one transaction
            self.committed(doc_id)
            return True
        if len(self.pending) + len(batch) > self.batch_quads:
            self.flush()
        self.pending += batch
        self.pending_docs[node] = doc_id
        self.pending_blank = self.pending_blank or any(
            isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode) for q in batch)
        return True

    def flush(self) -> None:
        """Send the pending batch to the loader (one atomic ingestion)."""
        if not self.pending:
            return
        batch, docs, blank = self.pending, self.pending_docs, self.pending_blank
        self.pending, self.pending_docs, self.pending_blank = [], {}, False
        self._wait()
        self.ingestions += 1
        if blank or self._loader is None:
            self.store.bulk_extend(batch)
            for doc_id in docs.values():
                self.committed(doc_id)
            return
        data = pyoxigraph.serialize(batch, format=pyoxigraph.RdfFormat.N_QUADS)
        self._inflight_docs = docs
        self._inflight = self._loader.submit(self.store.bulk_load, data,
                                             format=pyoxigraph.RdfFormat.N_QUADS)

    def _wait(self) -> None:
        """Wait for the batch in flight (its error is raised here) and report its documents."""
        if self._inflight is None:
            return
        future, docs = self._inflight, self._inflight_docs
        self._inflight, self._inflight_docs = None, {}
        future.result()
        for doc_id in docs.values():
            self.committed(doc_id)

    def finish(self) -> None:
        """Write the last batch and wait until every batch is in the store."""
        self.flush()
        self._wait()

    def close(self, *, optimize: bool = True) -> None:
        """:meth:`finish`, stop the loader, and compact the store if this build ingested
        many batches (``optimize``)."""
        try:
            self.finish()
        finally:
            if self._loader is not None:
                self._loader.shutdown(wait=True)
        if optimize and self.ingestions >= OPTIMIZE_AFTER:
            self.store.optimize()
