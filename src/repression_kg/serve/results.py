"""Content negotiation and the SPARQL result formats (JSON, XML, CSV, TSV; RDF for graphs).

The worker collects a whole result (up to the row limit) before writing it, so a response
is either complete or an error: never a 200 with half a body.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

#: media type → (name, for which results): "solutions" (SELECT/ASK) or "graph".
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/ld+json": "jsonld", "application/json": "jsonld",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
FORMAT_NAMES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv",
                "tsv": "tsv", "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld",
                "json-ld": "jsonld", "nt": "ntriples", "ntriples": "ntriples",
                "n-triples": "ntriples", "rdfxml": "rdfxml", "rdf": "rdfxml"}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
         "jsonld": "application/ld+json", "ntriples": "application/n-triples",
         "rdfxml": "application/rdf+xml"}
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
               "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
SOLUTION_DEFAULT, GRAPH_DEFAULT = "json", "turtle"
PREFIXES = {"rkg": "https://w3id.org/repression-kg/ontology#",
            "ref": "https://w3id.org/repression-kg/ref/",
            "id": "https://w3id.org/repression-kg/id/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "prov": "http://www.w3.org/ns/prov#", "oa": "http://www.w3.org/ns/oa#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "dct": "http://purl.org/dc/terms/",
            "xsd": "http://www.w3.org/2001/XMLSchema#"}


class NotAcceptable(Exception):
    """No format the client accepts can carry this kind of result."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for equal q)."""
    ranges = []
    for position, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def choose(kind: str, accept: str | None, fmt: str | None) -> str:
    """The format name for a result of ``kind`` ("solutions" or "graph")."""
    table = SOLUTION_TYPES if kind == "solutions" else GRAPH_TYPES
    default = SOLUTION_DEFAULT if kind == "solutions" else GRAPH_DEFAULT
    if fmt:
        name = FORMAT_NAMES.get(fmt.lower()) or table.get(fmt.lower())
        if name is None or name not in table.values():
            raise NotAcceptable(f"format={fmt!r} cannot carry {kind}; use one of "
                                f"{', '.join(sorted(set(table.values())))}")
        return name
    ranges = parse_accept(accept)
    if not ranges:
        return default
    for media, _ in ranges:
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    raise NotAcceptable(f"none of the accepted types ({accept}) can carry {kind}; try "
                        + ", ".join(sorted(k for k in table)))


def _term_json(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _term_xml(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _term_csv(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(getattr(term, "value", term))


def write_solutions(variables: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> bytes:
    """SELECT results; each row holds a term or None per variable."""
    if fmt == "json":
        bindings = [{v: _term_json(t) for v, t in zip(variables, row, strict=True)
                     if t is not None} for row in rows]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
               + "</head>", "<results>"]
        for row in rows:
            out.append("<result>" + "".join(
                f"<binding name={quoteattr(v)}>{_term_xml(t)}</binding>"
                for v, t in zip(variables, row, strict=True) if t is not None) + "</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_term_csv(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row)
                  for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise NotAcceptable(f"{fmt} cannot carry solutions")


def write_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return (("true" if value else "false") + "\n").encode()


def write_graph(triples: Sequence[ox.Triple], fmt: str) -> bytes:
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=prefixes) or b""
