"""A maintainer's merge and split judgements, applied inside person resolution.

They act on the clusters of mentions before any IRI is minted, so every document graph,
the resolution graph and the curated graph agree on the IRIs that come out.

* ``split [A, B, …]``: mentions named (or aliased) B leave the cluster they share with A
  and form their own, keyed ``<key>|split:<b>``; mentions that match neither stay with A.
* ``merge [A, B, …]``: the clusters that A, B … name (a name, or a person IRI as the
  resolver would mint it) become one, under A's key, so A's IRI is kept.

An override that finds nothing to do (a name no document uses, people already apart or
already one) is reported in ``problems``, never silently dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from repression_kg.facts import Person

Mention = tuple[str, str]  # (document id, local person id)


@dataclass(frozen=True)
class Override:
    """One curated judgement: ``merge`` or ``split`` these names; ``source`` is the IRI of
    the correction that asks for it (recorded with the judgement)."""

    action: str
    names: tuple[str, ...]
    source: str


def _named(person: Person, name: str) -> bool:
    wanted = name.casefold()
    return person.name.casefold() == wanted or any(a.casefold() == wanted for a in person.aliases)


class Clusters:
    """Mentions → cluster keys, with the rule and the corrections behind each cluster."""

    def __init__(self, people: dict[Mention, Person], assigned: dict[Mention, str],
                 rules: dict[str, str], *, labels: Callable[[dict[Mention, str]], dict[str, str]],
                 mint: Callable[[str, str], str]) -> None:
        self.people = people
        self.assigned = assigned
        self.rules = rules
        self.labels = labels
        self.mint = mint
        #: display names kept through a merge (so the first name's IRI is kept)
        self.kept_labels: dict[str, str] = {}
        self.corrections: dict[str, set[str]] = defaultdict(set)
        self.problems: dict[str, str] = {}

    def apply(self, overrides: list[Override]) -> None:
        """Splits first (they refine clusters), then merges, each in file order."""
        for ov in sorted(overrides, key=lambda o: o.action != "split"):
            problem = self.split(ov) if ov.action == "split" else self.merge(ov)
            if problem:
                self.problems[ov.source] = problem

    def _mentions(self, name: str) -> set[Mention]:
        return {m for m, p in self.people.items() if _named(p, name)}

    def split(self, ov: Override) -> str | None:
        hits = [self._mentions(n) for n in ov.names]
        for name, hit in zip(ov.names, hits, strict=True):
            if not hit:
                return f"no person is named {name!r} in the documents built"
        shared = set.intersection(*({self.assigned[m] for m in hit} for hit in hits))
        if not shared:
            return "the resolver already keeps these names apart"
        for key in sorted(shared):
            for name, hit in zip(ov.names[1:], hits[1:], strict=True):
                new = f"{key}|split:{name.casefold()}"
                for m in sorted(hit - hits[0]):
                    if self.assigned[m] == key:
                        self.assigned[m] = new
                self.rules[new] = "curated split"
                self.corrections[new].add(ov.source)
            self.corrections[key].add(ov.source)
        return None

    def merge(self, ov: Override) -> str | None:
        targets = []
        for name in ov.names:
            if name.startswith(("http://", "https://")):
                labels = {**self.labels(self.assigned), **self.kept_labels}
                keys = {k for k in set(self.assigned.values()) if self.mint(k, labels[k]) == name}
            else:
                keys = {self.assigned[m] for m in self._mentions(name)}
            if not keys:
                return f"no person is named {name!r} in the documents built"
            if len(keys) > 1:
                return (f"{name!r} names {len(keys)} different people; give the IRI of the "
                        "one to merge")
            targets.append(keys.pop())
        if len(set(targets)) == 1:
            return "these names are already one person"
        into = targets[0]
        self.kept_labels.setdefault(into, self.labels(self.assigned)[into])
        for m, key in self.assigned.items():
            if key in targets[1:]:
                self.assigned[m] = into
        for key in targets[1:]:
            self.corrections[into] |= self.corrections.pop(key, set())
        self.rules[into] = "curated merge"
        self.corrections[into].add(ov.source)
        return None
