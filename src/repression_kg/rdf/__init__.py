"""Facts → RDF quads in the shape of docs/data-model.md, and deterministic serialisation."""

from repression_kg.rdf.mapping import Mapper
from repression_kg.rdf.serialise import canonical_nquads, write_rdf

__all__ = ["Mapper", "canonical_nquads", "write_rdf"]
