"""HTML and Markdown → the visible text, in linear time, never fetching anything.

:func:`html_to_text` uses the standard library's tolerant ``html.parser``: scripts, styles,
templates, ``<noscript>``, ``<head>`` (except its ``<title>``), SVG and forms are dropped;
block elements start new lines, paragraphs and headings are separated by blank lines;
entities are decoded. Publication metadata (``<meta property="article:published_time">``,
``<time datetime>``) is returned alongside.

:func:`markdown_to_text` strips heading marks, emphasis, link and image targets (keeping
the link text), code fences and raw HTML blocks; :func:`split_front_matter` takes off a
``---`` front-matter block (title, date) first.

>>> html_to_text("<p>A &amp; B<script>x()</script></p><p>C</p>").text
'A & B\\n\\nC'
>>> markdown_to_text("# Title\\n\\nSee **[this](http://x)**.")
'Title\\n\\nSee this.'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HIDDEN = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe",
           "object", "canvas", "select", "button", "textarea", "nav"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul",
              "ol", "dl", "figure", "section", "article", "header", "footer", "main",
              "aside", "address", "hr", "form", "fieldset", "details"}
_LINE = {"br", "div", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "option",
         "legend"}
_CELL = {"td", "th"}
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date",
              "dc.date.issued", "dcterms.created", "pubdate", "publish-date", "og:published_time")


@dataclass
class Markup:
    """What an HTML page yields: visible text, its title and a stated publication date."""

    text: str
    title: str | None = None
    published: str | None = None


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # stack of open hidden elements
        self.in_title = False
        self.title: list[str] = []
        self.h1: list[str] | None = None
        self.first_h1: str | None = None
        self.meta: dict[str, str] = {}
        self.time: str | None = None

    def _brk(self, mark: str) -> None:
        self.parts.append(mark)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and "svg" not in self.hidden:
            self.in_title = True
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and self.time is None:
            # only a time marked as the publication date, not one in the story
            a = {k: (v or "") for k, v in attrs}
            if "pubdate" in a or (a.get("itemprop") or "").lower() == "datepublished":
                self.time = a.get("datetime") or None
        if tag in _VOID and tag not in _PARAGRAPH | _LINE:
            return
        if tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag in _PARAGRAPH:
            self._brk("\x00P")
        elif tag in _LINE:
            self._brk("\x00L")
        elif tag in _CELL:
            self._brk("\x00C")
        if tag == "h1" and self.first_h1 is None and not self.hidden:
            self.h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag == "h1" and self.h1 is not None:
            self.first_h1 = " ".join("".join(self.h1).split()) or None
            self.h1 = None
        if tag in _PARAGRAPH:
            self._brk("\x00P")
        elif tag in _LINE:
            self._brk("\x00L")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.hidden:
            return
        self.parts.append(data.replace("\x00", ""))
        if self.h1 is not None:
            self.h1.append(data)


_WS = re.compile(r"[ \t\r\n\f\v]+")
_MARK = re.compile(r"\x00([PLC])")


def _layout(raw: str) -> str:
    """Collapse whitespace as a browser does; turn block markers into line breaks, and
    table cells into `` | `` between the cells of a row (so a table reads as one line per
    row, its columns kept apart).

    Split on the markers first (no pattern that can rescan a long run of spaces), then
    join the non-empty pieces with the strongest break seen between them.
    """
    tokens = _MARK.split(raw)
    out: list[str] = []
    pending = ""
    cell = False
    for k, token in enumerate(tokens):
        if k % 2:
            if token == "C":
                cell = True
            else:
                pending = "\n\n" if token == "P" or pending == "\n\n" else "\n"
            continue
        piece = _WS.sub(" ", token).strip(" ")
        if not piece:
            continue
        if out:
            out.append(pending or (" | " if cell else " "))
        out.append(piece)
        pending = ""
        cell = False
    return "".join(out)


_ANGLE = re.compile(r"[<>]")
_QUOTE_MARK = re.compile(r"[\"']")
_RAW_TEXT = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b", re.I)
_CLOSERS = {name: re.compile(rf"</{name}", re.I) for name in
            ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")}


def defuse(page: str) -> str:
    """Escape every ``<`` that cannot open a complete tag, in one linear pass.

    ``html.parser`` rescans to the end of the input for each unterminated ``<`` (``<a <a
    <a ...``, ``<!--<!--``): quadratic time on hostile input. A ``<`` is kept only when
    the next angle bracket is a ``>`` outside quotes; closed comments and raw-text elements (script,
    style) are passed over whole. Searches that find nothing are remembered, so no
    search runs twice to the end of the page.
    """
    if "<" not in page:
        return page
    out: list[str] = []
    last_comment_end = page.rfind("-->")
    unclosed: set[str] = set()
    done = skip_to = 0
    pending = -1  # position of a "<" waiting for its ">"

    def escape(at: int) -> None:
        nonlocal done
        out.append(page[done:at])
        out.append("&lt;")
        done = at + 1

    quote = ""  # the quotation mark of the attribute value open in the pending tag
    prev = 0
    for m in _ANGLE.finditer(page):
        pos = m.start()
        if pos < skip_to:
            continue
        if pending >= 0:
            # (an apostrophe inside a double-quoted value, alt="the defendants' box",
            # opens nothing)
            for q in _QUOTE_MARK.finditer(page, prev, pos):
                if not quote:
                    quote = q.group()
                elif quote == q.group():
                    quote = ""
        prev = pos + 1
        if m.group() == ">":
            if not quote:
                pending = -1  # inside an open quotation a ">" does not end the tag
            continue
        if pending >= 0:  # "<" ... "<": the earlier one opens nothing
            escape(pending)
        pending, quote = pos, ""
        if page.startswith("<!--", pos) and pos + 4 <= last_comment_end:
            skip_to, pending = page.index("-->", pos + 4) + 3, -1
            continue
        raw = _RAW_TEXT.match(page, pos)
        if raw and raw.group(1).lower() not in unclosed:
            name = raw.group(1).lower()
            close = _CLOSERS[name].search(page, raw.end())
            if close is None:
                unclosed.add(name)
            elif ">" in page[raw.end():close.start()]:
                skip_to, pending = close.start(), -1
    if pending >= 0:
        escape(pending)
    out.append(page[done:])
    return "".join(out)


def html_to_text(page: str) -> Markup:
    """The visible text of an HTML document or fragment, with title and stated date."""
    parser = _Visible()
    parser.feed(defuse(page))
    parser.close()
    text = _layout("".join(parser.parts))
    title = " ".join("".join(parser.title).split()) or parser.first_h1
    published = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None)
    return Markup(text=text, title=title, published=published or parser.time)


_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_HTML_BLOCK = re.compile(r"^ {0,3}</?[A-Za-z][^>]*>[ \t]*$")
# Character classes exclude the opening bracket, so no position is scanned twice
# (linear time on "[[[[" or "](](](" lines).
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]{0,1000})\]\[[^\[\]\n]{0,200}\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]{1,200}\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_EMPHASIS = re.compile(r"(?<![\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])")
_CODE = re.compile(r"`+")
_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_BULLET = re.compile(r"^( {0,3})[*+-][ \t]+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,2000})?/?>")
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown document: what a reader sees when it is rendered."""
    out: list[str] = []
    in_fence = False
    for line in md.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            continue
        if _HTML_BLOCK.match(line) or _REF_DEF.match(line) or _RULE.match(line):
            out.append("")
            continue
        line = _HEADING.sub("", line).rstrip("# \t") if _HEADING.match(line) else line
        line = _QUOTE.sub("", line)
        line = _BULLET.sub(r"\1- ", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
        line = _AUTOLINK.sub(r"\1", line)
        line = _TAG.sub("", line)
        line = _CODE.sub("", line)
        line = _EMPHASIS.sub("", line)
        out.append(line.rstrip())
    text = html.unescape("\n".join(out))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_FRONT = re.compile(r"---[ \t]*\n(.{0,4000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,40})\s*:\s*(.*?)\s*$")


def split_front_matter(md: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter (``---`` … ``---`` at the very top) → its simple
    ``key: value`` fields (lower-cased keys, quotes stripped) and the rest of the text."""
    m = _FRONT.match(md)
    if not m:
        return {}, md
    fields: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        field = _FIELD.match(line)
        if field and field.group(2):
            fields[field.group(1).lower()] = field.group(2).strip("\"'")
    return fields, md[m.end():]


def markdown_title(md: str) -> str | None:
    """The first ATX heading (``# Title``) of a Markdown document, if any."""
    for line in md.split("\n", 200)[:200]:
        if _HEADING.match(line):
            title = _EMPHASIS.sub("", _HEADING.sub("", line).rstrip("# \t")).strip()
            if title:
                return title
    return None
