"""Relations: kinship, lawyers, co-defendants, co-signatories, organisations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.conftest import make_doc, run

from repression_kg.extract.base import Context
from repression_kg.extract.dates import extract_dates
from repression_kg.extract.persons import extract_persons
from repression_kg.extract.relations import extract_relations
from repression_kg.facts import DocumentFacts, Organisation, Span


def triples(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    facts = run(text, published)
    names = {p.id: p.name for p in facts.persons}
    return {(names.get(r.subject, r.subject), r.type, names.get(r.object, r.object))
            for r in facts.relations}


def test_spouse_from_possessive_pronoun() -> None:
    got = triples("Igor Kuznetsov was detained. His wife, Marina Kuznetsova, was not.")
    assert got == {("Igor Kuznetsov", "spouse", "Marina Kuznetsova")}


def test_child_parent_and_relative_directions() -> None:
    got = triples("Ruslan Bekov was charged. His son Timur Bekov and his mother "
                  "Zarema Bekova spoke, as did Bekov's brother Islam Bekov.")
    assert ("Timur Bekov", "child", "Ruslan Bekov") in got
    assert ("Zarema Bekova", "parent", "Ruslan Bekov") in got
    assert ("Islam Bekov", "relative", "Ruslan Bekov") in got


def test_lawyer_of_by_possessive_and_by_representation() -> None:
    got = triples("Pavel Markin was sentenced. Markin's lawyer, Yana Belova, will appeal.")
    assert ("Yana Belova", "lawyer_of", "Pavel Markin") in got
    got = triples("Pavel Markin was sentenced. Oleg Sidorov, who represents him, objected.")
    assert ("Oleg Sidorov", "lawyer_of", "Pavel Markin") in got


def test_appositive_after_the_name() -> None:
    got = triples("Anna Orlova, his wife, said that Ilya Orlov was fined.")
    assert ("Ilya Orlov", "spouse", "Anna Orlova") in got or \
        ("Anna Orlova", "spouse", "Ilya Orlov") in got


def test_unnamed_lawyer_gives_nothing() -> None:
    assert triples("Pavel Markin was sentenced. His lawyer said he would appeal.") == set()


def test_co_defendants() -> None:
    got = triples("Igor Lebedev and Pavel Markin were sentenced on 3 May 2021.")
    assert got == {("Igor Lebedev", "co_defendant", "Pavel Markin")}
    got = triples("Mark Fenton is a co-defendant of Ivan Petrov; both were charged with treason.")
    assert ("Mark Fenton", "co_defendant", "Ivan Petrov") in got


def test_two_people_in_one_sentence_are_not_co_defendants_without_a_cue() -> None:
    got = triples("Igor Lebedev was sentenced while Pavel Markin watched.")
    assert not any(t[1] == "co_defendant" for t in got)


def test_co_signatories_of_one_letter() -> None:
    got = triples("Jailed activists Lev Gromov and Yulia Sidorova wrote an open letter. "
                  "The letter was also signed by Kirill Osin.")
    assert {t for t in got if t[1] == "co_signatory"} == {
        ("Lev Gromov", "co_signatory", "Yulia Sidorova"),
        ("Lev Gromov", "co_signatory", "Kirill Osin"),
        ("Yulia Sidorova", "co_signatory", "Kirill Osin")}


def test_russian_spouse() -> None:
    assert ("Lev Gromov", "spouse", "Anna Gromova") in triples(
        "Лев Громов и его жена Анна Громова задержаны.")


def test_member_and_employee_of_organisations() -> None:
    text = ("Olga Savina, a member of the Vesna movement, was detained. "
            "Roman Ivlev worked for Radio Liberty until 2021.")
    doc = make_doc(text)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    extract_dates(ctx)
    extract_persons(ctx)
    for oid, name in (("o1", "Vesna"), ("o2", "Radio Liberty")):
        start = text.index(name)
        ctx.facts.organisations.append(Organisation(
            id=oid, name=name, mentions=[Span.of(text, start, start + len(name))]))
    extract_relations(ctx)
    got = {(r.subject, r.type, r.object) for r in ctx.facts.relations}
    assert got == {("p1", "member_of", "o1"), ("p2", "employee_of", "o2")}
    for relation in ctx.facts.relations:
        assert all(text[m.start:m.end] == m.text for m in relation.mentions)


def test_seed_spouse(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    text = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    spouses = {(names[r.subject], names[r.object]) for r in facts.relations
               if r.type == "spouse"}
    assert spouses == {("Mikhail Zhilin", "Ekaterina Zhilina")}


_FRAGMENTS = [
    "Ivan Petrov", "Anna Petrova", "Petrov", "Petrova's", "his wife", "her lawyer,", "Maj.",
    "Жилину Михаилу Алексеевичу", "Козыревой Дарье", "and", ",", ".", ";", "\n", "(born 1986)",
    "1986 г. р.", "34,", "was detained", "was deported to Russia", "Kazakhstan", "in March",
    "on 29 December", "20 March 2023", "sentenced", "co-defendant", "signed by", "open letter",
    "we demand the release of", "задержан", "в марте", "Article Smith", "Judge", "Ivanovich",
    "’s", "«", "»", "—", "\u00a0",
]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40),
       st.sampled_from([None, "2023-04-30", "2021"]))
@settings(max_examples=150, deadline=None)
def test_any_mix_of_name_and_event_fragments_gives_consistent_facts(
        parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    facts = run(text, published)
    ids = {p.id for p in facts.persons}
    spans = [m for p in facts.persons for m in p.mentions]
    spans += [m for e in facts.events for m in e.mentions]
    spans += [m for r in facts.relations for m in r.mentions]
    assert all(0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text
               for s in spans)
    assert all(p.mentions and p.name for p in facts.persons)
    assert all(e.person is None or e.person in ids for e in facts.events)
    assert all(r.subject in ids for r in facts.relations)
    keys = [(e.type, e.person, e.date) for e in facts.events]
    assert len(keys) == len(set(keys))


def test_weak_co_defendant_cues_need_a_prosecution_in_the_sentence() -> None:
    text = ("Ivan Petrov, along with Oleg Sidorov, attended the rally. Petrov was convicted. "
            "Sidorov was convicted.")
    assert not any(t[1] == "co_defendant" for t in triples(text))
    text = "Ivan Petrov was sentenced together with Oleg Sidorov. Sidorov was convicted."
    assert ("Ivan Petrov", "co_defendant", "Oleg Sidorov") in triples(text)


def test_represented_by() -> None:
    got = triples("Ivan Petrov, represented by lawyer Yana Belova, denied the charges.")
    assert ("Yana Belova", "lawyer_of", "Ivan Petrov") in got


def test_worked_as_in_an_organisation() -> None:
    text = "Oleg Lapin, 40, worked as an engineer in the Federal Protective Service until 2022."
    doc = make_doc(text)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    extract_dates(ctx)
    extract_persons(ctx)
    start = text.index("Federal Protective Service")
    ctx.facts.organisations.append(Organisation(
        id="o1", name="Federal Protective Service",
        mentions=[Span.of(text, start, start + len("Federal Protective Service"))]))
    extract_relations(ctx)
    assert [(r.subject, r.type, r.object) for r in ctx.facts.relations] == [
        ("p1", "employee_of", "o1")]
