"""Synthetic case documents for benchmarks: made-up people, realistic shapes.

>>> docs = list(generate_documents(3, seed=1, size=2000))
>>> [doc_id for doc_id, _ in docs]
['synthetic-000000', 'synthetic-000001', 'synthetic-000002']
>>> docs == list(generate_documents(3, seed=1, size=2000))
True

API: :func:`generate_documents` ``(n, seed=0, size=5000) -> Iterator[(id, text)]`` —
deterministic for a given seed; ``size`` is the approximate length in characters. About
one document in five is a Russian-language note. :func:`write_corpus` writes them as
``.txt`` files. Every name is invented by combining common first names and surnames; the
styles (NGO case page, news report, court report, open letter, Russian note) copy the
shape of the genre, not anyone's sentences.

Run ``python benchmarks/synthetic.py DIR N`` to write a corpus to disk.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

FIRST = ["Mikhail", "Anna", "Pavel", "Darya", "Igor", "Olga", "Sergei", "Yelena", "Dmitry",
         "Irina", "Alexei", "Nadezhda", "Viktor", "Svetlana", "Roman", "Ksenia", "Gleb",
         "Tatyana", "Artyom", "Vera"]
PATRONYMIC = ["Alekseevich", "Ivanovich", "Sergeevich", "Petrovich", "Olegovich", "Yurievich"]
SURNAME = ["Orlov", "Belov", "Sokolov", "Kuznetsov", "Zaitsev", "Morozov", "Volkov",
           "Lebedev", "Novikov", "Kozlov", "Pavlov", "Semyonov", "Golubev", "Vinogradov",
           "Bogdanov", "Vorobyov", "Fyodorov", "Mikhailov", "Tarasov", "Belyaev"]
# accusative forms, as "приговорил ... к" needs them
RU_FIRST = ["Михаила", "Павла", "Игоря", "Сергея", "Дмитрия", "Алексея", "Виктора", "Романа"]
RU_SURNAME = ["Орлов", "Белов", "Соколов", "Зайцев", "Морозов", "Волков", "Лебедев", "Новиков"]
CITIES = ["Barnaul", "Krasnoyarsk", "Tomsk", "Kazan", "Samara", "Penza", "Omsk", "Ufa",
          "Kursk", "Tver", "Vologda", "Arkhangelsk"]
RU_CITIES = ["Барнауле", "Красноярске", "Томске", "Казани", "Самаре", "Пензе", "Омске"]
CHARGES = [("207.3", "2", "spreading “fakes” about the army"),
           ("280.3", "1", "“discrediting” the armed forces"),
           ("205.2", "2", "justifying terrorism online"),
           ("275", None, "high treason"), ("338", "1", "desertion"),
           ("322", "1", "illegal border crossing"), ("282.2", "2", "taking part in an "
                                                              "“extremist” organisation"),
           ("212", "2", "calls to mass riots"), ("318", "1", "violence against an official")]
TERMS = ["two years", "three and a half years", "six and a half years", "20 months",
         "two years and eight months", "eight years", "five years"]
REGIMES = ["general-regime", "strict-regime", "special-regime"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]
ORGS = ["the human rights project Support Political Prisoners", "OVD-Info", "Memorial",
        "an independent outlet, Mediazona", "the Federal Security Service (FSB)"]


class _Case:
    """One made-up case: a defendant, a charge, a court, a sentence and dates."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.first, self.surname = rnd.choice(FIRST), rnd.choice(SURNAME)
        self.patronymic = rnd.choice(PATRONYMIC)
        self.his, self.him = "his", "him"
        if self.first in {"Anna", "Darya", "Olga", "Yelena", "Irina", "Nadezhda", "Svetlana",
                          "Ksenia", "Tatyana", "Vera"}:
            self.surname += "a"
            self.patronymic = self.patronymic[:-3] + "na"
            self.his, self.him = "her", "her"
        self.lawyer = f"{rnd.choice(FIRST)} {rnd.choice(SURNAME)}"
        self.city = rnd.choice(CITIES)
        self.article, self.part, self.label = rnd.choice(CHARGES)
        self.term, self.regime = rnd.choice(TERMS), rnd.choice(REGIMES)
        self.year = rnd.randint(2019, 2025)
        self.born = self.year - rnd.randint(19, 60)
        self.month = rnd.randrange(12)
        self.day = rnd.randint(1, 28)

    def date(self, shift: int = 0) -> str:
        month = (self.month + shift) % 12
        return f"{self.day} {MONTHS[month]} {self.year + (self.month + shift) // 12}"

    def citation(self) -> str:
        forms = [f"Article {self.article}" + (f", Part {self.part}," if self.part else "")
                 + " of the Russian Criminal Code",
                 f"Art. {self.article}" + (f"({self.part})" if self.part else ""),
                 (f"Part {self.part} of " if self.part else "") + f"Article {self.article}"]
        return self.rnd.choice(forms)

    def paragraphs(self) -> list[str]:
        name, full = f"{self.first} {self.surname}", (
            f"{self.first} {self.patronymic} {self.surname}")
        return [
            f"{full}, born {self.born}, was detained in {self.city} on {self.date()}. "
            f"Officers searched {self.his} flat and took away phones and a laptop.",
            f"Investigators charged {self.surname} with {self.label} under {self.citation()}. "
            f"{self.his.capitalize()} lawyer, {self.lawyer}, said the case rests on two posts on VK.",
            f"On {self.date(3)} the {self.city} Garrison Military Court found {self.surname} "
            f"guilty and sentenced {self.him} to {self.term} in a {self.regime} penal colony.",
            f"The appeal was heard on {self.date(6)}; the military appeals court upheld the "
            f"verdict. {self.rnd.choice(ORGS).capitalize()} considers {name} a political "
            f"prisoner whose right to freedom of expression was violated.",
            f"“I did not do anything that a free person should be punished for,” "
            f"{self.surname} told the court in {self.his} final statement… The prosecutor asked "
            f"for a longer term, i.e. the maximum under Art. {self.article}.",
            f"According to {self.rnd.choice(ORGS)}, at least {self.rnd.randint(20, 900)} "
            f"people have been prosecuted under Art. {self.article} since February 2022. "
            f"Lt. Col. {self.rnd.choice(SURNAME)} of the local FSB signed the report.",
        ]


