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
