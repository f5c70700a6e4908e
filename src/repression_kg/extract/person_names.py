"""Names in a text, before they are merged into persons (used by the persons extractor).

Latin names are runs of capitalised words anchored by a given name of
ontology/lookups/first-names.yml, by a cue noun or title right before them ("lawyer",
"Maj."), by a list of known names they stand in ("X, Y and Evan Z"), or by a
Russian-looking surname the text uses again on its own; words of name-stopwords.yml never
make one. Cyrillic names ("Жилину Михаилу Алексеевичу") are put in the nominative with
pymorphy3 and transliterated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from repression_kg import lookups
from repression_kg.extract import russian
from repression_kg.extract.person_roles import person_nouns, titles

LOWER = "a-zß-öø-ÿāčćęėěğıłńňőřśşšťūůűźżž"
UPPER = "A-ZÀ-ÖØ-ÞĀČĆĘĖĚĞİŁŃŇŐŘŚŞŠŤŪŮŰŹŻŽ"
_WORD = (rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}]?[{LOWER}]+)*"
         rf"(?:['’][{UPPER}][{LOWER}]+)?")
_INITIAL = rf"[{UPPER}]\."
#: a run of capitalised words (and initials) separated by single spaces; the look-behind
#: (no word character, ".", "@" or "/" before the run) stands after the run's first
#: capital, so that the engine skips to capitals at C speed instead of trying every offset
#: (group 1, the last word after a space, takes part only in a run of two words or more)
_RUN = re.compile(rf"[{UPPER}](?<![\w.@/][\s\S]){_WORD[len(f'[{UPPER}]'):]}"
                  rf"(?:([ \u00a0](?:{_WORD}|{_INITIAL}))+)?")
_TOKEN = re.compile(rf"{_WORD}|{_INITIAL}")
_PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|inichna|ovych|"
                         r"evych|ivna|ovitch|evitch|ogly|oglu|kyzy|qizi)$")
_WORDS = re.compile(r"\b[a-zа-яё]+\b")
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*")


@cache
def first_names() -> frozenset[str]:
    data = lookups.load("first-names")
    out: set[str] = set()
    for gender in ("male", "female"):
        for name in data["cyrillic"][gender]:
            out |= russian.latin_variants(str(name))
    for group in data["latin"]:
        out |= {str(n) for n in group}
    variants = set()
    for name in out:
        variants |= russian.latin_variants(name)
    return frozenset(n for n in out | variants if " " not in n)


@cache
def not_after() -> frozenset[str]:
    return frozenset(str(w) for w in lookups.load("first-names")["not_after"])


@cache
def stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in lookups.load("name-stopwords")["words"])


@dataclass
class Candidate:
    start: int
    end: int
    first: str
    surname: str
    patronymic: str | None = None
    surface: str = ""
    cyrillic: str | None = None


@lru_cache(maxsize=8192)
def _is_surname(word: str) -> bool:
    """Whether ``word`` can be a surname (a pure function of the word: cached)."""
    return (word not in stopwords() and word not in not_after() and len(word) > 1
            and not word.endswith(".") and not _patronymic_only(word))


_PATRONYMIC_SUFFIX = re.compile(r"(?:yevich|evich|ovich|yevna|evna|ovna|ichna|ich)$")


def _patronymic_only(word: str) -> bool:
    """"Ivanovich", "Sergeyevna": a patronymic of a known given name cannot be a surname
    ("Ivan Ivanovich" names no surname). "Abramovich" (no given name "Abram" listed) can."""
    match = _PATRONYMIC_SUFFIX.search(word)
    if match is None:
        return False
    stem = word[:match.start()]
    firsts = first_names()
    return any(stem + tail in firsts for tail in ("", "i", "y", "iy", "ey", "ei", "a"))


def latin_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    firsts = first_names()
    cue_titles = titles()
    nouns = person_nouns()
    stop, after = stopwords(), not_after()
    loose: list[tuple[int, int, list[str]]] = []
    for run in _RUN.finditer(text):
        if run.lastindex is None:
            continue  # one word: never a full name
        tokens = _tokens(run)
        before = len(out)
        i = 0
        while i < len(tokens) - 1:
            word = tokens[i][2]
            cued = word in firsts and (word not in stop or bool(
                _RUSSIAN_SURNAME.search(tokens[i + 1][2])))  # "Muslim Aliev", not "Muslim Brotherhood"
            if not cued and _is_surname(word):
                cued = (i > 0 and tokens[i - 1][2] in cue_titles) or (i == 0 and _ends_with_cue(
                    text[max(0, tokens[0][0] - 40):tokens[0][0]].lower(), nouns))
            if not cued:
                i += 1
                continue
            j = i + 1
            patronymic = None
            if j + 1 < len(tokens) and (
                    _PATRONYMIC.search(tokens[j][2]) or tokens[j][2].endswith(".")) \
                    and _is_surname(tokens[j + 1][2]):
                patronymic = tokens[j][2] if not tokens[j][2].endswith(".") else None
                j += 1
            if patronymic is None and j + 1 < len(tokens) and tokens[j][2] in firsts and \
                    tokens[j + 1][2] not in firsts and _is_surname(tokens[j + 1][2]) and \
                    tokens[j + 1][2] not in after:
                patronymic = tokens[j][2]  # a middle name: "Paul Nicholas Whelan"
                j += 1
            surname = tokens[j][2]
            follower = tokens[j + 1][2] if j + 1 < len(tokens) else None
            if not _is_surname(surname) or (follower and follower in after):
                i += 1
                continue
            start, end = tokens[i][0], tokens[j][1]
            out.append(Candidate(start, end, word, surname, patronymic, text[start:end]))
            i = j + 1
        core = tokens
        while core and (core[0][2] in stop or core[0][2] in cue_titles):
            core = core[1:]
        if len(out) == before and len(core) in (2, 3) and all(
                _is_surname(tok[2]) and tok[2] not in after for tok in core):
            loose.append((core[0][0], core[-1][1], [tok[2] for tok in core]))
    return out + _listed(text, out, loose) + _inverted(text, firsts) + _wrapped(text, firsts)


#: a given name that ends a line of wrapped prose and the surname that opens the next
_WRAPPED = re.compile(rf"(?<![\w.@/-])(?P<first>{_WORD})\n[ \t]*(?P<sur>{_WORD})(?![\w-])")
#: the shortest line that is wrapped prose (a list of names is no such line)
_PROSE_LINE = 50


def _wrapped(text: str, firsts: frozenset[str]) -> list[Candidate]:
    """Names broken over a line break of hard-wrapped prose ("... be admitted Olga\n
    Allenova"): a known given name ends a long line and a surname opens the next."""
    out = []
    for brk in _LETTER_BREAK.finditer(text):  # (the engine skips to line breaks)
        i = brk.start()
        line_start = text.rfind("\n", 0, i) + 1
        if i - line_start < _PROSE_LINE:
            continue
        word_start = text.rfind(" ", line_start, i) + 1
        if text[word_start:i] not in firsts:
            continue
        m = _WRAPPED.match(text, word_start, min(len(text), i + 40))
        if m is not None and _is_surname(m.group("sur")) and m.group("sur") not in firsts:
            out.append(Candidate(m.start(), m.end(), m.group("first"), m.group("sur"),
                                 None, " ".join(m.group().split())))
    return out


#: a line break between letters: where a wrapped line ends in a word and the next opens
#: with one
_LETTER_BREAK = re.compile(r"\n(?<=[^\W\d_]\n)(?=[ \t]*[^\W\d_])")


def _tokens(run: re.Match[str]) -> list[tuple[int, int, str]]:
    """The words and initials of a run with their offsets: what :data:`_TOKEN` finds in
    it, which are the parts between its single spaces (each part is the longest word or
    initial there, as the run's pattern took it)."""
    out = []
    at = run.start()
    for word in run.group().replace("\u00a0", " ").split(" "):
        out.append((at, at + len(word), word))
        at += len(word) + 1
    return out


#: a line that is a name given surname first, as database records and indexes head their
#: entries: "### Zhukov, Yegor", "**Sinitsa, Vladislav**"
_INVERTED = re.compile(rf"(?m)^[ \t#>*_-]*(?P<sur>{_WORD}),[ \t]+(?P<first>{_WORD})"
                       rf"(?:[ \t]+(?P<pat>{_WORD}))?[ \t*_]*$")
#: what each line of :data:`_INVERTED` holds: its comma, blanks and a capital (found at C
#: speed; the pattern itself, opening with ``^``, would be tried at every offset)
_INVERTED_COMMA = re.compile(rf",[ \t]+[{UPPER}]")


def _inverted(text: str, firsts: frozenset[str]) -> list[Candidate]:
    """The names of lines that give a surname, a comma and a known given name."""
    if ", " not in text:
        return []
    out = []
    tried = -1
    line = scanned = 0  # the line start, found from where the last search stopped
    for comma in _INVERTED_COMMA.finditer(text):
        # (a search back to the text's start for each comma is quadratic in a long line)
        line = max(line, text.rfind("\n", scanned, comma.start()) + 1)
        scanned = comma.start()
        if line <= tried:
            continue  # (one line, two commas)
        tried = line
        m = _INVERTED.match(text, line)
        if m is None:
            continue
        first, surname, patronymic = m.group("first"), m.group("sur"), m.group("pat")
        if first not in firsts or not _is_surname(surname) or (
                patronymic is not None and not _PATRONYMIC.search(patronymic)):
            continue
        out.append(Candidate(m.start("sur"), m.end(), first, surname, patronymic,
                             text[m.start("sur"):m.end()]))
    return out


_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|skii|tsky|enko|uk|yuk|chuk|ova|eva|"
                              r"yova|ina|yna|skaya|tskaya|ich|vili|dze|yan|ian)$")


