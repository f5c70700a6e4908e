"""Principles: cue phrases and patterns for the contract's 13 ids."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run

from repression_kg.extract import extract_document
from repression_kg.ingest import read_document


def ids(text: str) -> list[str]:
    return [p.id for p in run(text).principles]


@pytest.mark.parametrize(("text", "expected"), [
    ("His prosecution breaches freedom of speech.", ["freedom_of_expression"]),
    ("Convicting her twice for the same post means she was punished twice.", ["ne_bis_in_idem"]),
    ("The trial was unfair: no fair trial is possible there.", ["right_to_fair_trial"]),
    ("He is a conscientious objector.", ["conscientious_objection"]),
    ("Extraditing him where he faces torture would breach non-refoulement.",
     ["non_refoulement"]),
    ("The wording of the article is vague; it offends legal certainty.", ["legal_certainty"]),
    ("Приговор нарушает свободу совести и свободу вероисповедания.",
     ["freedom_of_conscience", "freedom_of_religion"]),
    ("В СИЗО его пытали.", ["prohibition_of_torture"]),
    ("He said that he has not been tortured.", []),
    ("The weather was fine.", []),
])
def test_cues(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_one_principle_per_id_with_every_mention() -> None:
    (p,) = run("Freedom of expression matters. So does free speech.").principles
    assert p.id == "freedom_of_expression" and len(p.mentions) == 2


def test_seed_principles(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    got = {}
    for prefix in ("000", "004"):
        facts = extract_document(read_document(next(seeds_dir.glob(f"{prefix}_*.txt"))))
        got[prefix] = {p.id for p in facts.principles}
    assert {"freedom_of_conscience", "ne_bis_in_idem", "non_refoulement"} <= got["000"]
    assert got["004"] == {"freedom_of_expression", "right_to_fair_trial", "legal_certainty",
                          "ne_bis_in_idem"}


def test_the_right_to_freedom_of_speech_is_not_the_right_to_liberty() -> None:
    from tests.extract.conftest import run
    ids = {p.id for p in run("Преследование нарушает его право на свободу слова.").principles}
    assert ids == {"freedom_of_expression"}
    ids = {p.id for p in run("Арест нарушает его право на свободу.").principles}
    assert ids == {"right_to_liberty"}


def test_protected_speech_and_freedom_of_thought() -> None:
    from tests.extract.conftest import run
    assert {p.id for p in run("The defence argued that the notes were protected speech.")
            .principles} == {"freedom_of_expression"}
    assert "freedom_of_conscience" in {p.id for p in run(
        "International law treats objection as part of freedom of thought, conscience and "
        "religion.").principles}


@pytest.mark.parametrize(("text", "expected"), [
    # Russian cues in any grammatical case
    ("Без справедливого суда приговор ничего не стоит.", ["right_to_fair_trial"]),
    ("Адвокат говорил о праве на справедливое судебное разбирательство.",
     ["right_to_fair_trial"]),
    ("Проповедь наказали, что ударило по свободе совести и вероисповедания.",
     ["freedom_of_conscience", "freedom_of_religion"]),
    ("Фонд следит за свободой вероисповедания в регионе.", ["freedom_of_religion"]),
    ("Запрет бьёт по свободе объединений и свободе собраний.",
     ["freedom_of_association", "freedom_of_assembly"]),
    # English wordings of association and assembly
    ("Banning the club punished its members for lawful association.",
     ["freedom_of_association"]),
    ("Fining the choir denies the right to gather peacefully in a park.",
     ["freedom_of_assembly"]),
])
def test_more_wordings(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_torture_named_only_as_the_risk_of_a_return() -> None:
    got = ids("No state may send a refugee back to a land where she faces persecution or "
              "torture.")
    assert got == ["non_refoulement"]
    assert "prohibition_of_torture" in ids("Guards tortured him after the transfer.")


def test_a_phrase_that_ends_a_body_s_name_invokes_nothing() -> None:
    assert ids("The UN Working Group on Arbitrary Detention wrote to the ministry.") == []
    assert ids("A volunteer of Rivers Without Torture visited the colony.") == []
    assert ids("Lawyers called it arbitrary detention.") == ["right_to_liberty"]
    assert ids("Torture in the colony was reported again.") == ["prohibition_of_torture"]


def test_peaceful_protest_and_beaten_confessions() -> None:
    assert ids("They only went out to protest peacefully.") == ["freedom_of_assembly"]
    assert ids("His testimony was beaten out of him.") == ["prohibition_of_torture"]
    assert ids("Guards beat a statement out of her.") == ["prohibition_of_torture"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Адвокат говорил о нарушении права на защиту.", ["right_to_fair_trial"]),
    ("Investigators denied him access to his lawyer for a week.", ["right_to_fair_trial"]),
    ("Её дважды оштрафовали за одну публикацию.", ["ne_bis_in_idem"]),
    ("Её дважды вызывали в полицию за одну неделю.", []),
    ("Critics say the law is so vague that anything can fall under it.", ["legal_certainty"]),
    ("The sailor refused to take up arms because of his beliefs.", ["conscientious_objection"]),
    ("Он отказался брать в руки оружие: этого не позволяет совесть.",
     ["conscientious_objection"]),
    ("Правозащитники называют задержание незаконным.", ["right_to_liberty"]),
    ("Суд отказался признать арест незаконным, хотя это было незаконное лишение свободы.",
     ["right_to_liberty"]),
    ("The UN found that his arrest was arbitrary.", ["right_to_liberty"]),
    ("Это нарушает право на свободу мирных собраний.", ["freedom_of_assembly"]),
    ("Keeping him in custody amounts to inhuman and degrading treatment.",
     ["prohibition_of_torture"]),
    ("He did not suffer inhuman treatment.", []),
    ("Преследование несовместимо со свободой слова.", ["freedom_of_expression"]),
    ("Ivan Petrov thought about it for a long time.", []),
    ("Reading texts together is an exercise of freedom of conscience and religion.",
     ["freedom_of_conscience", "freedom_of_religion"]),
    ("Freedom of thought, conscience and religion is protected.", ["freedom_of_conscience"]),
    ("The case raises obvious fair-trial concerns.", ["right_to_fair_trial"]),
    # hard-wrapped text: a phrase's space is a line break there
    ("A norm set by a press office lacks the foreseeability that legal\ncertainty requires.",
     ["legal_certainty"]),
])
def test_further_wordings(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_gathering_evidence_is_no_assembly() -> None:
    assert ids("Investigators have the right to gather evidence.") == []


def test_a_refusal_to_fight_needs_a_ground_of_conscience() -> None:
    assert ids("Men who face jail for desertion or for refusing to fight are sent back.") == []
    assert ids("A pacifist, he refused to fight.") == ["conscientious_objection"]
    assert ids("He is a conscientious objector.") == ["conscientious_objection"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The court found that his detention had not been justified.", ["right_to_liberty"]),
    ("This breached the right to a fair and public hearing.", ["right_to_fair_trial"]),
])
def test_more_cues(text: str, expected: list[str]) -> None:
    assert ids(text) == expected
