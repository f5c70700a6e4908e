"""The fixpoint: apply the rules round after round until nothing new follows.

Every inferred triple is kept (as N-Triples term strings) in one Python set and written to
``id:graph/inferred`` as soon as its rule has run, so the next rule's query sees it. A
triple goes there only when it is new: neither inferred before nor asserted by another
named graph (read per predicate, see :class:`~repression_kg.reason.terms.Asserted`).

Semi-naive: each rule's new triples form a batch; a linear rule is later applied to the
batches written since its last run only (an evaluator in Python directly, a query over a
scratch store of those triples and the ontology), any other rule is re-run over the whole
store only when those batches hold a predicate or class it reads.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from repression_kg.ids import DEFAULT_BASE, ONTOLOGY, concept_iri
from repression_kg.ontology.files import ONTOLOGY_GRAPH
from repression_kg.reason import schema
from repression_kg.reason.rules import Rule, RuleError, load_rules
from repression_kg.reason.terms import TYPE, Asserted, Triple, construct, text, write

INFERRED_GRAPH = f"{DEFAULT_BASE}graph/inferred"
STAGE_PREFIX = f"{INFERRED_GRAPH}/stage/"  # graphs of earlier versions, dropped on every run
RDF_TYPE = ox.NamedNode(TYPE[1:-1])
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
MAX_ROUNDS = 25
EVALUATORS = {"schema": schema.evaluate}  # `#! python:NAME` in a rule's first line


@dataclass
class ReasonReport:
    """What one run of the rules did."""

    triples: int = 0
    rounds: int = 0
    seconds: float = 0.0
    per_rule: dict[str, int] = field(default_factory=dict)  # new triples per rule
    per_rule_seconds: dict[str, float] = field(default_factory=dict)
    loaded: list[str] = field(default_factory=list)  # model graphs loaded because absent


@dataclass(frozen=True)
class _Batch:
    rule: str
    triples: list[Triple]
    terms: frozenset[str]  # its predicates (but rdf:type) and classes, as plain IRIs


def _terms(triples: Iterable[Triple]) -> frozenset[str]:
    return frozenset((o if p == TYPE else p)[1:-1] for _, p, o in triples)


class _Run:
    """One run's inferred triples, what the store asserts, and how a rule is evaluated."""

    def __init__(self, store: ox.Store, compiled: bool) -> None:
        self.store, self.compiled = store, compiled
        self.graph = ox.NamedNode(INFERRED_GRAPH)
        self.asserted = Asserted(store, self.graph)
        self.known: set[Triple] = set()
        self._ontology: bytes | None = None

    def evaluate(self, rule: Rule, delta: list[Triple] | None) -> Iterable[Triple]:
        if self.compiled and rule.evaluator is not None:
            if rule.evaluator not in EVALUATORS:
                raise RuleError(f"rule {rule.name}: no Python evaluator {rule.evaluator!r}")
            return EVALUATORS[rule.evaluator](self.store, self.asserted, self.known, delta)
        try:
            if delta is None:
                return construct(self.store, rule.query)
            return construct(self._scratch(delta), rule.query, union=False)
        except (SyntaxError, OSError, ValueError) as exc:
            raise RuleError(f"rule {rule.name}: {exc}") from exc

    def _scratch(self, delta: list[Triple]) -> ox.Store:
        """An in-memory store of ``delta`` and the ontology's axioms, in its default graph."""
        if self._ontology is None:
            self._ontology = self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        scratch = ox.Store()
        scratch.load(self._ontology, format=ox.RdfFormat.N_TRIPLES)
        scratch.load(text(delta).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return scratch

    def add(self, candidates: Iterable[Triple]) -> list[Triple]:
        """Keep and write the candidates neither inferred nor asserted yet; return them."""
        by_predicate: dict[str, list[Triple]] = defaultdict(list)
        for triple in set(candidates) - self.known:
            by_predicate[triple[1]].append(triple)
        new: list[Triple] = []
        for predicate, triples in by_predicate.items():
            pairs = self.asserted.pairs(predicate)
            new.extend(t for t in triples if (t[0], t[2]) not in pairs)
        self.known.update(new)
        write(self.store, new, self.graph)
        return new


def _describe(store: ox.Store, rules: Sequence[Rule]) -> None:
    node = graph = ox.NamedNode(INFERRED_GRAPH)
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


def infer(store: ox.Store, rules: Sequence[Rule] | None = None, *, max_rounds: int = MAX_ROUNDS,
          compiled: bool = True) -> ReasonReport:
    """Replace the inferred graph with the fixpoint of ``rules`` over the store's graphs.

    ``compiled=False`` runs every rule's query, also where a Python evaluator stands for it
    (slow; the tests compare the two).
    """
    rules = list(rules) if rules is not None else load_rules()
    report = ReasonReport(per_rule={r.name: 0 for r in rules}, per_rule_seconds={r.name: 0.0 for r in rules})
    started = time.perf_counter()
    for graph in list(store.named_graphs()):
        if graph.value == INFERRED_GRAPH or graph.value.startswith(STAGE_PREFIX):
            store.remove_graph(graph)
    run = _Run(store, compiled)
    batches: list[_Batch] = []
    last_run: dict[str, int] = {}  # rule -> number of batches it has seen
    while report.rounds < max_rounds:
        report.rounds += 1
        added = 0
        for rule in rules:
            seen = last_run.get(rule.name)
            pending = [] if seen is None else \
                [b for b in batches[seen:] if not (rule.closed and b.rule == rule.name)]
            if seen is not None:
                if not pending:
                    continue
                if not rule.linear and rule.mentions is not None and \
                        not any(rule.mentions & b.terms for b in pending):
                    last_run[rule.name] = len(batches)
                    continue
            delta = [t for b in pending for t in b.triples] if seen is not None and rule.linear else None
            last_run[rule.name] = len(batches)
            rule_started = time.perf_counter()
            new = run.add(run.evaluate(rule, delta))
            report.per_rule_seconds[rule.name] += time.perf_counter() - rule_started
            if new:
                batches.append(_Batch(rule.name, new, _terms(new)))
                report.per_rule[rule.name] += len(new)
                added += len(new)
        report.triples += added
        if not added:
            break
    store.add_graph(run.graph)
    _describe(store, rules)
    store.flush()
    report.seconds = time.perf_counter() - started
    return report
