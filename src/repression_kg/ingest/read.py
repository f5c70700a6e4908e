"""Read one case document from disk into a :class:`~repression_kg.facts.Document`.

Public API (used by ``rkg extract`` and ``rkg build``):

- :func:`read_document(path, *, max_bytes=DEFAULT_MAX_BYTES, published=None)` → Document,
  or raises :class:`IngestError` whose ``str()`` is one line: ``"<path>: <reason>"``.
- :func:`document_from_bytes(data, *, doc_id, fmt="text", ...)` → Document, for bytes
  that did not come from a file.

Steps: size guard (``DEFAULT_MAX_BYTES`` = 5 MiB, configurable) → empty and binary guards
→ encoding detection (:mod:`.encoding`) → mojibake repair (:mod:`.repair`) → markup to
visible text (:mod:`.markup`) → normalisation (newlines to ``\\n``, Unicode NFC, control
and zero-width characters removed, trailing spaces trimmed). All spans of later stages
point into the final text, whose SHA-256 is ``text_sha256``; ``raw_sha256`` hashes the
bytes as read. Every non-trivial step is recorded in ``Document.repairs``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Literal

from repression_kg.facts import Document
from repression_kg.ingest.encoding import DecodeError, declared_charset, decode_bytes
from repression_kg.ingest.markup import (
    html_to_text,
    markdown_title,
    markdown_to_text,
    split_front_matter,
)
from repression_kg.ingest.meta import find_published, find_title, parse_date
from repression_kg.ingest.repair import repair_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
Format = Literal["text", "markdown", "html"]
FORMATS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"), (b"\x1f\x8b", "gzip"), (b"\x7fELF", "ELF"), (b"\xd0\xcf\x11\xe0", "OLE/Word"),
    (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"), (b"7z\xbc\xaf", "7z"), (b"Rar!", "RAR"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0c]")
#: the characters :data:`_LINE_BREAKS` starts with: one class, searched at C speed
_BREAK_CHARS = re.compile(r"[\r\u2028\u2029\x85\x0c]")
_TRAILING = re.compile(r"[ \t\u00a0]+(?=\n)")
_HTML_SNIFF = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section"
    r"|main|header|nav|h[1-6]|table|ul|ol|span|a|br|b|i|em|strong)\b", re.I | re.S)


class IngestError(ValueError):
    """A file that cannot be read as a case document; ``str()`` is one line."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _binary_reason(data: bytes, encoding: str) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({kind}), not a text document"
    if not encoding.startswith(("utf-16", "utf-32")) and b"\x00" in data:
        return "binary file (contains NUL bytes)"
    return None


def document_from_bytes(data: bytes, *, doc_id: str, fmt: Format = "text",
                        path: str | None = None, published: str | None = None) -> Document:
    """Decode, repair, strip markup and normalise ``data`` into a Document.

    ``published`` is a fallback publication date (ISO) used when the document states none.
    Raises :class:`IngestError` (named after ``path`` or ``doc_id``).
    """
    name = path or doc_id
    if not data.strip():
        raise IngestError(name, "empty file" if not data else "empty file (only whitespace)")
    declared = declared_charset(data) if fmt == "html" or data[:200].lstrip()[:1] == b"<" else None
    try:
        raw_text, encoding = decode_bytes(data, declared=declared)
    except DecodeError as exc:
        reason = _binary_reason(data, "")
        raise IngestError(name, reason or str(exc)) from None
    reason = _binary_reason(data, encoding)
    if reason is None and raw_text:
        controls = len(_CONTROL.findall(raw_text)) if _CONTROL.search(raw_text) else 0
        if controls / len(raw_text) > 0.1:
            reason = f"binary file ({controls} control characters in {len(raw_text)})"
    if reason:
        raise IngestError(name, reason)
    repairs: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        repairs.append(f"encoding:{encoding}")
    elif encoding == "utf-8-sig":
        repairs.append("encoding:utf-8-bom")
    text, fixes = repair_text(raw_text)
    repairs.extend(fixes)
    if fmt == "text" and _HTML_SNIFF.match(text[:2000]):
        fmt = "html"
    title = stated = None
    if fmt == "html":
        page = html_to_text(text)
        text, title = page.text, page.title
        stated = parse_date(page.published) if page.published else None
        repairs.append("markup:html")
    elif fmt == "markdown":
        front, text = split_front_matter(text)
        title = front.get("title") or markdown_title(text)
        for key in ("published", "date", "pubdate", "publishdate"):
            stated = stated or (parse_date(front[key]) if key in front else None)
        text = markdown_to_text(text)
        repairs.append("markup:markdown")
    text, notes = normalise(text)
    repairs.extend(notes)
    if not text.strip():
        raise IngestError(name, "no text (only whitespace or markup)")
    title = title or find_title(text)
    if title:  # metadata is normalised like the text
        title = unicodedata.normalize("NFC", " ".join(_CONTROL.sub(" ", title).split()))[:500]
    published_date = stated or find_published(text) or published
    return Document(
        id=doc_id, text=text,
        raw_sha256=hashlib.sha256(data).hexdigest(),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=path, title=title, published=published_date, source=path, format=fmt,
        encoding=encoding, repairs=repairs,
    )


def normalise(text: str) -> tuple[str, list[str]]:
    """Line breaks to ``\\n``, NFC, no control/zero-width characters; notes what changed."""
    notes: list[str] = []
    if _BREAK_CHARS.search(text):
        text = _LINE_BREAKS.sub("\n", text)
        notes.append("newlines")
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
        notes.append("control-chars")
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
        notes.append("invisible-chars")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        notes.append("unicode:nfc")
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:  # else nothing to trim
        text = _TRAILING.sub("", text)
    text = text.strip()
    return text, notes


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  published: str | None = None) -> Document:
    """Read one file into a Document (id = file stem). Raises :class:`IngestError`."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise IngestError(path, "not a regular file")
        if size > max_bytes:
            raise IngestError(path, f"too large ({size} bytes; limit {max_bytes}, see --max-bytes)")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, exc.strerror or type(exc).__name__) from None
    if len(data) > max_bytes:
        raise IngestError(path, f"too large (more than {max_bytes} bytes, see --max-bytes)")
    fmt = FORMATS.get(p.suffix.lower(), "text")
    return document_from_bytes(data, doc_id=p.stem, fmt=fmt, path=str(path), published=published)
