"""The rule files of ontology/rules/: read, checked, and what each one reads.

A rule is a SPARQL CONSTRUCT query. Its first line may carry flags (``#! linear closed
python:schema``): ``linear`` rules join one data triple with the ontology's axioms only, so
a later round applies them to the newly inferred triples alone; ``closed`` ones already
give everything that follows from their own output; ``python:NAME`` says the engine
evaluates the rule with the Python evaluator NAME (compiled from the ontology, see
:mod:`repression_kg.reason.schema`) instead of running the query, which stays the rule's
specification (tests/test_reason.py checks the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from repression_kg.ids import REF
from repression_kg.ontology.files import rule_files


class RuleError(Exception):
    """A rule file cannot be read or is not a valid CONSTRUCT query (names the file)."""


@dataclass(frozen=True)
class Rule:
    """One CONSTRUCT query from ontology/rules/.

    ``mentions`` are the IRIs the rule reads (None: it reads any predicate or class), so a
    rule is re-run only when something it reads was inferred since its last run.
    ``evaluator`` names the Python evaluator that stands for the query (None: the query).
    """

    name: str
    query: str
    linear: bool = False
    closed: bool = False
    mentions: frozenset[str] | None = None
    evaluator: str | None = None

    @property
    def iri(self) -> str:
        return f"{REF}rule/{self.name}"


_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.I)
_PNAME = re.compile(r"(?<![\w<?$])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)")
_VARIABLE_TERM = re.compile(r"\?\w+\s+(?:a|\?\w+)\s+\?\w+|\s\?\w+\s+\?\w+\s+\?\w+|\sa\s+\?\w+")
# A constant bound to a variable (``BIND(rkg:SentencedPerson AS ?defined)``) is not read.
_BIND_CONSTANT = re.compile(r"BIND\s*\(\s*(?:<[^>]*>|[A-Za-z][\w-]*:[\w-]+)\s+AS\s+\?\w+\s*\)", re.I)


def _mentions(text: str) -> frozenset[str] | None:
    body = "\n".join(line.split("#", 1)[0] if not line.lstrip().startswith("PREFIX") else line
                     for line in text.splitlines())
    where = _BIND_CONSTANT.sub(" ", body[body.upper().find("WHERE"):])
    if _VARIABLE_TERM.search(" " + where):
        return None
    prefixes = dict(_PREFIX.findall(body))
    iris = set(re.findall(r"<([^>]+)>", where))
    iris |= {prefixes[p] + local for p, local in _PNAME.findall(where) if p in prefixes}
    return frozenset(iris)


def load_rules(paths: Iterable[Path] | None = None) -> list[Rule]:
    """Read the rule files (default: ontology/rules/*.rq) and check each is a CONSTRUCT."""
    rules = []
    for path in sorted(paths) if paths is not None else rule_files():
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleError(f"{path}: cannot read: {exc}") from exc
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        if "CONSTRUCT" not in body.upper():
            raise RuleError(f"{path}: a rule must be a SPARQL CONSTRUCT query")
        header = text.splitlines()[0].split() if text.startswith("#!") else []
        linear, closed = "linear" in header, "closed" in header
        evaluator = next((flag.split(":", 1)[1] for flag in header if flag.startswith("python:")), None)
        rules.append(Rule(path.stem, text, linear, closed, None if linear else _mentions(text), evaluator))
    return rules
