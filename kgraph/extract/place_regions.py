"""locatedIn between a place and the county, state, land or country written right after it
with a comma: "at Partney, Lincolnshire", "North Platte, Nebraska", "Clarens, Switzerland".

Only a place followed by a region (``PlaceSense.is_region``: a country or a state the
knowledge base knows and no large town, or a county or land of ``region-names.txt``) and
itself no region is read so: "Paris, London and Berlin" lists towns, and "France, Germany"
lists countries. Addresses and datelines are the address chain's (``address_chain``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from kgraph.model import Entity, Letter, TextSpan

__all__ = ["place_and_region"]

# what stands between the place and its region: a comma, and a line break at most
_COMMA = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*")


def place_and_region(
    letter: Letter, entities: tuple[Entity, ...], is_region: Callable[[str], bool]
) -> Iterator[tuple[str, str, TextSpan]]:
    """(place, region, evidence) for each "PLACE, REGION" the letter writes outside its
    address and dateline."""
    text = letter.source.text
    skip = [s for s in (letter.address, letter.dateline, letter.addressee) if s is not None]
    spots = sorted(
        (m.start, m.end, m.text, e.key)
        for e in entities
        if e.type == "Place"
        for m in e.mentions
        if not any(s.start <= m.start < s.end for s in skip)
    )
    for (start, end, name, inner), (nstart, nend, nxt, outer) in pairwise(spots):
        if inner == outer or not _COMMA.fullmatch(text[end:nstart]):
            continue
        if _listed(text, nend):
            continue  # "Paris, Lyon, Nantes and Lille", "Bombay, Bengal and Madras": a list
        if is_region(nxt) and not is_region(name):
            yield inner, outer, TextSpan(start, nend, text[start:nend])


def _listed(text: str, end: int) -> bool:
    """Whether a list goes on after the name ending at ``end``: ", X and", ", X,", "and X"."""
    rest = text[end : end + 40]
    return bool(
        re.match(r",[ \t]*[A-Z][\w'’. -]{0,30}?(?:,|\s+and\s)", rest)
        or re.match(r",?\s+(?:and|or|&)\s+[A-Z]", rest)
    )
