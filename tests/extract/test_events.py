"""Events: cue phrases, person, date, place, transfer countries, negation, merging."""

from __future__ import annotations

from tests.extract.conftest import run

from repression_kg.facts import DocumentFacts, Event


def events(facts: DocumentFacts, kind: str) -> list[Event]:
    return [e for e in facts.events if e.type == kind]


def test_deportation_with_countries_and_date() -> None:
    facts = run("Ruslan Bekov fled to Georgia in 2022. On 4 March 2023 Georgian police "
                "detained him in Tbilisi, and on 9 April 2023 Georgia deported him to Russia.")
    (deport,) = events(facts, "deportation")
    assert (deport.person, deport.date) == ("p1", "2023-04-09")
    assert (deport.from_country, deport.to_country) == ("Georgia", "Russia")
    assert any(m.text == "deported" for m in deport.mentions)
    (detention,) = events(facts, "detention")
    assert detention.date == "2023-03-04"


def test_handed_back_is_a_transfer_and_joins_the_dated_one() -> None:
    text = ("Maksim Orlov crossed the border into Kyrgyzstan. Kyrgyzstan refused him asylum "
            "and handed him back to Russia. He was deported on 2 May 2023.")
    facts = run(text)
    (transfer,) = events(facts, "deportation")
    assert transfer.date == "2023-05-02"
    assert (transfer.from_country, transfer.to_country) == ("Kyrgyzstan", "Russia")
    (crossing,) = events(facts, "border_crossing")
    assert crossing.to_country == "Kyrgyzstan"
    assert events(facts, "asylum_denied")


def test_extradited_by_subject_country() -> None:
    facts = run("Armenia extradited Pavel Sorokin to Russia on 1 June 2024.")
    (event,) = events(facts, "extradition")
    assert (event.from_country, event.to_country, event.date) == ("Armenia", "Russia",
                                                                   "2024-06-01")


def test_demands_and_fears_are_not_events() -> None:
    facts = run("We demand the immediate release of Oleg Ivanenko. His family fears that "
                "Turkey might extradite Oleg Ivanenko, who could face trial at home.")
    assert facts.events == []


def test_sentence_without_a_known_person_gives_no_event() -> None:
    facts = run("Anna Belova spoke. Two soldiers were detained in November.", "2023-12-01")
    assert events(facts, "detention") == []


def test_pronoun_gender_picks_the_right_person() -> None:
    facts = run("He told his wife, Marina Kuznetsova, that Turkey had refused his request for "
                "asylum. Igor Kuznetsov was later deported.")
    (denied,) = events(facts, "asylum_denied")
    igor = next(p.id for p in facts.persons if p.name == "Igor Kuznetsov")
    assert denied.person == igor


def test_dates_go_to_the_cue_of_their_clause() -> None:
    facts = run("Timur Ismailov requested asylum, but in May he was arrested.", "2023-08-01")
    (request,) = events(facts, "asylum_request")
    (arrest,) = events(facts, "arrest")
    assert request.date is None and arrest.date == "2023-05"


def test_duplicates_merge_their_mentions() -> None:
    facts = run("Viktor Lapin was sentenced on 5 May 2022. Lapin was sentenced on "
                "5 May 2022 to six years.")
    (event,) = events(facts, "sentencing")
    assert len([m for m in event.mentions if m.text == "sentenced"]) == 2


def test_russian_events() -> None:
    facts = run("Ивана Петрова задержали 15 февраля 2023 года. Суд приговорил Петрова "
                "к шести годам колонии.")
    assert events(facts, "detention")[0].date == "2023-02-15"
    assert events(facts, "sentencing")[0].person == "p1"


def test_letter_event_and_place() -> None:
    facts = run("Jailed activists Lev Gromov and Yulia Sidorova released an open letter on "
                "3 July 2024. Sidorova was detained in Kazan.")
    (letter,) = events(facts, "letter")
    assert letter.date == "2024-07-03"
    assert events(facts, "detention")[0].place == "Kazan" or not facts.places


def test_spans_are_exact() -> None:
    text = "On 2 May 2023, Olga Petrova was arrested; she was released on 9 May 2023."
    for event in run(text).events:
        for span in event.mentions:
            assert text[span.start:span.end] == span.text