def russian_surname(word: str) -> bool:
    """Whether a Latin word ends like a Russian (or Ukrainian, Georgian, Armenian) surname."""
    return _RUSSIAN_SURNAME.search(word) is not None


def _used_alone(text: str, surname: str, after: int) -> bool:
    """Whether ``surname`` appears again later as a word of its own (or with ’s), and as a
    person's name: not as a town's ("in Korolyov", "the Korolyov City Court")."""
    i = text.find(surname, after)
    while i >= 0:
        j = i + len(surname)
        if not text[i - 1].isalpha() and (j >= len(text) or not text[j].isalpha()) and \
                not _PLACE_BEFORE.search(text, max(0, i - 8), i) and \
                not _PLACE_AFTER.match(text, j):
            return True
        i = text.find(surname, j)
    return False


#: the words around a town's name that a person's surname does not have
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|from|near)\s$")
_PLACE_AFTER = re.compile(r"\s(?:City|District|Regional|Garrison)\b")


def _listed(text: str, found: list[Candidate],
            loose: list[tuple[int, int, list[str]]]) -> list[Candidate]:
    """Names whose given name is not in the gazetteer: listed next to known names
    ("X, Y and Evan Z"), or with a Russian-looking surname that the text uses again on its
    own ("Rustam Gataullin ... Gataullin said")."""
    edges = sorted([(c.start, c.end) for c in found])
    starts = [s for s, _ in edges]
    out: list[Candidate] = []
    # with few loose names, each first word is looked for on its own (a search at C speed)
    # instead of listing every lower-case word of the text
    lowered = f" {' '.join(_WORDS.findall(text))} " if len(loose) > _FEW_LOOSE else None
    chained = _chained(text, loose)
    for start, end, words in loose:
        i = bisect.bisect_left(starts, start)
        neighbours = []
        if i > 0:
            neighbours.append((edges[i - 1][1], start))
        if i < len(edges):
            neighbours.append((end, edges[i][0]))
        listed = any(_LIST_JOINT.fullmatch(text, a, b) for a, b in neighbours if a <= b)
        common = _written_lower(text, words[0].lower(), lowered)  # ("Supreme Court": "supreme")
        if not common and (listed or (_RUSSIAN_SURNAME.search(words[-1]) and (
                (start, end) in chained or _used_alone(text, words[-1], end)))):
            patronymic = words[1] if len(words) == 3 else None
            out.append(Candidate(start, end, words[0], words[-1], patronymic, text[start:end]))
    return out


