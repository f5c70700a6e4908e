"""Score extracted facts against gold annotations: precision, recall and F1 per fact type.

Gold format: one JSON object per document, documented in corpus/README.md (fact lists
as in the facts contract, with person names instead of local ids, and no spans).

Matching keys, per document (each gold fact matches at most one predicted fact):

- persons: normalised name or any alias (casefold, diacritics stripped, transliteration
  variants folded by :func:`repression_kg.extract.russian.name_key`; a second, looser key
  drops patronymics and word order);
- charges: (person, code, article, part, modifier); sentences: (person, kind, months);
  transfers: (type, person, from, to) for extradition and deportation events (a gold
  ``type`` may list both when the document calls one transfer by both names);
- courts: (type, city) or normalised name or alias (a leading article and a trailing
  "of <city>" dropped, "the Russian Federation" read as "Russia", "Saint" as "St");
  organisations: normalised name or alias, or the entry of organisations.yml that a name
  is a form of ("FSB" and "Federal Security Service" are one organisation);
  principles: the principle id.

A fact's person is the gold person its name matches, so a charge is right only when it
is attached to the right person.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, get_args

from repression_kg.extract import organisations_known
from repression_kg.extract.russian import name_key
from repression_kg.facts import (
    CourtType,
    DocumentFacts,
    Modifier,
    PersonRole,
    PrincipleId,
    Regime,
    SentenceKind,
)

TYPES = ("persons", "charges", "sentences", "transfers", "courts", "organisations",
         "principles")
TRANSFER_TYPES = ("extradition", "deportation")
_GENERIC_COURT_WORDS = {"supreme", "court", "regional", "district", "city", "military",
                        "appeal", "appeals", "cassation", "garrison", "constitutional"}
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|ич|вна)$")


_ENUMS = [("persons", "roles", get_args(PersonRole)), ("sentences", "kind", get_args(SentenceKind)),
          ("sentences", "regime", get_args(Regime)), ("charges", "modifier", get_args(Modifier)),
          ("courts", "type", get_args(CourtType)), ("transfers", "type", TRANSFER_TYPES),
          ("principles", "id", get_args(PrincipleId))]


class GoldError(ValueError):
    """A gold file that cannot be used; ``str()`` names the file and the problem."""


def fold(text: str | None) -> str:
    """Casefolded, diacritic-free, single-spaced text (``Ё`` → ``е``, ``’`` → ``'``)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\"'«»“”.,]", " ", text).casefold().split())


def court_key(name: str) -> str:
    """A court name without a leading article or a trailing "of <city>"."""
    # "of the Russian Federation" and "of Russia" name the same court
    key = re.sub(r"^the ", "", fold(name)).replace("the russian federation", "russia")
    short = re.sub(r"(court|суд) (of|in) [\w\s-]+$", r"\1", key)
    # "Supreme Court of Crimea" keeps its "of": without it nothing names the court
    return short if set(short.split()) - _GENERIC_COURT_WORDS else key


def _city_key(city: str) -> str:
    """A city's name folded, "Saint" and "St" alike ("St Petersburg")."""
    return re.sub(r"^(?:saint|st)\b\s*", "st ", fold(city))


def person_keys(names: Iterable[str]) -> set[str]:
    """Exact and loose comparison keys of a person's name and aliases."""
    keys: set[str] = set()
    for name in names:
        if not name or not name.strip():
            continue
        key = name_key(fold(name))
        keys.add(key)
        tokens = [t for t in key.split() if not _PATRONYMIC.search(t)]
        keys.add("~" + " ".join(sorted(tokens)))
    return keys


