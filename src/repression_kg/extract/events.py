"""Extractor: events (being written)."""

from repression_kg.extract.base import Context


def extract_events(ctx: Context) -> None:
    """Adds nothing yet."""
