"""Courts, organisations and places resolve to reference entities where a gazetteer knows
them; described courts to one entity per city and type, or to one per document; and a
document graph gives each person node one rkg:name."""

from __future__ import annotations

from pyoxigraph import NamedNode

from repression_kg import ids
from repression_kg.facts import Court, Document, DocumentFacts, Organisation, Person, Place
from repression_kg.rdf.mapping import Mapper
from repression_kg.rdf.terms import rkg
from repression_kg.resolve import PersonResolver, court_iri, organisation_iri, place_iri_for


def test_military_appeals_court_in_either_word_order_is_the_reference_court() -> None:
    ref = ids.court_ref_iri("appeals_military_court")
    for name in ("Military Appeals Court", "appeals military court", "the Appeals Military Court",
                 "military court of appeals", "Апелляционного военного суда"):
        assert court_iri(Court(id="c1", name=name, type="military_appeals")) == ref, name
    assert court_iri(Court(id="c1", name="appeals military court in Moscow", city="Moscow",
                           type="military_appeals")) == ref


def test_known_courts_and_organisations_use_their_reference_iris() -> None:
    assert court_iri(Court(id="c1", name="Basmanny District Court", city="Moscow")) == \
        ids.court_ref_iri("basmanny_district_court")
    assert court_iri(Court(id="c1", name="Мосгорсуд")) == ids.court_ref_iri("moscow_city_court")
    # Memorial, and the Human Rights Centre that is one of its bodies, are two entries
    assert organisation_iri(Organisation(id="o1", name="Memorial")) == ids.org_ref_iri("memorial")
    assert organisation_iri(Organisation(id="o1", name="Memorial Human Rights Centre")) == \
        ids.org_ref_iri("memorial_hrc")
    assert organisation_iri(Organisation(id="o1", name="ФСБ")) == ids.org_ref_iri("fsb")


def test_a_court_described_by_city_is_one_per_city_and_type() -> None:
    a = court_iri(Court(id="c1", name="court in Barnaul", city="Barnaul"), doc_id="d1")
    b = court_iri(Court(id="c2", name="a court in Barnaul", city="Barnaul"), doc_id="d2")
    c = court_iri(Court(id="c3", name="district court in Barnaul", city="Barnaul",
                        type="district"), doc_id="d2")
    d = court_iri(Court(id="c4", name="суд в Барнауле", city="Barnaul"), doc_id="d3")
    assert a == b == d != c
    assert a.startswith(ids.DEFAULT_BASE + "court/court-barnaul-")
    assert c.startswith(ids.DEFAULT_BASE + "court/district-court-barnaul-")


def test_a_court_with_neither_name_nor_city_stays_in_its_document() -> None:
    generic = Court(id="c1", name="a military court", type="military")
    one, other = court_iri(generic, doc_id="d1"), court_iri(generic, doc_id="d2")
    assert one != other
    assert one == court_iri(Court(id="c9", name="the military court", type="military"), doc_id="d1")
    assert one.startswith(ids.DEFAULT_BASE + "court/military-court-d1-")
    crimea = Court(id="c2", name="Supreme Court of Crimea", type="regional")
    assert court_iri(crimea, doc_id="d1") == court_iri(crimea, doc_id="d2")


def test_a_cyrillic_court_gets_a_transliterated_readable_part() -> None:
    iri = court_iri(Court(id="c1", name="Ленинский районный суд Барнаула"), doc_id="d1")
    readable = iri.rsplit("/", 1)[-1]
    assert readable.startswith("leninsky-rayonny-sud-barnaula-"), iri


def test_places_by_name_or_form_are_gazetteer_places() -> None:
    assert place_iri_for("Republic of Kazakhstan") == ids.place_iri("kazakhstan")
    assert place_iri_for(Place(name="Барнаул")) == ids.place_iri("barnaul")
    assert place_iri_for("Kazakhstan") == ids.place_iri("kazakhstan")


def _doc(doc_id: str) -> Document:
    text = "Mikhail Zhilin, also Mikhail Alekseevich Zhilin, Жилин Михаил Алексеевич."
    return Document(id=doc_id, text=text, raw_sha256="0" * 64, text_sha256="1" * 64)


def test_two_records_of_one_person_give_one_name_and_aliases() -> None:
    doc = _doc("d1")
    facts = DocumentFacts(document=_meta(doc), persons=[
        Person(id="p1", name="Mikhail Zhilin", birth_year=1986),
        Person(id="p2", name="Mikhail Alekseevich Zhilin", aliases=["Жилин Михаил Алексеевич"],
               birth_year=1987)])
    resolver = PersonResolver()
    resolver.add(facts)
    resolver.finish()
    assert resolver.iri("d1", "p1") == resolver.iri("d1", "p2")
    node = NamedNode(resolver.iri("d1", "p1") or "")
    quads = Mapper(resolver).quads(doc, facts)
    names = [q.object.value for q in quads if q.subject == node and q.predicate == rkg("name")]
    aliases = {q.object.value for q in quads if q.subject == node and q.predicate == rkg("alias")}
    years = [q.object.value for q in quads if q.subject == node and q.predicate == rkg("birthYear")]
    assert names == ["Mikhail Alekseevich Zhilin"]
    assert aliases == {"Mikhail Zhilin", "Жилин Михаил Алексеевич"}
    assert len(years) == 1
    assert _shacl(quads).conforms


def _shacl(quads: list) -> object:
    import pyoxigraph as ox
    from rdflib import Graph

    from repression_kg.ontology.shacl import validate

    store = ox.Store()
    store.extend(quads)
    flat = Graph()
    flat.parse(data=_triples(store), format="nt")
    assert len(flat) > 10
    return validate(flat)


def _triples(store: object) -> str:
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in store)  # type: ignore[attr-defined]


def _meta(doc: Document):  # noqa: ANN202 - the contract's DocumentMeta
    from repression_kg.facts import DocumentMeta

    return DocumentMeta(id=doc.id, text_sha256=doc.text_sha256)


def test_a_named_court_is_one_entity_in_both_scripts() -> None:
    russian = Court(id="c1", name="Головинский районный суд", type="district", city="Moscow", mentions=[])
    english = Court(id="c2", name="Golovinsky District Court of Moscow", type="district", city="Moscow",
                    mentions=[])
    other = Court(id="c3", name="Tverskoy District Court", type="district", city="Moscow", mentions=[])
    assert court_iri(russian) == court_iri(english) != court_iri(other)


def test_a_court_named_with_its_city_in_any_form_is_one_court() -> None:
    names = ["Dzerzhinsky District Court of St. Petersburg", "Dzerzhinsky District Court of Saint "
             "Petersburg", "Dzerzhinsky District Court", "Дзержинский районный суд Санкт-Петербурга"]
    iris = {court_iri(Court(id="c", name=n, type="district", city=city, mentions=[]))
            for n in names for city in ("Saint Petersburg", "St. Petersburg")}
    assert len(iris) == 1
    other = Court(id="c", name="Kuibyshevsky District Court of St. Petersburg", type="district",
                  city="Saint Petersburg", mentions=[])
    assert court_iri(other) not in iris
