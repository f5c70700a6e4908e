"""Places: gazetteer (en/ru, inflected Russian) and detention facilities."""

from __future__ import annotations

from tests.extract.conftest import run

from repression_kg.extract import extract_document
from repression_kg.ingest import read_document


def places(text: str) -> list[tuple]:
    return [(p.id, p.type, len(p.mentions)) for p in run(text).places]


def test_countries_regions_cities() -> None:
    text = ("He fled from Yekaterinburg in Sverdlovsk Oblast to Georgia, then to Almaty "
            "(then Alma-Ata) in Kazakhstan.")
    assert places(text) == [("yekaterinburg", "city", 1), ("sverdlovsk_oblast", "region", 1),
                            ("georgia", "country", 1), ("almaty", "city", 2),
                            ("kazakhstan", "country", 1)]


def test_russian_inflected_forms() -> None:
    text = "Его задержали в Москве, этапировали из Москвы в Алтайский край, потом в Казани."
    assert places(text) == [("moscow", "city", 2), ("altai_krai", "region", 1),
                            ("kazan", "city", 1)]


def test_adjectives_lower_case_and_pronouns_are_not_places() -> None:
    assert places("The Russian court told us that georgia is far.") == []
    assert places("Российский суд отказал.") == []


def test_detention_facilities() -> None:
    text = ("He is held in SIZO-2 in Kazan. Later he was sent to penal colony No. 7. "
            "В ИК-6 его не пустили, а в СИЗО № 2 Казани приняли.")
    got = [(p.id, p.name, p.type) for p in run(text).places if p.type == "facility"]
    assert got == [("kazan-sizo-2", "SIZO-2, Kazan", "facility"),
                   (None, "Penal colony No. 7 (IK-7)", "facility"),
                   (None, "Penal colony No. 6 (IK-6)", "facility")]


def test_seed_addresses(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = extract_document(read_document(next(seeds_dir.glob("000_*.txt"))))
    got = {(p.id, p.type) for p in facts.places}
    assert {("kazakhstan", "country"), ("russia", "country"), ("barnaul", "city"),
            ("altai_krai", "region"), ("barnaul-sizo-1", "facility")} <= got
