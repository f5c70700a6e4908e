"""The gold scorer (repression_kg.evaluate) and `rkg evaluate`, on hand-made pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repression_kg.cli import root
from repression_kg.evaluate import GoldError, load_gold, person_keys, score
from repression_kg.facts import (
    Charge,
    Court,
    DocumentFacts,
    DocumentMeta,
    Event,
    Organisation,
    Person,
    Principle,
    Sentence,
)

GOLD = {
    "d1": {
        "document": "d1",
        "persons": [{"name": "Alexei Gorinov", "aliases": ["Алексей Горинов"]},
                    {"name": "Ilya Yashin"}],
        "charges": [{"person": "Alexei Gorinov", "code": "RU-CC", "article": "207.3",
                     "part": "2"},
                    {"person": "Ilya Yashin", "code": "RU-CC", "article": "207.3", "part": "2"}],
        "sentences": [{"person": "Alexei Gorinov", "kind": "imprisonment", "months": 84},
                      {"person": "Ilya Yashin", "kind": "imprisonment", "months": 102}],
        "transfers": [{"type": ["extradition", "deportation"], "person": "Ilya Yashin",
                       "from": "Kazakhstan", "to": "Russia"}],
        "courts": [{"name": "Meshchansky District Court", "type": "district",
                    "city": "Moscow"}],
        "organisations": [{"name": "Memorial Human Rights Centre", "aliases": ["Memorial"]}],
        "principles": ["freedom_of_expression", "right_to_fair_trial"],
    },
    "d2": {"document": "d2", "persons": [{"name": "Oleg Orlov"}],
           "principles": ["ne_bis_in_idem"]},
}


def _predicted() -> dict[str, DocumentFacts]:
    meta = DocumentMeta(id="d1", text_sha256="0" * 64)
    d1 = DocumentFacts(
        document=meta,
        # Aleksei (transliteration variant) with patronymic, and one spurious person
        persons=[Person(id="p1", name="Aleksei Alexandrovich Gorinov"),
                 Person(id="p2", name="Ilya Yashin"), Person(id="p3", name="Red Square")],
        charges=[Charge(person="p1", code="RU-CC", article="207.3", part="2"),
                 # right article, wrong person: counts as wrong
                 Charge(person="p3", code="RU-CC", article="207.3", part="2")],
        sentences=[Sentence(person="p1", kind="imprisonment", months=84),
                   Sentence(person="p2", kind="imprisonment", months=96)],
        events=[Event(type="deportation", person="p2", from_country="Kazakhstan",
                      to_country="Russia"),
                Event(type="detention", person="p2")],
        courts=[Court(id="c1", name="The Meshchansky District Court of Moscow",
                      type="district", city="Moscow")],
        organisations=[Organisation(id="o1", name="Memorial")],
        principles=[Principle(id="freedom_of_expression"),
                    Principle(id="freedom_of_expression"), Principle(id="ne_bis_in_idem")],
    )
    orphan = DocumentFacts(document=DocumentMeta(id="not-in-gold", text_sha256="1" * 64),
                           persons=[Person(id="p1", name="Nobody")])
    return {"d1": d1, "not-in-gold": orphan}


def test_scores_per_type_exact() -> None:
    s = score(GOLD, _predicted())
    counts = {k: (v.tp, v.fp, v.fn) for k, v in s.items()}
    assert counts == {
        "persons": (2, 1, 1),        # Red Square FP; Orlov (d2 not predicted) FN
        "charges": (1, 1, 1),
        "sentences": (1, 1, 1),
        "transfers": (1, 0, 0),      # a detention is not a transfer
        "courts": (1, 0, 0),
        "organisations": (1, 0, 0),  # matched through the gold alias
        "principles": (1, 1, 2),     # duplicates count once
    }
    assert s["persons"].precision == pytest.approx(2 / 3)
    assert s["persons"].recall == pytest.approx(2 / 3)
    assert s["charges"].f1 == pytest.approx(0.5)
    assert s["principles"].f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert ("d1", "Red Square") in s["persons"].false_positives
    assert ("d2", "Oleg Orlov") in s["persons"].false_negatives


def test_empty_type_is_perfect_not_a_division_error() -> None:
    s = score({"d": {"document": "d"}}, {})
    assert all(v.f1 == 1.0 for v in s.values())


def test_organisations_match_through_the_entry_of_the_lookup() -> None:
    # "FSB" in the gold, the entry's name from the extractor: one organisation; a family's
    # bare name ("Memorial") is another entry than its member's
    gold = {"d": {"document": "d", "organisations": [
        {"name": "FSB"}, {"name": "Support for Political Prisoners. Memorial"},
        {"name": "Memorial Human Rights Centre"}]}}
    meta = DocumentMeta(id="d", text_sha256="0" * 64)
    predicted = {"d": DocumentFacts(document=meta, organisations=[
        Organisation(id="o1", name="Federal Security Service"),
        Organisation(id="o2", name="Political Prisoners. Memorial"),
        Organisation(id="o3", name="Memorial")])}
    s = score(gold, predicted)["organisations"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.false_positives == [("d", "Memorial")]


def test_person_keys_fold_spelling_script_and_patronymic() -> None:
    assert person_keys(["Alexei Gorinov"]) & person_keys(["Aleksei Gorinov"])
    assert person_keys(["Горинов Алексей Александрович"]) & person_keys(["Alexei Gorinov"])
    assert not person_keys(["Daria Kozyreva"]) & person_keys(["Daria Kozyrev"])


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("data, problem", [
    ({"persons": []}, "needs a \"document\" id"),
    ({"document": "x", "people": []}, "unknown gold keys"),
    ({"document": "x", "charges": [{"person": "Ghost", "article": "275"}]},
     "names no annotated person"),
    ({"document": "x", "principles": ["free_speech"]}, "'free_speech' is not one of"),
    ({"document": "x", "persons": [{"name": "A B", "roles": ["hero"]}]}, "'hero' is not one of"),
])
def test_bad_gold_names_file_and_problem(tmp_path: Path, data: dict, problem: str) -> None:
    f = _write(tmp_path / "g.json", data)
    with pytest.raises(GoldError, match=problem) as info:
        load_gold(f)
    assert str(f) in str(info.value)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root_dir = tmp_path_factory.mktemp("tiny")
    docs = root_dir / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Published: 12 July 2022\n\nOn 8 July 2022 the Meshchansky District Court of Moscow "
        "sentenced Alexei Gorinov to seven years in a general regime penal colony under "
        "Article 207.3, Part 2, of the Criminal Code. The case violates his freedom of "
        "expression.\n", encoding="utf-8")
    gold = root_dir / "gold"
    gold.mkdir()
    _write(gold / "a.json", {
        "document": "a", "persons": [{"name": "Aleksei Gorinov"}],
        "charges": [{"person": "Aleksei Gorinov", "code": "RU-CC", "article": "207.3",
                     "part": "2"}],
        "sentences": [{"person": "Aleksei Gorinov", "kind": "imprisonment", "months": 84}],
        "courts": [{"name": "Meshchansky District Court", "type": "district",
                    "city": "Moscow"}],
        "principles": ["freedom_of_expression", "right_to_fair_trial"]})
    return root_dir


def test_cli_json_and_floors(tiny: Path) -> None:
    run = CliRunner().invoke(root, ["evaluate", str(tiny / "gold"), str(tiny / "docs"),
                                    "--format", "json", "--show-errors"])
    assert run.exit_code == 0, run.output
    out = json.loads(run.stdout)
    assert out["documents"] == 1
    assert out["scores"]["principles"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0,
                                           "recall": 0.5, "f1": 0.6667}
    assert out["scores"]["charges"]["f1"] == 1.0
    assert ["a", "right_to_fair_trial"] in out["errors"]["principles"]["false_negatives"]
    low = CliRunner().invoke(root, ["evaluate", str(tiny / "gold"), str(tiny / "docs"),
                                    "--min-f1", "principles=0.9", "--min-f1", "charges=1"])
    assert low.exit_code == 1
    assert "principles: F1 0.667 < 0.9" in low.stderr
    assert "charges" not in low.stderr


def test_cli_table_and_jsonl_input(tiny: Path, tmp_path: Path) -> None:
    extracted = CliRunner().invoke(root, ["extract", str(tiny / "docs")])
    assert extracted.exit_code == 0
    jsonl = tmp_path / "facts.jsonl"
    jsonl.write_text(extracted.stdout, encoding="utf-8")
    run = CliRunner().invoke(root, ["evaluate", str(tiny / "gold" / "a.json"), str(jsonl),
                                    "--show-errors"])
    assert run.exit_code == 0, run.output
    assert "persons" in run.stdout and "F1" in run.stdout
    assert "FN principles: right_to_fair_trial" in run.stdout


@pytest.mark.parametrize("args", [
    ["--min-f1", "people=0.5"], ["--min-f1", "persons"], ["--min-f1", "persons=high"],
    ["--min-f1", "persons=2"], ["--format", "xml"],
])
def test_cli_usage_errors_exit_2(tiny: Path, args: list[str]) -> None:
    run = CliRunner().invoke(root, ["evaluate", str(tiny / "gold"), str(tiny / "docs"), *args])
    assert run.exit_code == 2


def test_cli_bad_gold_and_missing_path_exit_2(tiny: Path, tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.json", {"document": "a", "charges": {}})
    run = CliRunner().invoke(root, ["evaluate", str(bad), str(tiny / "docs")])
    assert run.exit_code == 2
    assert f"{bad}: 'charges' must be a list" in run.output
    run = CliRunner().invoke(root, ["evaluate", str(tmp_path / "nope"), str(tiny / "docs")])
    assert run.exit_code == 2


def test_attributes_of_matched_facts_are_compared_where_the_gold_states_them() -> None:
    gold = {"d": {"document": "d", "persons": [{"name": "Oleg Orlov", "birth_year": 1953}],
                  "charges": [{"person": "Oleg Orlov", "code": "RU-CC", "article": "280.3",
                               "stated_by_number": False}],
                  "sentences": [{"person": "Oleg Orlov", "kind": "imprisonment", "months": 30,
                                 "regime": "general", "date": "2024-02-27"},
                                {"person": "Oleg Orlov", "kind": "fine", "months": None}]}}
    facts = DocumentFacts(
        document=DocumentMeta(id="d", text_sha256="0" * 64),
        persons=[Person(id="p1", name="Oleg Orlov", birth_year=1953)],
        charges=[Charge(person="p1", code="RU-CC", article="280.3", stated_by_number=True)],
        sentences=[Sentence(person="p1", kind="imprisonment", months=30, regime="strict",
                            date="2024-02-27"),
                   Sentence(person="p1", kind="fine", date="2023-10-11")])
    s = score(gold, {"d": facts})
    assert s["persons"].attributes == {"birth_year": [1, 1]}
    assert s["charges"].attributes == {"stated_by_number": [0, 1]}
    # the fine's gold states neither regime nor date: nothing to compare there
    assert s["sentences"].attributes == {"regime": [0, 1], "date": [1, 1]}
    assert s["sentences"].accuracy("regime") == 0.0
    assert ("d", "Oleg Orlov: imprisonment 30 months", "regime", "general", "strict") in \
        s["sentences"].wrong_attributes
    assert s["sentences"].to_dict()["attributes"]["date"]["accuracy"] == 1.0


def test_cli_a_document_that_cannot_be_read_exits_1(tiny: Path) -> None:
    (tiny / "docs" / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    run = CliRunner().invoke(root, ["evaluate", str(tiny / "gold"), str(tiny / "docs")])
    assert run.exit_code == 1
    assert "broken.txt" in run.stderr
