"""Persons: names, aliases, surname mentions, Cyrillic names, birth years, roles."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run

from repression_kg.facts import DocumentFacts, Person


def by_name(facts: DocumentFacts, name: str) -> Person:
    found = [p for p in facts.persons if p.name == name]
    assert found, f"{name} not in {[p.name for p in facts.persons]}"
    return found[0]


def test_rank_is_not_part_of_the_name_and_surname_links() -> None:
    facts = run("Lt. Col. Pavel Sorokin was detained in Tver. Sorokin's flat was searched.")
    sorokin = by_name(facts, "Pavel Sorokin")
    assert [m.text for m in sorokin.mentions] == ["Pavel Sorokin", "Sorokin"]
    assert len(facts.persons) == 1


def test_feminine_surname_is_another_person() -> None:
    facts = run("Kirill Kozyrev and his sister Anna Kozyreva were both charged. "
                "Kozyrev pleaded not guilty; Kozyreva was fined.")
    kirill, anna = by_name(facts, "Kirill Kozyrev"), by_name(facts, "Anna Kozyreva")
    assert [m.text for m in kirill.mentions] == ["Kirill Kozyrev", "Kozyrev"]
    assert [m.text for m in anna.mentions] == ["Anna Kozyreva", "Kozyreva"]
    assert "defendant" in kirill.roles and "defendant" in anna.roles
    assert "relative" in anna.roles


def test_patronymic_and_transliteration_variants_are_aliases() -> None:
    facts = run("Yuriy Andreevich Lebedev was arrested. Later Yury Lebedev appealed.")
    assert len(facts.persons) == 1
    person = facts.persons[0]
    assert person.name == "Yuriy Lebedev"
    assert {"Yuriy Andreevich Lebedev", "Yury Lebedev"} <= set(person.aliases)


def test_cyrillic_name_in_dative_gives_nominative_alias_and_latin_name() -> None:
    facts = run("Адрес для писем: Смирнову Олегу Петровичу, 1979 г. р.")
    person = facts.persons[0]
    assert person.name == "Oleg Smirnov"
    assert "Смирнов Олег Петрович" in person.aliases
    assert person.birth_year == 1979
    assert person.mentions[0].text == "Смирнову Олегу Петровичу"


def test_cyrillic_and_latin_forms_merge() -> None:
    facts = run("Oleg Petrovich Smirnov (born 1979) is held in Tula.\n"
                "Write to: Смирнову Олегу Петровичу.")
    assert len(facts.persons) == 1
    person = facts.persons[0]
    assert person.name == "Oleg Smirnov"
    assert {"Oleg Petrovich Smirnov", "Смирнов Олег Петрович"} <= set(person.aliases)
    assert person.birth_year == 1979


def test_russian_note() -> None:
    facts = run("Суд приговорил Ивана Сергеевича Петрова к шести годам колонии. "
                "Петров, 1990 г. р., был задержан в марте. Его адвокат Мария Орлова "
                "обжалует приговор.")
    petrov = by_name(facts, "Ivan Petrov")
    assert petrov.birth_year == 1990 and "defendant" in petrov.roles
    assert [m.text for m in petrov.mentions] == ["Ивана Сергеевича Петрова", "Петров"]
    assert "lawyer" in by_name(facts, "Mariya Orlova").roles


def test_age_gives_birth_year_only_with_a_publication_date() -> None:
    text = "Activist Nadia Gromova, 34, was fined."
    assert run(text, "2024-06-01").persons[0].birth_year == 1990
    assert run(text).persons[0].birth_year is None
    assert run("The then 19-year-old Nadia Gromova was fined.", "2024-06-01") \
        .persons[0].birth_year is None


def test_roles_from_titles_and_appositives() -> None:
    facts = run("Judge Elena Vasilyeva sentenced student Timur Khasanov (born in 1995). "
                "His lawyer, Yana Belova, will appeal; President Vladimir Putin was silent. "
                "Khasanov is a political prisoner.")
    assert by_name(facts, "Elena Vasilyeva").roles == ["judge"]
    khasanov = by_name(facts, "Timur Khasanov")
    assert {"defendant", "political_prisoner"} <= set(khasanov.roles)
    assert khasanov.birth_year == 1995
    assert by_name(facts, "Yana Belova").roles == ["lawyer"]
    assert by_name(facts, "Vladimir Putin").roles == ["official"]


def test_byline_author() -> None:
    facts = run("Court roundup\nJane Whitfield – 3 March 2024\nNothing else here.")
    assert by_name(facts, "Jane Whitfield").roles == ["author"]


def test_no_persons_from_places_organisations_or_law() -> None:
    facts = run("Article Smith was amended. The Memorial Human Rights Centre objected. "
                "A court in Vladimir Oblast and the Alexander Garden. Free Russia Legion. "
                "Kanatny Prospekt 81, Remand Prison No. 1.")
    assert facts.persons == []


def test_mentions_quote_the_text_and_are_sorted() -> None:
    text = "Maj. Ilya Orlov, 30, and Anna Orlova. Orlov’s case; Orlova’s appeal."
    facts = run(text, "2020-01-01")
    for person in facts.persons:
        for span in person.mentions:
            assert text[span.start:span.end] == span.text


def test_seed_zhilin(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    facts = run(text)
    assert len(facts.persons) == 1
    zhilin = facts.persons[0]
    assert zhilin.name == "Mikhail Zhilin"
    assert {"Mikhail Alekseevich Zhilin", "Жилин Михаил Алексеевич"} <= set(zhilin.aliases)
    assert zhilin.birth_year == 1986
    assert {"defendant", "political_prisoner"} <= set(zhilin.roles)


def test_seed_zhilin_and_wife(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    text = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    facts = run(text)
    names = {p.name for p in facts.persons}
    assert {"Mikhail Zhilin", "Ekaterina Zhilina", "Dmitri Kovalenko"} <= names
    wife = by_name(facts, "Ekaterina Zhilina")
    assert all(m.text.startswith(("Ekaterina", "Zhilina")) for m in wife.mentions)
    assert "Zhilina" not in [m.text for m in by_name(facts, "Mikhail Zhilin").mentions]
    assert "lawyer" in by_name(facts, "Dmitri Kovalenko").roles


def test_seed_zimin(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    text = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    facts = run(text)
    assert [p.name for p in facts.persons] == ["Dmitry Zimin"]
    assert facts.persons[0].birth_year == 2003
    assert "Зимин Дмитрий Сергеевич" in facts.persons[0].aliases


def test_institutions_and_landmarks_named_after_people_are_not_persons() -> None:
    facts = run("Human Rights Watch objected. Maxim Gorky Park, Sergei Kirov Street and the "
                "Mikhail Gorbachev Foundation were named. St. Petersburg City Court ruled.")
    assert facts.persons == []


def test_given_name_with_patronymic_only_is_not_a_full_name() -> None:
    facts = run("Ivan Ivanovich said hello to Pyotr Sergeyevich Lapin.")
    assert [p.name for p in facts.persons] == ["Pyotr Lapin"]


def test_unknown_given_name_in_a_list_of_names() -> None:
    facts = run("Those freed included Ilya Yashin, Vladimir Kara-Murza and Evan Gershkovich.")
    assert [p.name for p in facts.persons] == [
        "Ilya Yashin", "Vladimir Kara-Murza", "Evan Gershkovich"]


def test_active_verb_with_unnamed_object_gives_no_defendant() -> None:
    facts = run("Nobel laureate Dmitry Muratov spoke. In Kazan police detained dozens.")
    assert facts.persons[0].roles == []


def test_cyrillic_name_after_a_place_in_one_capitalised_run() -> None:
    facts = run("Жительницу Пскова Марию Иванову оштрафовали. Его адвокат Вадим Прохоров.")
    assert [p.name for p in facts.persons] == ["Mariya Ivanova", "Vadim Prokhorov"]
    assert facts.persons[0].mentions[0].text == "Марию Иванову"


def test_russian_birth_year_and_age() -> None:
    assert run("Иван Петров родился в 1990 году.").persons[0].birth_year == 1990
    assert run("34-летнего Ивана Петрова задержали.", "2024-01-01").persons[0].birth_year == 1990


def test_unknown_given_name_with_a_surname_used_again() -> None:
    facts = run("Then Zakir Gataullin was detained. Gataullin denies it. Had Gataullin "
                "known, he said.")
    assert [p.name for p in facts.persons] == ["Zakir Gataullin"]
    assert [m.text for m in facts.persons[0].mentions] == [
        "Zakir Gataullin", "Gataullin", "Gataullin"]


def test_given_name_alone_links_only_when_it_reads_as_a_person() -> None:
    facts = run("Vladimir Sorokin spoke. In Vladimir, police came. The Vladimir region. "
                "Vladimir said no.")
    assert [m.text for m in facts.persons[0].mentions] == ["Vladimir Sorokin", "Vladimir"]
    assert facts.persons[0].mentions[1].start == facts.persons[0].mentions[0].start + \
        len("Vladimir Sorokin spoke. In Vladimir, police came. The Vladimir region. ")


def test_initials_are_aliases_and_a_wrong_initial_is_someone_else() -> None:
    facts = run("Mikhail Zhilin was tried. M. A. Zhilin denied it. A. Zhilin is his uncle.")
    zhilin = facts.persons[0]
    assert "M. A. Zhilin" in zhilin.aliases
    assert [m.text for m in zhilin.mentions] == ["Mikhail Zhilin", "M. A. Zhilin"]
    facts = run("Михаил Жилин задержан. Суд приговорил Жилина М. А. к 6 годам.")
    assert "Жилин М. А." in facts.persons[0].aliases


def test_abbreviation_before_a_surname_is_not_an_initial() -> None:
    facts = run("Алексея Горинова осудили по ст. 207.3 УК РФ. Горинов не согласен.")
    assert [m.text for m in facts.persons[0].mentions] == ["Алексея Горинова", "Горинов"]


@pytest.mark.parametrize(("text", "expected"), [
    ("His co-defendant Muslim Aliev received nineteen years.", ["Muslim Aliev"]),
    ("The Muslim Brotherhood was mentioned. Crimean Muslims met.", []),
    ("Among them the human rights defender Emir-Usein Kuku. Kuku was born in 1976.",
     ["Emir-Usein Kuku"]),
    ("Released:\n- Lilia Chanysheva, former head of the office in Ufa.\n"
     "- Alsu Kurmasheva, a journalist with Radio Liberty.",
     ["Lilia Chanysheva", "Alsu Kurmasheva"]),
    ("Still awaiting a verdict: Sasha Skochilenko, St Petersburg.", ["Sasha Skochilenko"]),
])
def test_names_of_the_genre(text: str, expected: list[str]) -> None:
    from tests.extract.conftest import run
    assert [p.name for p in run(text).persons] == expected


def test_a_public_figure_named_by_surname_alone() -> None:
    facts = run("He was fined for a post criticising Putin and the war.")
    assert [(p.name, p.roles) for p in facts.persons] == [("Vladimir Putin", ["official"])]


def test_a_surname_of_someone_else_in_the_text_is_not_the_public_figure() -> None:
    facts = run("Ivan Peskov, a student, was detained. Peskov denied the charge.")
    assert [p.name for p in facts.persons] == ["Ivan Peskov"]


def test_a_shared_surname_alone_is_the_person_named_most() -> None:
    from tests.extract.conftest import run
    facts = run("Alexei Navalny was detained in January. Alexei Navalny's lawyers appealed. His "
                "brother Oleg Navalny was freed in 2018.\n\nIn March a court gave Navalny nine "
                "years in a strict regime colony.")
    names = {p.id: p.name for p in facts.persons}
    assert [(names[s.person], s.months) for s in facts.sentences] == [("Alexei Navalny", 108)]


def test_name_comma_the_judge_said_is_no_apposition() -> None:
    from tests.extract.conftest import run
    facts = run("According to Yegor Lavrov, the judge said the hearing would be closed. Yegor "
                "Lavrov was charged with libel.")
    assert [p.roles for p in facts.persons if p.name == "Yegor Lavrov"] != [["judge"]]
    assert [c.article for c in facts.charges] == ["128.1"]


def test_a_given_name_alone_after_a_kinship_noun_or_title_is_a_person() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov was detained. His daughter Masha, then twelve, drew a picture. "
                "The song mocked Patriarch Kirill. Lavrov's wife, Olga, is a lawyer.")
    assert {p.name for p in facts.persons} >= {"Yegor Lavrov", "Masha", "Kirill", "Olga"}


def test_a_given_name_alone_is_the_person_named_in_full_with_it() -> None:
    from tests.extract.conftest import run
    facts = run("Olga Lavrova was detained. Her husband said his wife Olga was innocent.")
    assert [p.name for p in facts.persons] == ["Olga Lavrova"]


def test_birth_years_after_an_apposition_and_in_a_record_field() -> None:
    from tests.extract.conftest import run
    facts = run("Yegor Lavrov, artist and musician from Omsk, born 1990, was sentenced. His "
                "friend Anna Belova, born 1991, spoke.\n\nIvan Sorokin\n**Born:** 4 June 1976, "
                "Tula\n")
    assert {(p.name, p.birth_year) for p in facts.persons} == {
        ("Yegor Lavrov", 1990), ("Anna Belova", 1991), ("Ivan Sorokin", 1976)}


@pytest.mark.parametrize(("text", "want"), [
    ("We write in the case of Igor Baryshnikov, a retired engineer from Sovetsk\nwho was "
     "born in that town in January 1959.", 1959),
    ("Ivan Petrov, who was born in 1950, was jailed.", 1950),
    ("Ivan Petrov met a man who was born in 1950.", None),  # (the man's year)
    ("Симонов Михаил Юрьевич, 27 января 1960 года рождения, уроженец г. Воронежа.", 1960),
])
def test_who_was_born_and_a_full_date_of_birth(text: str, want: int | None) -> None:
    assert run(text).persons[0].birth_year == want


def test_a_town_used_alone_is_no_surname() -> None:
    # a two-word title whose second word is a town's name, used alone only as the town's
    facts = run('He ran the channel "Chestnoe Korolyovskoe" ("Honest Korolyov"). A court in '
                "Korolyov held him; the Korolyov City Court tried Ivan Petrov.")
    assert [p.name for p in facts.persons] == ["Ivan Petrov"]
    facts = run("The shop of Rustam Gataullin was searched. Gataullin said nothing.")
    assert [p.name for p in facts.persons] == ["Rustam Gataullin"]


def test_a_middle_name_is_no_surname() -> None:
    facts = run("Paul Nicholas Whelan was born in Ottawa. Whelan was arrested in Moscow.")
    (person,) = facts.persons
    assert person.name == "Paul Whelan"
    assert [m.text for m in person.mentions] == ["Paul Nicholas Whelan", "Whelan"]


def test_a_list_of_names_with_unknown_given_names() -> None:
    facts = run("Riza Izetov, Shaban Umerov and Raim Ayvazov were tried with him.")
    assert sorted(p.name for p in facts.persons) == ["Raim Ayvazov", "Riza Izetov",
                                                     "Shaban Umerov"]


def test_a_solicitor_announces_a_name() -> None:
    facts = run("His solicitor, Gareth Peirce, called the case nonsense.")
    assert [p.name for p in facts.persons] == ["Gareth Peirce"]


def test_a_court_records_list_of_parties_gives_no_role_across_lines() -> None:
    facts = run("подсудимого Гершковича Эвана,\nзащитника — адвоката Иванова Петра,\n")
    roles = {p.name: p.roles for p in facts.persons}
    assert "lawyer" not in roles["Evan Gershkovich"]


def test_born_on_a_full_date() -> None:
    facts = run("Kevin Lavrov was born on 10 May 2005 in Montabaur. Вадим Орлов, родившегося "
                "26 октября 1991 года.")
    assert {p.name: p.birth_year for p in facts.persons} == {"Kevin Lavrov": 2005,
                                                             "Vadim Orlov": 1991}


def test_a_plural_cue_ending_a_clause_gives_no_role() -> None:
    facts = run("When we last heard from his lawyers, Ivan Petrov was held in Almaty.")
    assert [(p.name, p.roles) for p in facts.persons] == [("Ivan Petrov", [])]
    facts = run("His lawyer, Murat Adam, was refused a picket.")
    assert [(p.name, p.roles) for p in facts.persons] == [("Murat Adam", ["lawyer"])]


def test_a_name_broken_over_a_line_of_wrapped_prose() -> None:
    text = ("A: On the thirty-first. Judge Tatyana Dulkina presided. Roma asked that Olga\n"
            "Allenova, a journalist he has known for years, be admitted as his public\n"
            "defender. The judge refused because Olga is not a lawyer.")
    facts = run(text)
    assert [(p.name, p.aliases) for p in facts.persons] == [
        ("Tatyana Dulkina", []), ("Olga Allenova", [])]
    assert [m.text for m in facts.persons[1].mentions] == ["Olga\nAllenova", "Olga"]
    assert run("Signed:\nOlga\nPetrova").persons == []  # (short lines: no wrapped prose)


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Taras Hlyb was jailed. Hlyb, who is known in Russian court papers as Taras Glib, "
     "denies the charge.", "Taras Hlyb", "Taras Glib"),
    ("Maxim Okunev (Pavel Sirotkin) was tried in absentia. Pavel Sirotkin, who writes "
     "thrillers as Maxim Okunev, lives abroad. Okunev said nothing.", "Maxim Okunev",
     "Pavel Sirotkin"),
])
def test_a_cue_makes_two_names_one_person(text: str, name: str, alias: str) -> None:
    facts = run(text)
    assert [(p.name, p.aliases) for p in facts.persons] == [(name, [alias])]


def test_names_side_by_side_in_brackets_of_another_kind_stay_two() -> None:
    facts = run("Ivan Serov (Maria Serova's husband) was detained.")
    assert {p.name for p in facts.persons} == {"Ivan Serov", "Maria Serova"}


def test_a_surname_shared_with_a_relative_is_the_other_persons() -> None:
    facts = run("A court jailed Pavlo Strykh, a student. His father, Ihor Strykh, says he is "
                "innocent. Strykh denied the charge under Article 205.1 of the Criminal Code.")
    pavlo = by_name(facts, "Pavlo Strykh")
    assert [m.text for m in pavlo.mentions][-1] == "Strykh"
    assert [(c.person, c.article) for c in facts.charges] == [(pavlo.id, "205.1")]


def test_cyrillic_name_broken_over_a_line_of_wrapped_prose() -> None:
    facts = run("Вчера Мещанский районный суд Москвы под председательством судьи Ирины\n"
                "Акимовой вынес приговор.")
    assert [(p.name, p.aliases, p.roles) for p in facts.persons] == [
        ("Irina Akimova", ["Ирина Акимова"], ["judge"])]


def test_a_surname_in_skaya_makes_the_name_feminine_and_nominative() -> None:
    facts = run("В зале присутствовала супруга подсудимого Мирослава Регинская.")
    assert [(p.name, p.aliases) for p in facts.persons] == [
        ("Miroslava Reginskaya", ["Мирослава Регинская"])]


def test_birth_year_after_a_birthplace() -> None:
    facts = run("Sergei Lomtev was born in Nizhny Novgorod in 1972 and trained as a lawyer.")
    assert by_name(facts, "Sergei Lomtev").birth_year == 1972
