"""Names written in capitals: a digest's headlines, a Russian verdict's defendant."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run

from repression_kg.extract.person_caps import caps_candidates


def test_a_headline_name_and_its_given_name_alone_below() -> None:
    facts = run("** YEGOR BALAZEIKIN (St Petersburg) **\n\nYegor, born in 2006, was sixteen "
                "when police detained him. On 22 November 2023 a military court gave him six "
                "years.")
    (person,) = facts.persons
    assert person.name == "Yegor Balazeikin"
    assert [m.text for m in person.mentions] == ["YEGOR BALAZEIKIN", "Yegor"]
    assert person.birth_year == 2006
    assert [(s.person, s.months) for s in facts.sentences] == [(person.id, 72)]


def test_capitals_in_prose_or_not_a_name_are_no_candidates() -> None:
    assert caps_candidates("HOW TO WRITE\n\nThe FSB and the UN SECURITY COUNCIL met.") == []
    long_line = "NOTE " + "word " * 30 + "YEGOR BALAZEIKIN said"
    assert caps_candidates(long_line) == []


def test_a_russian_verdicts_defendant_in_capitals_surname_first() -> None:
    facts = run("ГЕРШКОВИЧА ЭВАНА признать виновным в совершении преступления, "
                "предусмотренного ст. 276 УК РФ, и назначить ему наказание в виде лишения "
                "свободы на срок 16 (шестнадцать) лет с отбыванием наказания в исправительной "
                "колонии строгого режима.")
    (person,) = facts.persons
    assert person.name == "Evan Gershkovich"
    assert "Гершкович Эван" in person.aliases
    assert [(c.article, c.part) for c in facts.charges] == [("276", None)]
    assert [(s.months, s.regime) for s in facts.sentences] == [(192, "strict")]


@pytest.mark.parametrize(("text", "want"), [
    ("CASE A | KOROLEV Vsevolod Anatolyevich (Korolev, Vsevolod) | in custody",
     "Vsevolod Korolev"),
    ("CASE B | ZHURAVEL Nikita | in custody\nZhuravel was tried in Grozny.", "Nikita Zhuravel"),
    ("The list: SHEVCHUK Yuri, at liberty.", "Yuri Shevchuk"),
])
def test_a_surname_in_capitals_before_the_given_name(text: str, want: str) -> None:
    assert [p.name for p in run(text).persons] == [want]


def test_capitals_before_a_given_name_that_are_no_surname() -> None:
    assert run("FSB DETAINS Ivan in Moscow.").persons == []
    assert run("CASE B | ZHURAVEL Nikita | in custody").persons == []  # (nothing says so)
