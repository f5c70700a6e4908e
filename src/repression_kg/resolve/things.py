"""Courts, organisations and places found in documents → canonical IRIs.

Places with a gazetteer key are reference entities (``ref:place/<key>``). Courts resolve
by type and city when the text only describes them ("a court in Barnaul" and "the court
in Barnaul" are one court per city and type), else by their normalised name;
organisations by their normalised name.
"""

from __future__ import annotations

import re
import unicodedata

from repression_kg.facts import Court, Organisation, Place
from repression_kg.ids import DEFAULT_BASE, entity_iri, place_iri, slug

_DROP = re.compile(r"^(?:the|a|an)\s+", re.I)


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").strip()
    return " ".join(_DROP.sub("", text).split()).casefold()


def court_iri(court: Court, base: str = DEFAULT_BASE) -> str:
    name = normalise(court.name)
    described = name.startswith("court in") or name in {"court", "military court",
                                                         "district court", "city court"}
    if described and court.city:
        key = f"{court.type or 'court'}|{court.city.casefold()}"
        return entity_iri("court", key, label=f"{court.type or 'court'} {court.city}", base=base)
    return entity_iri("court", name, label=court.name, base=base)


def organisation_iri(org: Organisation, base: str = DEFAULT_BASE) -> str:
    return entity_iri("org", normalise(org.name), label=org.name, base=base)


def place_iri_for(place: Place | str, base: str = DEFAULT_BASE) -> str:
    """A gazetteer place by key; a free-text place (or country name) by its slug."""
    if isinstance(place, Place):
        if place.id:
            return place_iri(place.id)
        return entity_iri("place", normalise(place.name), label=place.name, base=base)
    return place_iri(slug(place).replace("-", "_"))
