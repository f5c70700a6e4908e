"""Mojibake repair: undo text that was decoded with the wrong encoding.

:func:`repair_text` returns the repaired text and the list of repairs applied (stored in
``Document.repairs``):

- ``mojibake:gbk->utf-8`` — UTF-8 text once decoded as GBK (``鈥淲e`` for ``“We``). ftfy
  does not handle this: we re-encode each run of GBK-decoded characters and decode it as
  UTF-8. The GBK decoder that produced such text drops a lead byte whose trail byte is
  invalid, so punctuation made of three bytes (``E2 80 xx``) often loses its last byte
  before a space, digit or punctuation mark. We infer that byte from context: opening or
  closing quote from the quotes still open in the line, a dash between spaces or digits, an
  ellipsis before a colon. Runs that do not decode are replaced by U+FFFD, so no stray CJK
  character survives in a document that is not Chinese or Japanese.
- ``ftfy:<step>,...`` — ordinary mojibake (UTF-8 read as cp1252/latin-1/cp1251, e.g.
  ``Ã©``, ``Ð¿Ñ€``, ``РџСЂ``), fixed by ftfy with quotes left curly.

>>> repair_text("\u9225\u6df2e said \u9225\u6e18o\u9225.")
('“We said “no”.', ['mojibake:gbk->utf-8'])
"""

from __future__ import annotations

import re

import ftfy

from repression_kg.ingest.gbk import Quotes, decode_gbk_run, is_gbk_char

# Han ideographs, kana, hangul, CJK symbols and fullwidth forms: text written in them.
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# What single-byte mojibake of UTF-8 looks like: a lead byte read as latin-1/cp1252 ("Ã",
# "Â", "â") or cp1251 ("Р", "С", "в") followed by a continuation byte read the same way,
# or C1 controls and surrogates. Lines without it are not given to ftfy (speed). Written
# as one class of every lead character, then a look-behind per kind of lead: a pattern
# that starts with one class lets the engine skip to the candidates at C speed (an
# alternation of classes is tried at every offset).
_SUSPECT = re.compile(
    "[\u00c2-\u00f4РСв\u0080-\u009f\ud800-\udfff]"
    "(?:(?<=[\u00c2-\u00f4])[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u2122]"
    "|(?<=[РСв])[\u0401-\u040f\u0451-\u045f\u0490\u0491\u00a0-\u00bf\u201a-\u203a"
    "\u20ac\u2116\u2122]"
    "|(?<=[\u0080-\u009f\ud800-\udfff]))"
)
_LETTER = re.compile(r"[^\W\d_]")

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    fix_character_width=False,
    unescape_html=False,
    explain=True,
    max_decode_length=10**6,
)


def _is_cjk_document(text: str) -> bool:
    """Chinese/Japanese/Korean text, as opposed to CJK noise in a Latin/Cyrillic text.

    Used after GBK repair: in a repaired non-CJK document, CJK left over is noise.
    """
    cjk = len(_CJK.findall(text))
    if cjk == 0:
        return False
    letters = len(_LETTER.findall(text))
    return cjk / max(letters, 1) > 0.5


def repair_gbk(text: str) -> tuple[str, bool]:
    """Undo UTF-8-decoded-as-GBK mojibake; return the text and whether anything changed.

    The whole document is judged at once: it is repaired only if its CJK runs decode as
    UTF-8 with no more bad sequences than good ones (genuine Chinese text gives about
    one good in nine), so a stray undecodable run cannot survive as CJK noise.
    """
    if not _CJK.search(text):
        return text, False
    out: list[str] = []
    quotes = Quotes()
    good = bad = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if not is_gbk_char(ch):
            out.append(ch)
            quotes.feed(ch, text[i + 1] if i + 1 < n else "")
            i += 1
            continue
        j = i
        while j < n and is_gbk_char(text[j]):
            j += 1
        if not _CJK.search(text, i, j):  # Cyrillic or Greek letters GBK happens to encode
            out.append(text[i:j])
            for k in range(i, j):
                quotes.feed(text[k], text[k + 1] if k + 1 < n else "")
            i = j
            continue
        decoded, ok, failed = decode_gbk_run(text[i:j], "".join(out[-2:]), text[j:j + 2],
                                             quotes)
        good, bad = good + ok, bad + failed
        out.append(decoded)
        for k, c in enumerate(decoded):
            quotes.feed(c, decoded[k + 1] if k + 1 < len(decoded) else text[j:j + 1])
        i = j
    if good == 0 or bad > good:
        return text, False
    repaired = "".join(out)
    return repaired, repaired != text


def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair mojibake in ``text``; return the new text and the repairs applied."""
    repairs: list[str] = []
    text, changed = repair_gbk(text)
    if changed:
        repairs.append("mojibake:gbk->utf-8")
        if not _is_cjk_document(text) and _CJK.search(text):
            text = _CJK.sub("\ufffd", text)
            repairs.append("mojibake:cjk-residue-dropped")
        return text, repairs  # one layer of mojibake; ftfy would only find false alarms
    text, steps = _ftfy_lines(text)
    if steps:
        repairs.append("ftfy:" + ",".join(steps))
    return text, repairs


def _ftfy_lines(text: str) -> tuple[str, list[str]]:
    """ftfy line by line (bounded work per call); only lines with non-ASCII can be mojibake."""
    steps: list[str] = []
    if not _SUSPECT.search(text):
        return text, steps
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.isascii() or not _SUSPECT.search(line):
            continue
        fixed = ftfy.fix_and_explain(line, _FTFY)
        if fixed.text != line and not (_CJK.search(fixed.text) and not _CJK.search(line)):
            lines[i] = fixed.text
            for kind, step in fixed.explanation or []:
                name = step if kind == "apply" else f"{kind}:{step}"
                if name not in steps:
                    steps.append(name)
    return "\n".join(lines), steps
