"""Who a charge or sentence is about: pronouns, plurals, counts, field lines, relatives."""

from __future__ import annotations

from tests.extract.conftest import run

from repression_kg.extract import extract_document
from repression_kg.ingest import document_from_bytes


def _by_person(text: str, kind: str = "sentences", published: str | None = None) -> set[tuple]:
    facts = run(text, published)
    names = {p.id: p.name for p in facts.persons}
    if kind == "sentences":
        return {(names[s.person], s.kind, s.months) for s in facts.sentences}
    return {(names[c.person], c.article) for c in facts.charges}


def test_a_pronoun_before_the_fact_beats_a_name_after_it() -> None:
    text = ("Vera Lomova is an editor from Tula.\n\nIn May 2023 she was fined under Article "
            "20.3.3 of the Code of Administrative Offences for what she told reporters outside "
            "the court that had remanded the activist Pyotr Ignatov.")
    assert _by_person(text, "charges") == {("Vera Lomova", "20.3.3")}


def test_a_pronoun_continues_the_subject_of_the_last_sentence() -> None:
    # the last woman named is the presenter, but "she" goes on with the one the text is about
    text = ("Vera Lomova walked into the studio behind the presenter Anna Belova and held up "
            "a poster. She was detained as she left.\n\nThe next day a district court found "
            "her guilty and fined her 30,000 roubles.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert [names[s.person] for s in facts.sentences] == ["Vera Lomova"]


def test_a_case_against_him_is_his() -> None:
    text = ("Gleb Orekhov, 21, left his unit in October.\n\nA criminal case for desertion had "
            "been opened against him by then.")
    assert ("Gleb Orekhov", "338") in _by_person(text, "charges")


def test_them_is_the_group_named_before_cut_to_its_count() -> None:
    text = ("On 3 May 2024 a district court convicted three teachers who had worked with "
            "Pavel Rudin. Olga Sitnikova was sentenced to four years, Inna Gromova to three "
            "years and Lev Bakhtin to two years. The court found them guilty of taking part in "
            "an extremist community under Part 2 of Article 282.1 of the Criminal Code. All "
            "three were also barred from teaching for two years after release.")
    assert _by_person(text, "charges") == {(n, "282.1") for n in
                                           ("Olga Sitnikova", "Inna Gromova", "Lev Bakhtin")}
    bans = {(name, months) for name, kind, months in _by_person(text) if kind == "other"}
    assert bans == {("Olga Sitnikova", 24), ("Inna Gromova", 24), ("Lev Bakhtin", 24)}


def test_a_relative_who_receives_a_term_is_the_one_sentenced() -> None:
    text = ("On 2 June 2015 a Moscow court gave Ivan Sorokin a suspended sentence of three "
            "years. His brother Pyotr Sorokin receives three years in a general regime colony.")
    assert ("Pyotr Sorokin", "imprisonment", 36) in _by_person(text)


def test_the_n_year_old_refers_back() -> None:
    text = ("A court has sentenced Yuri Malkov, who documented mass graves for decades. On 5 "
            "May 2021 the city court sentenced the 64-year-old to twelve years in a strict "
            "regime colony.")
    assert ("Yuri Malkov", "imprisonment", 144) in _by_person(text)


def test_a_russian_verb_agrees_with_its_subject_not_a_genitive_name() -> None:
    text = ("Верховный суд пересмотрел дело Анны Сомовой: бывшая помощница Ивана Рябова "
            "получила девять лет лишения свободы.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert [names[s.person] for s in facts.sentences] == ["Anna Somova"]


def test_each_field_block_is_about_its_own_defendant() -> None:
    text = ("COURT BULLETIN\n\n1. Tver District Court\n\nDefendant: Oleg Zimin.\nCharge: Part 1 "
            "of Article 282.2 of the Criminal Code.\nVerdict: guilty. Six years' deprivation of "
            "liberty in a general regime penal colony.\n\n2. Tula City Court\n\nDefendant: Ilya "
            "Kuzin.\nCharge: Article 282.2 of the Criminal Code.\nVerdict: guilty; a fine of "
            "400,000 roubles.\n")
    assert _by_person(text, "charges") == {("Oleg Zimin", "282.2"), ("Ilya Kuzin", "282.2")}
    assert _by_person(text) == {("Oleg Zimin", "imprisonment", 72), ("Ilya Kuzin", "fine", None)}


def test_a_sentence_naming_nobody_is_about_the_one_accused() -> None:
    text = ("DIGEST\n\n31.05.2018. Investigators open a criminal case against Oleg Zimin.\n\n"
            "09.06.2020. VERDICT. Guilty under Art. 282.2(1) of the Criminal Code.\n")
    assert _by_person(text, "charges") == {("Oleg Zimin", "282.2")}


def test_an_unnamed_sailor_is_nobody_we_know() -> None:
    text = ("Oleg Zimin was charged with desertion.\n\nIn March a court announced that a sailor "
            "who had gone AWOL twice had been sentenced to nine years.")
    assert _by_person(text) == set()


def test_each_of_them_after_a_list_and_a_question_about_them() -> None:
    text = ("Who are the three?\n\n- Oleg Zimin - a reporter who covered the trial of Ilya "
            "Kuzin.\n- Anna Belova - a producer.\n- Pavel Rudin - a camera operator.\n\nWhat "
            "was the verdict?\n\nOn 15 April 2025 a district court found all three guilty and "
            "gave each of them four years in a general regime colony.\n\nWhat were they "
            "convicted of?\n\nOf taking part in an extremist community: Part 2 of Article "
            "282.1 of the Criminal Code.\n")
    expected = {"Oleg Zimin", "Anna Belova", "Pavel Rudin"}
    assert {name for name, _a in _by_person(text, "charges")} == expected
    assert {name for name, _k, _m in _by_person(text)} == expected


def test_otets_before_a_name_is_a_priest_not_a_relative() -> None:
    facts = run("Суд признал отца Иоанна Бурдина виновным в «дискредитации» армии и назначил "
                "ему штраф 35 тысяч рублей.")
    assert [p.roles for p in facts.persons if p.name == "Ioann Burdin"] != [["relative"]]
    assert len(facts.sentences) == 1


def test_a_paragraph_about_she_gives_her_an_unowned_charge() -> None:
    text = ("Vera Lomova was fined twice in 2022.\n\nIn July she stood alone with a poster. This "
            "time investigators opened a criminal case under Part 2 of Article 207.3 of the "
            "Criminal Code.")
    assert ("Vera Lomova", "207.3") in _by_person(text, "charges")


def test_a_record_heading_names_the_person_of_its_fields() -> None:
    text = ("# Database\n\n### Zimin, Oleg\n\n**Article:** Part 2 of Article 280 of the "
            "Criminal Code\n**Verdict date:** 6 December 2019\n**Sentence:** five (5) years in "
            "a general regime colony\n\n---\n\n### Kuzin, Ilya\n\n**Article:** Part 1 of Article "
            "318 of the Criminal Code\n**Sentence:** three years in a general regime colony\n")
    facts = extract_document(document_from_bytes(text.encode(), doc_id="t", fmt="markdown"))
    names = {p.id: p.name for p in facts.persons}
    assert {(names[c.person], c.article) for c in facts.charges} == {
        ("Oleg Zimin", "280"), ("Ilya Kuzin", "318")}
    assert {(names[s.person], s.months) for s in facts.sentences} == {
        ("Oleg Zimin", 60), ("Ilya Kuzin", 36)}


def test_a_municipal_deputy_is_no_bystander() -> None:
    text = ("A Moscow court found Yulia Lomova, a municipal deputy, guilty under Article 212.1 "
            "of the Criminal Code and handed her a two-year suspended sentence.")
    assert ("Yulia Lomova", "212.1") in _by_person(text, "charges")
    assert _by_person(text) == {("Yulia Lomova", "suspended", 24)}


def test_an_article_the_criminal_code_was_named_for_earlier() -> None:
    text = ("Article 212.1 was added to the Criminal Code in 2014.\n\nIn 2019 Oleg Zimin was "
            "sentenced under Article 212.1 to four years in a penal colony.")
    assert _by_person(text, "charges") == {("Oleg Zimin", "212.1")}
    assert _by_person(text) == {("Oleg Zimin", "imprisonment", 48)}


def test_a_pronoun_paragraph_after_a_heading_continues_the_person_before_it() -> None:
    text = ("Vera Lomova was fined in 2022.\n\nThe criminal case\n\nIn July she stood alone with "
            "a poster calling Vladimir Putin a murderer. This time investigators opened a "
            "criminal case under Part 2 of Article 207.3 of the Criminal Code.")
    assert ("Vera Lomova", "207.3") in _by_person(text, "charges")


def test_his_mother_is_the_woman_introduced_as_his_mother() -> None:
    text = ("The court rejected the appeals of Vera Sorokina and her son Ivan Sorokin.\n\nIn "
            "February the court sentenced Ivan Sorokin to six years. His mother, who was 69, "
            "received two years in a general regime colony.")
    assert _by_person(text) == {("Ivan Sorokin", "imprisonment", 72),
                                ("Vera Sorokina", "imprisonment", 24)}


def test_a_term_each_said_after_it_is_the_group_s() -> None:
    text = ("15.06.2004 - The trial of Oleg Zimin and Ilya Kuzin opens.\n\n31.05.2005 - The "
            "sentence: nine years each in a general regime colony.")
    assert _by_person(text) == {("Oleg Zimin", "imprisonment", 108),
                                ("Ilya Kuzin", "imprisonment", 108)}


def test_a_wrapped_list_item_that_opens_with_several_names() -> None:
    from tests.extract.conftest import run
    facts = run("The court's ruling:\n\n- Yegor Lavrov: the six years in a colony replaced "
                "with four years\n  suspended.\n- Anna Belova, Pavel Rudin and\n  Oleg Zimin: "
                "appeal dismissed, two years suspended each, unchanged.\n")
    names = {p.id: p.name for p in facts.persons}
    got = {(names[s.person], s.kind, s.months) for s in facts.sentences}
    assert {("Anna Belova", "suspended", 24), ("Oleg Zimin", "suspended", 24),
            ("Pavel Rudin", "suspended", 24), ("Yegor Lavrov", "suspended", 48)} <= got


def test_victims_of_the_crime_told_are_never_its_subject() -> None:
    # the persons named after "the murder of" / "the attempts on the lives of" are victims:
    # "sentenced him" is the man convicted, and the victims get no charge or defendant role
    text = ("Published: 2 May 2019\n\nIn March 2005 the Tver Regional Court convicted Mr. "
            "Gennady Lavrov of organising the murder of Pavel and Inna Sotova and the attempts "
            "on the lives of Mr. Oleg Dudin and Ms. Rita Kask, and sentenced him to 18 years. "
            "In a second trial the same court found him guilty of two further murders, among "
            "them that of Ilya Burov, and sentenced him to life in a special regime colony.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert {(names[s.person], s.months, s.regime) for s in facts.sentences} == {
        ("Gennady Lavrov", 216, None), ("Gennady Lavrov", None, "special")}
    assert {(names[c.person], c.article, c.modifier) for c in facts.charges} == {
        ("Gennady Lavrov", "105", None), ("Gennady Lavrov", "105", "attempt")}
    assert not [p.name for p in facts.persons if "defendant" in p.roles and p.name not in (
        "Gennady Lavrov",)]


def test_among_them_is_no_group() -> None:
    text = ("Ivan Lodkin and Pyotr Sazonov were detained in 2019.\n\nThe court found Lodkin "
            "guilty of three thefts, among them that of a car, and sentenced him to four years.")
    assert _by_person(text) == {("Ivan Lodkin", "imprisonment", 48)}


def test_a_relative_in_a_list_of_co_defendants_shares_the_charge() -> None:
    text = ("Published: 1 June 2021\n\nOleg Sumin was charged under Part 1 of Article 282.2; "
            "his wife Irina Sumina, Pavel Lodkin and Roman Kask under Part 2 of the same "
            "article.")
    assert _by_person(text, "charges") == {("Oleg Sumin", "282.2"), ("Irina Sumina", "282.2"),
                                           ("Pavel Lodkin", "282.2"), ("Roman Kask", "282.2")}


def test_an_opening_clause_whose_subject_is_a_pronoun_after_it() -> None:
    # hard-wrapped prose: the last line goes on from the one before (one block), "Both
    # acts" are one person's, and "Fined ..., she" is about her, not about the poet
    text = ("The case of Darya Kozyreva shows how this works. Fined in 2023 under Article "
            "20.3.3 for a post on VKontakte, she attached lines\nfrom Taras Shevchenko's "
            "\"Testament\" to the monument. Both acts were charged under Art. 280.3(1).")
    facts = run(text, "2025-05-14")
    names = {p.id: p.name for p in facts.persons}
    assert [(c.article, names[c.person]) for c in facts.charges] == [
        ("20.3.3", "Darya Kozyreva"), ("280.3", "Darya Kozyreva")]


def test_what_a_law_can_lead_to_charges_nobody() -> None:
    facts = run("Yuri Shevchuk was fined under Part 1 of Article 20.3.3 of the Code of "
                "Administrative Offences. A second offence within a year can become a "
                "criminal case under Article 280.3.")
    assert [c.article for c in facts.charges] == ["20.3.3"]


def test_an_art_field_line_under_a_record_heading() -> None:
    text = ("CASE A | KOROLEV Vsevolod Anatolyevich | in custody\n"
            "Art.: UK RF 207.3(2)(d)\n\n"
            "CASE B | ZHURAVEL Nikita (Zhuravel, Nikita) | in custody\n"
            "Art.: UK RF 148(2), 213(2)\n")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert [(c.article, names[c.person]) for c in facts.charges] == [
        ("207.3", "Vsevolod Korolev"), ("148", "Nikita Zhuravel"), ("213", "Nikita Zhuravel")]


def test_an_answer_to_a_question_about_him() -> None:
    text = ("Roman Ivanov, a reporter, was arrested in April.\n\n"
            "Q: What was he accused of?\n\n"
            "A: Three posts, three criminal cases, all under point \"d\" of Part 2 of Article "
            "207.3.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert [(c.article, c.part, names[c.person]) for c in facts.charges] == [
        ("207.3", "2", "Roman Ivanov")]


def test_all_three_counts_a_pronouns_referent_and_two_names() -> None:
    text = ("Игорь Сомов давно в розыске. 17 ноября 2022 года суд заочно признал его, а также "
            "Петра Лукина и Олега Ершова виновными в июле 2014 года и приговорил всех троих "
            "к пожизненному лишению свободы.")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    assert {(names[s.person], s.date) for s in facts.sentences} == {
        ("Igor Somov", "2022-11-17"), ("Petr Lukin", "2022-11-17"),
        ("Oleg Yershov", "2022-11-17")}


def test_both_men_after_a_him_together_with_a_name() -> None:
    text = ("Sergei Lomtev worked for William Brand. Police arrested him in 2008. In 2013 a "
            "Moscow court, presided over by Judge Igor Alov, tried him posthumously together "
            "with Brand, who was tried in absentia. On 11 July 2013 the court found both men "
            "guilty of tax evasion under Article 199, Part 2, of the Criminal Code.")
    assert _by_person(text, "charges") == {("Sergei Lomtev", "199"), ("William Brand", "199")}


def test_all_four_before_the_list_that_names_them() -> None:
    text = ("Вчера суд вынес приговор. Всех четверых подсудимых признали виновными "
            "(ч. 4 ст. 159 УК РФ).\n\nКто что получил:\n\n1. Кирилл Сомов — 3 года условно.\n\n"
            "2. Юрий Лукин — 3 года условно.\n\n3. Алексей Ершов — 2 года условно.\n\n"
            "4. Софья Белова — 2 года условно.")
    assert {name for name, _ in _by_person(text, "charges")} == {
        "Kirill Somov", "Yury Lukin", "Aleksey Yershov", "Sofya Belova"}


def test_each_of_them_after_a_and_b_is_not_the_one_named_before() -> None:
    text = ("Maxim Okunev got fourteen years. The court that tried Okunev also heard the case "
            "of Vera Sinitsa and Olga Rudneva. On 8 July 2024 it gave each of them six years.")
    assert _by_person(text) == {("Maxim Okunev", "imprisonment", 168),
                                ("Vera Sinitsa", "imprisonment", 72),
                                ("Olga Rudneva", "imprisonment", 72)}
