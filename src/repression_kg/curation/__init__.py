"""Curation: a maintainer's corrections file, applied on every build (docs/curation.md).

:mod:`~repression_kg.curation.model` reads and checks the file;
:mod:`~repression_kg.curation.retract` takes retracted facts out of document graphs;
:mod:`~repression_kg.curation.add` makes the quads of added facts;
:mod:`~repression_kg.curation.apply` ties them into a build and writes ``id:graph/curated``.
Merges and splits act inside person resolution (:mod:`repression_kg.resolve.curated`).
"""

from repression_kg.curation.apply import Curation, stored_corrections
from repression_kg.curation.model import (
    DEFAULT_NAME,
    Correction,
    Corrections,
    CorrectionsError,
    find_corrections_file,
    load_corrections,
    parse_corrections,
)

__all__ = ["DEFAULT_NAME", "Correction", "Corrections", "CorrectionsError", "Curation",
           "find_corrections_file", "load_corrections", "parse_corrections",
           "stored_corrections"]
