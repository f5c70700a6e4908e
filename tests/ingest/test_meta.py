"""Title and stated publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from repression_kg.ingest import read_document
from repression_kg.ingest.meta import find_published, find_title, parse_date


@pytest.mark.parametrize("value,iso", [
    ("July 7, 2025", "2025-07-07"), ("7 July 2025", "2025-07-07"),
    ("Friday, 7 July 2025", "2025-07-07"), ("Sept. 3, 2024", "2024-09-03"),
    ("15 февраля 2023", "2023-02-15"), ("30 апреля 2023 г.", "2023-04-30"),
    ("2023-04-30T10:00:00+03:00", "2023-04-30"), ("07.03.2024", "2024-03-07"),
    ("May 2, 2024, 5:00 a.m. ET", "2024-05-02"),
    ("31 February 2023", None), ("March 2023", None), ("in 2023", None), ("", None),
])
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize("text,iso", [
    ("Headline\n\nPublished: 3 March 2024\n\nBody.", "2024-03-03"),
    ("Headline\nDate: 2024-03-03\nBody.", "2024-03-03"),
    ("Заголовок\nОпубликовано: 15 февраля 2023 г.\nТекст.", "2023-02-15"),
    ("Masthead\nHeadline\nJane Roe – April 30, 2023\nBody.", "2023-04-30"),
    ("Headline\n\n30.04.2023 | Moscow\n\nBody.", "2023-04-30"),
    ("Headline\n\nHe was detained on 3 March 2023 – the court said.", None),
    ("Headline\n" + "line\n" * 20 + "1 May 2020\n", None),  # too far down to be a dateline
    ("PRESS SERVICE\nPress release, 18 April 2025 (unofficial English translation prepared "
     "for our archive)\n\nBody.", "2025-04-18"),
    ("CASE FILE\nPublished: 6 May 2025 (updated after the appeal hearing)\n\nBody.",
     "2025-05-06"),
])
def test_find_published(text: str, iso: str | None) -> None:
    assert find_published(text) == iso


def test_find_title() -> None:
    assert find_title("\n\n  The case of A. B.  \nBody") == "The case of A. B."
    assert find_title("x" * 300 + "\nBody") is None


def test_seed_dates(seeds_dir: Path) -> None:
    found = {p.stem[:3]: read_document(p).published for p in sorted(seeds_dir.glob("*.txt"))}
    assert found["000"] == "2023-07-27"
    assert found["001"] == "2023-04-30"  # from the byline "… – April 30, 2023"
    assert found["003"] == "2025-07-07"


def test_a_publication_line_with_a_time_and_a_note() -> None:
    from repression_kg.ingest.meta import find_published
    assert find_published("LIVE: a trial\nPublished: 11 May 2023, 14:05 (last update)\n") == \
        "2023-05-11"
