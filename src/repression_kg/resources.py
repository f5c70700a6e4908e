"""Find the model folders (ontology/, queries/) in a checkout or in an installed wheel.

A checkout wins, so that an editable install sees edits at once; a wheel carries a copy
under ``repression_kg/data/`` (see setup.py).

>>> (ontology_dir() / "repression.ttl").name
'repression.ttl'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def repo_root() -> Path | None:
    """The checkout this package runs from, or None when installed as a wheel."""
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file() and (candidate / "ontology").is_dir():
        return candidate
    return None


def _model_dir(name: str) -> Path:
    root = repo_root()
    if root is not None:
        return root / name
    return PACKAGE_DIR / "data" / name


def ontology_dir() -> Path:
    """ontology/: OWL, SHACL shapes, reference data, rules and lookups."""
    return _model_dir("ontology")


def queries_dir() -> Path:
    """queries/: the SPARQL library, one .rq file per competency question."""
    return _model_dir("queries")


def shared_dir() -> Path | None:
    """../shared beside the checkout (seeds, contracts), when it exists."""
    root = repo_root()
    if root is None:
        return None
    shared = root.parent / "shared"
    return shared if shared.is_dir() else None