#: the most loose names whose first words are looked for one by one
_FEW_LOOSE = 8
_LOWER_RUN = re.compile(r"[a-zа-яё]+")


def _written_lower(text: str, word: str, lowered: str | None) -> bool:
    """Whether ``word`` is a word the text also writes in lower case: one that
    :data:`_WORDS` finds, a run of word characters made of lower-case letters alone (found
    in ``lowered``, those words joined by spaces, when given)."""
    if lowered is not None:
        return f" {word} " in lowered
    return _LOWER_RUN.fullmatch(word) is not None and _whole_word(word).search(text) is not None


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` where no word character stands right before or after it (the literal first,
    so that the engine skips ahead to it at C speed)."""
    literal = re.escape(word)
    return re.compile(rf"{literal}(?<!\w{literal})(?!\w)")


def _chained(text: str, loose: list[tuple[int, int, list[str]]]) -> set[tuple[int, int]]:
    """The spans of loose names listed with at least one more ("Riza Izetov, Shaban Umerov
    and Raim Ayvazov"), every one of that list with a Russian-looking surname."""
    out: set[tuple[int, int]] = set()
    chain: list[tuple[int, int, list[str]]] = []
    for item in [*loose, None]:
        if item is not None and chain and _LIST_JOINT.fullmatch(text, chain[-1][1], item[0]):
            chain.append(item)
            continue
        if len(chain) >= 2 and all(_RUSSIAN_SURNAME.search(w[-1]) for _s, _e, w in chain):
            out.update((s, e) for s, e, _w in chain)
        chain = [item] if item is not None else []
    return out


def _ends_with_cue(prefix: str, nouns: frozenset[str]) -> bool:
    """Whether the (lower-cased) text before a name ends with a person noun or title."""
    words = prefix.replace(",", " ").split()
    return any(" ".join(words[-size:]) in nouns for size in (1, 2, 3) if len(words) >= size)


def cyrillic_candidates(text: str) -> list[Candidate]:
    out = []
    for match in russian.CYRILLIC_NAME.finditer(text):
        out.extend(names_of_run(match.group(), match.start()))
    if "\n" in text:
        out.extend(_cyrillic_wrapped(text))
    return out


#: capitalised Cyrillic words that end a line and open the next ("судьи Ирины\nАкимовой")
_CYR_WRAPPED = re.compile(r"(?:[А-ЯЁ][а-яё]+[ \u00a0])?[А-ЯЁ][а-яё]+\n"
                          r"(?=[А-ЯЁ])(?:[А-ЯЁ][а-яё]+)(?:[ \u00a0][А-ЯЁ][а-яё]+)?(?![\w-])")


def _cyrillic_wrapped(text: str) -> list[Candidate]:
    """Cyrillic names broken over a line break of hard-wrapped prose: the run of
    capitalised words read as if the break were a space, its names that span the break."""
    out: list[Candidate] = []
    for brk in _LETTER_BREAK.finditer(text):  # (the engine skips to line breaks)
        i = brk.start()
        line_start = text.rfind("\n", 0, i) + 1
        if i - line_start < _PROSE_LINE or not "А" <= text[i - 1].upper() <= "Я":
            continue
        last = text.rfind(" ", line_start, i) + 1  # the line's last word, and the one before
        before = text.rfind(" ", line_start, last - 1) + 1 if last > line_start else last
        m = _CYR_WRAPPED.match(text, before, min(len(text), i + 60)) or \
            _CYR_WRAPPED.match(text, last, min(len(text), i + 60))
        if m is None:
            continue
        run = m.group().replace("\n", " ")
        out.extend(c for c in names_of_run(run, m.start()) if c.start < i < c.end)
    return out


def names_of_run(run: str, offset: int) -> list[Candidate]:
    """The Cyrillic names of a run of capitalised words that starts at ``offset`` (the run
    as the text has it, or written as a name, of the same length): nominative, Latin form."""
    out = []
    for rel_start, rel_end, parts in russian.names_in_run(run):
        first = russian.transliterate(parts["first"])
        surname = russian.transliterate(parts["surname"])
        nominative = russian.nominative(run[rel_start:rel_end].replace("\u00a0", " "))
        out.append(Candidate(offset + rel_start, offset + rel_end, first, surname,
                             parts.get("patronymic"), f"{first} {surname}", nominative))
    return out
