"""Punishments named without a term of months: fines ("fined him 30,000 roubles", "штраф
400 тысяч рублей", "was twice fined"), life terms, administrative arrests (in days), a
suspended sentence, a ban or compulsory treatment whose length the text does not give ("replaces the prison term with a suspended sentence", "bars
her from practising medicine").

Part of the sentences extractor (see :mod:`repression_kg.extract.sentences`): the same
subjects, dates, courts and merging.
"""

from __future__ import annotations

import re

from repression_kg.extract import prescan
from repression_kg.extract.anchored import Anchored
from repression_kg.extract.base import Context
from repression_kg.extract.prescan import Prescan
from repression_kg.extract.sentence_common import (
    BACK,
    Needs,
    add_sentence,
    cue_pattern,
    regime_in,
    sentence_court,
    sentence_date,
    threat,
)
from repression_kg.extract.subject_groups import previous_sentence
from repression_kg.extract.subjects import subject_persons
from repression_kg.facts import Regime, Sentence, SentenceKind

_FINE = re.compile(
    r"(?i)(?<!\w)(?:fine[sd](?:\s(?:him|her|them|each|both|[A-Z][a-z]+)){0,2}|fine of|fine|"
    r"оштрафова\w+(?:\s\w+)?\sна|штраф\w*(?:\s(?:в размере|размером|в))?)\s{1,4}(?:of\s)?"
    r"(?P<amt>\d[\d\s,.]{0,12}\d|\d)\s?(?P<scale>thousand|million|тыс\.?|тысяч\w{0,2}|млн)?\s?"
    r"(?P<cur>rubles?|roubles?|руб\w{0,4}|₽|tenge|тенге|euros?|€|dollars?|US dollars|\$)")
_FINE_WORDS = re.compile(
    r"(?i)(?<!\w)(?:(?:handed|given|ordered to pay|sentenced to|received|got)\s(?:a|an)\s"
    r"(?:\w+\s)?fine|(?:was|were|been|then|later|also|twice|repeatedly|subsequently)\s"
    r"(?:\w+\s)?fined|приговорил\w{0,2}\s(?:\w+\s){0,3}к\sштрафу|назначил\w{0,2}\sштраф|"
    r"о?штрафова\w+)(?!\w)")
#: the amount before the word ("a 300,000-rouble fine", "300k ₽ fine", "штраф" after it);
#: searched from its "fine" (its start is any digit)
_AMOUNT_CURRENCY = (r"(?<![\w.,])\d[\d,. ]{0,10}(?<=\d)\s?(?:k|thousand|million|тыс\.?|"
                    r"тысяч\w{0,2})?[\s-]?(?:rubles?|roubles?|руб\w{0,4}|₽|euros?|€|dollars?|\$|"
                    r"tenge)[\s-]")
_FINE_AFTER_AMOUNT = re.compile(rf"(?i){_AMOUNT_CURRENCY}fine(?!\w)")
_FINES: tuple[Prescan | Anchored, ...] = (
    Prescan(_FINE), Prescan(_FINE_WORDS),
    Anchored(_FINE_AFTER_AMOUNT, _AMOUNT_CURRENCY, r"fine(?!\w)"))
#: a life term: imprisonment with no number of months
_LIFE = Prescan(re.compile(
    r"(?i)(?<!\w)(?:life (?:sentence|imprisonment|term)|(?:sentenced|jailed) (?:him |her |them )?"
    r"(?:to|for) life|life in (?:prison|a (?:special[- ]regime )?colony)|пожизненн\w+ "
    r"(?:лишени\w+ свободы|заключени\w+|срок\w*))(?!\w)"))
_TWICE = re.compile(r"(?i)(?<!\w)(?:twice|two times|дважды)(?!\w)")


