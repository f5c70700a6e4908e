"""Acceptance: the bundled corpus ingests cleanly and extraction meets its gold.

Issue 3 targets are F1 >= 0.9 (persons, charges, sentences, transfers) and >= 0.8
(principles, organisations). The floors are the measured figures rounded down to 0.05;
the comment gives the figures and the main error classes left.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repression_kg.evaluate import Score, load_gold, load_predictions, score
from repression_kg.ingest import IngestError, iter_documents

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"

#: the blind sets scored by ``rkg evaluate`` but held to no floor, so that they stay an
#: honest measure of unseen text: 110-117 (first scored 2026-12-03: persons 0.90, charges
#: 0.61, sentences 0.72, courts 0.93, organisations 0.53, principles 0.85; organisations
#: 0.69 once the scorer matched names through organisations.yml; after work on it
#: 2026-12-04: persons 0.95, charges 0.86, sentences 0.84, transfers 1.00, courts 0.96,
#: organisations 0.81, principles 0.97) and 120-127 (first scored 2026-12-04, before any
#: change for it: persons 0.98, charges 0.43, sentences 0.50, transfers 0.00, courts 0.95,
#: organisations 0.85, principles 0.87; after work on it the same day: persons 0.99,
#: charges 0.78, sentences 0.95, transfers 1.00, courts 0.95, organisations 0.85,
#: principles 0.96) and 130-137 (first scored 2026-12-04, before any change for it:
#: persons 0.94, charges 0.69, sentences 0.84, transfers 0.00 (one), courts 0.94,
#: organisations 0.78, principles 0.92, sentence dates 0.38; after work on it the same
#: day: 1.00 on all but organisations 0.93, sentence dates 1.00)
BLIND = tuple(f"{n}_" for n in [*range(110, 118), *range(120, 128), *range(130, 138)])

FLOORS = {
    # measured on the 94 documents other than BLIND (2026-12-03): persons 0.976, charges
    # 0.977, sentences 0.992, transfers 1.000, courts 0.969, organisations 0.941,
    # principles 0.960. These include six blind sets written without looking at the
    # extractors. As first scored, unseen: charges / sentences 40-47 0.40 / 0.58, 50-57
    # 0.36 / 0.31, 60-67 0.49 / 0.70, 70-77 0.75 / 0.72, 80-87 0.36 / 0.35, 100-107
    # 0.59 / 0.52, 110-117 0.61 / 0.72; all but 110-117 were then worked on (100-107
    # partly). Organisations stand lower because 100-107 names many that no lookup lists
    # (regional dumas, NGO branches, firms): its floor is 0.90.
    "persons": 0.95,
    "charges": 0.95,
    "sentences": 0.95,
    "transfers": 0.90,
    "courts": 0.95,
    "organisations": 0.90,
    "principles": 0.95,
}

_MOJIBAKE = re.compile(r"â€|Ã.|Ð.|Ñ.|\ufffd")
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")


@pytest.fixture(scope="module")
def documents() -> dict[str, object]:
    return {path.name: doc for path, doc in iter_documents([CORPUS])}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    gold = {doc: g for doc, g in load_gold(GOLD).items() if not doc.startswith(BLIND)}
    return score(gold, load_predictions(CORPUS))


def test_the_blind_set_is_in_the_corpus(documents: dict[str, object]) -> None:
    # (BLIND must not name documents that are gone, nor documents without gold)
    gold = load_gold(GOLD)
    for prefix in BLIND:
        assert any(n.startswith(prefix) for n in documents), prefix
        assert any(d.startswith(prefix) for d in gold), prefix


def test_every_document_ingests(documents: dict[str, object]) -> None:
    errors = [str(d) for d in documents.values() if isinstance(d, IngestError)]
    assert not errors
    assert len([n for n in documents if n != "README.md"]) >= 28


def test_every_gold_file_has_its_document(documents: dict[str, object]) -> None:
    stems = {Path(n).stem for n in documents}
    assert set(load_gold(GOLD)) <= stems


@pytest.mark.parametrize("name, words", [
    ("22_orlov-ru-cp1251.txt", ["Головинский районный суд", "ч. 1 ст. 280.3 УК РФ"]),
    ("23_christensen-deported-mojibake.txt", ["‘Deported’ to Denmark", "Jehovah’s Witness",
                                              "“organising the activity"]),
    ("24_zhilin-kazakhstan.html", ["Mikhail Zhilin", "non-refoulement"]),
])
def test_encodings_and_markup_repaired(documents: dict[str, object], name: str,
                                       words: list[str]) -> None:
    doc = documents[name]
    assert not isinstance(doc, IngestError), doc
    assert not _MOJIBAKE.search(doc.text) and not _CJK.search(doc.text)
    for w in words:
        assert w in doc.text
    assert doc.published


def test_html_drops_script_and_style(documents: dict[str, object]) -> None:
    doc = documents["24_zhilin-kazakhstan.html"]
    for leaked in ("analyticsQueue", "document.write", "font-family", "<p>", "&copy;"):
        assert leaked not in doc.text
    assert doc.published == "2023-01-10"
    assert doc.title == "Kazakhstan hands back an officer who fled mobilisation"


def test_no_document_is_garbled(documents: dict[str, object]) -> None:
    for name, doc in documents.items():
        if not isinstance(doc, IngestError):
            assert not _MOJIBAKE.search(doc.text), name
            assert not _CJK.search(doc.text), name


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_per_type(scores: dict[str, Score], kind: str) -> None:
    s = scores[kind]
    assert s.f1 >= FLOORS[kind], (
        f"{kind}: F1 {s.f1:.3f} < {FLOORS[kind]}; FP {s.false_positives}; "
        f"FN {s.false_negatives}")
