"""The named queries of queries/*.rq, for the query page (one click loads one).

Each file's leading comment lines are its header: ``# key: value`` lines give the title,
description and parameters; other comment lines continue the previous key. The file name
is the query's name and the fallback title.

>>> spec = parse("q", "# title: People by statute\\n# description: Who was charged\\n#   under it.\\nSELECT * {}")
>>> spec.title, spec.description
('People by statute', 'Who was charged under it.')
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from repression_kg.resources import queries_dir

HEADER_LINE = re.compile(r"#\s?(?:(?P<key>[A-Za-z][\w-]*)\s*:\s*)?(?P<value>.*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def parse(name: str, text: str) -> NamedQuery:
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = HEADER_LINE.match(stripped)
        if match is None:
            continue
        value = match.group("value").strip()
        if match.group("key"):
            key = match.group("key").lower()
            fields[key] = (fields[key] + "\n" + value) if key in fields else value
        elif key and value:
            fields[key] = f"{fields[key]} {value}".strip()
    title = fields.pop("title", "") or name.replace("_", " ").replace("-", " ")
    description = fields.pop("description", "")
    return NamedQuery(name, title, description, text, fields)


def load(directory: Path | None = None) -> list[NamedQuery]:
    """Every ``.rq`` file of the query library (an unreadable file is skipped)."""
    folder = directory or queries_dir()
    found = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            found.append(parse(path.stem, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return found
