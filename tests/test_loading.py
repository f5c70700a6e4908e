"""GraphWriter: new documents in atomic bulk batches, changed ones replaced, same quads
whichever way they are written."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from repression_kg.loading import GraphWriter, load_document
from repression_kg.store import open_store

BASE = "https://w3id.org/repression-kg/id/"
P = NamedNode("https://example.org/p")


def doc(name: str, n: int, value: str = "v") -> tuple[str, str, list[Quad]]:
    graph = BASE + "doc/" + name
    return name, graph, [Quad(NamedNode(f"{graph}#s{i}"), P, Literal(f"{value}{i}"),
                              NamedNode(graph)) for i in range(n)]


def contents(store) -> set[str]:  # noqa: ANN001
    return {str(q) for q in store}


def test_batches_give_the_same_store_as_one_transaction_per_document(tmp_path: Path) -> None:
    docs = [doc(f"d{i}", 5 + i) for i in range(12)]
    one_by_one = open_store(tmp_path / "a")
    for _, graph, quads in docs:
        assert load_document(one_by_one, graph, quads, BASE)
    batched = open_store(tmp_path / "b")
    committed: list[str] = []
    writer = GraphWriter(batched, BASE, batch_quads=40, committed=committed.append)
    for name, graph, quads in docs:
        assert writer.write(name, graph, quads)
    assert len(committed) < len(docs)  # the last batch waits for close()
    writer.close()
    assert committed == [name for name, _, _ in docs]
    assert writer.ingestions > 1
    assert contents(batched) == contents(one_by_one)


def test_unchanged_changed_repeated_and_oversized_documents(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    writer = GraphWriter(store, BASE, batch_quads=10)
    name, graph, quads = doc("a", 4)
    assert writer.write(name, graph, quads)
    _, _, twice = doc("a", 3, "w")  # the same graph again in one build: the later one wins
    assert writer.write(name, graph, twice)
    big = doc("big", 25)  # more than a batch: one transaction of its own
    assert writer.write(*big)
    writer.close()
    assert {q.object.value for q in store.quads_for_pattern(None, P, None, NamedNode(graph))} \
        == {"w0", "w1", "w2"}
    assert len(list(store.quads_for_pattern(None, None, None, NamedNode(big[1])))) == 25
    again = GraphWriter(store, BASE)
    assert not again.write(name, graph, twice)  # unchanged: nothing written
    changed = doc("big", 2)
    assert again.write(*changed)  # changed: replaced in one update
    again.close()
    assert len(list(store.quads_for_pattern(None, None, None, NamedNode(big[1])))) == 2


def test_a_batch_with_blank_nodes_keeps_their_labels(tmp_path: Path) -> None:
    from pyoxigraph import BlankNode

    store = open_store(tmp_path / "s")
    writer = GraphWriter(store, BASE)
    name, graph, quads = doc("b", 2)
    blank = Quad(BlankNode("keep"), P, Literal("x"), NamedNode(graph))
    assert writer.write(name, graph, [*quads, blank])
    writer.close()
    assert BlankNode("keep") in {q.subject for q in store.quads_for_pattern(None, P, None, NamedNode(graph))}