#: a suspended sentence named without its length ("replaces the prison term with a
#: suspended sentence", "получил условный срок")
_SUSPENDED = Prescan(re.compile(r"(?i)(?<!\w)(?:suspended (?:sentence|term)|условн\w+ (?:срок\w*|"
                                r"наказани\w+))(?!\w)"))
#: compulsory psychiatric treatment ordered by a court, without a term ("ordered that he be
#: sent to a psychiatric hospital for compulsory treatment", "принудительное лечение")
_TREATMENT = Prescan(re.compile(
    r"(?i)(?<!\w)(?:compulsory (?:(?:outpatient|inpatient|in-patient|out-patient) )?"
    r"(?:psychiatric )?treatment|(?:forced|involuntary) psychiatric "
    r"treatment|принудительн\w+ (?:лечени\w+|мер\w* медицинского характера))(?!\w)"))
#: a ban from an activity, given with a verdict ("bars her from practising medicine")
_BAN = Prescan(re.compile(
    r"(?i)(?<!\w)(?:bar(?:s|red)?|ban(?:s|ned)?|prohibit(?:s|ed)?|disqualif(?:ies|ied))\s"
    r"(?:(?:him|her|them)\s)?from\s(?:practi[sc]ing|working|teaching|posting|administering|"
    r"holding|running|publishing|engaging|using|taking part)(?!\w)|"
    r"(?<!\w)ban\son\s(?:practi[sc]ing|working|teaching|posting|"
    r"administering|holding|running|publishing|engaging|using|taking part|journalism|"
    r"public|political)(?!\w)|"
    r"запрет\w*\s(?:\w+\s)?(?:на\s)?"
    r"(?:занятие|заниматься|администрирование)(?!\w)"))
#: an administrative arrest ("served a short administrative detention", "ten days of
#: administrative arrest", "арестовали на 15 суток"): a penalty in days, kind "other"
_ADMIN_ARREST = Prescan(re.compile(
    r"(?i)(?<!\w)(?:(?:served|given|received|got|sentenced to|jailed for)\s(?:a\s|an\s)?"
    r"(?:[\w-]+\s){0,2}administrative\s(?:arrest|detention)|(?:\d{1,2}|[a-z]+)[\s-]days?['’]?"
    r"\s(?:of\s)?administrative\s(?:arrest|detention)|"
    r"(?:held|jailed|detained|spent|served)\s(?:for\s)?(?:\d{1,2}|[a-z]+)\sdays\s(?:under|on|in)\s"
    r"(?:an\s)?administrative\s"
    r"(?:arrest|detention)|административн\w+\sарест\w*|"
    r"(?:арестовал\w*|арестован\w*)\sна\s\d{1,2}\sсут\w+)(?!\w)"))
