"""Extractor: principles (being written)."""

from repression_kg.extract.base import Context


def extract_principles(ctx: Context) -> None:
    """Adds nothing yet."""
