"""The synthetic corpus used by the benchmarks: deterministic, realistic enough to ingest."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from repression_kg.extract import extract_document
from repression_kg.ingest import document_from_bytes

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic.py"


def load_synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synthetic", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_deterministic_sizes_and_ids() -> None:
    synthetic = load_synthetic()
    first = list(synthetic.generate_documents(30, seed=3, size=4000))
    assert first == list(synthetic.generate_documents(30, seed=3, size=4000))
    assert first != list(synthetic.generate_documents(30, seed=4, size=4000))
    assert [i for i, _ in first] == [f"synthetic-{n:06d}" for n in range(30)]
    assert all(3500 <= len(text) <= 4000 for _, text in first)
    assert any("Суд" in text for _, text in first)  # some Russian-language notes


def test_synthetic_documents_ingest_and_extract(tmp_path: Path, facts_schema: dict) -> None:
    import jsonschema

    synthetic = load_synthetic()
    paths = synthetic.write_corpus(tmp_path, 10, seed=5, size=3000)
    assert len(paths) == 10
    for path in paths:
        doc = document_from_bytes(path.read_bytes(), doc_id=path.stem)
        assert doc.published is not None  # every synthetic page states its date
        jsonschema.validate(json.loads(extract_document(doc).to_json()), facts_schema)
