"""Case documents → facts: an ordered list of small extractors.

>>> [e.name for e in EXTRACTORS][:3]
['segments', 'dates', 'persons']
"""

from __future__ import annotations

from repression_kg.extract.base import Context, Extractor
from repression_kg.extract.charges import extract_charges
from repression_kg.extract.courts import extract_courts
from repression_kg.extract.dates import extract_dates
from repression_kg.extract.events import extract_events
from repression_kg.extract.organisations import extract_organisations
from repression_kg.extract.persons import extract_persons
from repression_kg.extract.places import extract_places
from repression_kg.extract.principles import extract_principles
from repression_kg.extract.relations import extract_relations
from repression_kg.extract.roundups import extract_roundup_charges
from repression_kg.extract.segments import extract_segments
from repression_kg.extract.sentences import extract_sentences
from repression_kg.extract.tables import extract_table_rows
from repression_kg.facts import Document, DocumentFacts

#: The pipeline, in order. ``needs`` must be given by an earlier entry (tested).
EXTRACTORS: list[Extractor] = [
    Extractor("segments", extract_segments, (), ("sentence_bounds", "paragraph_bounds")),
    Extractor("dates", extract_dates, ("sentence_bounds",), ("dates",)),
    Extractor("persons", extract_persons, ("sentence_bounds", "dates"),
              ("persons", "person_mentions", "main_person")),
    Extractor("places", extract_places, ("sentence_bounds",), ("places",)),
    Extractor("organisations", extract_organisations, ("sentence_bounds",), ("organisations",)),
    Extractor("courts", extract_courts, ("sentence_bounds", "places"), ("courts",)),
    Extractor("charges", extract_charges, ("person_mentions",), ("charges",)),
    Extractor("sentences", extract_sentences, ("person_mentions", "dates", "courts"),
              ("sentences",)),
    Extractor("table_rows", extract_table_rows, ("person_mentions", "dates", "courts"),
              ("charges", "sentences")),
    Extractor("roundup_charges", extract_roundup_charges,
              ("person_mentions", "charges", "sentences"), ("charges",)),
    Extractor("events", extract_events, ("person_mentions", "dates", "places"), ("events",)),
    Extractor("principles", extract_principles, ("sentence_bounds",), ("principles",)),
    Extractor("relations", extract_relations, ("persons", "person_mentions", "events"),
              ("relations",)),
]


def extract_document(doc: Document) -> DocumentFacts:
    """Run every extractor over one ingested document and return its facts."""
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    for step in EXTRACTORS:
        step.func(ctx)
    return ctx.facts


__all__ = ["EXTRACTORS", "Context", "Extractor", "extract_document"]
