"""Networks as files for Gephi, Cytoscape and spreadsheets: GraphML, GEXF, CSV.

Written to a temporary file beside the target and moved into place, so a failed export
never leaves a truncated file. Control characters (which XML 1.0 cannot carry and networkx
would write anyway) are removed from every string first.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from repression_kg.files import atomic_path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(value: object) -> object:
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def cleaned(graph: nx.Graph) -> nx.Graph:
    """A copy with control characters removed from node ids and all string attributes."""
    out = graph.__class__()
    out.graph.update({k: clean(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        out.add_node(clean(node), **{k: clean(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        out.add_edge(clean(u), clean(v), **{k: clean(x) for k, x in data.items()})
    return out


def _atomic(target: Path, write: Callable[[str], None]) -> Path:
    with atomic_path(target) as tmp:
        write(tmp)
    return target


_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) gets
    a leading apostrophe, as OWASP advises for CSV meant for spreadsheets; numbers stay as
    they are.

    >>> print(spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("-12"), spreadsheet_safe(3))
    '=HYPERLINK("http://x") -12 3
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(value):
        return "'" + value
    return value


def _csv_writer(rows: list[list[object]]) -> Callable[[str], None]:
    def write(path: str) -> None:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([[spreadsheet_safe(c) for c in row] for row in rows])
    return write


def write_graph(graph: nx.Graph, target: Path, fmt: str) -> list[Path]:
    """Write ``graph`` as ``fmt`` (graphml, gexf, csv); CSV gives ``*-nodes.csv`` and ``*-edges.csv``."""
    graph = cleaned(graph)
    if fmt == "graphml":
        return [_atomic(target, lambda p: nx.write_graphml(graph, p, encoding="utf-8"))]
    if fmt == "gexf":
        return [_atomic(target, lambda p: nx.write_gexf(graph, p, encoding="utf-8"))]
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r} (graphml, gexf, csv)")
    node_keys = sorted({k for _n, d in graph.nodes(data=True) for k in d})
    edge_keys = sorted({k for _u, _v, d in graph.edges(data=True) for k in d})
    nodes = [["id", *node_keys]] + [[n, *(d.get(k, "") for k in node_keys)] for n, d in graph.nodes(data=True)]
    edges = [["source", "target", *edge_keys]] + [[u, v, *(d.get(k, "") for k in edge_keys)]
                                                  for u, v, d in graph.edges(data=True)]
    stem = target.with_suffix("") if target.suffix == ".csv" else target
    return [_atomic(stem.with_name(stem.name + "-nodes.csv"), _csv_writer(nodes)),
            _atomic(stem.with_name(stem.name + "-edges.csv"), _csv_writer(edges))]
