"""HTML and Markdown to visible text."""

from __future__ import annotations

import time

import pytest

from repression_kg.ingest.markup import defuse, html_to_text, markdown_title, markdown_to_text

PAGE = """<!DOCTYPE html><html><head><title>Case of A. &amp; B.</title>
<meta property="article:published_time" content="2024-02-15T09:00:00Z">
<style>p { color: red }</style><script>alert("x")</script>
<link rel="stylesheet" href="https://example.org/x.css"></head>
<body><nav>Home | About</nav><h1>Headline</h1>
<p>First <b>bold</b> paragraph&nbsp;with &laquo;quotes&raquo;.</p>
<template><p>hidden</p></template><noscript>enable JS</noscript>
<ul><li>one</li><li>two</li></ul><div>line<br>break</div>
<table><tr><td>cell a</td><td>cell b</td></tr></table>
<img src="https://tracker.example/p.gif"><p>Last.</p></body></html>"""


def test_html_visible_text_only() -> None:
    page = html_to_text(PAGE)
    assert page.text == ("Headline\n\nFirst bold paragraph\u00a0with «quotes».\n\none\ntwo\n\n"
                         "line\nbreak\n\ncell a | cell b\n\nLast.")
    assert page.title == "Case of A. & B."
    assert page.published == "2024-02-15T09:00:00Z"


def test_html_fragment_and_broken_markup() -> None:
    page = html_to_text("<p>open <b>never closed <script>var a='</p>';</script> end")
    assert page.text == "open never closed end"
    assert html_to_text("<div>a < b && c > d</div>").text == "a < b && c > d"


def test_html_title_falls_back_to_h1() -> None:
    assert html_to_text("<body><h1>The <i>case</i></h1><p>x</p></body>").title == "The case"


def test_defuse_escapes_only_unclosable_brackets() -> None:
    page = "a < b <p>x</p> <!-- <b> --> <script>if (a<b) {}</script> <a <b> <a t='x>y'>z"
    assert defuse(page) == page.replace("a < b", "a &lt; b").replace("<a <b>", "&lt;a <b>")
    assert html_to_text(page).text == "a < b\n\nx\n\n<a z"


@pytest.mark.parametrize("unit", ["<a ", "<!--", "</", "<?", "<!", "<x", "<", "<script>",
                                  '<a title="x>y', "<a title='x>y", '<p a="b">"\'<'])
def test_hostile_html_is_linear(unit: str) -> None:
    start = time.perf_counter()
    html_to_text(unit * (200_000 // len(unit)))
    assert time.perf_counter() - start < 5  # quadratic parsing took minutes here


def test_html_is_linear() -> None:
    big = "<div><p>word &amp; <b>bold</b></p>" * 10_000
    start = time.perf_counter()
    assert html_to_text(big).text.startswith("word & bold")
    assert time.perf_counter() - start < 10


def test_markdown_to_text() -> None:
    md = ("# The **case** #\n\nSee [the ruling](https://x.org/r) and ![photo](p.jpg).\n\n"
          "> quoted *emphasis* and snake_case_name\n\n```\ncode *kept*\n```\n\n"
          "<div class=\"x\">\n\n* item\n\nSetext\n------\n\n[ref]: https://x.org\n")
    assert markdown_to_text(md) == ("The case\n\nSee the ruling and photo.\n\n"
                                    "quoted emphasis and snake_case_name\n\ncode *kept*\n\n"
                                    "- item\n\nSetext")
    assert markdown_title(md) == "The case"


def test_markdown_adversarial_line_is_fast() -> None:
    line = "**[" * 100_000 + "_`<a " * 50_000
    start = time.perf_counter()
    markdown_to_text(line)
    assert time.perf_counter() - start < 10


def test_only_a_marked_time_is_the_publication_date() -> None:
    assert html_to_text("<p>Detained <time datetime='2022-03-01'>then</time>.</p>").published is None
    page = html_to_text("<time pubdate datetime='2023-01-02'>2 Jan</time><p>x</p>")
    assert page.published == "2023-01-02"


def test_markdown_entities() -> None:
    assert markdown_to_text("A &amp; B &laquo;C&raquo;") == "A & B «C»"


def test_an_apostrophe_inside_a_quoted_attribute_opens_nothing() -> None:
    page = html_to_text('<p>Before</p><img src="a.jpg" alt="the defendants\' box" width="9">'
                        "<p>After</p>")
    assert page.text == "Before\n\nAfter"


def test_table_rows_are_lines_with_their_cells_apart() -> None:
    page = html_to_text("<table><caption>Verdicts</caption><tr><th>Name</th><th>Term</th></tr>"
                        "<tr><td>Ivan Petrov</td><td>6 years</td></tr></table>")
    assert page.text == "Verdicts\nName | Term\nIvan Petrov | 6 years"
