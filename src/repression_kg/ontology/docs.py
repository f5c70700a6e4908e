"""`rkg ontology docs`: the ontology as a readable HTML page and as Markdown.

HTML goes through Jinja2 with autoescape on (every label and definition is escaped); the
page is self-contained (inline CSS, no script, no network) with a strict
Content-Security-Policy. The Markdown version is docs/ontology.md.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from rdflib import Graph

from repression_kg.files import write_text
from repression_kg.ontology.check import count
from repression_kg.ontology.describe import Scheme, Term, schemes, terms
from repression_kg.ontology.files import load_ontology, load_reference

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>repression-kg ontology</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ccc;margin-top:2.5rem} h3{margin-bottom:.2rem}
code{background:#f4f4f4;padding:0 .2rem} .ru{color:#666} dl{margin:.3rem 0 1rem}
dt{font-weight:600;float:left;clear:left;width:9rem} dd{margin-left:9.5rem}
nav a{margin-right:.6rem} table{border-collapse:collapse} td,th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
</style></head><body>
<h1>repression-kg ontology</h1>
<p>Namespace <code>https://w3id.org/repression-kg/ontology#</code> (prefix <code>rkg:</code>).
{{ counts.classes }} classes ({{ counts.defined_classes }} defined), {{ counts.object_properties }} object properties,
{{ counts.datatype_properties }} datatype properties, {{ counts.annotation_properties }} annotation properties,
{{ counts.individuals }} individuals in the ontology and reference data.</p>
<nav>{% for kind, items in groups %}<a href="#{{ kind|replace(' ', '-') }}">{{ kind }}s</a>{% endfor %}<a href="#schemes">vocabularies</a></nav>
{% for kind, items in groups %}
<h2 id="{{ kind|replace(' ', '-') }}">{{ kind|capitalize }}s</h2>
{% for t in items %}
<section id="{{ t.name }}"><h3><code>rkg:{{ t.name }}</code> — {{ t.label }}{% if t.label_ru %} <span class="ru" lang="ru">({{ t.label_ru }})</span>{% endif %}</h3>
<p>{{ t.definition }}</p><dl>
{% if t.equivalent %}<dt>defined as</dt><dd>{% for e in t.equivalent %}<code>{{ e }}</code>{% endfor %}</dd>{% endif %}
{% if t.rule %}<dt>rule</dt><dd><code>ontology/rules/{{ t.rule }}</code></dd>{% endif %}
{% if t.parents %}<dt>{% if kind == 'class' %}subclass of{% else %}subproperty of{% endif %}</dt><dd>{{ t.parents|join(', ') }}</dd>{% endif %}
{% if t.children %}<dt>{% if kind == 'class' %}subclasses{% else %}subproperties{% endif %}</dt><dd>{% for c in t.children %}<a href="#{{ c }}">{{ c }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</dd>{% endif %}
{% if t.domain %}<dt>domain</dt><dd>{{ t.domain|join(', ') }}</dd>{% endif %}
{% if t.range %}<dt>range</dt><dd>{{ t.range|join(', ') }}</dd>{% endif %}
{% if t.inverse %}<dt>inverse</dt><dd>{{ t.inverse|join(', ') }}</dd>{% endif %}
{% if t.characteristics %}<dt>characteristics</dt><dd>{{ t.characteristics|join(', ') }}</dd>{% endif %}
</dl></section>
{% endfor %}{% endfor %}
<h2 id="schemes">Controlled vocabularies (reference data)</h2>
{% for s in schemes %}<h3><code>{{ s.iri }}</code> — {{ s.label }}</h3>
<table><tr><th>concept</th><th>label</th><th>definition</th></tr>
{% for iri, label, definition in s.concepts %}<tr><td><code>{{ iri.rsplit('/', 1)[-1] }}</code></td><td>{{ label }}</td><td>{{ definition }}</td></tr>
{% endfor %}</table>{% endfor %}
</body></html>
"""


def _grouped(all_terms: list[Term]) -> list[tuple[str, list[Term]]]:
    kinds: dict[str, list[Term]] = {}
    for term in all_terms:
        kinds.setdefault(term.kind, []).append(term)
    return list(kinds.items())


def render_html(ontology: Graph | None = None, reference: Graph | None = None) -> str:
    """The HTML page documenting the ontology and its vocabularies."""
    ontology = ontology if ontology is not None else load_ontology()
    reference = reference if reference is not None else load_reference()
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(TEMPLATE).render(
        groups=_grouped(terms(ontology)), schemes=schemes(reference), counts=count(ontology, reference))


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """docs/ontology.md: the same content as the HTML page, as Markdown tables."""
    ontology, reference = load_ontology(), load_reference()
    c = count(ontology, reference)
    lines = [
        "# The repression-kg ontology", "",
        "Generated from `ontology/repression.ttl` by `rkg ontology docs`; edit the ontology, not this file.",
        "See `docs/data-model.md` for how documents become triples.", "",
        f"{c.classes} classes ({c.defined_classes} defined), {c.object_properties} object properties, "
        f"{c.datatype_properties} datatype properties, {c.annotation_properties} annotation properties; "
        f"{c.individuals} individuals in the ontology and reference data.", "",
        "Defined classes are materialised at scale by `rkg reason` with the SPARQL rules named "
        "in the table; tests check the rules against the HermiT reasoner on a sample.", "",
    ]
    for kind, items in _grouped(terms(ontology)):
        lines += [f"## {kind.capitalize()}es" if kind == "class" else f"## {kind.capitalize()}s", ""]
        if kind == "class":
            lines += ["| class | label | definition | subclass of / defined as |", "| --- | --- | --- | --- |"]
            for t in items:
                axiom = " ≡ ".join(f"`{e}`" for e in t.equivalent) or ", ".join(t.parents)
                if t.rule:
                    axiom += f" (rule `{t.rule}`)"
                lines.append(f"| `rkg:{t.name}` | {_md_cell(t.label)} | {_md_cell(t.definition)} | {_md_cell(axiom)} |")
        else:
            lines += ["| property | label | definition | domain → range |", "| --- | --- | --- | --- |"]
            for t in items:
                sig = f"{', '.join(t.domain) or '–'} → {', '.join(t.range) or '–'}"
                extra = ", ".join(t.characteristics + [f"inverse {i}" for i in t.inverse])
                lines.append(f"| `rkg:{t.name}` | {_md_cell(t.label)} | {_md_cell(t.definition)} | "
                             f"{_md_cell(sig)}{'; ' + extra if extra else ''} |")
        lines.append("")
    lines += ["## Controlled vocabularies", ""]
    for scheme in schemes(reference):
        keys = ", ".join(f"`{iri.rsplit('/', 1)[-1]}`" for iri, _, _ in scheme.concepts)
        lines += [f"- `{scheme.iri}` ({scheme.label}): {keys}"]
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace``."""
    write_text(path, text)


def scheme_summary(items: list[Scheme]) -> dict[str, int]:
    """Concepts per scheme (for `rkg ontology check`)."""
    return {s.iri: len(s.concepts) for s in items}
