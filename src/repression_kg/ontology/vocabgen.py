"""Generate ``src/repression_kg/vocab.py`` from the ontology (`rkg ontology vocab`).

The module holds an rdflib ``DefinedNamespace`` (``RKG``) with one attribute per class,
property and individual of our namespace, commented with its label and definition, so a
typo in code (``RKG.acused``) fails at import time instead of minting a wrong IRI.
tests/ontology checks that the committed vocab.py equals what this module renders.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from repression_kg.files import write_text
from repression_kg.ids import DEFAULT_BASE, ONTOLOGY, REF
from repression_kg.ontology.files import ONTOLOGY_GRAPH, REFERENCE_GRAPH

VOCAB_FILE = Path(__file__).resolve().parent.parent / "vocab.py"

SECTIONS = [
    ("Classes", (OWL.Class,)),
    ("Object properties", (OWL.ObjectProperty,)),
    ("Datatype properties", (OWL.DatatypeProperty,)),
    ("Annotation properties", (OWL.AnnotationProperty,)),
    ("Individuals", (OWL.NamedIndividual,)),
]

HEADER = '''"""Terms of the repression-kg ontology as Python constants.

GENERATED from ontology/repression.ttl by `rkg ontology vocab`: do not edit by hand.

>>> from repression_kg.vocab import RKG
>>> str(RKG.Charge)
'https://w3id.org/repression-kg/ontology#Charge'
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

REF = Namespace("{ref}")
ID = Namespace("{base}")
ONTOLOGY_GRAPH = URIRef("{ontology_graph}")
REFERENCE_GRAPH = URIRef("{reference_graph}")
INFERRED_GRAPH = URIRef("{base}graph/inferred")


class RKG(DefinedNamespace):
    """The ontology namespace {ns}"""

    _NS = Namespace("{ns}")
    _fail = True
'''


def _comment(graph: Graph, term: URIRef) -> str:
    label = next((str(o) for o in graph.objects(term, RDFS.label) if getattr(o, "language", None) == "en"), "")
    definition = " ".join(str(graph.value(term, SKOS.definition) or "").split())
    text = f"{label}: {definition}" if definition else label
    return textwrap.shorten(text, width=72, placeholder=" …")


def render(graph: Graph) -> str:
    """The text of vocab.py for the ontology ``graph``."""
    out = [HEADER.format(ref=REF, base=DEFAULT_BASE, ns=ONTOLOGY, ontology_graph=ONTOLOGY_GRAPH,
                         reference_graph=REFERENCE_GRAPH)]
    seen: set[URIRef] = set()
    for title, types in SECTIONS:
        terms = sorted({s for t in types for s in graph.subjects(RDF.type, t)
                        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY)} - seen)
        if not terms:
            continue
        out.append(f"\n    # {title}\n")
        for term in terms:
            seen.add(term)
            name = str(term)[len(ONTOLOGY):]
            out.append(f"    {name}: URIRef  # {_comment(graph, term)}\n")
    return "".join(out)


def is_fresh(graph: Graph, path: Path = VOCAB_FILE) -> bool:
    """True when ``path`` holds exactly what :func:`render` gives for ``graph``."""
    return path.is_file() and path.read_text(encoding="utf-8") == render(graph)


def write(graph: Graph, path: Path = VOCAB_FILE) -> bool:
    """Rewrite vocab.py atomically; returns True when its content changed."""
    text = render(graph)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    write_text(path, text)
    return True
