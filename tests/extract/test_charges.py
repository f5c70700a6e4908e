"""Charges: articles cited by number (en/ru), Article 30 modifiers, described offences."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run

from repression_kg.ingest import read_document


def charges(text: str) -> list[tuple]:
    return [(c.code, c.article, c.part, c.modifier, c.stated_by_number)
            for c in run(text).charges]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pavel Orekhov was charged under Article 207.3, Part 2, of the Russian Criminal Code.",
     [("RU-CC", "207.3", "2", None, True)]),
    ("Investigators accuse Pavel Orekhov under Part 1 of Article 280.3.",
     [("RU-CC", "280.3", "1", None, True)]),
    ("Pavel Orekhov is accused under Art. 207.3(2) of the Criminal Code.",
     [("RU-CC", "207.3", "2", None, True)]),
    ("Pavel Orekhov is accused under Article 207.3 (2).",
     [("RU-CC", "207.3", "2", None, True)]),
    ("Pavel Orekhov faces charges under Articles 280.3 and 207.3 of the Criminal Code.",
     [("RU-CC", "280.3", None, None, True), ("RU-CC", "207.3", None, None, True)]),
    ("Pavel Orekhov was convicted under Articles 205.2(2) and 280.3(1).",
     [("RU-CC", "205.2", "2", None, True), ("RU-CC", "280.3", "1", None, True)]),
    ("Pavel Orekhov was charged with Article 30, Part 3, in conjunction with Article 275.",
     [("RU-CC", "275", None, "attempt", True)]),
    ("Против Ивана Петрова возбуждено дело по ч. 2 ст. 207.3 УК РФ.",
     [("RU-CC", "207.3", "2", None, True)]),
    ("Ивана Петрова оштрафовали по ч.1 ст.20.3.3 КоАП.",
     [("RU-CoAP", "20.3.3", "1", None, True)]),
    ("Ивана Петрова обвиняют по статье о «фейках».",
     [("RU-CC", "207.3", None, None, False)]),
])
def test_citations_and_descriptions(text: str, expected: list[tuple]) -> None:
    assert charges(text) == expected


def test_preparation_applies_to_the_article_that_follows() -> None:
    text = ("Lev Kostin was charged with Article 30, Part 1, in conjunction with Article "
            "205.5, Part 2, of the Russian Criminal Code.")
    assert charges(text) == [("RU-CC", "205.5", "2", "preparation", True)]


def test_description_beside_its_number_is_one_charge() -> None:
    text = ("Lev Kostin was convicted of treason (Article 275 of the Criminal Code) on "
            "12 May 2023.")
    found = run(text).charges
    assert [(c.article, c.stated_by_number) for c in found] == [("275", True)]
    assert {m.text for m in found[0].mentions} == {"treason", "Article 275"}


def test_administrative_context_gives_coap() -> None:
    text = ("Nina Belova was fined in an administrative case for discrediting the army.")
    assert charges(text) == [("RU-CoAP", "20.3.3", None, None, False)]


def test_laws_discussed_and_other_instruments_are_not_charges() -> None:
    assert charges("The law on fakes about the army was adopted in March 2022.") == []
    assert charges("Article 207.3 carries a maximum of 15 years.") == []
    assert charges("Nina Belova cited Article 10 of the European Convention.") == []


def test_unnamed_people_get_no_charge() -> None:
    assert charges("Two soldiers were charged with desertion last year.") == []


def test_every_charge_has_mentions_inside_the_text() -> None:
    text = "Lev Kostin was charged with desertion and treason."
    facts = run(text)
    assert {c.article for c in facts.charges} == {"338", "275"}
    for c in facts.charges:
        assert c.mentions and all(text[m.start:m.end] == m.text for m in c.mentions)


def _seed(seeds_dir, prefix: str):  # type: ignore[no-untyped-def]
    from repression_kg.extract import extract_document

    return extract_document(read_document(next(seeds_dir.glob(f"{prefix}_*.txt"))))


def test_seed_zhilin_charges(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = _seed(seeds_dir, "000")
    got = {(c.code, c.article, c.part) for c in facts.charges}
    assert got == {("RU-CC", "322", "1"), ("RU-CC", "338", "3")}


def test_seed_zimin_preparation(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = _seed(seeds_dir, "002")
    got = {(c.article, c.part, c.modifier) for c in facts.charges}
    assert got == {("275", None, "preparation"), ("205.5", "2", "preparation")}


def test_seed_akimushkin_criminal_and_administrative(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = _seed(seeds_dir, "004")
    got = {(c.code, c.article) for c in facts.charges}
    assert got == {("RU-CC", "280.3"), ("RU-CoAP", "20.3.3")}


def test_a_charge_field_line_belongs_to_the_defendants_line() -> None:
    from tests.extract.conftest import run
    facts = run("Court report.\n\nDefendants: Yegor Lavrov and his co-defendant Anna Belova.\n\n"
                "Charge: organising mass riots, Article 212, Part 1, of the Criminal Code, "
                "on the eve of Vladimir Putin's inauguration.")
    names = {p.id: p.name for p in facts.persons}
    assert sorted((names[c.person], c.article, c.part) for c in facts.charges) == [
        ("Anna Belova", "212", "1"), ("Yegor Lavrov", "212", "1")]


def test_leading_an_undesirable_organisation_is_284_1() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov, serving four years for leading an \"undesirable\" organisation.")
    assert [(c.article, c.stated_by_number) for c in facts.charges] == [("284.1", False)]


def test_article_30_after_the_article_it_modifies() -> None:
    from tests.extract.conftest import run
    facts = run("The court sentenced Yegor Lavrov to twelve years for preparing a violent "
                "seizure of power (Article 278 with Article 30, Part 1).")
    assert [(c.article, c.part, c.modifier) for c in facts.charges] == [
        ("278", None, "preparation")]


def test_russian_order_part_then_article_after_article_30() -> None:
    from tests.extract.conftest import run
    facts = run("Егора Лаврова осудили по ч. 1 ст. 30, ч. 2 ст. 205.5 УК РФ.")
    assert [(c.article, c.part, c.modifier) for c in facts.charges] == [
        ("205.5", "2", "preparation")]


@pytest.mark.parametrize(("text", "article"), [
    ("Yegor Lavrov was found guilty of smuggling explosives.", "226.1"),
    ("Yegor Lavrov was charged with illegal possession of firearms.", "222"),
    ("Yegor Lavrov was convicted of taking part in an illegal armed formation.", "208"),
    ("Yegor Lavrov was charged with separatism.", "280.1"),
    ("Yegor Lavrov was charged with vandalism over the graffiti.", "214"),
    ("The court convicts Yegor Lavrov of contempt of court.", "297"),
    ("A district court fines Yegor Lavrov 900,000 roubles for defaming a pensioner.", "128.1"),
    ("Yegor Lavrov was convicted of large-scale fraud over the donations.", "159"),
    ("Yegor Lavrov was found guilty of publicly calling for extremism.", "280"),
    ("Yegor Lavrov was charged with producing child pornography.", "242.2"),
    ("Yegor Lavrov was accused of taking part in his \"extremist community\".", "282.1"),
    ("Yegor Lavrov was convicted of membership of a terrorist organisation.", "205.5"),
    ("Егора Лаврова признали виновным в создании некоммерческой организации, посягающей на "
     "права граждан.", "239"),
    ("Егора Лаврова признали виновным в публичных призывах к экстремистской деятельности.",
     "280"),
])
def test_more_offences_named_by_description(text: str, article: str) -> None:
    from tests.extract.conftest import run
    assert [(c.article, c.stated_by_number) for c in run(text).charges] == [(article, False)]


def test_decimal_parts_and_the_same_part() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov was convicted under Article 332, Part 2.1, of the Criminal Code. "
                "Anna Belova was sentenced under the same part of Article 332.")
    assert sorted((c.article, c.part) for c in facts.charges) == [("332", "2.1"), ("332", "2.1")]


def test_the_pair_shares_a_charge() -> None:
    from tests.extract.conftest import run
    facts = run("The court sentenced Yegor Lavrov to 18 years and Anna Belova to 16 years. "
                "The court found the pair guilty under Article 205.4, Part 1, of the Criminal Code.")
    assert len([c for c in facts.charges if c.article == "205.4"]) == 2


def test_the_same_accusation_shares_the_charge_before() -> None:
    from tests.extract.conftest import run
    facts = run("Vadim Orlov was sentenced under Part 2 of Article 282.1 of the Criminal Code. "
                "Two more of Orlov's colleagues, Anna Belova and Pavel Rudin, are wanted on the "
                "same accusation.")
    names = {p.id: p.name for p in facts.persons}
    assert {(names[c.person], c.article, c.part, c.stated_by_number) for c in facts.charges} == {
        ("Vadim Orlov", "282.1", "2", True), ("Anna Belova", "282.1", "2", False),
        ("Pavel Rudin", "282.1", "2", False)}


def test_illegally_keeping_parts_of_a_shotgun_is_222() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov was charged with illegally keeping parts of a shotgun.")
    assert [(c.article, c.stated_by_number) for c in facts.charges] == [("222", False)]


def test_an_article_of_a_footnote_is_no_charge() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov was convicted under Article 207.3 of the Criminal Code.\n\n[5] UN "
                "Human Rights Committee, General Comment No. 34 (2011) on Article 19.")
    assert [c.article for c in facts.charges] == ["207.3"]


def test_offences_of_an_extradition_request_named_in_words() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov was charged with armed rebellion, banditry, murder and "
                "hostage-taking.")
    assert sorted((c.article, c.stated_by_number) for c in facts.charges) == [
        ("105", False), ("206", False), ("209", False), ("279", False)]


def test_a_murder_abroad_is_no_charge_under_the_russian_code() -> None:
    from tests.extract.conftest import run
    assert run("Russia received Yegor Lavrov, who had been serving a life sentence in Germany "
               "for a murder in Berlin.").charges == []


def test_the_code_of_a_citation_in_a_later_sentence_is_not_this_ones() -> None:
    assert charges("The first charge against Pavel Orekhov is justification of terrorism "
                   "(Article 205.2). In 2022 a court fined him under Part 1 of Article 20.3.3 "
                   "of the Code of Administrative Offences.") == [
        ("RU-CC", "205.2", None, None, True), ("RU-CoAP", "20.3.3", "1", None, True)]


def test_a_terrorist_community_is_article_205_4() -> None:
    facts = run("Gleb Rudin was convicted of taking part in a \"terrorist community\" and of "
                "justifying terrorism.")
    assert {(c.article, c.stated_by_number) for c in facts.charges} == {
        ("205.4", False), ("205.2", False)}


def test_every_item_of_a_charge_list_under_its_heading() -> None:
    text = ("Опубликовано: 1 июня 2024 года\n\nКсения Орлова - бывший депутат.\n\nОбвинение\n\n"
            "- ч. 3 ст. 282.1 УК РФ - организация экстремистского сообщества с\n"
            "  использованием служебного положения;\n"
            "- ч. 3 ст. 239 УК РФ - участие в деятельности некоммерческой организации.\n")
    assert {(c.article, c.part) for c in run(text).charges} == {("282.1", "3"), ("239", "3")}


@pytest.mark.parametrize(("text", "want"), [
    ("Ivan Petrov was charged under UK RF 207.3(2)(d).", [("RU-CC", "207.3", "2")]),
    ("Ivan Petrov was fined under KoAP RF 20.3.3(1).", [("RU-CoAP", "20.3.3", "1")]),
    ("Ivan Petrov was convicted under UK RF 148(2), 213(2).",
     [("RU-CC", "148", "2"), ("RU-CC", "213", "2")]),
    # a term or a date after a code that ends a citation is no article
    ("Иван Петров осуждён по ч. 2 ст. 207.3 УК РФ 15 февраля 2023 года.",
     [("RU-CC", "207.3", "2")]),
    ("Ivan Petrov was sentenced under Article 207.3 UK RF 6 years ago.",
     [("RU-CC", "207.3", None)]),
])
def test_the_code_named_before_the_number(text: str, want: list[tuple]) -> None:
    assert [(c.code, c.article, c.part) for c in run(text).charges] == want


def test_a_part_cited_alone_where_the_court_gave_him_a_term() -> None:
    facts = run("Mikhail Simonov was charged under Article 207.3. On 30 March 2023 the court "
                "gave him seven years under point \"d\" of Part 2.")
    assert [(c.article, c.part) for c in facts.charges] == [("207.3", "2")]


def test_calls_to_violate_territorial_integrity() -> None:
    facts = run("Darya Polyudova was charged with calls to violate Russia's territorial "
                "integrity.")
    assert [(c.article, c.stated_by_number) for c in facts.charges] == [("280.1", False)]


def test_words_that_name_the_administrative_article_cited_beside_them() -> None:
    facts = run("Police drew up a report against Alexander Shakhov for \"discrediting\" the army "
                "under Article 20.3.3 CoAP.")
    assert [(c.code, c.article, c.stated_by_number) for c in facts.charges] == [
        ("RU-CoAP", "20.3.3", True)]
    facts = run("The court gave the sociologist Iskander Yasaveev three days of administrative "
                "arrest under "
                "Article 20.3.1 of the Code of Administrative Offences (inciting hatred or "
                "enmity).")
    assert [(c.code, c.article) for c in facts.charges] == [("RU-CoAP", "20.3.1")]


def test_investigators_accuse_him() -> None:
    facts = run("Investigators accuse Nikolai Platoshkin of inciting riots (Part 1.1 of Article "
                "212 of the Criminal Code) and of spreading false information (Article 207.1).")
    assert [(c.article, c.part) for c in facts.charges] == [("212", "1.1"), ("207.1", None)]


def test_the_same_fakes_article() -> None:
    facts = run('Masha Ponomarenko got six years under the same "fakes" article, for a post '
                "about the theatre in Mariupol.")
    assert [(c.article, c.stated_by_number) for c in facts.charges] == [("207.3", False)]


def test_a_code_name_broken_over_a_line() -> None:
    assert charges("Yulia Tsvetova is an artist. She is charged under Article 242, Part 3, "
                   "point \"b\" of the Criminal\nCode.") == [("RU-CC", "242", "3", None, True)]
