"""The five network views, as pure functions from :class:`KGData` to :class:`Network`.

* ``overview``: people, statutes, courts, countries and principles; above ``max_nodes`` it
  aggregates: only statute, court, country and principle nodes are drawn (sized by the
  people behind them, linked by the people they share), and a click expands one of them.
* ``statutes``: who was charged under which article.
* ``transfers``: which state handed whom to which state, and what followed.
* ``principles``: which principles authors invoke, for whom, next to the statutes used.
* ``person``: one person's neighbourhood: charges, courts, transfers, principles, relatives,
  and the people who share a statute with them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from repression_kg.export.book import Book
from repression_kg.export.kgdata import Fact, KGData
from repression_kg.export.network import Edge, Network

VIEWS = ("overview", "statutes", "transfers", "principles", "person")
TRANSFER_KINDS = {"Extradition", "Deportation", "Exchange", "BorderCrossing"}
ASYLUM_KINDS = {"AsylumRequest", "AsylumDenied", "AsylumGranted"}
HUB_GROUPS = ("statute", "court", "country", "principle")


class ViewError(ValueError):
    """The view cannot be drawn as asked (unknown view, person not found …)."""


def _cap(people_by_hub: dict[str, set[str]], max_nodes: int) -> tuple[set[str], set[str], int]:
    """Keep the biggest hubs and their people until ``max_nodes`` nodes are used."""
    kept_hubs: set[str] = set()
    kept_people: set[str] = set()
    for hub in sorted(people_by_hub, key=lambda h: (-len(people_by_hub[h]), h)):
        new = people_by_hub[hub] - kept_people
        if kept_hubs and len(kept_hubs) + len(kept_people) + 1 + len(new) > max_nodes:
            continue
        kept_hubs.add(hub)
        kept_people |= new
    everyone = set().union(*people_by_hub.values()) if people_by_hub else set()
    return kept_hubs, kept_people, len(everyone)


def statutes_view(data: KGData, max_nodes: int = 2000) -> Network:
    people_by_statute: dict[str, set[str]] = defaultdict(set)
    for c in data.charges:
        people_by_statute[c.target or ""].add(c.person)
    hubs, people, total = _cap(people_by_statute, max_nodes)
    book = Book(data)
    for c in data.charges:
        if c.target in hubs and c.person in people:
            book.node(c.person, "person")
            book.node(c.target, "statute")
            book.link(c.person, c.target, "charged", c)
    net = book.network("People and the statutes they were charged under",
                       "Each edge is a charge; its tooltip quotes the sentence that states it.")
    if len(people) < total:
        net.notes.append(f"Showing {len(people):,} of {total:,} people (the largest statutes).")
    return net


def transfers_view(data: KGData, max_nodes: int = 2000) -> Network:
    book = Book(data)
    for e in data.events:
        extra = dict(e.extra)
        if e.kind in TRANSFER_KINDS and (extra.get("from") or extra.get("to")):
            book.node(e.person, "person")
            if extra.get("from"):
                book.node(extra["from"], "country")
                book.link(extra["from"], e.person, e.kind.lower(), e)
            if extra.get("to"):
                book.node(extra["to"], "country")
                book.link(e.person, extra["to"], f"to ({e.kind.lower()})", e)
        elif e.kind in ASYLUM_KINDS and extra.get("place"):
            book.node(e.person, "person")
            book.node(extra["place"], "country")
            book.link(e.person, extra["place"], _words(e.kind), e)
    net = book.network("Transfers between states",
                       "Who was extradited, deported or exchanged, from where to where; "
                       "a person's tooltip lists the sentence that followed.")
    return _trim(net, max_nodes)


def principles_view(data: KGData, max_nodes: int = 2000) -> Network:
    book = Book(data)
    invoked_for = {p.person for p in data.principles}
    for p in data.principles:
        book.node(p.person, "person")
        book.node(p.target or "", "principle")
        book.link(p.person, p.target or "", "invoked for", p)
    for c in data.charges:
        if c.person in invoked_for and c.target:
            book.node(c.target, "statute")
            book.link(c.person, c.target, "charged", c)
    net = book.network("Legal principles invoked, next to the statutes used",
                       "Principles the documents' authors say a prosecution violates.")
    return _trim(net, max_nodes)


def person_view(data: KGData, person: str, max_nodes: int = 2000) -> Network:
    iri = find_person(data, person)
    book = Book(data)
    book.node(iri, "person")
    statutes = set()
    for c in data.charges:
        if c.person == iri and c.target:
            statutes.add(c.target)
            book.node(c.target, "statute")
            book.link(iri, c.target, "charged", c)
    for s in data.sentences:
        if s.person == iri and s.target:
            book.node(s.target, "court")
            book.link(s.target, iri, "sentenced", s)
    for e in data.events:
        if e.person == iri:
            for key, value in e.extra:
                book.node(value, "country" if key in ("from", "to") else "place")
                if key == "from":
                    book.link(value, iri, f"{_words(e.kind)} (from)", e)
                else:
                    book.link(iri, value, f"{_words(e.kind)} ({key})", e)
    for p in data.principles:
        if p.person == iri and p.target:
            book.node(p.target, "principle")
            book.link(iri, p.target, "invoked for", p)
    for r in data.relations:
        if iri in (r.person, r.target) and r.target:
            other = r.target if r.person == iri else r.person
            book.node(other, "person" if other in data.persons else "organisation")
            book.link(r.person, r.target, r.kind.replace("_", " "), r)
    for c in data.charges:  # people who share a statute with this person
        if c.target in statutes and c.person != iri and len(book.nodes) < max_nodes:
            book.node(c.person, "person")
            book.link(c.person, c.target, "charged", c)
    net = book.network(f"{data.label(iri)}: charges, courts, transfers and people around",
                       "Everything the graph links to this person, with the quotes behind it.")
    centre = next(n for n in net.nodes if n.id == iri)
    centre.size, centre.font = 30.0, 18.0
    return net


def find_person(data: KGData, query: str) -> str:
    """The IRI of the person whose IRI, name or alias matches ``query`` (case-insensitive)."""
    if query in data.persons:
        return query
    needle = query.casefold().strip()
    words = set(needle.split())
    exact, whole_words, partial = [], [], []
    for iri, person in sorted(data.persons.items()):
        names = [str(person.get("label") or "")] + [str(a) for a in person.get("aliases") or []]
        folded = [n.casefold() for n in names]
        if needle in folded:
            exact.append(iri)
        elif words and any(words <= set(n.split()) for n in folded):
            whole_words.append(iri)
        elif needle and any(needle in n for n in folded):
            partial.append(iri)
    found = exact or whole_words or partial
    if not found:
        raise ViewError(f"no person matches {query!r}")
    if len(found) > 1 and not exact:
        names = ", ".join(sorted(data.label(i) for i in found[:5]))
        raise ViewError(f"{query!r} matches several people ({names}); be more specific")
    return found[0]


def overview_view(data: KGData, max_nodes: int = 2000) -> Network:
    book = Book(data)
    links = list(_overview_links(data))
    for person, hub, group, label, fact in links:
        book.node(person, "person")
        book.node(hub, group)
        book.link(person, hub, label, fact)
    if len(book.nodes) <= max_nodes:
        return book.network("Overview: people, statutes, courts, countries and principles",
                            "Every person with the statutes, courts, countries and principles "
                            "their documents link them to.")
    return _aggregate(book, data)


def _overview_links(data: KGData) -> Iterable[tuple[str, str, str, str, Fact]]:
    for c in data.charges:
        if c.target:
            yield c.person, c.target, "statute", "charged", c
    for s in data.sentences:
        if s.target:
            yield s.person, s.target, "court", "sentenced by", s
    for e in data.events:
        extra = dict(e.extra)
        if e.kind in TRANSFER_KINDS and extra.get("from"):
            yield e.person, extra["from"], "country", f"{e.kind.lower()} from", e
    for p in data.principles:
        if p.target:
            yield p.person, p.target, "principle", "invoked for", p


def _aggregate(book: Book, data: KGData) -> Network:
    """Hubs only, sized by their people and linked by the people they share; people hidden."""
    members: dict[str, set[str]] = defaultdict(set)
    for e in book.edges:
        members[e.target].add(e.source)
    hubs = {iri: n for iri, n in book.nodes.items() if n.group != "person"}
    hubs_of: dict[str, set[str]] = defaultdict(set)
    for hub, people in members.items():
        for p in people:
            hubs_of[p].add(hub)
    shared: Counter[tuple[str, str]] = Counter()
    for person_hubs in hubs_of.values():
        ordered = sorted(person_hubs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[(a, b)] += 1
    net = Network("Overview (aggregated): statutes, courts, countries and principles",
                  f"{len(hubs_of):,} people are grouped under what links them; click a node "
                  "to draw its people, double-click to fold them again.")
    for iri in sorted(hubs):
        node = hubs[iri]
        node.members = sorted(members[iri])
        node.size = 12.0 + min(48.0, 4.0 * len(node.members) ** 0.5)
        node.font = 16.0
        node.facts = node.facts + [("people", f"{len(node.members):,}")]
        net.nodes.append(node)
    strongest = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[: 6 * max(1, len(hubs))]
    for (a, b), count in sorted(strongest):
        net.edges.append(Edge(a, b, f"{count} shared", detail=f"{count} people linked to both",
                              width=min(12.0, 1.0 + count ** 0.5)))
    net.hidden_nodes = sorted((book.nodes[p] for p in hubs_of), key=lambda n: n.id)
    net.hidden_edges = sorted(book.edges, key=lambda e: (e.source, e.target, e.label))
    net.notes.append(f"{len(hubs):,} groups drawn; {len(hubs_of):,} people behind them.")
    return net


def _trim(net: Network, max_nodes: int) -> Network:
    if len(net.nodes) <= max_nodes:
        return net
    degree: Counter[str] = Counter()
    for e in net.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    keep = {n.id for n in sorted(net.nodes, key=lambda n: (-degree[n.id], n.id))[:max_nodes]}
    net.notes.append(f"Showing the {max_nodes:,} best-connected of {len(net.nodes):,} nodes.")
    net.nodes = [n for n in net.nodes if n.id in keep]
    net.edges = [e for e in net.edges if e.source in keep and e.target in keep]
    return net


def _words(camel: str) -> str:
    out = "".join(" " + ch.lower() if ch.isupper() else ch for ch in camel).strip()
    return out


def build_view(data: KGData, view: str, *, person: str | None = None,
               max_nodes: int = 2000) -> Network:
    """The named view; ``person`` is required for the person view."""
    if view == "person":
        if not person:
            raise ViewError("the person view needs --person NAME")
        return person_view(data, person, max_nodes)
    builders = {"overview": overview_view, "statutes": statutes_view,
                "transfers": transfers_view, "principles": principles_view}
    if view not in builders:
        raise ViewError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    return builders[view](data, max_nodes)
