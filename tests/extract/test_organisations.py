"""Organisations: gazetteer kinds, military units, employer and stated designations."""

from __future__ import annotations

from tests.extract.conftest import run

from repression_kg.extract import extract_document
from repression_kg.ingest import read_document


def orgs(text: str) -> dict[str, list[str]]:
    return {o.name: o.roles for o in run(text).organisations}


def test_kinds_from_the_gazetteer() -> None:
    got = orgs("OVD-Info and Amnesty International criticised the FSB and Roskomnadzor.")
    assert got == {"OVD-Info": ["human_rights", "media"],
                   "Amnesty International": ["human_rights"],
                   "Federal Security Service": ["state_agency"],
                   "Roskomnadzor": ["state_agency"]}


def test_russian_forms_in_any_case() -> None:
    got = orgs("Сотрудники Следственного комитета и ФСБ провели обыски у «Мемориала».")
    assert set(got) == {"Investigative Committee", "Federal Security Service", "Memorial"}


def test_acronyms_must_be_capitals_and_names_capitalised() -> None:
    assert orgs("an amnesty for the fsb veterans") == {}


def test_designations_only_where_the_text_states_them() -> None:
    assert orgs("The Russian Volunteer Corps fought near Belgorod.") == {
        "Russian Volunteer Corps": ["armed_unit"]}
    got = orgs("In 2023 a court designated the Russian Volunteer Corps a terrorist organisation.")
    assert got["Russian Volunteer Corps"] == ["armed_unit", "designated_terrorist"]
    got = orgs("«Свидетели Иеговы» признаны экстремистской организацией.")
    assert "designated_extremist" in got["Jehovah's Witnesses"]
    got = orgs("The Free Russia Legion is a unit of an army, not a terrorist organisation.")
    assert got["Free Russia Legion"] == ["armed_unit"]


def test_military_unit_and_employer() -> None:
    got = orgs("Viktor Gusev served in military unit 45123 before he worked for the FSB.")
    assert got["Military unit 45123"] == ["armed_unit", "employer"]
    assert "employer" in got["Federal Security Service"]


