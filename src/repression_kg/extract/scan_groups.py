"""One :class:`~repression_kg.extract.prescan_group.PrescanGroup` for the cue patterns of
:mod:`repression_kg.extract.events` and the description patterns of
:mod:`repression_kg.extract.charges`, so that the literal starts of both are found in one
pass per document: whichever extractor asks first searches, the other reuses the
offsets the group keeps for the lower-cased text. A member's offsets do not depend on
the other members (tested), so each finds what a group of its own patterns finds.
"""

from __future__ import annotations

from functools import cache

from repression_kg.extract.prescan import Prescan
from repression_kg.extract.prescan_group import PrescanGroup


@cache
def cues_and_descriptions() -> tuple[PrescanGroup, int]:
    """The group: the event cues first, then the charge descriptions; and the member
    index of the first description."""
    from repression_kg.extract import charges, events  # both import this module

    cues = [Prescan(pattern) for _kind, _stems, pattern in events._cues()]
    return PrescanGroup(cues + [scan for scan, *_ in charges._descriptions()]), len(cues)
