"""One person under two names: "Pavlo Hryb, who is known in Russian documents as Pavel
Grib", "Grigory Chkhartishvili, who writes as Boris Akunin", "Boris Akunin (Grigory
Chkhartishvili)", "Ivan Petrov (also spelled Ivan Petroff)".

Used by :mod:`repression_kg.extract.persons` once the names are found: where the text
says that two names it found are one person's, the two become one, named by the name the
text uses more often (the first on a tie), the other an alias. Only a cue between the two
mentions merges: names that merely stand side by side stay two people.

>>> text = "Pavlo Hryb, who is known in Russian documents as Pavel Grib, was jailed."
>>> [(text[s:e], text[s2:e2]) for (s, e), (s2, e2) in same_person_pairs(text, [(0, 10), (49, 59)])]
[('Pavlo Hryb', 'Pavel Grib')]
"""

from __future__ import annotations

import bisect
import re

#: what stands between a name and another name of the same person; the second name
#: starts where the match ends, and a ``close`` group, when the cue opens a bracket, must
#: be found right after it
_CUE = re.compile(
    r",?[ \u00a0]+(?:who[ \u00a0]+(?:is|was)[ \u00a0]+)?(?:also[ \u00a0]+|better[ \u00a0]+|widely[ \u00a0]+)?"
    r"known[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,4}?as[ \u00a0]+"
    r"|,[ \u00a0]+who[ \u00a0]+(?:writes|wrote|publishes|published|performs|performed)[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+){0,3}?(?:as|under[ \u00a0]+the[ \u00a0]+(?:pen[ \u00a0]+)?name)[ \u00a0]+"
    r"|,?[ \u00a0]+(?:alias|a\.k\.a\.|aka|pen[ \u00a0]+name|real[ \u00a0]+name|born)[ \u00a0]+"
    r"|[ \u00a0]*(?P<open>\()(?:(?:also|or)[ \u00a0]+)?"
    r"(?:(?:spelled|spelt|written|transliterated|real[ \u00a0]+name|pen[ \u00a0]+name|born|"
    r"alias|a\.k\.a\.|aka)[ \u00a0:]+)?")
#: what may close a bracket the cue opened
_CLOSE = re.compile(r"[ \u00a0]*\)")


def same_person_pairs(text: str, spans: list[tuple[int, int]]
                      ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(first, second) for the name spans (sorted, of full names) the text says are one
    person's: a cue right after the first and the second right after the cue."""
    starts = [s for s, _ in spans]
    out = []
    for span in spans:
        m = _CUE.match(text, span[1], min(len(text), span[1] + 80))
        if m is None:
            continue
        k = bisect.bisect_left(starts, m.end())
        if k == len(spans) or starts[k] != m.end():
            continue
        other = spans[k]
        if m.group("open") and not _CLOSE.match(text, other[1]):
            continue  # "Petrov (Maria Petrova's husband)": no second name of his
        out.append((span, other))
    return out
