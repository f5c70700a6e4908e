"""The extraction context's lookups by offset give what a scan of the text gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract.base import Context
from repression_kg.facts import Document


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=40))
def test_line_start_is_the_last_line_break_before(text: str) -> None:
    ctx = Context(doc=Document.from_text("d", text), facts=None)  # type: ignore[arg-type]
    for offset in range(len(text) + 1):
        assert ctx.line_start(offset) == text.rfind("\n", 0, offset) + 1
