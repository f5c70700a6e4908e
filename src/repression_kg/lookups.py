"""Lookups: surface forms → reference keys/IRIs, kept as YAML under ontology/lookups/.

Domain experts edit the YAML; extractors read it through :func:`load`. (Being extended with
matching helpers and unmatched-value reporting.)
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from repression_kg.resources import ontology_dir


@cache
def load(name: str) -> Any:
    """The parsed content of ``ontology/lookups/<name>.yml`` (cached; treat as read-only)."""
    path = ontology_dir() / "lookups" / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