def _english(rnd: random.Random, size: int) -> str:
    case = _Case(rnd)
    style = rnd.choice(["ngo", "news", "court", "letter"])
    title = {
        "ngo": f"{case.first} {case.surname} is a political prisoner",
        "news": f"{case.city} man jailed for {case.label}",
        "court": f"Verdict in the case of {case.first} {case.surname}",
        "letter": f"Open letter in support of {case.first} {case.surname}",
    }[style]
    parts = [title, f"Published: {case.date(7)}"]
    while sum(len(p) + 2 for p in parts) < size:
        paragraphs = case.paragraphs()
        tail = paragraphs[1:]
        rnd.shuffle(tail)
        paragraphs = paragraphs[:1] + tail
        parts.extend(paragraphs[: rnd.randint(3, len(paragraphs))])
        case = _Case(rnd)  # longer pages are roundups of several people
    return "\n\n".join(parts)[:size].rsplit(" ", 1)[0] + "."


def _russian(rnd: random.Random, size: int) -> str:
    parts = [f"Опубликовано: {rnd.randint(1, 28)} {rnd.choice(RU_MONTHS)} 2024 г."]
    while sum(len(p) + 2 for p in parts) < size:
        first, surname = rnd.choice(RU_FIRST), rnd.choice(RU_SURNAME)
        parts.append(
            f"Суд в {rnd.choice(RU_CITIES)} приговорил {first} {surname}а к "
            f"{rnd.randint(2, 9)} годам колонии общего режима по ч. 2 ст. 207.3 УК РФ "
            f"(«фейки» об армии). Его задержали {rnd.randint(1, 28)} {rnd.choice(RU_MONTHS)} "
            f"{rnd.randint(2021, 2024)} г. Адвокат намерен обжаловать приговор, т.е. подать "
            f"жалобу в апелляционный суд. Ранее ему назначили штраф в размере "
            f"{rnd.randint(30, 800)} тыс. рублей.")
    return "\n\n".join(parts)[:size].rsplit(" ", 1)[0] + "."


def generate_documents(n: int, seed: int = 0, size: int = 5000) -> Iterator[tuple[str, str]]:
    """``n`` synthetic case documents ``(id, text)`` of about ``size`` characters."""
    rnd = random.Random(seed)
    for i in range(n):
        text = _russian(rnd, size) if rnd.random() < 0.2 else _english(rnd, size)
        yield f"synthetic-{i:06d}", text


def write_corpus(directory: str | Path, n: int, seed: int = 0, size: int = 5000) -> list[Path]:
    """Write ``n`` documents as UTF-8 ``.txt`` files into ``directory``; return the paths."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, text in generate_documents(n, seed=seed, size=size):
        path = root / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/synthetic.py DIR N")
    print(len(write_corpus(sys.argv[1], int(sys.argv[2]))), "documents written")
