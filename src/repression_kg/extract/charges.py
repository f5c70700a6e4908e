"""Extractor: charges (being written)."""

from repression_kg.extract.base import Context


def extract_charges(ctx: Context) -> None:
    """Adds nothing yet."""
