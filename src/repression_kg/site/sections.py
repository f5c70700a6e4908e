"""Kind-specific parts of an entity page.

* statute (article or part): everyone charged under it, with the part cited, the
  sentences and the courts that passed them;
* principle: the cases and people invoking it, and the international articles stating it;
* person (and any entity facts point at): a timeline of dated facts;
* document: the full text with every evidence span highlighted, and the facts it states.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from repression_kg.site.model import DCT, PROV, RKG, GraphIndex, Lit
from repression_kg.site.pages import (
    EntityPage,
    Links,
    QuoteRef,
    Ref,
    anchor,
    class_label,
    display_label,
    main_class,
    quote_refs,
    ref,
)
from repression_kg.site.text import Segment, locate, segments

STATUTE_CLASSES = (RKG + "Article", RKG + "ArticlePart")
SENTENCE_DETAILS = (RKG + "sentenceKind", RKG + "regime")


@dataclass
class ChargeRow:
    persons: list[Ref]
    cited: Ref
    modifier: str
    case: Ref | None
    sentences: list[str]
    courts: list[Ref]
    quotes: list[QuoteRef]


@dataclass
class TimelineEntry:
    date: str
    what: str
    fact: Ref
    related: list[Ref] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)


@dataclass
class Invocation:
    concerns: list[Ref]
    case: Ref | None
    quotes: list[QuoteRef]


def _refs(index: GraphIndex, links: Links, values: list) -> list[Ref]:
    return [ref(index, links, v) for v in values if isinstance(v, str)]


def _sentence_text(index: GraphIndex, sentence: str) -> str:
    parts: list[str] = []
    months = index.first(sentence, RKG + "durationMonths")
    if isinstance(months, Lit) and months.value.isdigit():
        years, rest = divmod(int(months.value), 12)
        parts.append(" ".join(x for x in (f"{years} y" if years else "", f"{rest} m" if rest
                                           else "") if x))
    for predicate in SENTENCE_DETAILS:
        value = index.first(sentence, predicate)
        if isinstance(value, str):
            parts.append(index.label(value))
    date = index.first(sentence, RKG + "date")
    if isinstance(date, Lit):
        parts.append(date.value)
    return ", ".join(parts) or display_label(index, sentence)


def _same_source(index: GraphIndex, a: str, b: str) -> bool:
    cases_a = set(index.values(a, RKG + "inCase"))
    if cases_a & set(index.values(b, RKG + "inCase")):
        return True
    return bool(set(index.sources(a)) & set(index.sources(b)))


def statute_section(index: GraphIndex, iri: str, links: Links) -> list[ChargeRow]:
    """Everyone charged under the article or one of its parts, with sentences and courts."""
    cited = [iri] + index.subjects(RKG + "partOf", iri)
    rows: list[ChargeRow] = []
    for target in cited:
        for charge in index.subjects(RKG + "cites", target):
            persons = [p for p in index.values(charge, RKG + "accused") if isinstance(p, str)]
            sentences = sorted({s for p in persons for s in index.subjects(RKG + "sentenced", p)
                                if _same_source(index, charge, s)})
            courts = sorted({c for s in sentences for c in index.values(s, RKG + "court")
                             if isinstance(c, str)})
            modifier = index.first(charge, RKG + "modifier")
            case = index.first(charge, RKG + "inCase")
            rows.append(ChargeRow(
                persons=_refs(index, links, persons), cited=ref(index, links, target),
                modifier=class_label(index, modifier) if isinstance(modifier, str) else "",
                case=ref(index, links, case) if isinstance(case, str) else None,
                # several documents of one case report the same sentence: say it once
                sentences=list(dict.fromkeys(_sentence_text(index, s) for s in sentences)),
                courts=_refs(index, links, courts),
                quotes=quote_refs(index, links, index.evidence(charge))))
    rows.sort(key=lambda r: ([p.label.casefold() for p in r.persons], r.cited.label))
    return rows


def principle_section(index: GraphIndex, iri: str, links: Links) -> dict[str, object]:
    invocations = []
    for fact in index.subjects(RKG + "invokes", iri):
        case = index.first(fact, RKG + "inCase")
        invocations.append(Invocation(
            concerns=_refs(index, links, index.values(fact, RKG + "concerns")),
            case=ref(index, links, case) if isinstance(case, str) else None,
            quotes=quote_refs(index, links, index.evidence(fact))))
    articles = sorted({o for _, o, _ in index.out.get(iri, ())
                       if isinstance(o, str) and index.is_a(o, RKG + "Article")})
    return {"invocations": invocations, "articles": _refs(index, links, articles)}


def timeline(index: GraphIndex, iri: str, links: Links) -> list[TimelineEntry]:
    """Dated facts that point at ``iri``, oldest first (partial dates sort by their text)."""
    entries: list[TimelineEntry] = []
    for fact in sorted({s for _, s, _ in index.inc.get(iri, ())}):
        date = index.first(fact, RKG + "date")
        if not isinstance(date, Lit):
            continue
        cls = main_class(index, fact)
        related = sorted({o for p, o, _ in index.out.get(fact, ()) if isinstance(o, str)
                          and o != iri and p not in (RKG + "evidence", PROV + "wasDerivedFrom",
                                                     RKG + "method", RKG + "inCase")
                          and p != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"})
        named = ref(index, links, fact, exclude=iri)
        named = Ref(named.iri, named.label.removesuffix(f" ({date.value})"), named.href,
                    named.kind)
        entries.append(TimelineEntry(
            date=date.value, what=class_label(index, cls) if cls else "event",
            fact=named, related=_refs(index, links, related),
            quotes=quote_refs(index, links, index.evidence(fact))))
    entries.sort(key=lambda e: (e.date, e.what))
    return entries


def document_section(index: GraphIndex, iri: str, text: str, links: Links) -> dict[str, object]:
    """The text cut into segments with highlighted spans, and the facts derived from it."""
    spans, missing = [], []
    for quote in index.quotes_in(iri):
        where = locate(text, quote.exact, quote.start, quote.end)
        if where is None:
            missing.append(quote.exact)
        else:
            spans.append((anchor(quote.iri), where[0], where[1]))
    issued = index.first(iri, DCT + "issued")
    parts: list[Segment] = segments(text, spans)
    return {"segments": parts, "missing": missing,
            "issued": issued.value if isinstance(issued, Lit) else ""}


def add_sections(page: EntityPage, index: GraphIndex, links: Links, text: str | None) -> None:
    """Attach the sections that fit the page's kind."""
    if index.incomplete:
        page.sections["incomplete"] = True
    if index.is_a(page.iri, *STATUTE_CLASSES):
        page.sections["charges"] = statute_section(index, page.iri, links)
        page.sections["parts"] = _refs(index, links, index.subjects(RKG + "partOf", page.iri))
    if page.kind == "principle":
        page.sections["principle"] = principle_section(index, page.iri, links)
    if page.kind in ("person", "organisation", "case"):
        page.sections["timeline"] = timeline(index, page.iri, links)
    if page.kind == "document" and text is not None:
        page.sections["document"] = document_section(index, page.iri, text, links)
