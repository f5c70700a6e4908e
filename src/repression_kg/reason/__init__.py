"""`rkg reason`: materialise the ontology's instance-level inferences into the store.

The OWL reasoner (HermiT) is exact but does not scale past a few hundred cases, so the
inferences are made at scale by the rules of ``ontology/rules/*.rq`` (tests/test_reason.py
checks on a sample that they give the same defined-class members as HermiT). The rules run
in file-name order over the union of all graphs, round after round until nothing new
follows; what they construct and no graph asserts yet goes to the named graph
``id:graph/inferred``, which is replaced wholesale on every run and described as reasoned
(``rkg:method ref:method/reasoned``, derived from the rule files).

Modules: :mod:`.rules` reads the rule files, :mod:`.engine` runs them to the fixpoint,
:mod:`.schema` is the schema rule compiled to Python, :mod:`.terms` moves triples between
the store and Python in bulk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from repression_kg.ontology.files import (
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    ontology_file,
    reference_files,
)
from repression_kg.reason.engine import INFERRED_GRAPH, MAX_ROUNDS, ReasonReport, infer
from repression_kg.reason.rules import Rule, RuleError, load_rules

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pyoxigraph as ox

__all__ = ["INFERRED_GRAPH", "MAX_ROUNDS", "ReasonReport", "Rule", "RuleError",
           "ensure_model", "infer", "load_rules", "reason_store"]


def ensure_model(store: ox.Store) -> list[str]:
    """Load the ontology (and reference data) into their graphs when the store lacks them."""
    import pyoxigraph as ox

    loaded = []
    wanted = [(ONTOLOGY_GRAPH, [ontology_file()]), (REFERENCE_GRAPH, reference_files())]
    for graph, paths in wanted:
        node = ox.NamedNode(graph)
        if next(iter(store.quads_for_pattern(None, None, None, node)), None) is not None:
            continue
        for path in paths:
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=node)
        loaded.append(graph)
    return loaded


def reason_store(path: str | Path | None = None, rules: Sequence[Rule] | None = None) -> ReasonReport:
    """Open the store (see :func:`repression_kg.store.open_store`), load what is missing, infer."""
    from repression_kg.store import open_store

    store = open_store(path)
    loaded = ensure_model(store)
    report = infer(store, rules)
    report.loaded = loaded
    return report
