"""Extractor: organisations (being written)."""

from repression_kg.extract.base import Context


def extract_organisations(ctx: Context) -> None:
    """Adds nothing yet."""
