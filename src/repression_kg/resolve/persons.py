"""People across documents: one IRI per person, every merge a recorded judgement.

The resolution key of a name is its first and last word, each folded through the
transliteration variants of :func:`repression_kg.extract.russian.token_key` (Dmitry/
Dmitri/Dmitriy, Aleksandr/Alexander, -sky/-skiy ...), so "Maj. Mikhail Zhilin",
"Mikhail Alekseevich Zhilin" and "Жилин Михаил Алексеевич" (its alias, in Cyrillic
surname-first order) meet, while "Zhilina" (gender stays in the key) does not.

People who share a key but state different birth years are different people: the key
gains the year. A mention without a year joins the only dated person of its key; with
several dated ones it stays apart ("undetermined"), since guessing would merge strangers.
Clusters are computed from all documents at once, and IRIs hash the key, so the order in
which documents arrive never changes an IRI.

A build that reads only some documents is given the people the store already holds from
the others (``prior``: their resolution keys and stated birth years). A dated mention then
joins the stored person whose years it agrees with, and a mention whose year conflicts
with every stored person of its name stays apart under its own year, as it would in one
build of all the documents; the stored people keep their IRIs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from repression_kg.extract.russian import is_cyrillic, name_parts, token_key
from repression_kg.facts import DocumentFacts, Person
from repression_kg.ids import DEFAULT_BASE, entity_iri
from repression_kg.resolve.curated import Clusters, Override

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def person_key(person: Person) -> str:
    """First and last name, folded; a Cyrillic-only name is read surname-first."""
    name = person.name
    if is_cyrillic(name):
        parts = name_parts(name)
        words = [parts.get("first", ""), parts.get("surname", "")]
    else:
        tokens = _WORD.findall(name)
        words = [tokens[0], tokens[-1]] if len(tokens) > 1 else tokens
    return " ".join(token_key(w) for w in words if w)


def base_key(full: str) -> str:
    """The name's key of a full resolution key (``ivan petrov|1961`` → ``ivan petrov``)."""
    return full.split("|", 1)[0]


@dataclass
class Judgement:
    """Why several mentions are one person: the names and documents merged, by which rule."""

    iri: str
    key: str
    rule: str
    label: str = ""  # the display name: the cluster's fullest name (never part of the IRI)
    names: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    corrections: set[str] = field(default_factory=set)  # IRIs of curated merges/splits

    @property
    def reason(self) -> str:
        named = (f"{len(self.documents)} document(s) name this person as "
                 f"{'; '.join(sorted(self.names))}")
        if self.rule.startswith("curated"):
            return f"{named}: {self.rule} by a maintainer (see the correction)"
        extra = "; a maintainer's correction applies" if self.corrections else ""
        return f"{named}: same {self.rule}{extra}"


