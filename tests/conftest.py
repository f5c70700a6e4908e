"""Shared fixtures: paths to the model, the seeds (when ../shared exists), tmp stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from repression_kg.resources import ontology_dir, queries_dir, repo_root, shared_dir

ROOT = repo_root() or Path(__file__).resolve().parent.parent
SHARED = shared_dir()
SEEDS = SHARED / "seeds" if SHARED else None
SCHEMA = SHARED / "contracts" / "facts.schema.json" if SHARED else None
CORPUS = ROOT / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite golden files for review")


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if SEEDS is None or not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent: the seed acceptance tests need it beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def facts_schema() -> dict:
    import json

    if SCHEMA is None or not SCHEMA.is_file():
        pytest.skip("../shared/contracts/facts.schema.json is absent")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def ontology_path() -> Path:
    return ontology_dir()


@pytest.fixture(scope="session")
def queries_path() -> Path:
    return queries_dir()
