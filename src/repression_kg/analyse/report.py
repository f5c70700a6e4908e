"""`rkg analyse`: a Markdown and HTML report on the networks of the graph.

Each section is a table with the name of the library query (or queries) its numbers come
from, so a reader can rerun it with `rkg query NAME`. The HTML is rendered by Jinja2 with
autoescaping: every name from a document is text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from jinja2 import Environment

from repression_kg.analyse import networks
from repression_kg.analyse.pairs import Incidence, statute_sharing, top_pairs
from repression_kg.files import write_text
from repression_kg.query.backends import Backend
from repression_kg.query.formats import short

#: Above this many people, betweenness is estimated from a sample of this many sources.
BETWEENNESS_SAMPLE = 500
#: Above this many sharing pairs, centrality and communities use the strongest pairs only.
MAX_PAIRS = 200_000


@dataclass
class Section:
    title: str
    source: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)
    note: str = ""


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def _centrality(graph: nx.Graph, top: int) -> list[Section]:
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    k = BETWEENNESS_SAMPLE if graph.number_of_nodes() > BETWEENNESS_SAMPLE else None
    between = nx.betweenness_centrality(graph, k=k, seed=1, weight=None)
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], -between[n], _label(graph, n)))[:top]
    cent = Section("Most connected people (shared statutes network)", "person-statutes",
                   ["person", "degree centrality", "betweenness", "neighbours"],
                   [[_label(graph, n), round(degree[n], 3), round(between[n], 3), graph.degree(n)] for n in ranked])
    communities = nx.community.louvain_communities(graph, weight="weight", seed=1) if graph.number_of_edges() else []
    groups = sorted((sorted(_label(graph, n) for n in c) for c in communities if len(c) > 1), key=lambda g: (-len(g), g))
    comm = Section("Communities (Louvain, weighted by shared statutes)", "person-statutes",
                   ["size", "members"], [[len(g), ", ".join(g[:12]) + (" ..." if len(g) > 12 else "")] for g in groups[:top]])
    return [cent, comm]


def _people_network(bipartite: nx.Graph, incidence: Incidence) -> nx.Graph:
    """The person-person projection, or (past :data:`MAX_PAIRS` pairs) its strongest edges."""
    pairs = sum(p for _s, _n, p in statute_sharing(incidence))
    if pairs <= MAX_PAIRS:
        return networks.person_person(bipartite)
    graph = nx.Graph(query="person-statutes", kind="person-person (strongest pairs)")
    for a, b, shared in top_pairs(incidence, MAX_PAIRS):
        graph.add_node(a, label=_label(bipartite, a))
        graph.add_node(b, label=_label(bipartite, b))
        graph.add_edge(a, b, weight=shared)
    return graph


def build_sections(backend: Backend, *, top: int = 20) -> list[Section]:
    bipartite = networks.person_statute(backend)
    incidence = networks.incidence(bipartite) if bipartite.number_of_edges() else None
    sections: list[Section] = []
    if incidence is not None:
        numbers = {n: _label(bipartite, n) for n, d in bipartite.nodes(data=True) if d["kind"] == "statute"}
        sections.append(Section(
            "Most shared statutes", "person-statutes", ["statute", "people", "pairs sharing it"],
            [[numbers.get(s, short_iri(s)), people, pairs] for s, people, pairs in statute_sharing(incidence)[:top]]))
        sections.append(Section(
            "Pairs sharing the most statutes (sparse projection)", "person-statutes",
            ["person", "person", "shared statutes"],
            [[_label(bipartite, a), _label(bipartite, b), n] for a, b, n in top_pairs(incidence, top)]))
        sections += _centrality(_people_network(bipartite, incidence), top)
    stats = networks.fetch(backend, "statute-people")
    sections.append(Section("Sentences per statute", "statute-people",
                            ["statute", "people", "sentenced", "min", "median", "mean", "max (months)"],
                            [[_cell(r, "number") or networks.statute_label(_iri(r, "statute")), _cell(r, "people"), _cell(r, "sentenced"), _cell(r, "min_months"),
                              _cell(r, "median_months"), _cell(r, "mean_months"), _cell(r, "max_months")]
                             for r in stats.bindings[:top]]))
    courts = networks.fetch(backend, "courts-longest-sentences")
    sections.append(Section("Courts with the longest mean sentences", "courts-longest-sentences",
                            ["court", "sentences", "mean months", "min", "max"],
                            [[_cell(r, "court_name") or _cell(r, "court"), _cell(r, "sentences"), _cell(r, "mean_months"),
                              _cell(r, "min_months"), _cell(r, "max_months")] for r in courts.bindings[:top]]))
    flows = networks.transfers(backend)
    sections.append(Section("Transfer flows (extradition and deportation)", "transfers",
                            ["from", "to", "people", "names", "kind", "reports"],
                            [[_label(flows, u), _label(flows, v), d["weight"], d["people"], d["relation"], d["reports"]]
                             for u, v, d in sorted(flows.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))]))
    return sections


def short_iri(value: str) -> str:
    from repression_kg.query.terms import Term

    return short(Term("uri", value))


def _iri(row: dict, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""


def _cell(row: dict, key: str) -> object:
    term = row.get(key)
    if term is None:
        return ""
    value = term.python()
    if isinstance(value, float):
        return round(value, 1)
    return short(term) if term.kind == "uri" else value


def _md_escape(value: object) -> str:
    """One table cell: Markdown punctuation escaped, line breaks and control characters dropped."""
    text = "".join(" " if c in "\r\n" else c for c in str(value) if c.isprintable() or c in "\r\n")
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in text)


def to_markdown(sections: list[Section]) -> str:
    lines = ["# Network analysis", ""]
    for s in sections:
        lines += [f"## {s.title}", "", f"Source: `rkg query {s.source}`" if "," not in s.source
                  else f"Source: queries {s.source}", ""]
        if not s.rows:
            lines += ["(nothing in the graph)", ""]
            continue
        lines.append("| " + " | ".join(s.columns) + " |")
        lines.append("|" + "---|" * len(s.columns))
        lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in s.rows]
        lines.append("")
    return "\n".join(lines)


HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Network analysis</title>
<style>body{font:15px/1.4 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f3f3f3}.src{color:#555;font-size:90%}</style></head>
<body><h1>Network analysis</h1>
{% for s in sections %}<section><h2>{{ s.title }}</h2>
<p class="src">Source: <code>rkg query {{ s.source }}</code></p>
{% if s.rows %}<table><thead><tr>{% for c in s.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead><tbody>
{% for row in s.rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>{% else %}<p>(nothing in the graph)</p>{% endif %}</section>
{% endfor %}</body></html>
"""


def to_html(sections: list[Section]) -> str:
    return Environment(autoescape=True).from_string(HTML).render(sections=sections)


def _write(target: Path, text: str) -> Path:
    """Write atomically (temporary file + ``os.replace``) with the usual file mode."""
    return write_text(target, text)


def write_report(backend: Backend, out: Path, *, top: int = 20) -> list[Path]:
    """Write ``report.md`` and ``report.html`` into ``out``; return their paths."""
    sections = build_sections(backend, top=top)
    out.mkdir(parents=True, exist_ok=True)
    return [_write(out / "report.md", to_markdown(sections)), _write(out / "report.html", to_html(sections))]
