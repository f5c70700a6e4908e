"""Every query of the library on the hand-made sample graph, with its expected rows."""

from __future__ import annotations

from typing import Any

import pytest

from repression_kg.query import LocalBackend, load_library, run
from repression_kg.query.formats import short

LIBRARY = load_library()

#: query name -> [(parameters, columns compared, expected rows as tuples, in order)]
EXPECTED: dict[str, list[tuple[dict[str, str], tuple[str, ...], list[tuple[Any, ...]]]]] = {
    "shared-statute": [
        ({"person": "boris kagarlitsky"}, ("other_name", "number", "title"),
         [("Azat Miftakhov", "205.2", "Public calls for terrorism or its justification")]),
        ({"person": "Борис Кагарлицкий", "by": "part"}, ("other_name", "number"),
         [("Azat Miftakhov", "205.2 part 2")]),
        ({"person": "Anna Volkova", "by": "part"}, ("other_name",), []),
        ({"person": "Anna Volkova"}, ("other_name", "number"), [("Denis Orlov", "282.2")]),
    ],
    "shared-statute-pairs": [
        ({}, ("name_a", "name_b", "number"),
         [("Azat Miftakhov", "Boris Kagarlitsky", "205.2"), ("Anna Volkova", "Denis Orlov", "282.2")]),
        ({"article": "282.2", "by": "part"}, ("name_a",), []),
        ({"article": "205.2", "by": "part"}, ("name_a", "name_b", "number"),
         [("Azat Miftakhov", "Boris Kagarlitsky", "205.2 part 2")]),
    ],
    "statute-people": [
        ({}, ("number", "people", "sentenced", "min_months", "mean_months", "median_months", "max_months"),
         [("205.2", 2, 2, 48, 54.0, 54, 60), ("282.2", 2, 2, 36, 54.0, 54, 72),
          ("20.3.3", 1, 0, None, None, None, None), ("205.5", 1, 1, 36, 36.0, 36, 36),
          ("280.3", 1, 1, 12, 12.0, 12, 12), ("322", 1, 1, 78, 78.0, 78, 78)]),
        ({"article": "282.2", "by": "part"}, ("number", "people", "median_months"),
         [("282.2 part 1", 1, 72), ("282.2 part 2", 1, 36)]),
    ],
    "statute-cooccurrence": [
        ({}, ("number_a", "number_b", "cases", "people"), [("205.5", "282.2", 1, 2)]),
        ({"article": "322"}, ("number_a",), []),
    ],
    "transfers": [
        ({}, ("name", "kind", "date", "from_name", "to_name", "months", "sentence_date"),
         [("Denis Orlov", "Extradition", "2022-03-02", "Armenia", "Russia", 72, "2022-10-05"),
          ("Mikhail Zhilin", "Deportation", "2022-12-29", "Kazakhstan", "Russia", 78, "2023-03-20")]),
        ({"from_country": "kazakhstan", "to_country": "Russia"}, ("name", "court_name"),
         [("Mikhail Zhilin", "Barnaul Garrison Military Court")]),
        ({"person": "Pavel Lebedev"}, ("name",), []),
    ],
    "asylum": [
        ({}, ("name", "step", "date", "country_name"),
         [("Mikhail Zhilin", "request", "2022-09", "Kazakhstan"), ("Mikhail Zhilin", "denied", "2022-12", "Kazakhstan"),
          ("Pavel Lebedev", "granted", "2024", "Germany")]),
        ({"person": "pavel lebedev"}, ("step",), [("granted",)]),
    ],
    "courts": [
        ({}, ("court_name", "court_type", "seat", "people", "cases", "mean_months"),
         [("Second Western District Military Court", "military", "Moscow", 2, 2, 54.0),
          ("Tomsk Regional Court", "regional", "Tomsk", 2, 1, 54.0),
          ("Barnaul Garrison Military Court", "garrison_military", "Barnaul", 1, 1, 78.0),
          ("Tverskoy District Court", "district", "Moscow", 1, 2, 12.0)]),
        ({"court_words": "garrison"}, ("court_name", "statutes"), [("Barnaul Garrison Military Court", "322")]),
    ],
    "courts-longest-sentences": [
        ({}, ("court_name", "sentences", "mean_months"),
         [("Barnaul Garrison Military Court", 1, 78.0), ("Second Western District Military Court", 2, 54.0),
          ("Tomsk Regional Court", 2, 54.0), ("Tverskoy District Court", 1, 12.0)]),
        ({"min_sentences": "2"}, ("court_name",),
         [("Second Western District Military Court",), ("Tomsk Regional Court",)]),
    ],
    "person-timeline": [
        ({"person": "Mikhail Zhilin"}, ("date", "what"),
         [("2022-09", "AsylumRequest"), ("2022-09", "BorderCrossing"), ("2022-12", "AsylumDenied"),
          ("2022-12-29", "Deportation"), ("2023-03-20", "Sentence"), (None, "PoliticalPrisonerRecognition")]),
        ({"person": "OLGA SMIRNOVA"}, ("date", "detail"),
         [("2022-04-10", "fine 30000 roubles, Tverskoy District Court"),
          ("2023-01-15", "compulsory_labour 12 months, Tverskoy District Court")]),
    ],
    "co-defendants": [
        ({}, ("name_a", "name_b", "basis"),
         [("Anna Volkova", "Denis Orlov", "same case"), ("Anna Volkova", "Denis Orlov", "stated")]),
        ({"person": "Boris Kagarlitsky"}, ("name_a",), []),
    ],
    "co-signatories": [
        ({}, ("name_a", "name_b", "sources"),
         [("Ekaterina Zhilina", "Pavel Lebedev", "https://w3id.org/repression-kg/id/doc/d4-letter")]),
    ],
    "principles-per-statute": [
        ({}, ("number", "principle_name", "cases", "people", "stated_in"),
         [("205.2", "Freedom of expression", 1, 1, "ECHR Article 10"),
          ("205.5", "Freedom of association", 1, 1, "ECHR Article 11"),
          ("280.3", "Freedom of expression", 1, 1, "ECHR Article 10"),
          ("282.2", "Freedom of association", 1, 2, "ECHR Article 11"),
          ("322", "Non-refoulement", 1, 1, "1951 Refugee Convention Article 33")]),
    ],
    "principles-per-case": [
        ({"principle": "non_refoulement"}, ("case_name", "principle_name", "people", "quote"),
         [("Case of Mikhail Zhilin", "Non-refoulement", "Mikhail Zhilin", "Handing him back breached non-refoulement")]),
        ({"principle": "Freedom of expression"}, ("case_name",),
         [("Case of Boris Kagarlitsky",), ("Criminal case of Olga Smirnova",)]),
    ],
    "designated-organisations": [
        ({}, ("org_name", "kind", "designated_by", "date", "member_name", "charged_under"),
         [("Free Study Circle", "extremist", "Tomsk Regional Court", "2021-06", "Anna Volkova", "282.2, 205.5"),
          ("Free Study Circle", "extremist", "Tomsk Regional Court", "2021-06", "Denis Orlov", "282.2"),
          ("Open Letter Fund", "undesirable", None, "2023-11-20", None, None)]),
        ({"designation": "undesirable"}, ("org_name",), [("Open Letter Fund",)]),
    ],
    "admin-then-criminal": [
        ({}, ("name", "admin_date", "criminal_date", "criminal_method"),
         [("Olga Smirnova", "2022-04-10", "2023-01-15", "inferred")]),
        ({"admin": "20.2"}, ("name",), []),
    ],
    "charge-methods": [
        ({"method": "inferred"}, ("name", "provision", "quote"),
         [("Anna Volkova", "ref:law/ru-cc/205.5", "members of the circle"),
          ("Olga Smirnova", "ref:law/ru-cc/280.3/part-1", "repeated discrediting of the army")]),
    ],
    "evidence": [
        ({"entity": "id:person/olga-smirnova-4e5f6a7b"}, ("kind", "link", "quote", "start", "end"),
         [("Sentence", "sentenced", "was fined 30000 roubles on 10 April 2022", 35, 75),
          ("Charge", "accused", "under Article 20.3.3 part 1", 76, 103),
          ("PrincipleInvocation", "concerns", "an anti-war poster", 147, 165),
          ("Charge", "accused", "repeated discrediting of the army", 212, 245),
          ("Sentence", "sentenced", "sentenced her to one year of compulsory labour", 294, 340)]),
    ],
    "political-prisoners": [
        ({"recognised_by": "мемориал"}, ("name", "org_name"),
         [("Azat Miftakhov", "Memorial"), ("Boris Kagarlitsky", "Memorial"), ("Mikhail Zhilin", "Memorial")]),
        ({"recognised_by": "Amnesty"}, ("name",), []),
    ],
    "search-people": [
        ({"text": "жилин"}, ("name", "matched", "birth_year", "roles", "documents"),
         [("Mikhail Zhilin", "Жилин Михаил Алексеевич", 1986, "defendant", 2)]),
        ({"text": "zhilin"}, ("name",), [("Ekaterina Zhilina",), ("Mikhail Zhilin",)]),
    ],
    "statute-hierarchy": [
        ({"code": "ru-coap"}, ("number", "part_number", "people"), [("20.3.3", "1", 1)]),
    ],
    "documents": [
        ({"repaired": "true"}, ("doc", "repairs", "facts"), [("id:doc/d2-miftakhov", "mojibake:gbk->utf-8", 4)]),
        ({}, ("doc",), [("id:doc/d1-kagarlitsky",), ("id:doc/d2-miftakhov",), ("id:doc/d3-zhilin",),
                        ("id:doc/d4-letter",), ("id:doc/d5-smirnova",), ("id:doc/d6-circle",)]),
    ],
    "people-charged-under": [
        ({"article": "282.2"}, ("name", "provision", "max_months", "regime", "court"),
         [("Anna Volkova", "ref:law/ru-cc/282.2/part-2", 36, "general", "Tomsk Regional Court"),
          ("Denis Orlov", "ref:law/ru-cc/282.2/part-1", 72, "strict", "Tomsk Regional Court")]),
        ({"article": "205.5"}, ("name", "modifier", "method"), [("Anna Volkova", "Preparation", "inferred")]),
    ],
    "person-statutes": [
        ({"person": "anna volkova"}, ("name", "number", "charges"), [("Anna Volkova", "205.5", 1), ("Anna Volkova", "282.2", 1)]),
        ({}, ("number",), [("205.5",), ("282.2",), ("205.2",), ("205.2",), ("282.2",), ("322",), ("20.3.3",), ("280.3",)]),
    ],
    "relations": [
        ({"person": "Mikhail Zhilin"}, ("subject_name", "relation", "object_name"),
         [("Ekaterina Zhilina", "spouseOf", "Mikhail Zhilin")]),
        ({}, ("relation",), [("coDefendantOf",), ("memberOf",), ("memberOf",), ("coSignatoryWith",), ("spouseOf",)]),
    ],
    "sentences-by-regime": [
        ({}, ("kind", "regime", "sentences", "mean_months"),
         [("imprisonment", "general", 3, 58.0), ("imprisonment", "strict", 2, 60.0),
          ("compulsory_labour", None, 1, 12.0), ("fine", None, 1, None)]),
        ({"since": "2023-01-01"}, ("kind", "regime", "sentences"),
         [("imprisonment", "general", 2), ("compulsory_labour", None, 1), ("imprisonment", "strict", 1)]),
    ],
}