def test_seed_zhilin_deportation(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    for name in ("000_*.txt", "001_*.txt"):
        facts = run(next(seeds_dir.glob(name)).read_text(encoding="utf-8"))
        transfers = [e for e in facts.events if e.type in ("deportation", "extradition")]
        assert len(transfers) == 1, transfers
        zhilin = next(p.id for p in facts.persons if p.name == "Mikhail Zhilin")
        assert transfers[0].person == zhilin
        assert (transfers[0].from_country, transfers[0].to_country) == ("Kazakhstan", "Russia")
        assert transfers[0].date.startswith("2022-12")


def test_russian_note_events_and_birth_year_is_not_an_event_date() -> None:
    facts = run("3 марта 2024 года суд арестовал Олега Белова. Белова обвиняют по ст. 207.3 "
                "УК РФ. Фигурант дела Антон Ершов, 1985 г. р., выдворен из Казахстана в Россию.")
    arrest = events(facts, "arrest")[0]
    assert (arrest.person, arrest.date) == ("p1", "2024-03-03")
    assert events(facts, "charged")[0].person == "p1"
    (transfer,) = events(facts, "deportation")
    assert (transfer.person, transfer.date) == ("p2", None)
    assert (transfer.from_country, transfer.to_country) == ("Kazakhstan", "Russia")


def test_a_listed_subject_gives_one_event_per_person() -> None:
    facts = run("Igor Lebedev, Anna Lebedeva and Pavel Markin were detained on 3 May 2021.")
    assert [(e.person, e.date) for e in events(facts, "detention")] == [
        ("p1", "2021-05-03"), ("p2", "2021-05-03"), ("p3", "2021-05-03")]


def test_active_voice_and_noun_cues() -> None:
    cases = {
        "Police detained Ivan Sorokin on 2 May 2022.": ("detention", "2022-05-02"),
        "The trial of Ivan Sorokin began on 3 June 2023.": ("trial", "2023-06-03"),
        "After his arrest, Ivan Sorokin pleaded guilty.": ("arrest", None),
        "A court convicted Ivan Sorokin.": ("conviction", None),
        "Суд освободил Ивана Сорокина.": ("release", None),
        "Ivan Sorokin was freed in a prisoner swap on 1 August 2024.": ("exchange", "2024-08-01"),
    }
    for text, (kind, date) in cases.items():
        found = [(e.type, e.person, e.date) for e in run(text).events]
        assert (kind, "p1", date) in found, (text, found)


def test_event_of_someone_named_in_the_next_sentence() -> None:
    facts = run("A border guard fled across the border into Finland last spring. "
                "The guard, Sgt. Pavel Rudakov, now lives in Helsinki.", "2024-09-01")
    (crossing,) = events(facts, "border_crossing")
    assert (crossing.person, crossing.to_country, crossing.date) == ("p1", "Finland", "2024")


def test_possessive_before_a_name_does_not_decide_the_gender() -> None:
    facts = run("Marina Orlova and her husband Pyotr Orlov were fined on 2 May 2024.")
    assert [e.person for e in events(facts, "sentencing")] == ["p1", "p2"]


def test_place_of_an_aside_before_the_cue_is_not_the_event_place() -> None:
    facts = run("Timur Ismailov, a student from Kazakhstan, was detained in Georgia.")
    assert events(facts, "detention")[0].place in ("Georgia", None)


def test_exchange_countries() -> None:
    facts = run("On 1 August 2024 Russia freed Ilya Sorin in a prisoner exchange with the "
                "United States.")
    (swap,) = events(facts, "exchange")
    assert (swap.person, swap.from_country, swap.to_country) == ("p1", "Russia",
                                                                 "United States")


def test_a_deportation_is_from_the_country_where_the_person_was_held() -> None:
    from tests.extract.conftest import run
    facts = run("Dennis Christensen served his sentence in a colony in the Kursk region. He was "
                "released on 24 May 2022 and deported to Denmark.")
    assert [(e.type, e.from_country, e.to_country) for e in facts.events
            if e.type == "deportation"] == [("deportation", "Russia", "Denmark")]


def test_a_deportation_with_no_place_before_it_has_no_from_country() -> None:
    from tests.extract.conftest import run
    facts = run("Dennis Christensen was released in May 2022 and deported to Denmark.")
    assert [(e.from_country, e.to_country) for e in facts.events
            if e.type == "deportation"] == [(None, "Denmark")]


def test_commanders_sending_a_soldier_to_the_front_is_no_deportation() -> None:
    from tests.extract.conftest import run
    facts = run("His commanders sent him to Ukraine in February 2022. Dmitry Vasilets refused.")
    assert [e for e in facts.events if e.type == "deportation"] == []


def test_put_on_a_plane_to_russia_is_a_transfer() -> None:
    from tests.extract.conftest import run
    facts = run("Alexei Rozhkov fled to Kyrgyzstan. In May 2023 Kyrgyz officers put him on a "
                "plane to Russia.")
    assert [(e.from_country, e.to_country) for e in facts.events
            if e.type == "deportation"] == [("Kyrgyzstan", "Russia")]


def _transfers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.from_country, e.to_country) for e in run(text).events
            if e.type in ("extradition", "deportation")]


