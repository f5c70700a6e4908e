"""Render a :class:`Network` as one self-contained, offline, injection-safe HTML file.

pyvis supplies the network model and its bundled vis-network script; the page itself is
ours (pyvis' own template inserts its heading unescaped, renders tooltips containing
"href" as HTML, and always loads something from a CDN — see DESIGN.md):

* vis-network's JavaScript and CSS are inlined; the page makes no request at all;
* every string from a document travels as JSON inside ``<script type="application/json">``
  (with ``<``, ``>``, ``&`` escaped) and reaches the page only through ``textContent``;
* a Content-Security-Policy allows exactly our inline scripts (by hash) and nothing else;
* positions are precomputed (:mod:`repression_kg.export.layout`) and physics is off;
  long labels are wrapped here, the way the layout measured them.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
from functools import cache
from pathlib import Path

import jinja2

from repression_kg import __version__
from repression_kg.export.layout import layout
from repression_kg.export.network import GROUPS, Edge, Network, Node
from repression_kg.export.packing import wrap
from repression_kg.files import write_text

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside the pyvis package."""
    spec = importlib.util.find_spec("pyvis")  # located, not imported (pyvis pulls in IPython)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it ships the vis-network script we inline")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"
    return ((lib / "vis-network.min.js").read_text(encoding="utf-8"),
            (lib / "vis-network.css").read_text(encoding="utf-8"))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def json_for_script(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _node_json(node: Node, placed: bool = True) -> dict[str, object]:
    out: dict[str, object] = {"id": node.id, "label": node.label, "group": node.group,
                              "size": round(node.size, 1), "font": node.font,
                              "facts": node.facts, "quotes": node.quotes}
    if placed:  # folded nodes are placed by the page, around the cluster that draws them
        out["x"], out["y"] = round(node.x, 1), round(node.y, 1)
    text = wrap(node.label)
    if text != node.label:
        out["text"] = text
    if node.members:
        out["members"] = node.members
    if node.url:
        out["url"] = node.url
    return out


def _edge_json(edge: Edge) -> dict[str, object]:
    out: dict[str, object] = {"from": edge.source, "to": edge.target, "label": edge.label,
                              "width": edge.width}
    for key in ("quote", "doc", "detail"):
        value = getattr(edge, key)
        if value:
            out[key] = value
    return out


def network_payload(net: Network) -> dict[str, object]:
    """Everything the page's script needs, as plain JSON-able data."""
    return {
        "title": net.title, "description": net.description, "notes": net.notes,
        "groups": {g: GROUPS[g] for g in net.groups()},
        "nodes": [_node_json(n) for n in net.nodes],
        "edges": [_edge_json(e) for e in net.edges],
        "hiddenNodes": [_node_json(n, placed=False) for n in net.hidden_nodes],
        "hiddenEdges": [_edge_json(e) for e in net.hidden_edges],
    }


def render(net: Network) -> str:
    """The page as a string (layout computed here if nodes are not placed yet)."""
    if not net.placed:
        layout(net)
    vis_js, vis_css = _vis_assets()
    app_js = (TEMPLATES / "network.js").read_text(encoding="utf-8")
    app_css = (TEMPLATES / "network.css").read_text(encoding="utf-8")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
           "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    template = _environment().get_template("network.html.j2")
    return template.render(net=net, csp=csp, vis_js=vis_js, vis_css=vis_css, app_js=app_js,
                           app_css=app_css, payload=json_for_script(network_payload(net)),
                           version=__version__, groups=[(g, GROUPS[g]) for g in net.groups()])


def write(net: Network, out: Path) -> Path:
    """Write the page atomically (a crash never leaves half a file behind)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = render(net)
    write_text(out, text)
    return out
