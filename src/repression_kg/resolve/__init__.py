"""Entity resolution: one IRI per real-world entity across documents and scripts.

See :mod:`repression_kg.resolve.persons` for people; courts, organisations and places
resolve by their normalised names and reference keys (:mod:`repression_kg.resolve.things`).
"""

from repression_kg.resolve.curated import Override
from repression_kg.resolve.persons import Judgement, PersonResolver, person_key
from repression_kg.resolve.things import court_iri, organisation_iri, place_iri_for

__all__ = ["Judgement", "Override", "PersonResolver", "court_iri", "organisation_iri", "person_key",
           "place_iri_for"]
