"""Extractor: persons (being written)."""

from repression_kg.extract.base import Context


def extract_persons(ctx: Context) -> None:
    """Adds nothing yet."""
