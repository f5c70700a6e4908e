"""Russian names: nominative from any case, transliteration, variants and comparison keys."""

from __future__ import annotations

import pytest

from repression_kg.extract.russian import (
    latin_variants,
    name_key,
    name_parts,
    nominative,
    transliterate,
)


@pytest.mark.parametrize(("inflected", "nom"), [
    ("Петрову Ивану Сергеевичу", "Петров Иван Сергеевич"),       # dative, masculine
    ("Смирновой Анны Олеговны", "Смирнова Анна Олеговна"),       # genitive, feminine
    ("Соколовым Павлом Юрьевичем", "Соколов Павел Юрьевич"),     # instrumental
    ("Вишневского Глеба Юрьевича", "Вишневский Глеб Юрьевич"),   # -ский, genitive
    ("Белецкой Марине", "Белецкая Марина"),                       # -цкая, dative
    ("Ткачуку Олегу", "Ткачук Олег"),                             # consonant stem
    ("Орлов Семён Ильич", "Орлов Семён Ильич"),                   # already nominative
])
def test_nominative(inflected: str, nom: str) -> None:
    assert nominative(inflected) == nom


def test_patronymic_with_soft_sign_is_not_mangled() -> None:
    assert nominative("Юрьевича") == "Юрьевич"


def test_latin_text_is_left_alone() -> None:
    assert nominative("Ivan Petrov") == "Ivan Petrov"
    assert transliterate("Ivan Petrov") == "Ivan Petrov"


def test_transliteration_uses_wikipedia_scheme() -> None:
    assert transliterate("Щукина Юлия") == "Shchukina Yuliya"


def test_name_parts() -> None:
    parts = name_parts("Соколов Павел Юрьевич")
    assert parts == {"surname": "Соколов", "first": "Павел", "patronymic": "Юрьевич"}


def test_latin_variants_cover_common_schemes() -> None:
    variants = latin_variants("Юрий")
    assert {"Yury", "Yuriy", "Iurii", "Yuri"} <= variants


def test_name_key_merges_spellings_but_not_genders() -> None:
    assert name_key("Alexei Sokolov") == name_key("Aleksey Sokolov")
    assert name_key("Yevgeny Orlovsky") == name_key("Evgeniy Orlovskiy")
    assert name_key("Natalya Belova") == name_key("Natalia Belova")
    assert name_key("Pavel Sokolov") != name_key("Pavel Sokolova")
    assert name_key("Aleksandr Orlov") != name_key("Aleksandra Orlov")


def test_name_key_of_cyrillic_matches_latin() -> None:
    assert name_key(transliterate(nominative("Соколову Павлу"))) == name_key("Sokolov Pavel")


def test_a_womans_surname_in_ich_does_not_decline() -> None:
    from repression_kg.extract import russian
    assert russian.nominative("Евгению Беркович") == "Евгения Беркович"
    assert russian.name_parts("Евгения Беркович") == {"first": "Евгения", "surname": "Беркович"}
    # a man's patronymic still is one
    assert russian.name_parts(russian.nominative("Михаилу Алексеевичу")) == {
        "first": "Михаил", "patronymic": "Алексеевич"}


@pytest.mark.parametrize(("form", "expected"), [
    ("Григорию Мельконьянцу", "Григорий Мельконьянц"),  # a likely masculine given name
    ("Григория Мельконьянца", "Григорий Мельконьянц"),
    ("Анне Сомовой", "Анна Сомова"),  # a case form of a known given name, not "Анне"
    ("Марии Алёхиной", "Мария Алёхина"),
])
def test_nominative_of_ambiguous_given_names(form: str, expected: str) -> None:
    assert nominative(form) == expected


def test_a_genitive_name_before_another_is_not_glued_to_it() -> None:
    from repression_kg.extract.russian import names_in_run
    assert [p["surname"] for _s, _e, p in names_in_run("штаба Навального Лилии Чанышевой")] \
        == ["Чанышева"]


def test_given_names_of_the_list_decide_the_parts_and_their_gender() -> None:
    from repression_kg.extract.russian import names_in_run
    # "Алмаз" is a diamond to pymorphy; "Чанышевой Алмаз" would pair her surname with his name
    assert [(p["first"], p["surname"]) for _s, _e, p in names_in_run(
        "Муж Чанышевой Алмаз Гатин")] == [("Алмаз", "Гатин")]
