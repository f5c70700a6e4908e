"""Extractor: places (being written)."""

from repression_kg.extract.base import Context


def extract_places(ctx: Context) -> None:
    """Adds nothing yet."""