CASES = [pytest.param(name, params, columns, rows, id=f"{name}-{i}")
         for name, runs in EXPECTED.items() for i, (params, columns, rows) in enumerate(runs)]


def _cell(term: Any) -> Any:
    if term is None or term.value == "":  # engines differ on empty GROUP_CONCAT: "" or unbound
        return None
    value = term.python()
    if term.kind == "uri":
        return short(term)
    if isinstance(value, float) and value.is_integer() and term.datatype and term.datatype.endswith("#integer"):
        return int(value)
    return value


@pytest.mark.parametrize(("name", "params", "columns", "rows"), CASES)
def test_query_gives_expected_rows(sample_backend: LocalBackend, name: str, params: dict[str, str],
                                   columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    result = run(LIBRARY[name], sample_backend, params)
    got = [tuple(_cell(row.get(c)) for c in columns) for row in result.bindings]
    assert got == rows


def test_every_query_has_expected_rows() -> None:
    assert sorted(EXPECTED) == sorted(LIBRARY), "each library query needs expected rows here"


def test_library_has_at_least_twenty_queries() -> None:
    assert len(LIBRARY) >= 20


def test_evidence_offsets_quote_the_document_text(sample_backend: LocalBackend) -> None:
    """The character offsets of every quote select exactly that quote in rkg:text."""
    text = sample_backend.select(
        "PREFIX rkg: <https://w3id.org/repression-kg/ontology#> SELECT ?t WHERE { GRAPH ?g { "
        "<https://w3id.org/repression-kg/id/doc/d5-smirnova> rkg:text ?t } }").bindings[0]["t"].value
    result = run(LIBRARY["evidence"], sample_backend, {"entity": "id:person/olga-smirnova-4e5f6a7b"})
    for row in result.bindings:
        assert text[int(row["start"].value):int(row["end"].value)] == row["quote"].value