#: a duration right before a term-less penalty ("a two-year suspended sentence")
_TERM_BEFORE = re.compile(r"(?i)(?:\d|(?<!\w)(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"a|an))[\s-](?:and[\s-]a[\s-]half[\s-])?(?:years?|months?)(?:['’]s?)?"
                          r"[\s-](?:[\w-]+\s)?$")
#: a duration right after a term-less penalty: then the duration gives it (sentences.py)
_TERM_NEAR = re.compile(r"(?i)[^.;]{0,40}?\d|[^.;]{0,40}?(?<!\w)(?:one|two|three|four|five|"
                        r"six|seven|eight|nine|ten|a|an)[\s-](?:and a half\s)?(?:years?|"
                        r"months?)(?!\w)")


def add_penalties(ctx: Context, found: dict, low: str) -> None:
    """Add the fines, life terms and term-less suspended sentences and bans of the text."""
    scan_low = prescan.lowered(ctx)
    if "fine" in low or "штраф" in low:
        for scan in _FINES:
            for m in scan.finditer(ctx.text, scan_low):
                if threat(ctx, m.start(), strong_only=True):
                    continue
                s_start, s_end = ctx.sentence_at(m.start())
                # twice: "was twice fined"
                times = 2 if _TWICE.search(ctx.text, max(s_start, m.start() - 12),
                                           min(s_end, m.end() + 8)) else 1
                # the end of the match, so that "fined him" finds who "him" is
                _add_all(ctx, found, m, "fine", subject_persons(ctx, m.end()), times)
    if "life" in low or "пожизн" in low:
        for m in _LIFE.finditer(ctx.text, scan_low):
            if not threat(ctx, m.start()):
                # the regime told with it ("life in a special-regime colony")
                s_end = ctx.sentence_at(m.start())[1]
                regime = regime_in(ctx.text[m.end():min(s_end, m.end() + 60)])
                _add_all(ctx, found, m, "imprisonment",
                         subject_persons(ctx, m.start(), also=BACK), regime=regime)
    if "administrative" in low or "административн" in low or "сут" in low:
        for m in _ADMIN_ARREST.finditer(ctx.text, scan_low):
            if not threat(ctx, m.start(), strong_only=True):
                _add_all(ctx, found, m, "other", subject_persons(ctx, m.start()))
    specs: tuple[tuple[Prescan, SentenceKind, tuple[str, ...]], ...] = (
        (_SUSPENDED, "suspended", ("suspended", "условн")),
        (_BAN, "other", ("bar", "ban", "prohibit", "disqualif", "запрет")),
        (_TREATMENT, "compulsory_treatment", ("treatment", "принудительн")))
    for scan, kind, stem in specs:
        if not any(w in low for w in stem):
            continue
        for m in scan.finditer(ctx.text, scan_low):
            s_start = ctx.sentence_at(m.start())[0]
            if _TERM_NEAR.match(ctx.text, m.end()) or _TERM_BEFORE.search(
                    ctx.text, max(s_start, m.start() - 30), m.start()) or threat(
                    ctx, m.start(), strong_only=True) or (
                    kind != "compulsory_treatment" and not _verdict_near(ctx, m)):
                continue  # (only a court orders compulsory treatment: no verdict cue needed)
            persons = [p for p in subject_persons(ctx, m.end(), also=BACK) if not any(
                s.person == p and s.kind == kind and s.months for s in found.values())]
            # (a headline's "suspended term" is the two-year suspended sentence of the text)
            _add_all(ctx, found, m, kind, persons)


def _add_all(ctx: Context, found: dict, m: re.Match[str], kind: SentenceKind, persons: list[str],
             times: int = 1, regime: Regime | None = None) -> None:
    s_start, s_end = ctx.sentence_at(m.start())
    date = sentence_date(ctx, s_start, s_end, m.start())
    court = sentence_court(ctx, s_start, s_end)
    if _LEFT_UNCHANGED.search(ctx, s_start, s_end):
        date = court = None  # "the fine ... was left unchanged": the one given before
    for person in persons:
        for n in range(times):
            add_sentence(ctx, found, Sentence(person, kind, None, regime, date, court),
                         m.start(), m.end(), copy=n)


#: a sentence that upholds a penalty given before (a mention of it, not a new one)
_LEFT_UNCHANGED = Needs(re.compile(
    r"(?i)(?<!\w)(?:(?:left|remained|was kept|were kept)\s(?:\w+\s){0,3}unchanged|"
    r"оставлен\w*\sбез\sизменени\w*)(?!\w)"), ("unchanged", "изменени"))


def _verdict_near(ctx: Context, m: re.Match[str]) -> bool:
    """A sentencing cue outside ``m`` in its sentence or the one before it (a term-less ban
    or suspended sentence is a punishment only next to a verdict, not a pre-trial measure
    or an explanation: "A suspended sentence means ...")."""
    s_start, s_end = ctx.sentence_at(m.start())
    prev, _ = previous_sentence(ctx, s_start)
    cues = cue_pattern()
    return cues.search(ctx.text, max(prev, m.start() - 400), m.start()) is not None or \
        cues.search(ctx.text, m.end(), min(s_end, m.end() + 400)) is not None
