"""Reading query text safely: a small SPARQL lexer that knows comments, strings and IRIs.

It finds the outermost ``WHERE {`` (where a ``VALUES`` block of bound parameters goes) and
the keywords a query run for someone else must not contain (``SERVICE`` reaches the
network; update operations change the store). Bound values are serialised RDF terms; the
text around them is never built from user input.

>>> inject_values("SELECT ?p WHERE { ?p ?q ?r }", {'p': '<http://x>'})
'SELECT ?p WHERE { VALUES (?p) { (<http://x>) }\\n ?p ?q ?r }'
>>> sorted(forbidden_keywords('SELECT * WHERE { SERVICE <http://e> { ?s ?p ?o } } # LOAD'))
['SERVICE']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r'(?P<comment>\#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<var>[?$][A-Za-z0-9_]+)'
    r'|(?P<word>[A-Za-z_][A-Za-z0-9_-]*)'
    r'|(?P<brace>[{}])'
    r'|(?P<other>\S)',
    re.S,
)

#: Keywords refused in queries we run for others: network access and every update form.
FORBIDDEN = frozenset({"SERVICE", "LOAD", "INSERT", "DELETE", "DROP", "CLEAR", "CREATE",
                       "ADD", "MOVE", "COPY", "WITH"})


class QueryTextError(ValueError):
    """Query text that cannot take parameters or is refused for safety."""


def tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind, text, start, end) for every token except whitespace."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        yield kind, match.group(), match.start(), match.end()


def forbidden_keywords(text: str) -> set[str]:
    """Forbidden keywords used as keywords (not in strings, IRIs, comments or prefixed names)."""
    found = set()
    previous_end = -1
    previous = ""
    for kind, value, start, end in tokens(text):
        prefixed = text[end:end + 1] == ":" or (previous == ":" and previous_end == start)
        if kind == "word" and value.upper() in FORBIDDEN and not prefixed:
            found.add(value.upper())
        previous, previous_end = value, end
    return found


def where_groups(text: str) -> list[tuple[int, int]]:
    """(just after ``{``, at ``}``) of every ``WHERE {`` group, the outermost first."""
    groups: list[tuple[int, int]] = []
    open_at: list[tuple[int, bool]] = []
    saw_where = False
    for kind, value, start, end in tokens(text):
        if kind == "word":
            saw_where = value.upper() == "WHERE"
            continue
        if kind == "brace" and value == "{":
            open_at.append((end, saw_where))
        elif kind == "brace" and value == "}" and open_at:
            begin, is_where = open_at.pop()
            if is_where:
                groups.append((begin, start))
        saw_where = False
    return sorted(groups)


def used_variables(text: str) -> set[str]:
    return {value[1:] for kind, value, _s, _e in tokens(text) if kind == "var"}


def inject_values(text: str, bound: dict[str, str]) -> str:
    """Bind ``bound`` (variable → serialised term) with a ``VALUES`` block first in the
    outermost WHERE group and in every nested WHERE group (subquery) that mentions them."""
    groups = where_groups(text)
    if not groups:
        raise QueryTextError("the query has no 'WHERE {' group to bind parameters in")
    inserts: list[tuple[int, dict[str, str]]] = [(groups[0][0], bound)]
    for begin, end in groups[1:]:
        mentioned = used_variables(text[begin:end])
        subset = {k: v for k, v in bound.items() if k in mentioned}
        if subset:
            inserts.append((begin, subset))
    for at, values in sorted(inserts, reverse=True):
        names = " ".join(f"?{name}" for name in values)
        block = f" VALUES ({names}) {{ ({' '.join(values.values())}) }}\n"
        text = text[:at] + block + text[at:]
    return text
