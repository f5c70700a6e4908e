"""Byte-level reversal of UTF-8 → GBK mojibake, with lost bytes inferred from context.

A run of characters produced by decoding UTF-8 bytes as GBK is re-encoded to GBK, which
gives back the original bytes except those the decoder dropped. UTF-8 punctuation is
``E2 80 xx``; when ``xx`` was dropped we choose among the punctuation marks that fit the
characters around it (see :func:`infer_punctuation`).

>>> decode_gbk_run("\u9225", ".", " ", Quotes())
('”', 1, 0)
>>> decode_gbk_run("\u9225", " ", " ", Quotes())
('—', 1, 0)
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def is_gbk_char(ch: str) -> bool:
    """A non-ASCII character that GBK encodes in two bytes (a mojibake candidate)."""
    if ch < "\x80":
        return False
    try:
        return len(ch.encode("gbk")) == 2
    except UnicodeEncodeError:
        return False


#: second byte of E2 xx ?? (third byte lost, not the punctuation block) → likeliest sign
_E2_GUESS = {0x82: "€", 0x84: "№", 0x86: "→", 0x88: "−"}


def _plausible(ch: str) -> bool:
    """A character that UTF-8 text in a European language plausibly contains."""
    code = ord(ch)
    return (0xA0 <= code <= 0x17F or 0x400 <= code <= 0x4FF or 0x2010 <= code <= 0x205F
            or code in (0x20AC, 0x2116, 0x2122))


def _is_open_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in "([{/—–-"


class Quotes:
    """Quotation marks open in the current paragraph, innermost last, with where they opened.

    A blank line closes them all (a quotation running over several paragraphs opens each
    paragraph again).
    """

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []
        self.pos = 0  # characters seen so far
        self.last = ""

    def copy(self) -> Quotes:
        other = Quotes()
        other.stack, other.pos, other.last = list(self.stack), self.pos, self.last
        return other

    def top(self) -> str:
        return self.stack[-1][0] if self.stack else ""

    def open_for(self) -> int:
        """Characters since the innermost open quote opened (0 when none is open)."""
        return self.pos - self.stack[-1][1] if self.stack else 0

    def feed(self, ch: str, nxt: str) -> None:
        self.pos += 1
        top = self.top()
        blank = ch == "\n" and self.last == "\n"
        self.last = ch if ch != " " else self.last
        if blank:
            self.stack.clear()
        elif ch in "“‘«":
            self.stack.append((ch, self.pos))
        elif (ch == "”" and top == "“") or (ch == "»" and top == "«") or (
                ch == "’" and top == "‘" and not nxt.isalpha()):
            self.stack.pop()


def infer_punctuation(prev: str, nxt: str, quotes: Quotes) -> str:
    """The ``E2 80 xx`` mark most likely lost between ``prev`` and ``nxt``."""
    open_before = _is_open_context(prev)
    space_after = nxt == "" or nxt.isspace()
    top = quotes.top()
    if open_before and space_after:
        return "—"
    if prev.isdigit() and nxt.isdigit():
        return "–"
    if open_before:
        return "‘" if top == "“" else "“"
    if prev.isalpha() and nxt.isalpha():
        return "’"
    if prev.isalnum() and nxt in ":;" and (not top or quotes.open_for() > 25):
        return "…"  # a long quotation cut short in a headline: "‘There are many of us…:"
    if top in ("“", "‘"):
        return "’" if top == "‘" else "”"
    if prev in ".,!?":
        return "”"
    if prev == "s" and space_after:
        return "’"  # plural possessive: "prisoners’ rights"
    return "…"


def decode_gbk_run(run: str, before: str, after: str,
                   quotes: Quotes) -> tuple[str, int, int]:
    """Decode one run of GBK-mojibake characters back to the UTF-8 text it came from.

    ``before``/``after`` are the characters around the run; ``quotes`` the open quotes.
    Returns the decoded text and the numbers of good and bad sequences: genuine CJK
    text gives mostly bad ones. Bytes that cannot be decoded or inferred become U+FFFD.
    """
    data = run.encode("gbk")
    out: list[str] = []
    good = bad = 0
    i, n = 0, len(data)
    while i < n:
        lead = data[i]
        if lead < 0x80:
            out.append(chr(lead))
            i += 1
            continue
        size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else (
            4 if 0xF0 <= lead <= 0xF4 else 0)
        if size == 0:
            out.append("\ufffd")
            bad += 1
            i += 1
            continue
        k = i + 1
        while k < n and k < i + size and 0x80 <= data[k] <= 0xBF:
            k += 1
        if k - i == size:
            try:
                char = data[i:k].decode("utf-8")
            except UnicodeDecodeError:
                char = "\ufffd"
            out.append(char)
            if _plausible(char):
                good += 1
            else:
                bad += 1
        elif lead == 0xE2 and k - i == 2 and data[i + 1] >= 0x90:
            # GBK never reads 0x80 as a lead byte: "E2 80 93" can come back as "E2 93"
            out.append(bytes((0xE2, 0x80, data[i + 1])).decode("utf-8"))
            good += 1
        elif lead == 0xE2 and k - i == 2 and data[i + 1] in _E2_GUESS:
            out.append(_E2_GUESS[data[i + 1]])  # the one sign in common use in that block
            good += 1
        elif lead == 0xC2 and k - i == 1:
            # lost second byte of a Latin-1 sign before ASCII punctuation or space
            out.append("»" if quotes.top() == "«" else "\u00a0")
            good += 1
        elif lead == 0xE2 and k - i == 2 and data[i + 1] == 0x80:
            prev = out[-1][-1:] if out else before[-1:]
            nxt = chr(data[k]) if k < n else after[:1]
            local = quotes.copy()
            decoded = "".join(out)
            for m, c in enumerate(decoded):
                local.feed(c, decoded[m + 1] if m + 1 < len(decoded) else "")
            out.append(infer_punctuation(prev, nxt, local))
            good += 1
        else:
            out.append("\ufffd")
            bad += 1
        i = k
    return "".join(out), good, bad