def test_a_refused_extradition_is_no_transfer() -> None:
    assert _transfers("Oleg Vinnik was detained in Tashkent, but the court of Uzbekistan "
                      "refused to extradite him.") == []
    assert _transfers("Kazakhstan declined the extradition request for Pyotr Gusev.") == []
    assert _transfers("Serbia halted Pyotr Gusev's extradition.") == []
    assert _transfers("Pyotr Gusev, held in Almaty, has not been extradited.") == []
    assert _transfers("Anton Rybin stayed in Georgia: the request for his extradition was "
                      "rejected in March.") == []
    assert _transfers("Georgia said it had received no request to detain or extradite "
                      "Anton Rybin.") == []
    assert _transfers("Anton Rybin was held in Tbilisi; his extradition hearing lasted a "
                      "day.") == []


def test_a_transfer_to_a_city_goes_to_its_country() -> None:
    assert _transfers("Ilya Semyonov lived in Bishkek. In May he was put on a plane to "
                      "Moscow.") == [("deportation", "Kyrgyzstan", "Russia")]


def test_handed_over_to_officials_of_a_state() -> None:
    assert _transfers("In Yerevan, Kirill Panov was handed over to Russian officers.") == [
        ("deportation", "Armenia", "Russia")]


def test_taken_out_of_a_country_and_held_elsewhere() -> None:
    assert _transfers("Kirill Panov was deported: he was taken out of Georgia and is now "
                      "held in Rostov-on-Don.") == [("deportation", "Georgia", "Russia")]


def test_returned_to_a_country_is_a_transfer_but_returned_to_a_cell_is_not() -> None:
    assert _transfers("Mikhail Orekhov was returned to Russia from Kazakhstan.") == [
        ("deportation", "Kazakhstan", "Russia")]
    assert _transfers("After the hearing Mikhail Orekhov was returned to his cell.") == []


def test_a_request_for_extradition_is_no_transfer() -> None:
    assert _transfers("Pavel Zorin lives in Vilnius. Russia asked for his extradition in "
                      "2022.") == []


def test_a_transfer_ends_where_the_plane_landed_later_in_the_paragraph() -> None:
    assert _transfers("Turkish police put Pavel Zorin on a deportation flight from Turkey. "
                      "Hours later the plane landed in Moscow.") == [
        ("deportation", "Turkey", "Russia")]


def test_russian_hand_overs_and_extraditions_name_both_countries() -> None:
    assert _transfers("В мае Олега Зимина передали российским силовикам в Ташкенте.") == [
        ("deportation", "Uzbekistan", "Russia")]
    assert _transfers("Олег Зимин был выдан России властями Казахстана.") == [
        ("extradition", "Kazakhstan", "Russia")]
    assert _transfers("Казахстан отказал в экстрадиции Олега Зимина.") == []


def test_handed_over_where_it_happened() -> None:
    assert _transfers("Kirill Panov was handed over to the Russian side in Tbilisi.") == [
        ("deportation", "Georgia", "Russia")]


def test_every_cue_pattern_is_a_string() -> None:
    """A pattern with ": " in it reads as a YAML mapping unless written "(?:\\s...)"."""
    from repression_kg import lookups

    data = lookups.load("events")
    patterns = [p for spec in data["events"].values() for p in spec["patterns"]]
    patterns += data["not_events"]["patterns"]
    assert all(isinstance(p, str) for p in patterns)