def test_seed_free_russia_legion_designated(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = extract_document(read_document(next(seeds_dir.glob("002_*.txt"))))
    legion = next(o for o in facts.organisations if o.name == "Free Russia Legion")
    assert {"armed_unit", "designated_terrorist"} <= set(legion.roles)
    assert any(o.name == "Political Prisoners. Memorial" for o in facts.organisations)


# ------------------------------------------------------------------ the wider gazetteer


def test_media_parties_state_bodies_and_companies_from_the_gazetteer() -> None:
    got = orgs("Ivan Safronov wrote for Kommersant and Vedomosti before he joined Roscosmos. "
               "Sergei Udaltsov of the Left Front, a State Duma aide and an NTV film.")
    assert got == {"Kommersant": ["media"], "Vedomosti": ["media"],
                   "Roscosmos": ["state_agency", "other"], "Left Front": ["political_party"],
                   "State Duma": ["state_agency"], "NTV": ["media"]}


def test_russian_forms_of_new_entries() -> None:
    got = orgs("Студент МГУ писал для «Коммерсанта», а депутат Госдумы — для Ведомостей.")
    assert {"Moscow State University", "Kommersant", "State Duma", "Vedomosti"} <= set(got)


def test_every_capitalised_word_of_a_form_must_be_capitalised() -> None:
    assert orgs("They wanted an open Russia and a left front against the war.") == {}
    assert "Open Russia" in orgs("Andrei Pivovarov led Open Russia.")


def test_a_lower_case_article_does_not_hide_a_shorter_form() -> None:
    got = orgs("Evan Gershkovich, the Wall Street Journal correspondent, was freed.")
    assert got == {"The Wall Street Journal": ["media"]}


def test_forms_that_differ_only_in_case_all_match() -> None:
    for text in ("the deputy chairman of the Mejlis of the Crimean Tatar people",
                 "the deputy chairman of the Mejlis of the Crimean Tatar People"):
        assert list(orgs(text)) == ["Mejlis of the Crimean Tatar People"]


def test_platforms_used_as_a_medium_are_no_organisations() -> None:
    assert orgs("He posted a YouTube stream and wrote on VKontakte and in a Telegram "
                "channel.") == {}
    assert "YouTube" in orgs("She worked for YouTube in Moscow.")
    got = orgs("In 2022 a court designated Meta an extremist organisation; Instagram, "
               "which belongs to Meta, was banned as extremist.")
    assert "designated_extremist" in got["Meta"]


def test_jehovahs_witness_singular_names_the_organisation() -> None:
    assert "Jehovah's Witnesses" in orgs("Dennis Christensen, a Jehovah's Witness, was freed.")


# ------------------------------------------------------------------ head words (pattern 1)


def test_capitalised_names_that_end_in_a_head_word() -> None:
    got = orgs("Dmitry Ivanov studied at Kazan Federal University. Members of the Solidarity "
               "Zone Network and the Free Kazan Party protested.")
    assert got == {"Kazan Federal University": ["other"], "Solidarity Zone Network": ["other"],
                   "Free Kazan Party": ["political_party"]}


def test_names_go_on_past_their_head_word() -> None:
    got = orgs("He joined the Crimean Contact Group on Human Rights and the Bar Association "
               "of the Udmurt Republic, then the Ministry of Labour and Social Protection.")
    assert set(got) == {"Crimean Contact Group on Human Rights",
                        "Bar Association of the Udmurt Republic",
                        "Ministry of Labour and Social Protection"}


def test_and_never_joins_two_bodies() -> None:
    got = orgs("He met the Ministry of Culture and Federal Tax Service officials.")
    assert set(got) == {"Ministry of Culture", "Federal Tax Service"}


def test_head_names_keep_ordinals_and_prosecutors_offices() -> None:
    got = orgs("He served in the 155th Separate Marine Brigade. The Penza Prosecutor's Office "
               "appealed; an office in Penza did not.")
    assert got == {"155th Separate Marine Brigade": ["armed_unit", "employer"],
                   "Penza Prosecutor's Office": ["state_agency"]}


def test_head_names_negative() -> None:
    for text in ("The Kirovsky District Court of Yekaterinburg sentenced him.",
                 "He was held in Pre-trial Detention Centre No. 1 in Moscow.",
                 "The Soviet Union collapsed in 1991.",
                 "On Monday the Council met. Our Foundation helps. The University replied.",
                 "Court Sentences Activist Group Members In Moscow",
                 "the Human Rights Project's position is on our website",
                 "She won the Andrei Sakharov Prize Committee award at the Trade Union Square.",
                 "They met outside the Moscow Shopping Centre."):
        assert orgs(text) == {}, text


def test_a_gazetteer_form_inside_a_run_wins() -> None:
    got = orgs("Staff of the BBC Russian Service and the Memorial Human Rights Centre spoke.")
    assert set(got) == {"BBC", "Memorial Human Rights Centre"}


# ------------------------------------------------------------------ descriptors (pattern 2)


def test_the_name_before_a_descriptor() -> None:
    got = orgs("For the People First campaign and the independent Ural Online outlet, "
               "the Sota news agency reported it.")
    assert got == {"People First": ["human_rights"], "Ural Online": ["media"],
                   "SOTAvision": ["media"]}


def test_councils_keep_their_lower_case_words() -> None:
    got = orgs("Gorinov headed the Krasnoselsky municipal district council; Ochirov worked "
               "at the Elista mayor's office.")
    assert got == {"Krasnoselsky municipal district council": ["state_agency"],
                   "Elista mayor's office": ["state_agency", "employer"]}


def test_descriptors_negative() -> None:
    for text in ("A Russian newspaper and a Crimean Tatar group reported the arrest.",
                 "the summer protests over the Moscow city council election",
                 "The Navalny campaign was shut down; the Yashin campaign went on.",
                 "Ilya Yashin thanked the Ilya Yashin campaign.",
                 "He read it on the Kremlin website, the Telegram channel and a VK group.",
                 "She ran the Kremlin-backed outlet in May."):
        assert orgs(text) == {}, text


# ------------------------------------------------------------------ cue before (pattern 3)


def test_names_after_a_cue_word() -> None:
    got = orgs("He covered the army for the newspapers Novye Izvestiya and Nezavisimaya "
               "Gazeta, the state channel Zvezda and the charity Razom for Ukraine.")
    assert got == {"Novye Izvestiya": ["media"], "Nezavisimaya Gazeta": ["media"],
                   "Zvezda": ["media"], "Razom for Ukraine": ["human_rights"]}


def test_a_plural_cue_lists_names() -> None:
    got = orgs("the outlets Kholod, Ural Daily and Bumaga were blocked")
    assert set(got) == {"Kholod", "Ural Daily", "Bumaga"}


def test_names_after_a_cue_word_negative() -> None:
    for text in ("The organisation Ivan Petrov founded was banned.",
                 "He told the newspaper in March that the party Russia joined was new.",
                 "She ran the Telegram channel Protest MGU and the YouTube channel Grad.",
                 "an organisation Moscow designated extremist, the group Tuesday",
                 "the party Putin leads"):
        assert orgs(text) == {}, text


# ------------------------------------------------------------------ quoted names (pattern 4)


def test_quoted_names_after_called_or_before_a_designation() -> None:
    got = orgs('The FSB said they belonged to an organisation called "Network". In 2019 a '
               'court declared "Network" a terrorist organisation.')
    assert got["Network"] == ["other", "designated_terrorist"]
    assert orgs('The prosecutor called "Alexei Petrov" a liar.') == {}
    assert orgs('a group called "the boys"') == {}


# ------------------------------------------------------------------ Russian cues (pattern 5)


def test_russian_cue_and_quoted_name() -> None:
    got = orgs("Активистка движения «Весна» и сотрудница фонда «Нужна помощь» работали "
               "с изданием «Ротонда» и сетью супермаркетов «Пятёрочка».")
    assert got == {"Vesna": ["political_party"], "Нужна помощь": ["other", "employer"],
                   "Ротонда": ["media", "employer"], "Пятёрочка": ["other", "employer"]}
    assert orgs("Он писал для газеты «Ротонда».") == {"Ротонда": ["media"]}


def test_russian_cue_negative() -> None:
    for text in ("В торговом центре «Европейский» прошёл пикет.",
                 "Журналист «Дождика» задержан.",
                 "Дело возбудили по закону «О СМИ», а телеграм-канал «Протест» закрыли.",
                 "Общественное движение «за мир» и фонд «Москва»",
                 "жалоба в центр «Верховный суд»"):
        assert orgs(text) == {}, text


def test_spans_are_exact_and_ids_follow_the_text() -> None:
    facts = run("The Sota news agency and the newspaper Kommersant wrote about the "
                "Krasnoselsky municipal council.")
    assert [o.id for o in facts.organisations] == ["o1", "o2", "o3"]
    for org in facts.organisations:
        for m in org.mentions:
            assert m.text in {"Sota", "Kommersant", "Krasnoselsky municipal council"}


def test_seed_people_first_campaign(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    facts = extract_document(read_document(next(seeds_dir.glob("003_*.txt"))))
    assert any(o.name == "People First" for o in facts.organisations)


def test_another_country_s_national_body_is_named_as_written() -> None:
    got = orgs("The Prosecutor General's Office of Georgia refused, and the Moldovan "
               "Interior Ministry said nothing.")
    assert got == {"Prosecutor General's Office of Georgia": ["state_agency"],
                   "Moldovan Interior Ministry": ["state_agency"]}
    assert set(orgs("МИД Казахстана ответил, а ФСБ России промолчала.")) == {
        "МИД Казахстана", "Federal Security Service"}
    # Russia's own and a region's stay the entry
    assert set(orgs("The Foreign Ministry of Russia and the Interior Ministry of Crimea.")) == {
        "Foreign Ministry", "Interior Ministry"}


def test_bodies_by_ordinal_are_armed_units() -> None:
    assert orgs("He was held at the 201st military base outside the city.") == {
        "201st military base": ["armed_unit"]}
    assert orgs("On the 3rd day he left.") == {}


def test_a_family_s_bare_name_is_its_one_member_named_in_full() -> None:
    got = run("Memorial called it revenge. The Memorial Human Rights Centre listed him.")
    assert [(o.name, [m.text for m in o.mentions]) for o in got.organisations] == [
        ("Memorial Human Rights Centre", ["Memorial", "Memorial Human Rights Centre"])]
    # two members named: the bare name stays the family's own
    assert set(orgs("St Petersburg Memorial, Memorial and the Memorial Human Rights Centre "
                    "signed it.")) == {
        "St Petersburg Memorial", "Memorial", "Memorial Human Rights Centre"}


def test_generic_army_and_the_names_of_agents_are_no_organisations() -> None:
    assert orgs("The Ukrainian army retreated, said the Kremlin.") == {}
    assert orgs("Doctors found traces of the Novichok group of agents.") == {}


def test_clinics_hospices_chambers_and_projects() -> None:
    got = orgs("She was flown to the Helios clinic. The Moscow Chamber of Notaries and "
               "the rights project Open Cells protested.")
    assert got == {"Helios": ["other"], "Moscow Chamber of Notaries": ["other"],
                   "Open Cells": ["human_rights"]}
    got = orgs("Деньги ушли в хоспис «Тёплый дом», а помог правозащитный проект «Ясные права».")
    assert set(got) == {"Тёплый дом", "Ясные права"}


def test_newly_known_bodies() -> None:
    got = orgs("Forum 18 and Net Freedoms reported that US Immigration and Customs "
               "Enforcement (ICE) had deported him; ENEMO observers agreed.")
    assert set(got) == {"Forum 18", "Net Freedoms Project",
                        "US Immigration and Customs Enforcement",
                        "European Network of Election Monitoring Organizations"}


def test_a_name_without_its_place_is_the_same_body() -> None:
    got = run("The Lantern Rights Union of Gyumri wrote first; later the Lantern Rights Union "
              "wrote again.").organisations
    assert [(o.name, len(o.mentions)) for o in got] == [("Lantern Rights Union of Gyumri", 2)]


def test_communities_and_republics() -> None:
    assert set(orgs("Arson hit the offices of the Greek Community of Yalta.")) == {
        "Greek Community of Yalta"}
    assert set(orgs("Генеральная прокуратура Республики Таджикистан промолчала.")) == {
        "Генеральная прокуратура Республики Таджикистан"}


def test_regional_services_and_directorates() -> None:
    assert orgs("Idel.Realii and Radio Azattyk reported it.") == {
        "Idel.Realii": ["media"], "Radio Azattyk": ["media"]}
    assert orgs("Сотрудники УФСБ задержали его.") == {"Federal Security Service": ["state_agency"]}


def test_a_foreign_body_keeps_its_own_country_and_a_sentence_may_end_after_it() -> None:
    got = orgs("Kazakhstan's National Security Committee acted; so did the National "
               "Security Committee of Kyrgyzstan.")
    assert set(got) == {"National Security Committee of Kazakhstan",
                        "National Security Committee of Kyrgyzstan"}


def test_a_quoted_russian_form_in_any_case() -> None:
    got = run("Эксперты правозащитного центра «Мемориал» выступили; «Мемориал» помогал и "
              "раньше.").organisations
    assert [(o.name, [m.text for m in o.mentions]) for o in got] == [
        ("Memorial Human Rights Centre", ["правозащитного центра «Мемориал»", "Мемориал"])]


def test_a_known_name_wrapped_onto_the_next_line() -> None:
    facts = run("Published: 3 March 2021\n\nIvan Orlov was detained in 2019. The UN Working\n"
                "Group on Arbitrary Detention later found his detention arbitrary.")
    assert [o.name for o in facts.organisations] == ["UN Working Group on Arbitrary Detention"]


def test_forums_police_departments_and_more_known_bodies() -> None:
    got = orgs("Anna Orlova works at the Eastern Policy Forum. The Bostandyk district police "
               "department in Almaty wrote to him. Sources: Caucasian Knot. Her group, Left "
               "Resistance, was banned; he had worked on contracts for OpenAI.")
    assert got == {"Eastern Policy Forum": ["other", "employer"],
                   "Bostandyk district police department": ["state_agency"],
                   "Caucasian Knot": ["media"], "Left Resistance": ["political_party"],
                   "OpenAI": ["other"]}


def test_a_quoted_name_that_opens_with_a_cue_word() -> None:
    assert orgs("Весной 2023 года Игорь Сомов объявил о создании «Клуба рассерженных "
                "патриотов».") == {"Клуба рассерженных патриотов": ["other"]}
