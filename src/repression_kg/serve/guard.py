"""Check a SPARQL request before any engine sees it.

A small tokenizer skips comments, strings, IRIs, variables and prefixed names, so the
keywords it reports are real keywords: ``SERVICE`` (a federated call: the server never
makes outbound requests) and ``LOAD`` are refused wherever they appear, and an update
sent where a query belongs is recognised by its first keyword.

>>> check_query('SELECT * { ?s ?p "SERVICE" } # LOAD <x>') is None
True
>>> check_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }").code
'federation'
>>> check_query("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }").code
'update'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKENS = re.compile(r'''
   (?P<comment>\#[^\n\r]*)
 | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
 | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
 | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
 | (?P<pname>[\w.\-]*:[\w.\-:%\\]*)
 | (?P<word>[A-Za-z_]\w*)
 | (?P<space>\s+)
 | (?P<other>.)
''', re.X | re.S)

PROLOGUE = {"BASE", "PREFIX"}
QUERY_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                "WITH"}


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: a machine code, an HTTP status and a message for people."""

    code: str
    status: int
    message: str


def keywords(text: str) -> list[str]:
    """The bare words of a SPARQL text, upper-cased, in order (nothing inside strings,
    IRIs, comments, variables or prefixed names)."""
    return [m.group("word").upper() for m in TOKENS.finditer(text) if m.lastgroup == "word"]


def query_form(text: str) -> str | None:
    """The first keyword after the prologue (SELECT, CONSTRUCT, INSERT, …)."""
    words = keywords(text)
    for word in words:
        if word not in PROLOGUE:
            return word
    return None


def check_query(text: str) -> Refusal | None:
    """None if the text may be run as a read-only query, else why not."""
    words = set(keywords(text))
    if "SERVICE" in words:
        return Refusal("federation", 403, "SERVICE (federated query) is not allowed: this "
                                          "server never makes outbound requests")
    form = query_form(text)
    if form in UPDATE_FORMS or "LOAD" in words:
        return Refusal("update", 403, "this is SPARQL Update; the endpoint is read-only (start "
                                      "the server with --allow-update and a token to write)")
    return None


def check_update(text: str) -> Refusal | None:
    """None if the update may run (on a server started with --allow-update)."""
    words = set(keywords(text))
    if "LOAD" in words:
        return Refusal("load", 403, "LOAD is not allowed: this server never makes outbound "
                                    "requests; send the data with the Graph Store Protocol")
    if "SERVICE" in words:
        return Refusal("federation", 403, "SERVICE is not allowed in updates either")
    return None
