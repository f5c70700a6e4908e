"""Extractor: segments (being written)."""

from repression_kg.extract.base import Context


def extract_segments(ctx: Context) -> None:
    """Adds nothing yet."""
