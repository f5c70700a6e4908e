"""Extractor: relations (being written)."""

from repression_kg.extract.base import Context


def extract_relations(ctx: Context) -> None:
    """Adds nothing yet."""
