"""Our model of the facts contract (``repression-kg/facts/1``): what `rkg extract` emits.

One :class:`DocumentFacts` per document. Every fact carries ``mentions``: character spans
into the repaired document text, each with the exact text it covers. Ids are local to the
document (``p1``, ``c1``, ``o1`` ...). The JSON form is the contract in
``../shared/contracts/facts.schema.json``; tests validate against it when it is present.

>>> facts = DocumentFacts(document=DocumentMeta(id="d", text_sha256="0" * 64))
>>> facts.persons.append(Person(id="p1", name="Mikhail Zhilin"))
>>> DocumentFacts.from_json(facts.to_json()) == facts
True
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA_ID = "repression-kg/facts/1"

PersonRole = Literal[
    "defendant", "political_prisoner", "relative", "lawyer", "judge", "journalist",
    "official", "author", "other",
]
SentenceKind = Literal[
    "imprisonment", "suspended", "fine", "restriction_of_freedom", "compulsory_labour",
    "compulsory_treatment", "house_arrest", "other",
]
Regime = Literal["general", "strict", "special", "settlement", "prison"]
CourtType = Literal[
    "district", "city", "regional", "military", "garrison_military", "appeals",
    "military_appeals", "cassation", "supreme", "foreign", "other",
]
EventType = Literal[
    "detention", "arrest", "search", "border_crossing", "asylum_request", "asylum_denied",
    "asylum_granted", "extradition", "deportation", "charged", "trial", "conviction",
    "sentencing", "appeal", "release", "exchange", "letter", "other",
]
PlaceType = Literal["country", "region", "city", "village", "district", "facility", "other"]
PrincipleId = Literal[
    "freedom_of_expression", "freedom_of_conscience", "freedom_of_religion",
    "freedom_of_assembly", "freedom_of_association", "right_to_fair_trial", "ne_bis_in_idem",
    "legal_certainty", "non_refoulement", "presumption_of_innocence", "prohibition_of_torture",
    "right_to_liberty", "conscientious_objection",
]
RelationType = Literal[
    "spouse", "child", "parent", "relative", "lawyer_of", "co_defendant", "co_signatory",
    "member_of", "employee_of", "other",
]
Modifier = Literal["preparation", "attempt"]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of the repaired text, with its text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``; the quote is always taken from the text itself."""
        return cls(start, end, text[start:end])


T = TypeVar("T", bound="_Fact")


@dataclass
class _Fact:
    """Shared JSON handling; ``mentions`` are always lists of :class:`Span`."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        if "mentions" in kwargs:
            kwargs["mentions"] = [Span(**m) for m in kwargs["mentions"] or []]
        return cls(**kwargs)


@dataclass
class Person(_Fact):
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    birth_year: int | None = None
    roles: list[PersonRole] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Charge(_Fact):
    person: str
    code: str
    article: str
    part: str | None = None
    modifier: Modifier | None = None
    stated_by_number: bool = True
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Sentence(_Fact):
    person: str
    kind: SentenceKind
    months: int | None = None
    regime: Regime | None = None
    date: str | None = None
    court: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Court(_Fact):
    id: str
    name: str
    city: str | None = None
    type: CourtType | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event(_Fact):
    type: EventType
    person: str | None = None
    date: str | None = None
    place: str | None = None
    from_country: str | None = None
    to_country: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Organisation(_Fact):
    id: str
    name: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place(_Fact):
    name: str
    id: str | None = None
    type: PlaceType | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Principle(_Fact):
    id: PrincipleId
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Relation(_Fact):
    subject: str
    type: RelationType
    object: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class DocumentMeta(_Fact):
    id: str
    text_sha256: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    repairs: list[str] = field(default_factory=list)


#: fact lists of a document, in contract order, with their element types
FACT_LISTS: dict[str, type[_Fact]] = {
    "persons": Person,
    "charges": Charge,
    "sentences": Sentence,
    "courts": Court,
    "events": Event,
    "organisations": Organisation,
    "places": Place,
    "principles": Principle,
    "relations": Relation,
}


@dataclass
class DocumentFacts:
    """All facts of one document: one line of `rkg extract` output."""

    document: DocumentMeta
    persons: list[Person] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    courts: list[Court] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    principles: list[Principle] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA_ID, "document": self.document.to_dict()}
        for name in FACT_LISTS:
            out[name] = [f.to_dict() for f in getattr(self, name)]
        return out

    def to_json(self) -> str:
        """One line of JSON (no newline inside), keys in contract order."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentFacts:
        if data.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} object (schema={data.get('schema')!r})")
        out = cls(document=DocumentMeta.from_dict(data["document"]))
        for name, kind in FACT_LISTS.items():
            setattr(out, name, [kind.from_dict(item) for item in data.get(name) or []])
        return out

    @classmethod
    def from_json(cls, line: str) -> DocumentFacts:
        return cls.from_dict(json.loads(line))

    def person(self, local_id: str) -> Person | None:
        return next((p for p in self.persons if p.id == local_id), None)


@dataclass
class Document:
    """A document after ingest: repaired, markup-free text plus what we know about it.

    ``id`` is derived from the file name (stable across edits, so a changed file replaces
    its named graph); ``raw_sha256`` hashes the bytes as read and ``text_sha256`` the
    repaired text that all spans point into.
    """

    id: str
    text: str
    raw_sha256: str
    text_sha256: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    format: Literal["text", "markdown", "html"] = "text"
    encoding: str = "utf-8"
    repairs: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, doc_id: str, text: str, *, published: str | None = None,
                  title: str | None = None) -> Document:
        """A document made from text already in memory (tests, notebooks, other pipelines).

        >>> Document.from_text("d1", "Text.").text_sha256[:8]
        'f06dce27'
        """
        import hashlib

        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(id=doc_id, text=text, raw_sha256=digest, text_sha256=digest,
                   title=title, published=published)

    def meta(self) -> DocumentMeta:
        return DocumentMeta(
            id=self.id,
            text_sha256=self.text_sha256,
            title=self.title,
            published=self.published,
            source=self.source,
            repairs=list(self.repairs),
        )
