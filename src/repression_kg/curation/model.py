"""The corrections file: a maintainer's judgements that override the machine.

A YAML file (format in docs/curation.md) with a list of entries; each names who made it,
when (an ISO date) and why, and one action: ``add`` a fact, ``retract`` an extracted
fact, ``merge`` people the resolver kept apart, or ``split`` names it would merge. Parsing
checks everything it can without the documents, so a malformed file is one clear line
(naming the file and the entry) before anything touches the store.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from repression_kg import facts, ids

DEFAULT_NAME = "corrections.yml"
ACTIONS = ("add", "retract", "merge", "split")
#: fact kinds a retraction can name: the kind segment of a fact IRI (``doc/D/charge/…``)
RETRACT_KINDS = ("charge", "sentence", "event", "relation", "principle", "designation",
                 "recognition")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_IRI = re.compile(r"^https?://\S+$")


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: we check them ourselves, with a clear message."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class CorrectionsError(Exception):
    """The corrections file cannot be used: one line naming the file, the entry and why."""


def _values(alias: object) -> tuple[str, ...]:
    return tuple(typing.get_args(alias))


#: what ``add`` accepts: kind → {field: (required, allowed values or a type name)}
ADD_FIELDS: dict[str, dict[str, tuple[bool, object]]] = {
    "charge": {"person": (True, "name"), "article": (True, "number"), "code": (False, "text"),
               "part": (False, "number"), "modifier": (False, _values(facts.Modifier))},
    "sentence": {"person": (True, "name"), "kind": (False, _values(facts.SentenceKind)),
                 "months": (False, "count"), "regime": (False, _values(facts.Regime)),
                 "date": (False, "date")},
    "event": {"type": (True, _values(facts.EventType)), "person": (True, "name"),
              "date": (False, "date"), "place": (False, "text"),
              "from_country": (False, "text"), "to_country": (False, "text")},
    "relation": {"subject": (True, "name"), "type": (True, _values(facts.RelationType)),
                 "object": (True, "name")},
    "person": {"name": (True, "name"), "birth_year": (False, "year"),
               "aliases": (False, "names")},
}
DEFAULTS = {"charge": {"code": "RU-CC"}, "sentence": {"kind": "imprisonment"}}


@dataclass(frozen=True)
class Correction:
    """One entry: who, when, why and one action with its (normalised) target."""

    index: int  # 1-based position in the file
    who: str
    when: str
    why: str
    action: str
    target: Any  # add/retract: a dict; merge/split: a list of names (or person IRIs)
    source: str = DEFAULT_NAME

    @property
    def name(self) -> str:
        """How messages refer to the entry: ``corrections.yml entry #3 (retract)``."""
        return f"{self.source} entry #{self.index} ({self.action})"

    def as_dict(self) -> dict[str, Any]:
        return {"who": self.who, "when": self.when, "why": self.why, self.action: self.target}

    @property
    def key(self) -> str:
        """Canonical JSON of the entry: what its IRI hashes."""
        return json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False)

    def iri(self, base: str = ids.DEFAULT_BASE) -> str:
        return ids.correction_iri(self.key, base=base)

    def describe(self) -> str:
        """A one-line summary of what the entry does, for labels and reports."""
        t = self.target
        if self.action in ("merge", "split"):
            return f"{self.action} " + " + ".join(repr(n) for n in t)
        if self.action == "retract":
            what = t.get("iri") or f"quoting {t['quote']!r}"
            return f"retract {t.get('kind', 'fact')} of document {t.get('document', '?')} {what}"
        kind = next(k for k in ADD_FIELDS if k in t)
        fields = ", ".join(f"{k}={v}" for k, v in sorted(t[kind].items()))
        return f"add {kind}: {fields}"


@dataclass
class Corrections:
    """The entries of one corrections file, in file order."""

    source: str
    entries: list[Correction] = field(default_factory=list)

    def of(self, action: str) -> list[Correction]:
        return [c for c in self.entries if c.action == action]

    def canonical(self) -> str:
        """All entries as canonical JSON (kept in the store to re-apply without the file)."""
        return json.dumps([c.as_dict() for c in self.entries], sort_keys=True, ensure_ascii=False)


