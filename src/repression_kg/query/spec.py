"""The query library as data: each ``queries/*.rq`` file and its header comment.

A header is the run of comment lines at the top of the file. ``# key: value`` lines give
fields; an indented comment line continues the previous field. Known keys:

* ``title`` — one line; ``description`` — one paragraph;
* ``param`` — one per parameter: ``NAME | TYPE | DEFAULT | description`` where TYPE is one
  of :data:`TYPES` (or ``choice(a,b)``) and DEFAULT is a value, ``optional`` (unbound when
  not given: the query answers for everything) or ``required``;
* ``median`` — ``LIST_VAR -> OUT_VAR``: a post-processing step computing the median of a
  space-separated ``GROUP_CONCAT`` column in Python (portable SPARQL has no median);
* ``question`` — the number of the competency question in docs/competency-questions.md.

>>> spec = parse_spec("demo", '''# title: People by statute
... # description: Who was charged
... #   under it.
... # param: statute | string | 205.2 | article number
... SELECT ?p WHERE { ?p ?q ?r }''')
>>> spec.title, spec.description, spec.params[0].default
('People by statute', 'Who was charged under it.', '205.2')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from repression_kg.resources import queries_dir

TYPES = ("string", "iri", "integer", "decimal", "date", "boolean")
_FIELD = re.compile(r"#\s?(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"#\s{2,}(?P<value>\S.*)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CHOICE = re.compile(r"^choice\((?P<options>[^)]*)\)$")


class QuerySpecError(ValueError):
    """A .rq file whose header cannot be read (names the file and the problem)."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    required: bool = False
    description: str = ""
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        kind = f"one of {', '.join(self.choices)}" if self.choices else self.type
        if self.required:
            when = "required"
        elif self.default is None:
            when = "optional"
        else:
            when = f"default {self.default!r}"
        return f"{self.name} ({kind}; {when})"


@dataclass(frozen=True)
class Median:
    source: str
    target: str


@dataclass(frozen=True)
class QuerySpec:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    medians: tuple[Median, ...] = ()
    path: Path | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def signature(self) -> str:
        return ", ".join(p.describe() for p in self.params) or "no parameters"


def _header_fields(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    key: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        cont = _CONTINUATION.match(stripped)
        match = _FIELD.match(stripped)
        if cont and key is not None:
            fields[key][-1] = f"{fields[key][-1]} {cont.group('value').strip()}".strip()
        elif match:
            key = match.group("key").lower()
            fields.setdefault(key, []).append(match.group("value").strip())
        else:
            key = None
    return fields


def _parse_param(name: str, line: str) -> Param:
    parts = [p.strip() for p in line.split("|", 3)]
    if len(parts) < 3:
        raise QuerySpecError(f"{name}: parameter line {line!r} needs 'NAME | TYPE | DEFAULT | description'")
    pname, ptype, default = parts[0], parts[1], parts[2]
    description = parts[3] if len(parts) > 3 else ""
    if not _NAME.match(pname):
        raise QuerySpecError(f"{name}: parameter name {pname!r} is not a SPARQL variable name")
    choices: tuple[str, ...] = ()
    choice = _CHOICE.match(ptype)
    if choice:
        choices = tuple(o.strip() for o in choice.group("options").split(",") if o.strip())
        ptype = "string"
    elif ptype not in TYPES:
        raise QuerySpecError(f"{name}: parameter {pname!r} has unknown type {ptype!r} (one of {', '.join(TYPES)})")
    if default == "required":
        return Param(pname, ptype, None, True, description, choices)
    if default == "optional":
        return Param(pname, ptype, None, False, description, choices)
    return Param(pname, ptype, default.strip('"'), False, description, choices)


def parse_spec(name: str, text: str, path: Path | None = None) -> QuerySpec:
    """Read the header of one query; raise :class:`QuerySpecError` naming what is wrong."""
    fields = _header_fields(text)
    params = tuple(_parse_param(name, line) for line in fields.pop("param", []))
    seen = [p.name for p in params]
    if len(set(seen)) != len(seen):
        raise QuerySpecError(f"{name}: a parameter is declared twice ({', '.join(seen)})")
    medians = []
    for line in fields.pop("median", []):
        source, arrow, target = line.partition("->")
        if not arrow or not _NAME.match(source.strip()) or not _NAME.match(target.strip()):
            raise QuerySpecError(f"{name}: median line {line!r} must read 'LIST_VAR -> OUT_VAR'")
        medians.append(Median(source.strip(), target.strip()))
    title = " ".join(fields.pop("title", [])) or name.replace("-", " ")
    description = " ".join(fields.pop("description", []))
    rest = {k: "\n".join(v) for k, v in fields.items()}
    return QuerySpec(name, title, description, text, params, tuple(medians), path, rest)


def load_file(path: Path) -> QuerySpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuerySpecError(f"{path}: cannot read the query: {exc}") from exc
    return parse_spec(path.stem, text, path)


def load_library(directory: Path | None = None) -> dict[str, QuerySpec]:
    """Every ``.rq`` of the library by name (default folder: queries/)."""
    folder = directory or queries_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: load_file(p) for p in sorted(folder.glob("*.rq"))}
