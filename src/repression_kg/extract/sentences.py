"""Extractor: sentences (being written)."""

from repression_kg.extract.base import Context


def extract_sentences(ctx: Context) -> None:
    """Adds nothing yet."""