@dataclass
class Score:
    """Counts of one fact type, with the unmatched items for ``--show-errors``."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)
    #: attribute → [agreeing, compared] over the matched pairs whose gold states it
    attributes: dict[str, list[int]] = field(default_factory=dict)
    #: (document, label, attribute, gold value, predicted value) of each disagreement
    wrong_attributes: list[tuple[str, str, str, Any, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        agree, total = self.attributes.get(attribute, (0, 0))
        return agree / total if total else 1.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                               "precision": round(self.precision, 4),
                               "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
        compared = {a: {"agree": n, "compared": t, "accuracy": round(n / t, 4)}
                    for a, (n, t) in self.attributes.items() if t}
        if compared:
            out["attributes"] = compared
        return out


@dataclass
class _Item:
    label: str            # shown in error lists
    keys: tuple[Any, ...]  # any equal key matches
    #: attributes compared once matched (a gold item holds only those its gold states)
    attrs: dict[str, Any] = field(default_factory=dict)


def _match(doc: str, gold: list[_Item], pred: list[_Item], score: Score) -> None:
    """One-to-one greedy matching: a predicted item takes the first unmatched gold item."""
    free = list(gold)
    for item in pred:
        hit = next((g for g in free if set(g.keys) & set(item.keys)), None)
        if hit is None:
            score.fp += 1
            score.false_positives.append((doc, item.label))
        else:
            free.remove(hit)
            score.tp += 1
            for name, want in hit.attrs.items():
                got = item.attrs.get(name)
                counts = score.attributes.setdefault(name, [0, 0])
                counts[1] += 1
                if got == want:
                    counts[0] += 1
                else:
                    score.wrong_attributes.append((doc, hit.label, name, want, got))
    score.fn += len(free)
    score.false_negatives.extend((doc, g.label) for g in free)


class _People:
    """Gold persons of one document and the mapping of predicted persons onto them."""

    def __init__(self, gold_persons: list[dict[str, Any]]) -> None:
        self.keys = [person_keys([p["name"], *p.get("aliases", [])]) for p in gold_persons]
        self.names = [p["name"] for p in gold_persons]

    def of_names(self, names: Iterable[str]) -> str:
        """The gold name these names match, else a marker that matches nothing gold."""
        keys = person_keys(names)
        exact = {k for k in keys if not k.startswith("~")}
        for want in (exact, keys):
            for i, gk in enumerate(self.keys):
                if gk & want:
                    return self.names[i]
        first = next(iter(names), "") or "?"
        return f"?{first}"


#: the attributes compared on matched facts, per type (not part of the matching keys)
ATTRIBUTES = {"persons": ("birth_year",), "charges": ("stated_by_number",),
              "sentences": ("regime", "date"), "transfers": ("date",)}


def _gold_items(kind: str, g: dict[str, Any], people: _People) -> list[_Item]:
    items = []
    for f in g.get(kind) or []:
        if kind == "persons":
            item = _Item(f["name"], tuple(person_keys([f["name"], *f.get("aliases", [])])))
        elif kind == "principles":
            item = _Item(f, (f,))
        else:
            item = _fact_item(kind, f, people.of_names([f["person"]])
                              if "person" in f else None)
        if isinstance(f, dict):
            item.attrs = {a: f[a] for a in ATTRIBUTES.get(kind, ()) if a in f}
        items.append(item)
    return items


def _with(item: _Item, **attrs: Any) -> _Item:
    item.attrs = attrs
    return item


def _fact_item(kind: str, f: dict[str, Any], person: str | None) -> _Item:
    if kind == "charges":
        key = (person, f.get("code") or "RU-CC", str(f["article"]),
               str(f["part"]) if f.get("part") else None, f.get("modifier"))
        return _Item(f"{person}: {key[1]} {key[2]}" + (f" part {key[3]}" if key[3] else "")
                     + (f" ({key[4]})" if key[4] else ""), (key,))
    if kind == "sentences":
        key = (person, f["kind"], f.get("months"))
        return _Item(f"{person}: {f['kind']} {f.get('months')} months", (key,))
    if kind == "transfers":
        types = f["type"] if isinstance(f["type"], list) else [f["type"]]
        keys = tuple((t, person, fold(f.get("from")), fold(f.get("to"))) for t in types)
        return _Item(f"{person}: {'/'.join(types)} {f.get('from')} -> {f.get('to')}", keys)
    if kind == "courts":
        keys: list[Any] = [("name", court_key(n)) for n in [f["name"], *f.get("aliases", [])]]
        if f.get("city"):
            keys.append((f.get("type"), _city_key(f["city"])))
        return _Item(f"{f['name']} ({f.get('type')}, {f.get('city')})", tuple(keys))
    if kind == "organisations":
        names = [f["name"], *f.get("aliases", [])]
        entries = _organisation_entries()
        keys = [("org", fold(n)) for n in names]
        keys += [("entry", entries[fold(n)]) for n in names if fold(n) in entries]
        return _Item(f["name"], tuple(keys))
    raise ValueError(kind)


@cache
def _organisation_entries() -> dict[str, str]:
    """Folded name, Russian name and forms of each organisations.yml entry → its key."""
    out: dict[str, str] = {}
    for key, entry in organisations_known.table()[1].items():
        for name in [entry.get("name"), entry.get("ru"), *(entry.get("forms") or [])]:
            if name:
                out.setdefault(fold(str(name)), key)
    return out


def _pred_items(kind: str, facts: DocumentFacts, people: _People) -> list[_Item]:
    names = {p.id: [p.name, *p.aliases] for p in facts.persons}

    def who(pid: str | None) -> str | None:
        return people.of_names(names.get(pid or "", [])) if pid else None

    if kind == "persons":
        return [_with(_Item(p.name, tuple(person_keys([p.name, *p.aliases]))),
                      birth_year=p.birth_year) for p in facts.persons]
    if kind == "principles":
        return [_Item(i, (i,)) for i in dict.fromkeys(p.id for p in facts.principles)]
    if kind == "charges":
        return [_with(_fact_item(kind, {"code": c.code, "article": c.article, "part": c.part,
                                        "modifier": c.modifier}, who(c.person)),
                      stated_by_number=c.stated_by_number) for c in facts.charges]
    if kind == "sentences":
        return [_with(_fact_item(kind, {"kind": s.kind, "months": s.months}, who(s.person)),
                      regime=s.regime, date=s.date) for s in facts.sentences]
    if kind == "transfers":
        return [_with(_fact_item(kind, {"type": e.type, "from": e.from_country,
                                        "to": e.to_country}, who(e.person)), date=e.date)
                for e in facts.events if e.type in TRANSFER_TYPES]
    if kind == "courts":
        return [_fact_item(kind, {"name": c.name, "type": c.type, "city": c.city}, None)
                for c in facts.courts]
    return [_fact_item(kind, {"name": o.name}, None) for o in facts.organisations]


def score(gold: dict[str, dict[str, Any]],
          predicted: dict[str, DocumentFacts]) -> dict[str, Score]:
    """Scores per fact type over all gold documents (micro-averaged).

    A gold document with no prediction counts all its facts as false negatives;
    predictions for documents without gold are ignored.
    """
    scores = {t: Score() for t in TYPES}
    for doc_id in sorted(gold):
        g = gold[doc_id]
        people = _People(g.get("persons") or [])
        facts = predicted.get(doc_id)
        for kind in TYPES:
            pred = _pred_items(kind, facts, people) if facts is not None else []
            _match(doc_id, _gold_items(kind, g, people), pred, scores[kind])
    return scores


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold annotations by document id from a JSON file or a directory of them."""
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if p.is_dir() and not files:
        raise GoldError(f"{p}: no *.json gold files")
    out: dict[str, dict[str, Any]] = {}
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{f}: cannot read gold JSON ({exc})") from exc
        for entry in data if isinstance(data, list) else [data]:
            _check(f, entry)
            if entry["document"] in out:
                raise GoldError(f"{f}: duplicate gold for document {entry['document']!r}")
            out[entry["document"]] = entry
    return out


