"""Courts: known, named (en/ru) and described courts with type and seat."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run

from repression_kg.extract import extract_document
from repression_kg.extract.courts import court_type
from repression_kg.ingest import read_document


def courts(text: str) -> list[tuple]:
    return [(c.name, c.city, c.type) for c in run(text).courts]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Second Western District Military Court heard the case.",
     [("Second Western District Military Court", "Moscow", "military")]),
    ("The Tverskoy District Court of Moscow extended the arrest.",
     [("Tverskoy District Court", "Moscow", "district")]),
    ("An appeal went to the Supreme Court.", [("Supreme Court of Russia", "Moscow", "supreme")]),
    ("The Omsk Garrison Military Court gave its ruling.",
     [("Omsk Garrison Military Court", "Omsk", "garrison_military")]),
    ("The Sverdlovsk Regional Court upheld it.",
     [("Sverdlovsk Regional Court", None, "regional")]),
    ("Мещанский районный суд продлил арест.",
     [("Meshchansky District Court", "Moscow", "district")]),
    ("Жалобу рассмотрел Томский областной суд.", [("Tomsk Regional Court", "Tomsk", "regional")]),
    ("Решение Ленинского районного суда г. Перми отменили.",
     [("Leninsky District Court", "Perm", "district")]),
    ("A court in Kazan ruled on it.", [("court in Kazan", "Kazan", None)]),
    ("A military court heard it; the military appeals court and the cassation court agreed.",
     [("military court", None, "military"), ("military appeals court", None, "military_appeals"),
      ("cassation court", None, "cassation")]),
])
def test_courts(text: str, expected: list[tuple]) -> None:
    assert courts(text) == expected


def test_the_court_alone_is_no_court() -> None:
    assert courts("The court refused. The judge left the court.") == []


def test_court_type_words() -> None:
    assert court_type("Appeals Military Court") == "military_appeals"
    assert court_type("Kirovsky District Court") == "district"
    assert court_type("Гарнизонный военный суд") == "garrison_military"


def test_one_court_per_name_with_every_mention() -> None:
    text = "The Moscow City Court upheld it. Later the Moscow City Court refused again."
    (court,) = run(text).courts
    assert len(court.mentions) == 2


def test_seed_courts(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    by_seed = {}
    for prefix in ("000", "001", "002"):
        facts = extract_document(read_document(next(seeds_dir.glob(f"{prefix}_*.txt"))))
        by_seed[prefix] = {(c.name, c.city, c.type) for c in facts.courts}
    assert ("court in Barnaul", "Barnaul", None) in by_seed["000"]
    assert ("Krasnoyarsk Garrison Military Court", "Krasnoyarsk", "garrison_military") \
        in by_seed["001"]
    assert by_seed["002"] == {("military court", None, "military")}


def _courts(text: str) -> list[tuple[str, str | None, str | None]]:
    from tests.extract.conftest import run
    return [(c.name, c.type, c.city) for c in run(text).courts]


def test_a_sentence_before_is_not_part_of_a_courts_name() -> None:
    assert _courts("He was extradited to Russia. The Yefremov District Court heard the case.") \
        == [("Yefremov District Court", "district", None)]


def test_the_supreme_court_of_a_republic_is_regional() -> None:
    assert _courts("The Supreme Court of Crimea upheld the verdict.") == [
        ("Supreme Court of Crimea", "regional", None)]


def test_courts_described_by_their_city() -> None:
    assert _courts("A Moscow court sentenced him.") == [("Moscow court", None, "Moscow")]
    assert _courts("15 февраля 2023 года суд в Барнауле приговорил её.") == [
        ("суд в Барнауле", None, "Barnaul")]


def test_a_city_court_is_the_one_named_court_of_that_city() -> None:
    assert _courts("A Moscow court on Friday sentenced him. The Meshchansky District Court "
                   "of Moscow found him guilty.") == [
        ("Meshchansky District Court", "district", "Moscow")]


def test_a_republics_supreme_court_by_possessive_and_by_full_title() -> None:
    assert _courts("Kalmykia's Supreme Court raised the term.") == [
        ("Supreme Court of Kalmykia", "regional", None)]
    assert _courts("Court of appeal: Supreme Court of the Republic of Kalmykia\nCharge: x") == [
        ("Supreme Court of the Republic of Kalmykia", "regional", None)]
    assert _courts("Russia's Supreme Court banned it.") == [
        ("Supreme Court of Russia", "supreme", "Moscow")]


def test_russian_courts_get_their_english_names_and_the_city_in_the_genitive() -> None:
    assert _courts("Приговор вынес Октябрьский районный суд Уфы.") == [
        ("Oktyabrsky District Court", "district", "Ufa")]
    assert _courts("Приговор вынес Абаканский городской суд.") == [
        ("Abakan City Court", "city", "Abakan")]
    assert _courts("Дело передали в Приволжский окружной военный суд.") == [
        ("Volga District Military Court", "military", None)]


def test_a_russian_republics_supreme_court_is_regional() -> None:
    assert _courts("Жалобу отклонил Верховный суд Карелии.") == [
        ("Supreme Court of Karelia", "regional", None)]
    assert _courts("Решение Верховного суда Республики Башкортостан устояло.") == [
        ("Supreme Court of Bashkortostan", "regional", None)]
    assert _courts("Жалобу отклонил Верховный суд Республики Крым.") == [
        ("Supreme Court of Crimea", "regional", None)]
    assert _courts("Верховный суд России запретил организацию.") == [
        ("Supreme Court of Russia", "supreme", "Moscow")]


def test_numbered_courts_of_general_jurisdiction_with_their_seat() -> None:
    assert _courts("Седьмой кассационный суд общей юрисдикции оставил приговор в силе.") == [
        ("Seventh Cassation Court of General Jurisdiction", "cassation", "Chelyabinsk")]
    assert _courts("The Second Court of Appeal of General Jurisdiction upheld it.") == [
        ("Second Court of Appeal of General Jurisdiction", "appeals", "Saint Petersburg")]


def test_a_republics_supreme_court_with_and_without_republic_of_is_one_court() -> None:
    (court,) = run("The Supreme Court of the Republic of Tyva quashed it. In May the Supreme "
                   "Court of Tyva heard it again.").courts
    assert (court.name, court.type, len(court.mentions)) == (
        "Supreme Court of the Republic of Tyva", "regional", 2)


def test_a_described_court_refers_to_the_named_court_of_its_kind() -> None:
    (court,) = run("The Omsk City Court jailed Ivan Lopatin. In 2020 the same city court "
                   "had acquitted him.").courts
    assert (court.name, len(court.mentions)) == ("Omsk City Court", 2)
    (court,) = run("The Pacific Fleet Naval Court convicted him; a trial before a Russian "
                   "military court is unfair.").courts
    assert len(court.mentions) == 2


def test_a_stage_of_a_case_whose_courts_are_named_is_no_court() -> None:
    assert _courts("The Tula Regional Court convicted him. The appeal court upheld it, and "
                   "he will go to the cassation court.") == [
        ("Tula Regional Court", "regional", None)]
    assert _courts("If sent back, he would face a military court.") == []


def test_a_city_court_after_a_named_one_is_another_court() -> None:
    assert _courts("The Izmailovsky District Court released him. In May a Moscow court "
                   "ordered his arrest. The Lublinsky District Court of Moscow fined him.") == [
        ("Izmailovsky District Court", "district", None), ("Moscow court", None, "Moscow"),
        ("Lublinsky District Court of Moscow", "district", "Moscow")]


def test_a_district_court_named_by_its_adjective_alone() -> None:
    assert _courts("Then Moscow's Lyublinsky court fined him.") == [
        ("Lyublinsky court", None, "Moscow")]


def test_a_city_court_after_the_one_named_court_of_that_city_is_that_court() -> None:
    assert _courts("Court: Lefortovo District Court of Moscow\n\nA Moscow court fined "
                   "Ivan Lopatin.") == [("Lefortovo District Court of Moscow", "district", "Moscow")]


def test_a_russian_header_in_capitals_names_the_republics_court() -> None:
    assert _courts("ПРЕСС-СЛУЖБА ВЕРХОВНОГО СУДА РЕСПУБЛИКИ ТАТАРСТАН\n\nСуд сообщает.") == [
        ("Supreme Court of Tatarstan", "regional", None)]


def test_known_courts_by_abbreviation_and_by_numeral() -> None:
    (court,) = run("The European Court of Human Rights (ECHR) ruled. The ECHR found a "
                   "violation.").courts
    assert len(court.mentions) == 3
    assert _courts("The 8th Cassation Court of General Jurisdiction upheld it.") == [
        ("Eighth Cassation Court of General Jurisdiction", "cassation", "Kemerovo")]


def test_a_russian_adjective_before_a_kind_in_lower_case_names_the_court() -> None:
    assert _courts("The Sovetsky district court in Kazan fined him.") == [
        ("Sovetsky District Court", "district", "Kazan")]


def test_a_court_in_a_city_before_any_court_is_named_is_the_one_named_there() -> None:
    (court,) = run("A court in Kazan fined Anna Belova. The Vakhitovsky District Court of "
                   "Kazan found her guilty.").courts
    assert (court.city, len(court.mentions)) == ("Kazan", 2)


def test_a_court_named_without_its_seat_is_the_one_named_with_it() -> None:
    from tests.extract.conftest import run
    facts = run("Judge Pavel Orlov read the verdict in the Lyublinsky District Court of Moscow. "
                "Verdict of the Lyublinsky District Court, 6 August 2020. Anna Belova in the "
                "glass box of the Lyublinsky court.")
    assert [(c.id, c.name, c.city) for c in facts.courts] == [
        ("court1", "Lyublinsky District Court of Moscow", "Moscow")]
    assert len(facts.courts[0].mentions) == 3


def test_a_court_in_a_foreign_capital() -> None:
    from tests.extract.conftest import run
    facts = run("In late November a court in Copenhagen kept Akhmed Zakayev in detention.")
    assert [(c.city, c.type) for c in facts.courts] == [("Copenhagen", "foreign")]


def test_a_court_named_with_and_without_of_its_city_is_one_court() -> None:
    from tests.extract.conftest import run
    facts = run("The Oktyabrsky District Court of Rostov-on-Don convicted Anna Belova. The "
                "Oktyabrsky District Court in Rostov-on-Don gave her four years.")
    assert [(c.name, c.city) for c in facts.courts] == [
        ("Oktyabrsky District Court of Rostov-on-Don", "Rostov-on-Don")]


def test_the_word_verdict_before_a_russian_court_is_no_part_of_its_name() -> None:
    from tests.extract.conftest import run
    facts = run("Приговором Симферопольского районного суда Республики Крым от 16 февраля 2022 "
                "года Владислав Есипенко осуждён.")
    assert [c.name for c in facts.courts] == ["Simferopolsky District Court"]


def test_a_numbered_court_and_a_name_wrapped_onto_the_next_line() -> None:
    facts = run("The case went to the 235th Garrison Military\nCourt. The Vyborgsky District\n"
                "Court of St Petersburg had refused bail.")
    assert [(c.name, c.type) for c in facts.courts] == [
        ("235th Garrison Military Court", "garrison_military"),
        ("Vyborgsky District Court of St Petersburg", "district")]
    assert facts.courts[0].mentions[0].text == "235th Garrison Military\nCourt"


def test_a_court_in_a_city_abroad_is_foreign() -> None:
    assert courts("17 ноября 2022 года окружной суд Гааги заочно признал Игоря Сомова "
                  "виновным.") == [("District Court of The Hague", "The Hague", "foreign")]
