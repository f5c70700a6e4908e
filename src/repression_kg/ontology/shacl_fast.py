"""A fast pre-check of the SHACL gate: the core constraints of ontology/shapes.ttl in Python.

pySHACL takes ~0.2-0.9 s for one document graph of ~1,300 triples; this check takes a few
milliseconds. It is a *filter*, never the judge: :func:`compile_shapes` accepts only shapes
made of the constraint components it implements (simple IRI paths; class, objects-of and
node targets; counts, node kinds, datatypes, patterns, ``sh:in``, ``sh:hasValue``,
``sh:or`` of value shapes, inclusive ranges, ``sh:lessThanOrEquals``) and returns None for
anything else, so the gate falls back to pySHACL. When the check finds a violation, or
meets a value it cannot judge exactly as pySHACL does (:class:`Unsure`), the gate runs
pySHACL for the report it gives to people. Value semantics (datatypes, ill-typed
literals, comparisons) are rdflib's and pySHACL's own functions, and
tests/ontology/test_shacl_fast.py checks that both give the same results on valid and
broken documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

import pyoxigraph
import rdflib
from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, XSD, Graph
from rdflib.collection import Collection
from rdflib.namespace import SH

Key = tuple[str, str, str, str]  # focus, path, constraint component, severity

_META = {RDF.type, RDFS.label, RDFS.comment, SH.message, SH.name, SH.description, SH.order,
         SH.group}
_NODE = {SH.targetClass, SH.targetObjectsOf, SH.targetNode, SH.property, SH.severity}
_VALUE = {SH.nodeKind, SH.datatype, SH.pattern, SH["in"], SH.hasValue, SH["or"],
          SH.minInclusive, SH.maxInclusive}
_PROPERTY = {SH.path, SH.minCount, SH.maxCount, SH.lessThanOrEquals, SH.severity}
_KINDS = {SH.IRI: (rdflib.URIRef,), SH.BlankNode: (rdflib.BNode,), SH.Literal: (rdflib.Literal,),
          SH.BlankNodeOrIRI: (rdflib.BNode, rdflib.URIRef),
          SH.BlankNodeOrLiteral: (rdflib.BNode, rdflib.Literal),
          SH.IRIOrLiteral: (rdflib.URIRef, rdflib.Literal)}
_PYTYPES: dict[rdflib.URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int,
    XSD.float: float, XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date,
    XSD.time: time, XSD.dateTime: datetime}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_TYPE_IRI = str(RDF.type)
_SUBCLASS = pyoxigraph.NamedNode(str(RDFS.subClassOf))


class Unsupported(Exception):
    """The shapes use something this check does not implement."""


class Unsure(Exception):
    """A value this check cannot judge exactly as pySHACL would."""


@dataclass
class Shape:
    """A node shape (``path`` None) or a property shape, with its value constraints."""

    node: rdflib.term.Node
    path: rdflib.URIRef | None = None
    path_iri: str = ""  # str(path), looked up for every focus node
    severity: str = "Violation"
    values: list[tuple[str, object]] = field(default_factory=list)  # (component, argument)
    min_count: int | None = None
    max_count: int | None = None
    less_or_equal: list[rdflib.URIRef] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    target_classes: list[rdflib.URIRef] = field(default_factory=list)
    target_objects_of: list[rdflib.URIRef] = field(default_factory=list)
    target_nodes: list[rdflib.term.Node] = field(default_factory=list)
    # (index in values, pyoxigraph term) -> verdict; kept across documents, whose values
    # repeat (classes, concepts, small numbers), as a value's verdict depends on it alone
    verdicts: dict[tuple[int, object], bool] = field(default_factory=dict, repr=False)


def _one(graph: Graph, node: rdflib.term.Node, pred: rdflib.URIRef) -> rdflib.term.Node:
    values = list(graph.objects(node, pred))
    if len(values) != 1:
        raise Unsupported(f"{node} has {len(values)} values of {pred}")
    return values[0]


def _compile(graph: Graph, node: rdflib.term.Node, *, allowed: set[rdflib.URIRef]) -> Shape:
    shape = Shape(node)
    for pred, obj in graph.predicate_objects(node):
        if pred in _META:
            continue
        if pred not in allowed or (pred == SH.property and not isinstance(obj, rdflib.term.Node)):
            raise Unsupported(f"{node}: {pred} is not implemented")
    if (node, SH.deactivated, None) in graph:
        raise Unsupported(f"{node}: sh:deactivated")
    if (node, SH.path, None) in graph:
        path = _one(graph, node, SH.path)
        if not isinstance(path, rdflib.URIRef):
            raise Unsupported(f"{node}: only simple IRI paths are implemented")
        shape.path, shape.path_iri = path, str(path)
    severity = graph.value(node, SH.severity)
    if severity is not None:
        shape.severity = str(severity).rsplit("#", 1)[-1]
    for pred, component in ((SH.minCount, "min_count"), (SH.maxCount, "max_count")):
        if (node, pred, None) in graph:
            setattr(shape, component, int(_one(graph, node, pred).toPython()))  # type: ignore[union-attr]
    for obj in graph.objects(node, SH.lessThanOrEquals):
        if not isinstance(obj, rdflib.URIRef):
            raise Unsupported(f"{node}: sh:lessThanOrEquals {obj}")
        shape.less_or_equal.append(obj)
    for pred, component in ((SH.nodeKind, "NodeKindConstraintComponent"),
                            (SH.datatype, "DatatypeConstraintComponent"),
                            (SH.hasValue, "HasValueConstraintComponent"),
                            (SH.minInclusive, "MinInclusiveConstraintComponent"),
                            (SH.maxInclusive, "MaxInclusiveConstraintComponent")):
        for obj in graph.objects(node, pred):
            if pred == SH.nodeKind and obj not in _KINDS:
                raise Unsupported(f"{node}: node kind {obj}")
            shape.values.append((component, obj))
    for obj in graph.objects(node, SH.pattern):
        shape.values.append(("PatternConstraintComponent", re.compile(str(obj))))
    for obj in graph.objects(node, SH["in"]):
        shape.values.append(("InConstraintComponent", set(Collection(graph, obj))))
    for obj in graph.objects(node, SH["or"]):
        members = [_compile(graph, m, allowed=_VALUE - {SH.hasValue})
                   for m in Collection(graph, obj)]
        shape.values.append(("OrConstraintComponent", members))
    shape.properties = [_compile(graph, p, allowed=_VALUE | _PROPERTY)
                        for p in graph.objects(node, SH.property)]
    shape.target_classes = list(graph.objects(node, SH.targetClass))  # type: ignore[arg-type]
    shape.target_objects_of = list(graph.objects(node, SH.targetObjectsOf))  # type: ignore[arg-type]
    shape.target_nodes = list(graph.objects(node, SH.targetNode))
    return shape


def compile_shapes(graph: Graph) -> list[Shape] | None:
    """The targeted shapes of ``graph``, or None when it uses anything not implemented."""
    targets = (SH.targetClass, SH.targetObjectsOf, SH.targetNode, SH.targetSubjectsOf)
    roots = sorted({s for t in targets for s in graph.subjects(t, None)}, key=str)
    for kind in (RDFS.Class, rdflib.OWL.Class):  # implicit class targets
        if any((s, RDF.type, kind) in graph for s in graph.subjects(RDF.type, SH.NodeShape)):
            return None
    if (None, SH.sparql, None) in graph or (None, SH.targetSubjectsOf, None) in graph:
        return None
    try:
        return [_compile(graph, node, allowed=_NODE | _VALUE) for node in roots]
    except Unsupported:
        return None


def to_rdflib(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal,
              ) -> rdflib.term.Node:
    """The term rdflib's N-Triples parser would give for ``term``."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=term.datatype.value)
    raise Unsure(f"RDF-star term {term}")