def _check(f: Path, entry: Any) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("document"), str):
        raise GoldError(f"{f}: a gold entry needs a \"document\" id")
    unknown = set(entry) - {"document", "note", *TYPES}
    if unknown:
        raise GoldError(f"{f}: unknown gold keys {sorted(unknown)}")
    for kind in TYPES:
        if not isinstance(entry.get(kind, []), list):
            raise GoldError(f"{f}: {kind!r} must be a list")
    for p in entry.get("persons", []):
        if not isinstance(p, dict) or not p.get("name"):
            raise GoldError(f"{f}: every person needs a name")
    for kind, fld, allowed in _ENUMS:
        for fact in entry.get(kind, []):
            values = fact if kind == "principles" else (fact or {}).get(fld)
            for v in values if isinstance(values, list) else [values]:
                if v is not None and v not in allowed:
                    raise GoldError(f"{f}: {kind} {fld} {v!r} is not one of the contract's")
    names = person_keys(n for p in entry.get("persons", [])
                        for n in [p["name"], *p.get("aliases", [])])
    for kind in ("charges", "sentences", "transfers"):
        for fact in entry.get(kind, []):
            if not isinstance(fact, dict) or not person_keys([fact.get("person") or ""]) & names:
                raise GoldError(f"{f}: {kind} fact {fact!r} names no annotated person")


def load_predictions(path: str | Path, *, jobs: int = 1,
                     errors: list[str] | None = None) -> dict[str, DocumentFacts]:
    """Facts by document id: a ``.jsonl`` of `rkg extract` output, or documents to extract.

    Documents that cannot be read are skipped with a one-line message in ``errors``.
    """
    from repression_kg.ingest import extract_paths

    p = Path(path)
    out: dict[str, DocumentFacts] = {}
    if p.is_file() and p.suffix == ".jsonl":
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                facts = DocumentFacts.from_json(line)
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldError(f"{p}:{n}: not a facts line ({exc})") from exc
            out[facts.document.id] = facts
        return out
    for _, result in extract_paths([p], jobs=jobs):
        if isinstance(result, str):
            if errors is not None:
                errors.append(result)
        else:
            out[result.document.id] = result
    return out
