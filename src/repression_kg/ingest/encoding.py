"""Bytes → str: detect the encoding of a case document without external libraries.

:func:`decode_bytes` returns ``(text, encoding)`` or raises :class:`DecodeError` with a
short reason. Order of evidence:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. BOM-less UTF-16: one byte parity that is mostly NUL (ASCII) or 0x04 (Cyrillic);
3. strict UTF-8 (by far the most common case);
4. single-byte Cyrillic code pages (cp1251, KOI8-R, mac-cyrillic, cp866, KOI8-U), scored
   by how Russian/Ukrainian the decoded letters look (letter frequencies, case pattern,
   stray symbols);
5. cp1252 for Western text whose high bytes decode to letters.

A file cut inside its last UTF-8 character is read as ``utf-8-truncated``; UTF-8 with a
few stray legacy bytes as ``utf-8+cp1252`` / ``utf-8+cp1251`` (before step 4).

Anything else is reported as undecodable rather than guessed.

>>> decode_bytes("Суд постановил".encode("koi8_r"))
('Суд постановил', 'koi8_r')
"""

from __future__ import annotations

import codecs
import re

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "koi8_u")

# The fifteen most frequent Russian letters cover ~80% of running text; random or
# mis-decoded text scores far lower.
_FREQUENT = set("оеаинтсрвлкмдпуяыьгзб")
# Russian, Ukrainian and Belarusian letters; other Cyrillic (ћ, ј, љ ...) is a symptom
# of the wrong code page.
_ALPHABET = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_ALPHABET |= {c.upper() for c in _ALPHABET}
# Characters a legitimate Cyrillic text uses from the upper half of a code page.
_PUNCT = set("«»—–…№“”„‘’•\u00a0°§")


class DecodeError(ValueError):
    """The bytes are in no encoding we can read with confidence."""


def _strip_bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return data[len(bom):] if name != "utf-8-sig" else data, name
    return None


def _printable_ratio(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return good / len(text)


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: the high byte of each code unit is nearly constant (0x00 / 0x04)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    high_odd = sum(1 for b in odd if b in (0, 4)) / len(odd)
    high_even = sum(1 for b in even if b in (0, 4)) / len(even)
    for name, high, low in (("utf-16-le", high_odd, even), ("utf-16-be", high_even, odd)):
        if high >= 0.7 and sum(1 for b in low if b == 0) / len(low) < 0.1:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _printable_ratio(text) >= 0.95:
                return name
    return None


def cyrillic_score(text: str) -> float:
    """How much ``text`` looks like Russian/Ukrainian prose (higher is better, ~0.7+ real).

    Counts only non-ASCII characters, since the code pages agree on ASCII.
    """
    letters = frequent = odd = mid_upper = 0
    prev_lower = False
    prev_mark = False  # the previous character was a non-letter from the upper half
    prev_ascii_letter = False
    for ch in text:
        if ch < "\x80":
            if prev_lower and ch.isalpha():
                mid_upper += 1  # Latin letter glued to a Cyrillic one
            prev_lower = prev_mark = False
            prev_ascii_letter = ch.isalpha()
            continue
        if ch in _ALPHABET:
            letters += 1
            low = ch.islower()
            if low and ch in _FREQUENT:
                frequent += 1
            if (not low and prev_lower) or (low and prev_mark) or prev_ascii_letter:
                mid_upper += 1  # "уДАР", "—уд", "Cafй": not how Cyrillic is written
            prev_lower, prev_mark, prev_ascii_letter = low, False, False
        else:
            prev_lower = prev_ascii_letter = False
            prev_mark = ch not in "«„“\u00a0"
            if ch not in _PUNCT:
                odd += 1
    total = letters + odd
    if total == 0 or letters == 0:
        return 0.0
    return frequent / letters - 2.0 * odd / total - 2.0 * mid_upper / letters


def _latin_ok(text: str) -> bool:
    high = [c for c in text if c >= "\x80"]
    if not high:
        return True
    letters = sum(1 for c in high if c.isalpha() or c in _PUNCT or c in "€©®™·")
    return letters / len(high) >= 0.8


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray legacy bytes (an edit in another editor, a pasted quote).

    Accepted when valid multi-byte characters are at least as many as the bad bytes
    (legacy text almost never forms valid UTF-8 by accident); each bad byte is read as
    cp1251 in a Cyrillic text and as cp1252 otherwise.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in text if c >= "\x80" and not "\udc80" <= c <= "\udcff")
    if good == 0 or bad > good:
        return None
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    codec = "cp1251" if cyrillic * 2 > good else "cp1252"

    def byte(c: str) -> str:
        raw = bytes([ord(c) - 0xDC00])
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            return raw.decode("latin-1")

    fixed = "".join(byte(c) if "\udc80" <= c <= "\udcff" else c for c in text)
    return fixed, f"utf-8+{codec}"


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>``)."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the name of the encoding used.

    ``declared`` (e.g. an HTML page's ``<meta charset>``) is tried when the bytes are not
    UTF-8, before guessing among the Cyrillic code pages.
    """
    bom = _strip_bom(data)
    if bom is not None:
        body, name = bom
        try:
            return body.decode(name), name
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {name} after its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        utf16 = _sniff_utf16(data)
        if utf16 is not None:
            return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        before = data[exc.start - 1:exc.start]
        if (exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
                and not before.isalpha()):  # "caf\xe9" is a stray byte, not a cut
            try:  # the file was cut in the middle of its last character
                return data[: exc.start].decode("utf-8"), "utf-8-truncated"
            except UnicodeDecodeError:
                pass
    if declared and not declared.startswith("utf"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    best: tuple[float, str, str] | None = None
    for name in CYRILLIC_CODEPAGES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = cyrillic_score(text)
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is not None and best[0] >= 0.45:
        return best[2], best[1]
    text = ""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    if text and _latin_ok(text):
        return text, "cp1252"
    raise DecodeError("undecodable: not UTF-8, UTF-16, cp1251, KOI8-R or cp1252")
