"""CLI commands: build (being written)."""

from __future__ import annotations

import click


def register(root: click.Group, export: click.Group) -> None:
    """Add this module's commands to the root group and the export group."""
