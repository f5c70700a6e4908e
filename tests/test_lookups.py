"""The lookup loader and the linear token matcher."""

from __future__ import annotations

import time

import pytest

from repression_kg import lookups
from repression_kg.lookups import Matcher, norm


def test_longest_form_wins_and_spans_are_exact() -> None:
    m = Matcher({"moscow": "city", "moscow city court": "court", "st petersburg": "spb"})
    text = "The Moscow City Court and Moscow and St. Petersburg"
    hits = [(h.value, text[h.start:h.end]) for h in m.find(text)]
    assert hits == [("court", "Moscow City Court"), ("city", "Moscow"),
                    ("spb", "St. Petersburg")]


def test_words_are_whole_and_case_is_ignored() -> None:
    m = Matcher({"ufa": "ufa"})
    assert [h.start for h in m.find("UFA, Ufa; ufanet, sufa")] == [0, 5]


def test_russian_endings_and_prefix_forms() -> None:
    m = Matcher({"алтайский край": "altai", "москва": "moscow", "петербург*": "spb"})
    text = "из Алтайского края в Москву, потом в Петербургскую область"
    assert [h.value for h in m.find(text)] == ["altai", "moscow", "spb"]
    assert norm("москвой") == "москв" and norm("суд") == "суд"


def test_forms_must_be_joined_by_short_gaps() -> None:
    m = Matcher({"free russia legion": "frl"})
    assert m.find("Free Russia Legion") and not m.find("Free Russia.\n\nLegion")


@pytest.mark.parametrize("name", ["places", "organisations", "courts", "charges",
                                  "principles", "numbers", "court-types", "regimes", "subjects"])
def test_every_table_loads(name: str) -> None:
    assert lookups.load(name)


def test_cached_matcher_over_a_table() -> None:
    m = lookups.matcher("court-types")
    assert m is lookups.matcher("court-types")
    assert [h.value for h in m.find("a garrison military court")] == ["garrison_military"]


def test_linear_on_a_long_hostile_line() -> None:
    m = Matcher({"a b c d e f": 1, "a": 2})
    line = "a b c d e " * 50_000
    started = time.perf_counter()
    hits = m.find(line)
    assert len(hits) == 50_000
    assert time.perf_counter() - started < 10


def test_fast_loader_reads_every_table_as_the_python_loader_does() -> None:
    import yaml

    from repression_kg.resources import ontology_dir

    for path in sorted((ontology_dir() / "lookups").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=lookups._LOADER) == yaml.safe_load(text), path.name  # noqa: S506
