"""Extractor: courts (being written)."""

from repression_kg.extract.base import Context


def extract_courts(ctx: Context) -> None:
    """Adds nothing yet."""
