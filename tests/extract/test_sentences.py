"""Sentences: durations in words and digits (en/ru), kind, regime, date, court, fines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.conftest import run

from repression_kg import lookups
from repression_kg.extract import extract_document, sentence_common
from repression_kg.ingest import read_document


def terms(text: str) -> list[tuple]:
    return [(s.kind, s.months, s.regime) for s in run(text).sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("Yegor Lavrov was sentenced to six and a half years in a general-regime colony.",
     [("imprisonment", 78, "general")]),
    ("Yegor Lavrov was sentenced to 6 1/2 years.", [("imprisonment", 78, None)]),
    ("Yegor Lavrov was sentenced to 6.5 years in a maximum-security colony.",
     [("imprisonment", 78, "strict")]),
    ("Yegor Lavrov was jailed for 20 months.", [("imprisonment", 20, None)]),
    ("Yegor Lavrov received two years and eight months in a colony-settlement.",
     [("imprisonment", 32, "settlement")]),
    ("Yegor Lavrov was sentenced to 3 years and 6 months in a special regime colony.",
     [("imprisonment", 42, "special")]),
    ("Yegor Lavrov was given a suspended sentence of two years.", [("suspended", 24, None)]),
    ("Yegor Lavrov was sentenced to one year of restriction of freedom.",
     [("restriction_of_freedom", 12, None)]),
    ("Суд приговорил Ивана Петрова к 6 годам колонии общего режима.",
     [("imprisonment", 72, "general")]),
    ("Ивану Петрову назначили 2 года и 8 месяцев колонии строгого режима.",
     [("imprisonment", 32, "strict")]),
    ("Ивана Петрова приговорили к шести с половиной годам лишения свободы.",
     [("imprisonment", 78, None)]),
    ("Ивана Петрова приговорили к двум годам условно.", [("suspended", 24, None)]),
])
def test_terms(text: str, expected: list[tuple]) -> None:
    assert terms(text) == expected


@pytest.mark.parametrize("text", [
    "Yegor Lavrov faces up to 10 years in prison.",
    "The article carries a maximum penalty of 15 years; Yegor Lavrov was charged under it.",
    "Refusing an order carries three to 10 years, lawyers told Yegor Lavrov.",
    "Yegor Lavrov, sentenced in absentia, left Russia two years ago.",
    "The prosecutor requested nine years for Yegor Lavrov.",
])
def test_threats_ranges_and_time_spans_are_not_sentences(text: str) -> None:
    assert terms(text) == []


def test_fines_by_amount() -> None:
    assert terms("Yegor Lavrov was fined 800,000 rubles.") == [("fine", None, None)]
    assert terms("Ивану Петрову назначили штраф 800 тысяч рублей.") == [("fine", None, None)]


def test_part_in_prison_keeps_the_colony_regime_and_one_term() -> None:
    text = ("Yegor Lavrov was sentenced to ten years in a strict regime colony, with the first "
            "three years to be served in prison and a year of restricted freedom afterwards.")
    assert terms(text) == [("imprisonment", 120, "strict")]


def test_appeal_change_is_a_separate_sentence() -> None:
    text = ("Yegor Lavrov was sentenced to five years. The appeals court increased it to "
            "seven years.")
    assert terms(text) == [("imprisonment", 60, None), ("imprisonment", 84, None)]


def test_date_and_court_of_the_sentence() -> None:
    facts = run("On 14 June 2023 the Moscow City Court sentenced Yegor Lavrov to nine years.")
    (s,) = facts.sentences
    assert s.date == "2023-06-14"
    assert s.court == next(c.id for c in facts.courts if c.name == "Moscow City Court")


def test_seed_zhilin_sentence(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = extract_document(read_document(next(seeds_dir.glob("000_*.txt"))))
    (s,) = facts.sentences
    assert (s.kind, s.months, s.date) == ("imprisonment", 78, "2023-03-20")
    court = next(c for c in facts.courts if c.id == s.court)
    assert court.city == "Barnaul"


def test_seed_zimin_sentence(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = extract_document(read_document(next(seeds_dir.glob("002_*.txt"))))
    assert [(s.months, s.regime, s.date) for s in facts.sentences] == [
        (96, "strict", "2024-11-01")]


def who_got(text: str) -> list[tuple[str, str, int | None]]:
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    return sorted((names[s.person], s.kind, s.months) for s in facts.sentences)


@pytest.mark.parametrize(("text", "expected"), [
    # a term served in a colony needs no sentencing verb (roundup lists)
    ("1. Yegor Lavrov, student, Tomsk: 7 years in a general regime colony (Part 2).",
     [("Yegor Lavrov", "imprisonment", 84)]),
    # "serving" is a cue; "after serving" is a time span
    ("Yegor Lavrov, politician, serving 25 years for treason.",
     [("Yegor Lavrov", "imprisonment", 300)]),
    ("Yegor Lavrov was released after serving five years in a colony.", []),
    ("Yegor Lavrov spent two years in a remand prison.", []),
    # fines with the person between verb and amount, and without an amount
    ("The court fined Yegor Lavrov 150,000 roubles.", [("Yegor Lavrov", "fine", None)]),
    ("Yegor Lavrov was detained in May. The same court had fined him 150,000 roubles.",
     [("Yegor Lavrov", "fine", None)]),
    ("Yegor Lavrov was later fined in a second case.", [("Yegor Lavrov", "fine", None)]),
    # a life term has no months
    ("Yegor Lavrov had been serving a life sentence in Germany.",
     [("Yegor Lavrov", "imprisonment", None)]),
    ("Article 205 carries fifteen years to life imprisonment.", []),
    # a term changed "from X to Y" on appeal; the cue carries over "by one month, to"
    ("The court changed the sentence of Yegor Lavrov, a 23-year-old actor, from three and a "
     "half years in a penal colony to one year suspended.",
     [("Yegor Lavrov", "suspended", 12)]),
    ("On appeal the court shortened the term of Yegor Lavrov by one month, to six years and "
     "eleven months.", [("Yegor Lavrov", "imprisonment", 83)]),
])
def test_terms_in_the_genre(text: str, expected: list[tuple]) -> None:
    assert who_got(text) == expected


@pytest.mark.parametrize("text", [
    "Defendants: Yegor Lavrov and Anna Belova.\n\nThe court found both guilty and sentenced "
    "each of them to four years and six months in a strict regime penal colony.",
    "Yegor Lavrov and Anna Belova were sentenced to four and a half years in a strict "
    "regime colony.",
    "The director Yegor Lavrov and the playwright Anna Belova were each sentenced to four "
    "and a half years.",
])
def test_one_term_for_several_people(text: str) -> None:
    assert who_got(text) == [("Anna Belova", "imprisonment", 54),
                             ("Yegor Lavrov", "imprisonment", 54)]


def test_a_pronoun_of_the_other_gender_skips_a_named_bystander() -> None:
    text = ("Anna Belova was one of many. The then 18-year-old was arrested for discrediting "
            "the army because she glued a poem by Taras Shevchenko to a monument, for which "
            "she is now serving two years and eight months in a general penal colony.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert [(names[s.person], s.months, s.regime) for s in facts.sentences] == [
        ("Anna Belova", 32, "general")]
    assert [(names[c.person], c.article) for c in facts.charges] == [("Anna Belova", "280.3")]


@pytest.mark.parametrize(("text", "expected"), [
    # the cue carries over to the second person's term
    ("The court sentenced Yegor Lavrov, a 27-year-old instructor, to 18 years and Anna "
     "Belova, 23, to 16 years.",
     [("Anna Belova", "imprisonment", 192), ("Yegor Lavrov", "imprisonment", 216)]),
    # a list item's facts after its colon are about the person it opens with
    ("Verdicts under Article 275.\n\n1. Yegor Lavrov, 60, a physicist.\n2. Anna Belova, 66, "
     "Lavrov's superior: 12 years in a penal colony, 27 October 2023.",
     [("Anna Belova", "imprisonment", 144)]),
    # a law that allows life imprisonment sentences nobody
    ("Yegor Lavrov got 12 years. Since 2023 the article also allows life imprisonment.",
     [("Yegor Lavrov", "imprisonment", 144)]),
    # restricted freedom after the colony term is part of that sentence
    ("Yegor Lavrov was sentenced to 14 years in a strict regime colony and one year of "
     "restricted freedom.", [("Yegor Lavrov", "imprisonment", 168)]),
    # "both counts" is not two people
    ("Yegor Lavrov defended Anna Belova.\n\nThe court found him guilty on both counts and "
     "sentenced him to seven years.", [("Yegor Lavrov", "imprisonment", 84)]),
])
def test_terms_of_the_new_test_set(text: str, expected: list[tuple]) -> None:
    assert who_got(text) == expected


def test_two_fines_of_different_years_are_two_sentences() -> None:
    facts = run("В 2022 году Ройзмана Евгения уже штрафовали по ст. 20.3.3 КоАП РФ. "
                "19 мая 2023 года суд назначил Евгению Ройзману штраф 260 тысяч рублей.")
    assert sorted((s.kind, s.date) for s in facts.sentences) == [
        ("fine", "2022"), ("fine", "2023-05-19")]


_REGIME_WORDS = sorted({str(w).lower() for section in ("kinds", "regimes")
                        for words in lookups.load("regimes")[section].values() for w in words})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_REGIME_WORDS, "colony", "regime", "special", "in a",
                                 "-", " ", ",", "ограничени"]), max_size=12),
       st.sampled_from(["kinds", "regimes"]))
def test_first_of_is_the_find_loop(words: list[str], section: str) -> None:
    for window in (" ".join(words), "".join(words)):
        assert sentence_common.first_of(window, section) == sentence_common.first_of_plain(window, section)


@pytest.mark.parametrize(("text", "expected"), [
    ("The court gives Yegor Lavrov a suspended sentence of three and a half years.",
     [("suspended", 42, None)]),
    ("His co-defendant Yegor Lavrov gets eight years.", [("imprisonment", 96, None)]),
    ("The court orders Yegor Lavrov to serve the three-and-a-half-year term in a general "
     "regime colony.", [("imprisonment", 42, "general")]),
    ("The same day a district court fines Yegor Lavrov 850,000 roubles.",
     [("fine", None, None)]),
    ("Суд приговорил Егора Лаврова к 7,5 года колонии общего режима и штрафу в 400 тысяч "
     "рублей.", [("imprisonment", 90, "general"), ("fine", None, None)]),
    ("The court sentenced Yegor Lavrov to eight years in a general regime colony and banned "
     "him for four years from administering websites.",
     [("imprisonment", 96, "general"), ("other", 48, None)]),
    ("Yegor Lavrov: six years in a colony, then a five-year ban on teaching.",
     [("imprisonment", 72, None), ("other", 60, None)]),
])
def test_cues_fines_and_bans_of_the_blind_set(text: str, expected: list[tuple]) -> None:
    assert terms(text) == expected


def test_twice_fined_is_two_fines() -> None:
    facts = run("In July 2022 Yegor Lavrov was twice fined 50,000 roubles under Article 20.3.3 of "
                "the Code of Administrative Offences.")
    assert [(s.kind, s.date) for s in facts.sentences] == [("fine", "2022-07"), ("fine", "2022-07")]


def test_a_timeline_entry_dates_its_sentences() -> None:
    facts = run("## Timeline\n\n- **30 December 2014.** A district court gives Yegor Lavrov a "
                "suspended sentence of three years.\n- **2 February 2021.** The court orders "
                "him to serve three years in a general regime colony.\n")
    assert [(s.kind, s.date) for s in facts.sentences] == [
        ("suspended", "2014-12-30"), ("imprisonment", "2021-02-02")]


def test_a_verdict_dates_the_terms_told_after_it() -> None:
    facts = run("On 17 January 2025 a district court convicted Yegor Lavrov and Anna Belova. "
                "Lavrov was sentenced to five years and Belova to three years.")
    assert {s.date for s in facts.sentences} == {"2025-01-17"}


def test_the_publication_line_is_not_the_date_of_a_term_in_the_headline() -> None:
    facts = run("Yegor Lavrov sentenced to 22 years\nPublished: 6 September 2022\n\nOn 5 "
                "September 2022 the court sentenced Yegor Lavrov to twenty-two years.")
    assert [(s.months, s.date) for s in facts.sentences] == [(264, "2022-09-05")]


def test_the_term_replaced_keeps_no_date_of_the_new_one() -> None:
    facts = run("Ивана Петрова 14 июня 2023 года приговорили к семи с половиной годам колонии. "
                "9 апреля 2024 года суд ужесточил наказание: вместо семи с половиной лет "
                "Петров получил девять лет.")
    assert sorted((s.months, s.date) for s in facts.sentences) == [
        (90, "2023-06-14"), (108, "2024-04-09")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Yegor Lavrov: verdict of 9 June 2020. Penalty: 6 years 6 months' deprivation of liberty.",
     [("imprisonment", 78, None)]),
    ("The court sentenced Yegor Lavrov to seven years and Anna Belova to five and a half, both "
     "in a general regime colony.",
     [("imprisonment", 84, "general"), ("imprisonment", 66, "general")]),
    ("On appeal the regional court left the conviction of Yegor Lavrov in place but replaced "
     "the prison term with a suspended sentence.", [("suspended", None, None)]),
    ("The judge sentenced Yegor Lavrov to four years. She also barred him from teaching.",
     [("imprisonment", 48, None), ("other", None, None)]),
    ("Yegor Lavrov had been punished before: the day after the protest, a district court fined "
     "him 20,000 roubles.", [("fine", None, None)]),
    ("Yegor Lavrov first served a short administrative detention and was then charged.",
     [("other", None, None)]),
    ("Егора Лаврова арестовали на 15 суток.", [("other", None, None)]),
])
def test_terms_without_units_or_lengths(text: str, expected: list[tuple]) -> None:
    assert terms(text) == expected


def test_a_pre_trial_ban_is_no_sentence() -> None:
    assert terms("Yegor Lavrov was barred from using the internet while under investigation.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ивану Петрову назначено наказание в виде лишения свободы сроком на 4 (четыре) года с "
     "отбыванием в исправительной колонии общего режима.", [("imprisonment", 48, "general")]),
    ("Суд приговорил Ивана Петрова к пяти годам колонии и на девять лет запретил ему "
     "заниматься общественной деятельностью.", [("imprisonment", 60, None), ("other", 108, None)]),
    ("The appeals court shortened Ivan Petrov's term by one month.", []),
    ("Because the court accepts that Ivan Petrov is mentally ill, it did not convict him. "
     "Instead it ordered that he be sent to a psychiatric hospital for compulsory treatment.",
     [("compulsory_treatment", None, None)]),
    ("В 2020 году суд признал экстремистской и запретил деятельность организации, одним из "
     "руководителей которой был Иван Петров.", []),
])
def test_russian_terms_treatment_and_organisation_bans(text: str, expected: list[tuple]) -> None:
    assert terms(text) == expected


def test_a_birth_year_is_no_date_of_a_sentence() -> None:
    facts = run("Yegor Lavrov (b. 1982) was sentenced to two years, suspended.")
    assert [(s.kind, s.date) for s in facts.sentences] == [("suspended", None)]


def test_a_suspended_term_ordered_served_in_a_colony_is_imprisonment() -> None:
    text = ("The court ruled that Yegor Lavrov had broken the terms of his probation and ordered "
            "him to serve the three-and-a-half-year term in a general regime colony.")
    assert terms(text) == [("imprisonment", 42, "general")]


def test_an_upheld_term_is_the_term_given_before() -> None:
    facts = run("On 29 September 2020 the regional court raised Yegor Lavrov's term to thirteen "
                "years. The cassation court upheld the thirteen years in February 2021.")
    assert [(s.months, s.date) for s in facts.sentences] == [(156, "2020-09-29")]


_PAIR = ("Yegor Lavrov and Anna Belova were convicted of fraud in March.\n\n"
         "The sentence: nine years each in a general regime colony.\n\n")


@pytest.mark.parametrize(("appeal", "months"), [
    # a change by an amount gives the new term right after it, for the group it concerns
    ("The appeal court cuts both terms by a year, to eight years.", 96),
    ("The appeal court upholds the conviction but takes a year off: eight years.", 96),
    ("The appeal court reduces their terms to eight years.", 96),
])
def test_a_term_changed_on_appeal_for_a_pair(appeal: str, months: int) -> None:
    assert who_got(_PAIR + appeal) == [
        ("Anna Belova", "imprisonment", months), ("Anna Belova", "imprisonment", 108),
        ("Yegor Lavrov", "imprisonment", months), ("Yegor Lavrov", "imprisonment", 108)]


def test_a_term_each_after_a_judge_speaks_is_the_groups() -> None:
    text = ("Yegor Lavrov and Anna Belova stood trial before Judge Pavel Orlov.\n\n"
            "Three days later he announced the term: fourteen years each.")
    assert who_got(text) == [("Anna Belova", "imprisonment", 168),
                             ("Yegor Lavrov", "imprisonment", 168)]


def test_an_amount_taken_off_is_no_term() -> None:
    assert who_got("Yegor Lavrov was jailed for nine years in May. In June the Supreme "
                   "Court shaved off another two months.") == [
        ("Yegor Lavrov", "imprisonment", 108)]


@pytest.mark.parametrize("text", [
    "Суд назначил Ивану Петрову наказание в виде лишения свободы сроком на 4 (четыре) года.\n\n"
    "«На основании статьи 73 УК РФ назначенное наказание считать условным».",
    "Yegor Lavrov was sentenced to four years in prison. The term is suspended.",
])
def test_a_term_suspended_by_the_next_sentence(text: str) -> None:
    assert terms(text) == [("suspended", 48, None)]


def test_a_request_of_the_prosecution_in_russian_is_no_sentence() -> None:
    assert terms("Ивана Петрова приговорили к двум годам условно. Обвинение просило пять лет "
                 "колонии общего режима.") == [("suspended", 24, None)]


def test_a_term_cut_to_in_russian_is_the_new_term() -> None:
    assert terms("Ивану Петрову назначили 6 лет лишения свободы. Коллегия изменила приговор, "
                 "снизив срок лишения свободы до 5 (пяти) лет.") == [
        ("imprisonment", 72, None), ("imprisonment", 60, None)]


def test_a_fine_left_unchanged_on_appeal_is_the_fine_given_before() -> None:
    facts = run("On 16 February 2022 the court sentenced Yegor Lavrov to six years and a fine of "
                "110,000 roubles. In August 2022 the appeal court cut the term to five years; "
                "the fine of 110,000 roubles was left unchanged.")
    assert sorted((s.kind, s.months, s.date) for s in facts.sentences) == [
        ("fine", None, "2022-02-16"), ("imprisonment", 60, "2022-08"),
        ("imprisonment", 72, "2022-02-16")]


def test_a_ban_named_with_its_object_before_the_word_ban() -> None:
    assert terms("Yegor Lavrov was sentenced to three years and a four-year internet ban.") == [
        ("imprisonment", 36, None), ("other", 48, None)]


def test_his_mother_introduced_by_name_is_the_one_held() -> None:
    facts = run("Kevin Lavrov was born in 2005. His mother, Viktoria Lavrova, took him to Maikop."
                "\n\nBefore they could leave, his mother was held for ten days under an "
                "administrative arrest for petty hooliganism.")
    names = {p.id: p.name for p in facts.persons}
    assert [(names[s.person], s.kind) for s in facts.sentences] == [("Viktoria Lavrova", "other")]
    assert [(names[c.person], c.code, c.article) for c in facts.charges] == [
        ("Viktoria Lavrova", "RU-CoAP", "20.1")]


def test_a_ban_without_a_length_after_a_term_and_not_the_one_asked_for() -> None:
    assert terms("The prosecutor asks for six years in a penal colony and a ban on "
                 "administering websites.") == []
    assert terms("Yegor Lavrov was sentenced to five years and six months in a penal colony, "
                 "with a ban on administering websites.") == [
        ("imprisonment", 66, None), ("other", None, None)]


def test_a_live_blogs_day_heading_dates_the_verdict_under_it() -> None:
    facts = run("Published: 11 May 2023\n\nOn 18 April 2022 a court fined Nikita Orlov 30,000 "
                "roubles.\n\nTHURSDAY, 11 MAY\n\n13:12  Judge: reads the verdict. Nikita Orlov "
                "is found guilty and sentenced to five years and six months in a penal colony.",
                published="2023-05-11")
    assert sorted((s.kind, s.date) for s in facts.sentences) == [
        ("fine", "2022-04-18"), ("imprisonment", "2023-05-11")]


def test_a_thread_lists_the_sentence_under_its_label() -> None:
    # the items under "The sentence" are penalties of the person the thread is about; the
    # verdict "has just" been given: the day of the post
    text = ("Posted: Mar 21, 2025\n\n1/4 A military court in Omsk has just sentenced Gleb "
            "Rudin, 61, a teacher once held in psychiatric hospitals, to TWELVE years.\n\n"
            "2/4 The sentence ⚖️\n▪️ 12 yrs in a penal colony\n▪️ 200k ₽ fine\n"
            "▪️ 3-yr ban on running websites\n")
    facts = run(text)
    assert {(s.kind, s.months) for s in facts.sentences} == {
        ("imprisonment", 144), ("fine", None), ("other", 36)}
    assert [s.date for s in facts.sentences if s.kind == "imprisonment"] == ["2025-03-21"]


def test_a_fine_with_its_amount_before_the_word() -> None:
    facts = run("On 3 May 2023 a court in Omsk fined Gleb Rudin. He was given a 300,000-rouble "
                "fine for two posts.")
    assert [(s.kind, s.date) for s in facts.sentences] == [("fine", "2023-05-03")]


def test_hard_wrapped_terms_changes_and_requests() -> None:
    # a regime wrapped onto the next line; "replaced X with <term>" is a prison term; a
    # request "asked again for" is none; "spent ten days under administrative arrest"
    text = ("Published: 2 October 2024\n\nIn July 2022 Gleb Rudin spent ten days under\n"
            "administrative arrest. On 22 April 2024 a court gave him five years of\n"
            "compulsory labour. The prosecution asked again for six years of real\n"
            "imprisonment. On 17 September 2024 the appeal court replaced the\n"
            "compulsory labour with five years in a general\nregime penal colony.")
    got = {(s.kind, s.months, s.regime, s.date) for s in run(text).sentences}
    assert got == {("other", None, None, "2022-07"),
                   ("compulsory_labour", 60, None, "2024-04-22"),
                   ("imprisonment", 60, "general", "2024-09-17")}


def test_a_term_that_became_another_is_the_earlier_one() -> None:
    text = ("Published: 17 September 2020\n\nOn 13 December 2019 a court in Penza sentenced "
            "Oleg Sumin to six years in a general regime penal colony.\n\nThe regional court "
            "yesterday changed the sentence of Oleg Sumin: six years of imprisonment became four "
            "years suspended.")
    got = {(s.kind, s.months, s.date) for s in run(text).sentences}
    assert got == {("imprisonment", 72, "2019-12-13"), ("suspended", 48, "2020-09-16")}


def test_almost_a_year_is_no_term() -> None:
    facts = run("A court placed Nikolai Platoshkin under house arrest; the measure was extended "
                "again and again for almost a year.")
    assert facts.sentences == []


def test_a_term_compared_with_another_is_no_term() -> None:
    assert run("Roman Ivanov was sentenced: he received a year less than asked.").sentences == []
    facts = run("Roman Ivanov was sentenced to five years, more than the prosecutor asked.")
    assert [(s.kind, s.months) for s in facts.sentences] == [("imprisonment", 60)]


def test_restriction_in_military_service_and_a_minimum_of_treatment() -> None:
    facts = run("For the two offences together Alexei Orlov was fined one million roubles, given "
                "eight months of restriction in military service and barred for two years "
                "from posts.")
    assert [(s.kind, s.months) for s in facts.sentences] == [
        ("fine", None), ("other", 8), ("other", 24)]
    facts = run("The court ordered Viktoria Petrova to undergo compulsory treatment in a "
                "psychiatric hospital, for an indefinite period but not less than six months.")
    assert [(s.kind, s.months) for s in facts.sentences] == [("compulsory_treatment", None)]


def test_that_july_takes_the_year_just_told() -> None:
    facts = run("In February 2017 Belarus extradited Artur Lepin to Azerbaijan, where a court "
                "in Baku sentenced him that July to three years in prison.", "2019-03-22")
    assert [(s.months, s.date) for s in facts.sentences] == [(36, "2017-07")]


def test_a_summary_verdict_date_dates_the_list_below() -> None:
    text = ("Опубликовано: 27.06.2020\n\nВчера, 26 июня, суд вынес приговор по делу.\n\n"
            "Кто что получил:\n\n1. Юрий Лукин, в 2011–2014 годах директор, — 3 года условно и "
            "штраф\n   200 000 рублей.")
    assert [(s.kind, s.months, s.date) for s in run(text).sentences] == [
        ("suspended", 36, "2020-06-26"), ("fine", None, "2020-06-26")]


def test_a_place_in_an_apposition_is_no_range() -> None:
    facts = run("In March 2016 the regional court sentenced Oksana Sevrova, a saleswoman from "
                "Sochi, to seven years for treason.")
    assert [(s.months, s.date) for s in facts.sentences] == [(84, "2016-03")]


def test_an_earlier_fine_takes_no_date_from_its_post() -> None:
    text = ("Yulia Tsvetova is on trial.\n\n[15 Jul 2022, 09:52] 4/ Before the criminal case "
            "she was fined under Article 6.21 of the Code of Administrative Offences.")
    assert [(s.kind, s.date) for s in run(text).sentences] == [("fine", None)]