def _datatype_ok(value: rdflib.term.Node, rule: rdflib.term.Node) -> bool:
    if not isinstance(value, rdflib.Literal):
        return False
    if value.datatype == rule:
        if getattr(value, "ill_typed", None) is True:
            return False
    elif not ((value.datatype is None and value.language is None and rule == XSD.string)
              or (rule == RDF.langString and value.language)):
        if rule in (RDFS.Literal, RDFS.Datatype):
            raise Unsure(f"datatype {rule}")
        return False
    expected = _PYTYPES.get(rule)  # type: ignore[call-overload]
    return True if expected is None else isinstance(value.value, expected)


def _range_ok(value: rdflib.term.Node, bound: rdflib.Literal, sign: int) -> bool:
    if not isinstance(value, rdflib.Literal):
        return False
    if isinstance(bound.value, str) != isinstance(value.value, str):
        return False
    try:
        cmp = compare_literal(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return cmp * sign >= 0


def _value_ok(component: str, arg: object, value: rdflib.term.Node) -> bool:
    if component == "NodeKindConstraintComponent":
        return isinstance(value, _KINDS[arg])  # type: ignore[index]
    if component == "DatatypeConstraintComponent":
        return _datatype_ok(value, arg)  # type: ignore[arg-type]
    if component == "PatternConstraintComponent":
        if isinstance(value, rdflib.BNode):
            return False
        return arg.search(str(value)) is not None  # type: ignore[attr-defined]
    if component == "InConstraintComponent":
        return value in arg  # type: ignore[operator]
    if component == "MinInclusiveConstraintComponent":
        return _range_ok(value, arg, 1)  # type: ignore[arg-type]
    if component == "MaxInclusiveConstraintComponent":
        return _range_ok(value, arg, -1)  # type: ignore[arg-type]
    if component == "OrConstraintComponent":
        return any(all(_value_ok(c, a, value) for c, a in member.values)
                   for member in arg)  # type: ignore[attr-defined]
    raise Unsure(component)


_CONVERTED: dict[object, rdflib.term.Node] = {}  # pyoxigraph term -> rdflib term, bounded
_CONVERTED_MAX = 100_000  # entries kept by each cache (long quotes are in them too)


def _term(node: object) -> rdflib.term.Node:
    found = _CONVERTED.get(node)
    if found is None:
        if len(_CONVERTED) >= _CONVERTED_MAX:
            _CONVERTED.clear()
        found = _CONVERTED[node] = to_rdflib(node)  # type: ignore[arg-type]
    return found


class Data:
    """One document graph, indexed for the checks (graph names are dropped, as in the gate)."""

    def __init__(self, quads: Iterable[pyoxigraph.Quad | pyoxigraph.Triple]) -> None:
        self.out: dict[object, dict[str, list[object]]] = {}
        self.by_pred: dict[str, list[object]] = {}
        self.types: dict[str, set[object]] = defaultdict(set)
        out, by_pred = self.out, self.by_pred
        for q in quads:  # duplicates are harmless: the checks keep distinct terms
            subject, pred, obj = q.subject, q.predicate.value, q.object
            preds = out.get(subject)
            if preds is None:
                preds = out[subject] = {}
            found = preds.get(pred)
            if found is None:
                preds[pred] = [obj]
            else:
                found.append(obj)
            found = by_pred.get(pred)
            if found is None:
                by_pred[pred] = [obj]
            else:
                found.append(obj)
            if pred == _TYPE_IRI:
                self.types[obj.value if isinstance(obj, pyoxigraph.NamedNode) else str(obj)].add(
                    subject)
        self.subclasses: dict[str, set[str]] = defaultdict(set)
        for s, preds in self.out.items():
            for o in preds.get(_SUBCLASS.value, ()):
                self.subclasses[o.value if isinstance(o, pyoxigraph.NamedNode) else str(o)].add(
                    s.value if isinstance(s, pyoxigraph.NamedNode) else str(s))

    def instances(self, cls: str) -> set[object]:
        out, todo, done = set(), [cls], set()
        while todo:
            c = todo.pop()
            if c in done:
                continue
            done.add(c)
            out |= self.types.get(c, set())
            todo += self.subclasses.get(c, ())
        return out

    def focus_nodes(self, shape: Shape) -> set[object]:
        found: set[object] = set()
        for cls in shape.target_classes:
            found |= self.instances(str(cls))
        for pred in shape.target_objects_of:
            found |= set(self.by_pred.get(str(pred), ()))
        for node in shape.target_nodes:
            raise Unsure(f"sh:targetNode {node}")
        return found

    def values(self, focus: object, path: str) -> list[object]:
        preds = self.out.get(focus)
        return preds.get(path, []) if preds else []


def _label(node: object) -> str:
    if isinstance(node, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
        return node.value
    return str(node)


@lru_cache(maxsize=1024)
def _named(iri: rdflib.URIRef) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(str(iri))


def _rdflib_count(distinct: list[object]) -> int:
    return len({_term(v) for v in distinct})


def _check(data: Data, shape: Shape, focus: object, out: set[Key]) -> None:
    path = shape.path_iri
    values = [focus] if shape.path is None else data.values(focus, path)

    def fail(component: str) -> None:
        out.add((_label(focus), path, component, shape.severity))

    distinct = list(dict.fromkeys(values))
    # rdflib may see two of these terms as one (normalised literals), so where that could
    # change a count's verdict, count as rdflib does
    low, high = shape.min_count, shape.max_count
    if low is not None and (len(distinct) < low or (low > 1 and _rdflib_count(distinct) < low)):
        fail("MinCountConstraintComponent")
    if high is not None and len(distinct) > high and _rdflib_count(distinct) > high:
        fail("MaxCountConstraintComponent")
    verdicts = shape.verdicts
    for index, (component, arg) in enumerate(shape.values):
        if component == "HasValueConstraintComponent":
            if isinstance(arg, rdflib.URIRef):  # the same IRI in either library
                if _named(arg) not in distinct:
                    fail(component)
            elif all(_term(v) != arg for v in distinct):
                fail(component)
            continue
        for value in distinct:
            ok = verdicts.get((index, value))
            if ok is None:
                if len(verdicts) >= _CONVERTED_MAX:
                    verdicts.clear()
                ok = verdicts[(index, value)] = _value_ok(component, arg, _term(value))
            if not ok:
                fail(component)
                break
    for other in shape.less_or_equal:
        compare = [_term(v) for v in data.values(focus, str(other))]
        if compare and any(not _less_or_equal(_term(t), c) for t in distinct for c in compare):
            fail("LessThanOrEqualsConstraintComponent")
    for prop in shape.properties:
        _check(data, prop, focus, out)


def _comparable(node: rdflib.term.Node) -> tuple[bool, object]:
    """(is a string, the value compared), as pySHACL's sh:lessThanOrEquals sees a node."""
    if isinstance(node, rdflib.BNode):
        raise Unsure("sh:lessThanOrEquals on a blank node")
    if isinstance(node, rdflib.URIRef):
        return True, str(node)
    if isinstance(node, rdflib.Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def _less_or_equal(value: rdflib.term.Node, other: rdflib.term.Node) -> bool:
    (left_is_string, left), (right_is_string, right) = _comparable(value), _comparable(other)
    if left_is_string != right_is_string:
        return False
    try:
        return bool(left <= right)  # type: ignore[operator]
    except TypeError as exc:
        raise Unsure(str(exc)) from exc


def check(shapes: list[Shape], quads: Iterable[pyoxigraph.Quad | pyoxigraph.Triple]) -> set[Key]:
    """The results (focus, path, component, severity) the shapes give on ``quads``; raises
    :class:`Unsure` when a value needs pySHACL's judgement."""
    data = Data(quads)
    out: set[Key] = set()
    for shape in shapes:
        for focus in data.focus_nodes(shape):
            if isinstance(focus, pyoxigraph.BlankNode):
                raise Unsure("a blank focus node")  # pySHACL's labels differ from ours
            _check(data, shape, focus, out)
    return out


def conforms(shapes: list[Shape], quads: Iterable[pyoxigraph.Quad | pyoxigraph.Triple]) -> bool:
    """True when the shapes certainly give no violation (False: ask pySHACL)."""
    try:
        return not any(key[3] == "Violation" for key in check(shapes, quads))
    except Unsure:
        return False