def load_corrections(path: str | Path) -> Corrections:
    """Read and check a corrections file; :class:`CorrectionsError` names what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: cannot read the corrections file: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorrectionsError(f"{path}: not valid YAML{where}: {problem}") from exc
    return parse_corrections(data, str(path))


def parse_corrections(data: object, source: str) -> Corrections:
    """Entries from parsed YAML or JSON: ``{corrections: [...]}``, a bare list, or nothing."""
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"corrections", "version"})
        if unknown:
            raise CorrectionsError(f"{source}: unknown top-level key(s) {', '.join(map(str, unknown))}"
                                   " (expected 'corrections:')")
        data = data.get("corrections")
    if data is None:
        return Corrections(source)
    if not isinstance(data, list):
        raise CorrectionsError(f"{source}: 'corrections' must be a list of entries")
    name = Path(source).name
    return Corrections(source, [_entry(item, i, name, source) for i, item in enumerate(data, 1)])


def _entry(item: object, index: int, name: str, source: str) -> Correction:
    def fail(problem: str) -> CorrectionsError:
        return CorrectionsError(f"{source}: entry #{index}: {problem}")

    if not isinstance(item, dict):
        raise fail("an entry is a mapping with who, when, why and one action")
    unknown = sorted(set(map(str, item)) - {"who", "when", "why", *ACTIONS})
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}")
    for key in ("who", "why"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise fail(f"'{key}' is required (a non-empty text)")
    when = item.get("when")
    if isinstance(when, dt.datetime):
        when = when.date()
    if isinstance(when, dt.date):
        when = when.isoformat()
    if not isinstance(when, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.strip()):
        raise fail("'when' is required, an ISO date such as 2024-05-02")
    try:
        dt.date.fromisoformat(when.strip())
    except ValueError as exc:
        raise fail(f"'when' is not a real date: {when}") from exc
    actions = [a for a in ACTIONS if a in item]
    if len(actions) != 1:
        raise fail("an entry has exactly one action: add, retract, merge or split")
    action = actions[0]
    try:
        target = _TARGETS[action](item[action])
    except ValueError as exc:
        raise fail(f"{action}: {exc}") from exc
    return Correction(index, item["who"].strip(), when.strip(), " ".join(item["why"].split()),
                      action, target, name)


def _names(value: object, *, iris: bool) -> list[str]:
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError("give a list of at least two person names" + (" or IRIs" if iris else ""))
    out = []
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"{v!r} is not a name")
        if not iris and _IRI.match(v.strip()):
            raise ValueError(f"{v!r}: split names, not IRIs (one IRI is one person already)")
        out.append(" ".join(v.split()))
    if len({n.casefold() for n in out}) < len(out):
        raise ValueError("the same name is given twice")
    return out


def _retract(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("give a mapping: document, kind and quote (or the fact's iri)")
    unknown = sorted(set(map(str, value)) - {"document", "kind", "quote", "iri"})
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}")
    out = {k: " ".join(str(v).split()) for k, v in value.items() if v is not None}
    if "iri" in out:
        if not _IRI.match(out["iri"]) or "/doc/" not in out["iri"]:
            raise ValueError(f"iri {out['iri']!r} is not the IRI of a document's fact")
        return out
    missing = [k for k in ("document", "kind", "quote") if not out.get(k)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)} (or give the fact's iri)")
    if out["kind"] not in RETRACT_KINDS:
        raise ValueError(f"kind {out['kind']!r} is not one of {', '.join(RETRACT_KINDS)}")
    return out


def _add(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"give a mapping with one of {', '.join(ADD_FIELDS)} (and an optional source)")
    kinds = [k for k in ADD_FIELDS if k in value]
    unknown = sorted(set(map(str, value)) - set(ADD_FIELDS) - {"source"})
    if unknown or len(kinds) != 1:
        raise ValueError(f"give exactly one of {', '.join(ADD_FIELDS)} (and an optional source)"
                         + (f"; unknown key(s) {', '.join(unknown)}" if unknown else ""))
    kind = kinds[0]
    out: dict[str, Any] = {kind: _fields(kind, value[kind])}
    if value.get("source") is not None:
        out["source"] = _source(value["source"])
    return out


def _fields(kind: str, value: object) -> dict[str, Any]:
    spec = ADD_FIELDS[kind]
    if not isinstance(value, dict):
        raise ValueError(f"{kind}: give a mapping of {', '.join(spec)}")
    unknown = sorted(set(map(str, value)) - set(spec))
    if unknown:
        raise ValueError(f"{kind}: unknown field(s) {', '.join(unknown)}")
    out: dict[str, Any] = dict(DEFAULTS.get(kind, {}))
    for name, (required, allowed) in spec.items():
        raw = value.get(name)
        if raw is None:
            if required:
                raise ValueError(f"{kind}: '{name}' is required")
            continue
        out[name] = _value(f"{kind}.{name}", raw, allowed)
    if kind == "person" and not {"birth_year", "aliases"} & set(out):
        raise ValueError("person: give birth_year or aliases to add")
    return out


def _value(name: str, raw: object, allowed: object) -> object:
    if isinstance(allowed, tuple):
        if raw not in allowed:
            raise ValueError(f"{name}: {raw!r} is not one of {', '.join(allowed)}")
        return raw
    if allowed in ("name", "text") and isinstance(raw, str) and raw.strip():
        return " ".join(raw.split())
    if allowed == "number":
        if isinstance(raw, float):
            raise ValueError(f"{name}: write {raw} in quotes ('{raw}'): YAML reads it as a number")
        if isinstance(raw, (int, str)) and not isinstance(raw, bool) and str(raw).strip():
            return str(raw).strip()
    if allowed in ("count", "year") and isinstance(raw, int) and not isinstance(raw, bool):
        if allowed == "count" and raw >= 0 or allowed == "year" and 1880 <= raw <= 2030:
            return raw
    if allowed == "date":
        text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
        if _DATE.match(text):
            return text
        raise ValueError(f"{name}: {raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if allowed == "names":
        names = [raw] if isinstance(raw, str) else raw
        if isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names):
            return [" ".join(n.split()) for n in names]
    raise ValueError(f"{name}: {raw!r} is not a valid {allowed}")


def _source(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not ({"document", "url"} & set(value)) or \
            set(map(str, value)) - {"document", "url", "quote"}:
        raise ValueError("source: give document (an id) or url, and optionally quote")
    out = {k: " ".join(str(v).split()) for k, v in value.items() if v is not None}
    if "url" in out and not _IRI.match(out["url"]):
        raise ValueError(f"source: url {out['url']!r} is not an http(s) URL")
    return out


_TARGETS: dict[str, typing.Callable[[object], Any]] = {"add": _add, "retract": _retract,
            "merge": lambda v: _names(v, iris=True), "split": lambda v: _names(v, iris=False)}


def find_corrections_file(paths: typing.Iterable[str | Path], cwd: Path | None = None) -> Path | None:
    """The default corrections file: ``corrections.yml`` in the current directory, else in
    the first built folder that has one (for a file: its folder)."""
    candidates = [(cwd or Path.cwd()) / DEFAULT_NAME]
    for p in map(Path, paths):
        candidates.append((p if p.is_dir() else p.parent) / DEFAULT_NAME)
    return next((c for c in candidates if c.is_file()), None)
