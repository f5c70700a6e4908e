"""repression-kg: a knowledge graph of political-repression cases, with provenance."""

__version__ = "0.1.0"