class PersonResolver:
    """Collect every document's people, then :meth:`finish` and ask for IRIs."""

    def __init__(self, base: str = DEFAULT_BASE, *, overrides: Iterable[Override] = (),
                 prior: Mapping[str, set[int]] | None = None) -> None:
        self.base = base
        self.overrides = list(overrides)
        #: full resolution key → stated birth years, of the people stored from documents
        #: this build does not read
        self.prior: dict[str, set[int]] = dict(prior or {})
        #: correction IRI → why its merge or split did nothing (filled by :meth:`finish`)
        self.problems: dict[str, str] = {}
        self._people: list[tuple[str, Person, str]] = []  # (doc id, person, key)
        self._iris: dict[tuple[str, str], str] = {}
        self.judgements: dict[str, Judgement] = {}

    def add(self, facts: DocumentFacts) -> None:
        for person in facts.persons:
            self._people.append((facts.document.id, person, person_key(person)))

    def finish(self) -> None:
        years: dict[str, set[int]] = defaultdict(set)
        for _, person, key in self._people:
            if person.birth_year:
                years[key].add(person.birth_year)
        stored: dict[str, list[tuple[str, set[int]]]] = defaultdict(list)
        for full, found in sorted(self.prior.items()):
            if "|split:" in full:  # a maintainer's split: its own person, never joined
                continue
            stored[base_key(full)].append((full, found))
            years[base_key(full)].update(found)
        groups = {key: _year_groups(found) for key, found in years.items()}
        people = {(doc_id, person.id): person for doc_id, person, _ in
                  sorted(self._people, key=lambda x: (x[0], x[1].id))}
        assigned: dict[tuple[str, str], str] = {}
        rules: dict[str, str] = {}
        for doc_id, person, key in sorted(self._people, key=lambda x: (x[0], x[1].id)):
            known = groups.get(key, [])
            group = next((g for g in known if person.birth_year in g), set())
            earlier = [f for f, found in stored.get(key, ()) if found and found <= group]
            if len(known) <= 1:
                full, rule = key, "name" + (" and compatible birth year" if known else "")
                if stored.get(key) and not any(f == key for f, _ in stored[key]):
                    full = stored[key][0][0]  # the one stored person of this name
            elif person.birth_year and earlier:
                full, rule = earlier[0], "name and birth year"
            elif person.birth_year:
                full, rule = f"{key}|{min(group)}", "name and birth year"
            else:
                full, rule = f"{key}|undetermined", "name (birth year unknown)"
            assigned[(doc_id, person.id)] = full
            rules.setdefault(full, rule)
        clusters = Clusters(people, assigned, rules, labels=lambda a: _labels(people, a),
                            mint=self._mint)
        clusters.apply(self.overrides)
        self.problems = clusters.problems
        labels = {**_labels(people, assigned), **clusters.kept_labels}
        for mention, full in assigned.items():
            person = people[mention]
            judgement = self.judgements.setdefault(full, Judgement("", full, rules[full]))
            judgement.names.add(person.name)
            judgement.names.update(a for a in person.aliases if a)
            judgement.documents.add(mention[0])
            judgement.corrections |= clusters.corrections.get(full, set())
        for full, judgement in self.judgements.items():
            judgement.iri = self._mint(full)
            judgement.label = labels[full]
        self._iris = {k: self.judgements[v].iri for k, v in assigned.items()}

    def _mint(self, key: str, label: str = "") -> str:
        """The person's IRI: from the resolution key alone (``label`` is ignored)."""
        return entity_iri("person", key, base=self.base)

    def by_name(self, name: str) -> list[str]:
        """IRIs of the people this exact name (or alias, or IRI) denotes, case-insensitively."""
        wanted = " ".join(name.split()).casefold()
        return sorted(j.iri for j in self.judgements.values()
                      if wanted == j.iri.casefold() or any(n.casefold() == wanted for n in j.names))

    def iri(self, doc_id: str, local_id: str) -> str | None:
        return self._iris.get((doc_id, local_id))

    def find(self, query: str) -> list[Judgement]:
        """Judgements whose IRI, key or any merged name matches ``query`` (case-insensitive)."""
        q = query.casefold().strip()
        return [j for j in self.judgements.values()
                if q == j.iri.casefold() or q in j.key or any(q in n.casefold() for n in j.names)]


def _year_groups(years: set[int]) -> list[set[int]]:
    """Birth years that may be one person's: an age gives the year give or take one."""
    groups: list[set[int]] = []
    for year in sorted(years):
        if groups and year - max(groups[-1]) <= 1:
            groups[-1].add(year)
        else:
            groups.append({year})
    return groups


def _labels(people: dict[tuple[str, str], Person], assigned: dict[tuple[str, str], str],
            ) -> dict[str, str]:
    """Each cluster's display name: its fullest name, first met in (document, id) order."""
    labels: dict[str, str] = {}
    for mention, full in sorted(assigned.items()):
        name = people[mention].name
        labels.setdefault(full, name)
        if len(_WORD.findall(name)) > len(_WORD.findall(labels[full])):
            labels[full] = name
    return labels

