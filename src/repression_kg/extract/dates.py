"""Extractor: dates (being written)."""

from repression_kg.extract.base import Context


def extract_dates(ctx: Context) -> None:
    """Adds nothing yet."""
