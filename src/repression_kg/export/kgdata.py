"""What the network views need from the store, read in a handful of bulk SPARQL queries.

The queries live beside this module in ``sparql/*.rq`` (one per kind of record) and run
over the union of all named graphs. The result is a plain in-memory :class:`KGData`, so the
views in :mod:`repression_kg.export.views` are pure functions that tests and benchmarks can
feed directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
RKG = "https://w3id.org/repression-kg/ontology#"
SEP = "\u001f"


@dataclass(frozen=True)
class Fact:
    """One fact linking a person to something, with what a tooltip needs."""

    iri: str
    person: str
    target: str | None  # the linked entity (provision article, court, country, principle …)
    kind: str  # charge | sentence | event class name | principle | relation type
    detail: str = ""  # short human-readable summary ("Article 205.5 part 2, preparation")
    date: str | None = None
    quote: str | None = None
    doc: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass
class KGData:
    """Everything the views draw: entities with labels and the facts between them."""

    persons: dict[str, dict[str, object]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    charges: list[Fact] = field(default_factory=list)
    sentences: list[Fact] = field(default_factory=list)
    events: list[Fact] = field(default_factory=list)
    principles: list[Fact] = field(default_factory=list)
    relations: list[Fact] = field(default_factory=list)

    def label(self, iri: str | None) -> str:
        """The best label of an entity; the last IRI segment when it has none."""
        if iri is None:
            return ""
        person = self.persons.get(iri)
        if person and person.get("label"):
            return str(person["label"])
        return self.labels.get(iri) or _tail(iri)


@cache
def _query_text(name: str) -> str:
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: pyoxigraph.Store, name: str) -> list[dict[str, str]]:
    solutions = store.query(_query_text(name), use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    out = []
    for solution in solutions:
        row = {}
        for var in names:
            term = solution[var]
            if term is not None:
                row[var] = term.value
        out.append(row)
    return out


def _tail(iri: str) -> str:
    tail = iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1].replace("_", " ")
    return tail.title() if "/place/" in iri else tail


def load(store: pyoxigraph.Store) -> KGData:
    """Read the records of every view from ``store`` (a handful of queries, no per-entity loop)."""
    data = KGData()
    for row in _rows(store, "persons"):
        aliases = sorted(a for a in row.get("aliases", "").split(SEP) if a)
        data.persons[row["person"]] = {
            "label": row.get("label") or _tail(row["person"]),
            "aliases": aliases,
            "birthYear": row.get("birthYear"),
        }
    for row in _rows(store, "labels"):
        entity = row["entity"]
        number = row.get("number")
        label = row.get("labelEn") or row.get("label") or _tail(entity)
        if number:  # a statute: a short node label, the title in its facts
            data.labels[entity] = f"Art. {number}"
            data.titles[entity] = label
        else:
            data.labels[entity] = label
        if row.get("class"):
            data.classes[entity] = row["class"].removeprefix(RKG)
    for row in sorted(_rows(store, "charges"), key=lambda r: r["charge"]):
        parts = [data.label(row["provision"])]
        if row.get("modifier"):
            parts.append(_tail(row["modifier"]).lower())
        if row.get("method", "").endswith("/inferred"):
            parts.append("inferred from a description")
        data.charges.append(Fact(row["charge"], row["person"], row["article"], "charge",
                                 ", ".join(parts), None, row.get("quote"), row.get("doc"),
                                 (("provision", row["provision"]),)))
    for row in sorted(_rows(store, "sentences"), key=lambda r: r["sentence"]):
        data.sentences.append(Fact(row["sentence"], row["person"], row.get("court"), "sentence",
                                   _sentence_summary(row), row.get("date"), row.get("quote"),
                                   row.get("doc")))
    for row in sorted(_rows(store, "events"), key=lambda r: (r["event"], r["type"])):
        kind = row["type"].removeprefix(RKG)
        extra = tuple((k, row[k]) for k in ("from", "to", "place") if row.get(k))
        data.events.append(Fact(row["event"], row["person"], row.get("to") or row.get("place"),
                                kind, kind, row.get("date"), row.get("quote"), row.get("doc"),
                                extra))
    for row in sorted(_rows(store, "principles"), key=lambda r: r["invocation"]):
        if row.get("person"):
            data.principles.append(Fact(row["invocation"], row["person"], row["principle"],
                                        "principle", data.label(row["principle"]), None,
                                        row.get("quote"), row.get("doc")))
    for row in sorted(_rows(store, "relations"), key=lambda r: r["relation"]):
        kind = _tail(row["type"])
        data.relations.append(Fact(row["relation"], row["subject"], row["object"], kind, kind,
                                   None, row.get("quote"), row.get("doc")))
    _keep_most_specific_event_class(data)
    return data


def _sentence_summary(row: dict[str, str]) -> str:
    kind = _tail(row.get("kind", "sentence"))
    months = row.get("months")
    text = kind
    if months:
        years, rest = divmod(int(months), 12)
        span = " ".join(p for p in (f"{years} y" if years else "", f"{rest} m" if rest else "") if p)
        text = f"{kind}, {span or '0 m'} ({months} months)"
    if row.get("regime"):
        text += f", {_tail(row['regime'])} regime"
    return text


_GENERIC_EVENT_CLASSES = {"Event", "Transfer", "Fact", "Claim"}


def _keep_most_specific_event_class(data: KGData) -> None:
    """An event typed Deportation, Transfer and Event is drawn once, as a Deportation."""
    by_iri: dict[str, list[Fact]] = {}
    for fact in data.events:
        by_iri.setdefault(fact.iri, []).append(fact)
    kept = []
    for facts in by_iri.values():
        specific = [f for f in facts if f.kind not in _GENERIC_EVENT_CLASSES] or facts
        seen_people = set()
        for fact in sorted(specific, key=lambda f: (f.person, f.kind)):
            if fact.person not in seen_people:
                seen_people.add(fact.person)
                kept.append(fact)
    data.events = sorted(kept, key=lambda f: (f.iri, f.person))