def test_taken_from_one_country_to_another_is_a_transfer_within_one_is_not() -> None:
    assert _transfers("Rustam Aliyev was seized in Dushanbe and taken to Russia.") == [
        ("deportation", "Tajikistan", "Russia")]
    assert _transfers("Rustam Aliyev was detained in Penza and taken to Moscow.") == []


def test_more_refusals_and_hand_backs() -> None:
    assert _transfers("Суд Армении отказался экстрадировать Олега Зимина.") == []
    assert _transfers("Oleg Zimin was handed back to Russia by Kazakh officers.") == [
        ("deportation", "Kazakhstan", "Russia")]
    assert _transfers("Oleg Zimin, a Russian citizen, was expelled from Georgia.") == [
        ("deportation", "Georgia", None)]


def _transfer_dates(text: str) -> list[str | None]:
    return [e.date for e in run(text, "2024-06-01").events
            if e.type in ("extradition", "deportation")]


def test_an_undated_transfer_takes_the_month_of_the_date_told_just_before() -> None:
    assert _transfer_dates("Pavel Zorin was released from a colony on 3 April 2023. Instead "
                           "of going home, he was deported to Latvia.") == ["2023-04"]
    assert _transfer_dates("On 3 April 2023 Pavel Zorin was detained in Tbilisi. The next "
                           "day he was on a plane to Moscow.") == ["2023-04-04"]


def test_no_date_for_a_transfer_from_a_later_time_or_another_persons_sentence() -> None:
    assert _transfer_dates("Pavel Zorin was detained on 3 April 2023. Years later he was "
                           "deported to Latvia.") == [None]
    assert _transfer_dates("On 3 April 2023 Anna Belova was fined. Pavel Zorin was "
                           "deported from Georgia to Russia.") == [None]


def test_a_prisoner_of_a_russian_sentence_released_and_deported_leaves_russia() -> None:
    assert _transfers("Lars Holm had been sentenced to six years under Article 282.2; he was "
                      "released in 2021 and deported to Norway.") == [
        ("deportation", "Russia", "Norway")]


def test_a_pronoun_in_a_paragraph_that_names_nobody_continues_the_paragraph_before() -> None:
    from tests.extract.conftest import run
    facts = run("Alexei Navalny's allies protested.\n\nArtyom Lomov, a soldier, fled to the "
                "United States and applied for asylum.\n\nThe application failed. In August the "
                "US authorities put him on a deportation flight to Moscow.")
    names = {p.id: p.name for p in facts.persons}
    assert [(names.get(e.person), e.type) for e in facts.events if e.type == "deportation"] \
        == [("Artyom Lomov", "deportation")]


def test_a_request_for_extradition_is_no_extradition() -> None:
    facts = run("Pavel Sorokin flew to London with Anna Belova. Russia's Prosecutor General's "
                "Office then submitted a formal request for his extradition.")
    assert events(facts, "extradition") == []


def test_expelled_from_a_university_is_no_deportation() -> None:
    assert [e.type for e in run("Darya Kozyreva had earlier been expelled from St Petersburg "
                                "State University.").events] == []
    assert [e.type for e in run("Ivan Petrov was expelled from Kazakhstan to Russia.").events] \
        == ["deportation"]


def test_an_extradition_asked_against_or_only_ordered_did_not_happen() -> None:
    for text in ("The UN Human Rights Committee asked Kazakhstan not to extradite Mansur "
                 "Movlayev while it is examined.",
                 "Mansur Movlayev: extradition ordered, appeals pending.",
                 "Kazakhstan ordered the extradition of Mansur Movlayev."):
        assert [e.type for e in run(text).events if e.type == "extradition"] == [], text
    facts = run("Ivan Petrov's extradition was approved by the court. He was extradited to "
                "Russia in May.")
    assert [(e.type, e.to_country) for e in facts.events] == [("extradition", "Russia")]


def test_never_extradited_is_no_event() -> None:
    facts = run("William Brand lives in London. He has never been extradited anywhere.")
    assert events(facts, "extradition") == []


def test_a_country_in_the_possessive_is_no_origin() -> None:
    facts = run("Belarus, Russia's closest ally, has surrendered foreigners before: in "
                "February 2017 it extradited the blogger Artur Lepin to Azerbaijan.")
    (ext,) = events(facts, "extradition")
    assert (ext.from_country, ext.to_country, ext.date) == ("Belarus", "Azerbaijan", "2017-02")
