"""Byte-level reversal of UTF-8 → GBK mojibake, with lost bytes inferred from context.

A run of characters produced by decoding UTF-8 bytes as GBK is re-encoded to GBK, which
gives back the original bytes except those the decoder dropped. UTF-8 punctuation is
``E2 80 xx``; when ``xx`` was dropped we choose among the punctuation marks that fit the
characters around it (see :func:`infer_punctuation`).

>>> decode_gbk_run("\u9225", "s", " ", [])
'”'
>>> decode_gbk_run("\u9225", " ", " ", [])
'—'
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


def _is_open_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in "([{/—–-"


def infer_punctuation(prev: str, nxt: str, stack: list[str]) -> str:
    """The ``E2 80 xx`` mark most likely lost between ``prev`` and ``nxt``.

    ``stack`` holds the quotes open on the current line (innermost last).
    """
    open_before = _is_open_context(prev)
    space_after = nxt == "" or nxt.isspace()
    if open_before and space_after:
        return "—"
    if prev.isdigit() and nxt.isdigit():
        return "–"
    if open_before:
        return "‘" if stack and stack[-1] == "“" else "“"
    if prev.isalpha() and nxt.isalpha():
        return "’"
    if prev.isalnum() and nxt in ":;":
        return "…"
    if stack:
        return "’" if stack[-1] == "‘" else "”"
    return "”"


def decode_gbk_run(run: str, before: str, after: str, stack: list[str]) -> str:
    """Decode one run of GBK-mojibake characters back to the UTF-8 text it came from.

    ``before``/``after`` are the characters around the run; ``stack`` the open quotes.
    Returns ``run`` unchanged unless it decodes as UTF-8 with at most one bad sequence
    in five (genuine CJK text almost never does); bytes that cannot be decoded or
    inferred become U+FFFD.
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
                out.append(data[i:k].decode("utf-8"))
                good += 1
            except UnicodeDecodeError:
                out.append("\ufffd")
                bad += 1
        elif lead == 0xE2 and k - i == 2 and data[i + 1] == 0x80:
            prev = out[-1][-1:] if out else before[-1:]
            nxt = chr(data[k]) if k < n else after[:1]
            local = list(stack)
            for c in out:
                if c in "“‘":
                    local.append(c)
                elif c in "”’" and local:
                    local.pop()
            out.append(infer_punctuation(prev, nxt, local))
            good += 1
        else:
            out.append("\ufffd")
            bad += 1
        i = k
    return "".join(out) if good and bad * 5 <= good + bad else run
