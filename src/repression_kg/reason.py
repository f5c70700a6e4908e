"""`rkg reason`: materialise the ontology's instance-level inferences into the store.

The OWL reasoner (HermiT) is exact but does not scale past a few hundred cases, so the
inferences are made at scale by the SPARQL CONSTRUCT rules of ``ontology/rules/*.rq``
(tests/test_reason.py checks on a sample that they give the same defined-class members as
HermiT). The rules run in file-name order over the union of all graphs, round after round
until nothing new follows; what they construct and no graph asserts yet goes to the named
graph ``id:graph/inferred``, which is replaced wholesale on every run and described as
reasoned (``rkg:method ref:method/reasoned``, derived from the rule files).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from repression_kg.ids import DEFAULT_BASE, ONTOLOGY, REF, concept_iri
from repression_kg.ontology.files import (
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    ontology_file,
    reference_files,
    rule_files,
)

INFERRED_GRAPH = f"{DEFAULT_BASE}graph/inferred"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
MAX_ROUNDS = 25


class RuleError(Exception):
    """A rule file cannot be read or is not a valid CONSTRUCT query (names the file)."""


@dataclass(frozen=True)
class Rule:
    """One CONSTRUCT query from ontology/rules/."""

    name: str
    query: str

    @property
    def iri(self) -> str:
        return f"{REF}rule/{self.name}"


@dataclass
class ReasonReport:
    """What one run of the rules did."""

    triples: int = 0
    rounds: int = 0
    seconds: float = 0.0
    per_rule: dict[str, int] = field(default_factory=dict)
    loaded: list[str] = field(default_factory=list)  # model graphs loaded because absent


def load_rules(paths: Iterable[Path] | None = None) -> list[Rule]:
    """Read the rule files (default: ontology/rules/*.rq) and check each is a CONSTRUCT."""
    rules = []
    for path in sorted(paths) if paths is not None else rule_files():
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleError(f"{path}: cannot read: {exc}") from exc
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        if "CONSTRUCT" not in body.upper():
            raise RuleError(f"{path}: a rule must be a SPARQL CONSTRUCT query")
        rules.append(Rule(path.stem, text))
    return rules


def ensure_model(store: ox.Store) -> list[str]:
    """Load the ontology (and reference data) into their graphs when the store lacks them."""
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


def _new_triples(store: ox.Store, rule: Rule) -> list[ox.Quad]:
    graph = ox.NamedNode(INFERRED_GRAPH)
    try:
        results = store.query(rule.query, use_default_graph_as_union=True)
    except (SyntaxError, OSError, ValueError) as exc:
        raise RuleError(f"rule {rule.name}: {exc}") from exc
    fresh: dict[tuple, ox.Quad] = {}
    for triple in results:
        s, p, o = triple.subject, triple.predicate, triple.object
        if not isinstance(s, ox.NamedNode) or isinstance(o, ox.BlankNode):
            continue  # axioms of the ontology itself, never facts about individuals
        key = (s, p, o)
        if key in fresh or next(iter(store.quads_for_pattern(s, p, o, None)), None) is not None:
            continue
        fresh[key] = ox.Quad(s, p, o, graph)
    return list(fresh.values())


def _describe(store: ox.Store, rules: Sequence[Rule]) -> None:
    graph = ox.NamedNode(INFERRED_GRAPH)
    node = ox.NamedNode(INFERRED_GRAPH)
    quads = [
        ox.Quad(node, RDF_TYPE, ox.NamedNode(f"{ONTOLOGY}InferredGraph"), graph),
        ox.Quad(node, ox.NamedNode(f"{ONTOLOGY}method"), ox.NamedNode(concept_iri("method", "reasoned")), graph),
    ]
    for rule in rules:
        rule_node = ox.NamedNode(rule.iri)
        quads += [
            ox.Quad(node, PROV_DERIVED, rule_node, graph),
            ox.Quad(rule_node, RDF_TYPE, ox.NamedNode(f"{ONTOLOGY}Rule"), graph),
            ox.Quad(rule_node, RDFS_LABEL, ox.Literal(f"ontology/rules/{rule.name}.rq"), graph),
        ]
    store.extend(quads)


def infer(store: ox.Store, rules: Sequence[Rule] | None = None, *, max_rounds: int = MAX_ROUNDS) -> ReasonReport:
    """Replace the inferred graph with the fixpoint of ``rules`` over the store's graphs."""
    rules = list(rules) if rules is not None else load_rules()
    report = ReasonReport(per_rule={rule.name: 0 for rule in rules})
    started = time.perf_counter()
    store.remove_graph(ox.NamedNode(INFERRED_GRAPH))
    store.add_graph(ox.NamedNode(INFERRED_GRAPH))
    while report.rounds < max_rounds:
        report.rounds += 1
        added = 0
        for rule in rules:
            quads = _new_triples(store, rule)
            if quads:
                store.extend(quads)
                report.per_rule[rule.name] += len(quads)
                added += len(quads)
        report.triples += added
        if not added:
            break
    _describe(store, rules)
    store.flush()
    report.seconds = time.perf_counter() - started
    return report


def reason_store(path: str | Path | None = None, rules: Sequence[Rule] | None = None) -> ReasonReport:
    """Open the store (see :func:`repression_kg.store.open_store`), load what is missing, infer."""
    from repression_kg.store import open_store

    store = open_store(path)
    loaded = ensure_model(store)
    report = infer(store, rules)
    report.loaded = loaded
    return report
