"""The ontology as data: load it, check it, reason over it, generate vocab.py and docs.

* :mod:`.files` finds and parses ontology/ (OWL, shapes, reference data, rules).
* :mod:`.check` lists terms without labels or definitions and counts the model.
* :mod:`.hermit` runs the HermiT OWL reasoner (through owlready2 and the machine's Java).
* :mod:`.vocabgen` writes ``src/repression_kg/vocab.py``; :mod:`.docs` writes HTML docs.
"""

from repression_kg.ontology.files import (
    OntologyError,
    load_graph,
    load_ontology,
    load_reference,
    ontology_file,
    reference_files,
    rule_files,
    shapes_file,
)

__all__ = [
    "OntologyError", "load_graph", "load_ontology", "load_reference", "ontology_file",
    "reference_files", "rule_files", "shapes_file",
]
