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

import re
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
BULK_BYTES = 4_000_000  # above this, rule output is bulk-loaded (faster, not transactional)


class RuleError(Exception):
    """A rule file cannot be read or is not a valid CONSTRUCT query (names the file)."""


@dataclass(frozen=True)
class Rule:
    """One CONSTRUCT query from ontology/rules/.

    ``linear`` rules (first line ``#! linear``) join one data triple with the ontology's
    axioms only, so a later round may apply them to the newly inferred triples alone;
    ``closed`` ones (``#! linear closed``) already give everything that follows from their
    own output, so they are not applied to it again.
    ``mentions`` are the IRIs the rule reads (None: it reads any predicate or class), so a
    rule is re-run only when something it reads was inferred since its last run.
    """

    name: str
    query: str
    linear: bool = False
    closed: bool = False
    mentions: frozenset[str] | None = None

    @property
    def iri(self) -> str:
        return f"{REF}rule/{self.name}"


@dataclass
class ReasonReport:
    """What one run of the rules did."""

    triples: int = 0
    rounds: int = 0
    seconds: float = 0.0
    per_rule: dict[str, int] = field(default_factory=dict)  # new triples per rule
    loaded: list[str] = field(default_factory=list)  # model graphs loaded because absent


_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.I)
_PNAME = re.compile(r"(?<![\w<?$])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)")
_VARIABLE_TERM = re.compile(r"\?\w+\s+(?:a|\?\w+)\s+\?\w+|\s\?\w+\s+\?\w+\s+\?\w+|\sa\s+\?\w+")


def _mentions(text: str) -> frozenset[str] | None:
    body = "\n".join(line.split("#", 1)[0] if not line.lstrip().startswith("PREFIX") else line
                     for line in text.splitlines())
    where = body[body.upper().find("WHERE"):]
    if _VARIABLE_TERM.search(" " + where):
        return None
    prefixes = dict(_PREFIX.findall(body))
    iris = set(re.findall(r"<([^>]+)>", where))
    iris |= {prefixes[p] + local for p, local in _PNAME.findall(where) if p in prefixes}
    return frozenset(iris)


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
        header = text.splitlines()[0].split() if text.startswith("#!") else []
        linear, closed = "linear" in header, "closed" in header
        rules.append(Rule(path.stem, text, linear, closed, None if linear else _mentions(text)))
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


def _count(store: ox.Store, graph: ox.NamedNode) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def _terms(store: ox.Store, graph: ox.NamedNode) -> set[str]:
    """The predicates (but rdf:type) and the classes (objects of rdf:type) of a graph."""
    query = (f"SELECT DISTINCT ?t WHERE {{ GRAPH {graph} {{ {{ ?s ?t ?o FILTER(?t != {RDF_TYPE}) }} "
             f"UNION {{ ?s a ?t }} }} }}")
    return {row["t"].value for row in store.query(query)}


def _run(store: ox.Store, rule: Rule, stage: ox.NamedNode, delta: list[ox.NamedNode] | None) -> int:
    """Apply one rule into the graph ``stage``; keep only what no other graph holds."""
    try:
        if delta is None:
            results = store.query(rule.query, use_default_graph_as_union=True)
        else:
            results = store.query(rule.query, default_graph=[*delta, ox.NamedNode(ONTOLOGY_GRAPH)])
        data = results.serialize(format=ox.RdfFormat.N_TRIPLES)
    except (SyntaxError, OSError, ValueError) as exc:
        raise RuleError(f"rule {rule.name}: {exc}") from exc
    if not data:
        return 0
    if len(data) > BULK_BYTES:
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=stage)
    else:
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=stage)
    store.update(f"DELETE {{ GRAPH {stage} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {stage} {{ ?s ?p ?o }} "
                 f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {stage}) }}")
    return _count(store, stage)


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


def _stage_prefix() -> str:
    return f"{INFERRED_GRAPH}/stage/"


def infer(store: ox.Store, rules: Sequence[Rule] | None = None, *, max_rounds: int = MAX_ROUNDS) -> ReasonReport:
    """Replace the inferred graph with the fixpoint of ``rules`` over the store's graphs.

    Semi-naive: every rule application writes to a stage graph of its own; a linear rule
    is later applied to the stages written since its last run only, any other rule is
    re-run (over everything) only when those stages hold a predicate or class it reads.
    At the end the stages are added to ``id:graph/inferred`` and dropped.
    """
    rules = list(rules) if rules is not None else load_rules()
    report = ReasonReport(per_rule={rule.name: 0 for rule in rules})
    started = time.perf_counter()
    inferred = ox.NamedNode(INFERRED_GRAPH)
    for graph in list(store.named_graphs()):
        if graph.value == INFERRED_GRAPH or graph.value.startswith(_stage_prefix()):
            store.remove_graph(graph)
    stages: list[tuple[ox.NamedNode, set[str], str]] = []  # (graph, its terms, rule)
    last_run: dict[str, int] = {}                       # rule -> number of stages seen
    while report.rounds < max_rounds:
        report.rounds += 1
        added = 0
        for rule in rules:
            seen = last_run.get(rule.name)
            if seen is not None:
                pending = [st for st in stages[seen:] if not (rule.closed and st[2] == rule.name)]
                if not pending:
                    continue
                if not rule.linear and rule.mentions is not None and \
                        not any(rule.mentions & terms for _, terms, _ in pending):
                    last_run[rule.name] = len(stages)
                    continue
            delta = [st[0] for st in pending] if seen is not None and rule.linear else None
            last_run[rule.name] = len(stages)
            stage = ox.NamedNode(f"{_stage_prefix()}{len(stages)}")
            count = _run(store, rule, stage, delta)
            if count:
                stages.append((stage, _terms(store, stage), rule.name))
                report.per_rule[rule.name] += count
                added += count
        report.triples += added
        if not added:
            break
    for stage, _, _ in stages:
        store.update(f"ADD {stage} TO {inferred}")
        store.remove_graph(stage)
    store.add_graph(inferred)
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
