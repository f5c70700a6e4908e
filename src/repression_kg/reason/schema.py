"""The schema rule (ontology/rules/10-schema.rq) compiled from the ontology and run in Python.

The rule's query joins every instance triple with property paths over the class and
property hierarchy; at 50k cases Oxigraph needs minutes for it. The hierarchy is small, so
it is compiled here once per run into four maps (predicate -> types its subjects get,
predicate -> types its IRI objects get, class -> superclasses, property ->
superproperties; only classes and properties of the ontology's namespace, as in the query)
and applied to the data read in bulk: the subjects and objects of each predicate, the
types, the values of properties that have superproperties. Applied to newly inferred
triples it needs no store at all. tests/test_reason.py checks it infers what the query does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from repression_kg.ids import ONTOLOGY
from repression_kg.reason.terms import TYPE, Asserted, Triple, construct, iri_rows, is_iri

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SUBCLASS, SUBPROPERTY = f"<{RDFS}subClassOf>", f"<{RDFS}subPropertyOf>"
DOMAIN, RANGE = f"<{RDFS}domain>", f"<{RDFS}range>"
OBJECT_PROPERTY = "<http://www.w3.org/2002/07/owl#ObjectProperty>"
OWN = f"<{ONTOLOGY}"

Map = dict[str, frozenset[str]]


@dataclass(frozen=True)
class Schema:
    """What the rule derives from one triple, by its predicate (or, for types, its class)."""

    domain_types: Map     # predicate -> the types of its IRI subjects
    range_types: Map      # object property -> the types of its IRI objects
    superclasses: Map     # class -> its superclasses
    superproperties: Map  # property -> its superproperties


def _reach(edges: dict[str, set[str]], start: str) -> set[str]:
    """Every node one or more edges from ``start`` (a path ``+``)."""
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen


def compile_schema(store: ox.Store) -> Schema:
    """The four maps, from the hierarchy axioms of all graphs (the query's paths read all)."""
    edges: dict[str, dict[str, set[str]]] = {p: defaultdict(set) for p in (SUBCLASS, SUBPROPERTY, DOMAIN, RANGE)}
    for s, p, o in construct(store, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {' '.join(edges)} }} ?s ?p ?o }}"):
        edges[p][s].add(o)
    object_properties = {s for s, _, _ in construct(store, f"CONSTRUCT {{ ?s a {OBJECT_PROPERTY} }} "
                                                           f"WHERE {{ ?s a {OBJECT_PROPERTY} }}")}
    subclass, subproperty = edges[SUBCLASS], edges[SUBPROPERTY]

    def own_star(node: str) -> set[str]:  # ?node rdfs:subClassOf* ?type, ?type in our namespace
        return {t for t in {node} | _reach(subclass, node) if t.startswith(OWN)}

    domain_types: Map = {}
    range_types: Map = {}
    superproperties: Map = {}
    for p in {*subproperty, *edges[DOMAIN], *edges[RANGE]}:
        if not is_iri(p):
            continue
        above = _reach(subproperty, p)  # ?p rdfs:subPropertyOf+ ?q
        supers = {p} | above            # ?p rdfs:subPropertyOf* ?q
        domain = {t for q in supers for d in edges[DOMAIN].get(q, ()) if is_iri(d) for t in own_star(d)}
        range_ = {t for q in supers & object_properties for r in edges[RANGE].get(q, ()) if is_iri(r)
                  for t in own_star(r)}
        own_supers = {q for q in above if q.startswith(OWN)}
        for target, values in ((domain_types, domain), (range_types, range_), (superproperties, own_supers)):
            if values:
                target[p] = frozenset(values)
    superclasses = {c: frozenset(ts) for c in subclass if is_iri(c)
                    if (ts := {t for t in _reach(subclass, c) if t.startswith(OWN)})}
    return Schema(domain_types, range_types, superclasses, superproperties)


def apply(schema: Schema, triples: Iterable[Triple]) -> set[Triple]:
    """What the rule derives from these triples (joined with the schema only)."""
    out: set[Triple] = set()
    for s, p, o in triples:
        if is_iri(s):
            if p == TYPE:
                out.update((s, TYPE, t) for t in schema.superclasses.get(o, ()))
            out.update((s, TYPE, t) for t in schema.domain_types.get(p, ()))
            if not o.startswith("_:"):
                out.update((s, q, o) for q in schema.superproperties.get(p, ()))
        if is_iri(o):
            out.update((o, TYPE, t) for t in schema.range_types.get(p, ()))
    return out


def _by_types(values: Map) -> dict[frozenset[str], list[str]]:
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for predicate, types in sorted(values.items()):
        groups[types].append(predicate)
    return groups


def _everything(store: ox.Store, schema: Schema, types: Iterable[tuple[str, str]]) -> set[Triple]:
    """What the rule derives from all the store's graphs, read a predicate group at a time."""
    out = {(x, TYPE, t) for x, c in types if is_iri(x) for t in schema.superclasses.get(c, ())}
    for where, values in (("?x ?p ?o", schema.domain_types), ("?o ?p ?x", schema.range_types)):
        for types_, predicates in _by_types(values).items():
            rows = iri_rows(store, f"SELECT DISTINCT ?x WHERE {{ VALUES ?p {{ {' '.join(predicates)} }} "
                                   f"{where} FILTER(isIRI(?x)) }}")  # DISTINCT: fewer terms to decode
            out.update((row[0], TYPE, t) for row in rows for t in types_)
    for p, supers in sorted(schema.superproperties.items()):
        valued = construct(store, f"CONSTRUCT {{ ?s {p} ?o }} WHERE {{ ?s {p} ?o "
                                  f"FILTER(isIRI(?s) && !isBlank(?o)) }}")
        out.update((s, q, o) for s, _, o in valued for q in supers)
    return out


def evaluate(store: ox.Store, asserted: Asserted, known: set[Triple], delta: list[Triple] | None) -> set[Triple]:
    """The rule over the whole store (``delta`` None) or over the newly inferred ``delta``."""
    schema = compile_schema(store)
    if delta is not None:
        return apply(schema, delta)
    types = asserted.pairs(TYPE) | asserted.default_types() | {(s, o) for s, p, o in known if p == TYPE}
    return _everything(store, schema, types)
