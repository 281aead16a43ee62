"""locatedIn between the steps of an address or a dateline (``relate``'s address chain).

An address names its parts from the smallest to the largest, each after the other with
nothing but a comma, a line break, a bar or a house number between: "12 Mill Lane, Hull,
Yorkshire" gives Mill Lane in Hull and Hull in Yorkshire. Two places are a step of the chain
only when that is all that stands between them. Words between ("Reed Farm, near Hull",
"Mr. Hale, Esq., care of Mrs. Lowe, Hull"), a field label's colon ("Place: Hull"), a full
stop within the line before anything but a street ("Hull. Urgent.", a telegram's words) or a
blank line (a letterhead above a dateline) break the chain there, and a place named in a
title ("Minister for the Colonies, London") is no step. One link word of the rule's
"link_words" may join two steps ("Kirkby in Furness").

A town the authority file knows that comes before a street or a house ("Hull, 12 Mill
Lane", "Berlin, Linden Str. 4") is written the other way round: the street is in the town.

The writer lives in the town of the address, not in its house: when the place of writing is
a house, a street or a building ("Lamb House, Rye", "39, Frognal, Hampstead") and the chain
leads on from it, the next step is where the writer lives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from kgraph.model import Entity, Mention
from kgraph.text.line_patterns import HOUSE

__all__ = ["beyond_house", "chain_links", "editorial"]

# what may stand between two steps: separators, a house number ("No. 9", "423-425"), a
# postal district ("S.E.", "W.C.", "N. F.")
_SEPARATOR = r"[\s,;|/()>.\-–—]"
_NUMBER = r"(?:No\.?\s*)?\d+(?:\s*[-–]\s*\d+)?[a-z]?"
_DISTRICT = r"(?:[A-Z]\.\s?){1,2}|[NSEW]{1,2}\d{0,2}\b"
# "Moscow. Urgent", "Trin. Coll.": a full stop on the line ends a sentence or an abbreviation
_STOP = re.compile(r"\.[ \t]+")
_TITLED = re.compile(r"\b(?:the|of|for)\s+$", re.I)
# a house number right before or after a name: "No. 9, Piccadilly", "Linden Str. 4"
_NUMBER_BEFORE = re.compile(rf"(?<![\w.]){_NUMBER}[ \t,.]*$")
_NUMBER_AFTER = re.compile(rf"\.?[ \t]*{_NUMBER}(?=[ \t]*(?:[,;|]|$))", re.M)

# a line of prose, not of an address: five or more lower-case words ("Printed and published
# for the League at 13 Mill Road", "Exhibit No. 9 put in, and read by the Clerk")
_PROSE = re.compile(r"(?:\b[a-z]{2,}\b[^a-z\n]*){5}")


def editorial(text: str, m: Mention, start: int) -> bool:
    """Whether mention ``m`` of an address or dateline that begins at offset ``start`` stands
    in an editor's bracketed note ("[Footnote 2: … at Bath in 1801.]") or on a line of
    prose: such a place is no part of the address."""
    before = text[start : m.start]
    if before.count("[") > before.count("]"):
        return True
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    return bool(_PROSE.search(text[line_start : line_end if line_end >= 0 else len(text)]))


def _between(link_words: Sequence[str]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in link_words) or "(?!)"
    part = rf"(?:{_SEPARATOR}|{_NUMBER}|{_DISTRICT})"
    return re.compile(rf"{part}*(?:(?<!\S)(?:{words})\s+)?{part}*")


def chain_links(
    text: str,
    places: list[tuple[Mention, Entity]],
    streets: frozenset[str],
    skip: frozenset[str],
    link_words: Sequence[str],
) -> Iterator[tuple[str, str]]:
    """(inner key, outer key) for each two places of one address (``places`` in text order)
    that stand next to each other as steps of its chain."""
    between = _between(link_words)
    for (m1, e1), (m2, e2) in pairwise(places):
        # "Camp, Kazeh": a bare word of the kind is no step; "Kazeh, Lake X" is near, not in
        if e1.key == e2.key or _words(m1) <= skip or _words(m2) & skip:
            continue
        gap = text[m1.end : m2.start]
        if "\n\n" in gap.replace(" ", "") or not between.fullmatch(gap):
            continue
        if _STOP.fullmatch(gap) and not _street(text, m2, streets):  # "Viola. Mill Row" holds
            continue
        if _TITLED.search(text, 0, m1.start):  # "President of the United States, Washington"
            continue
        # "London, Grosvenor Square", "Berlin, Cuxhavener Str. 2": the street is in the town
        if e1.authority_id and not _street(text, m1, streets) and _street(text, m2, streets):
            yield e2.key, e1.key
        else:
            yield e1.key, e2.key


def _words(m: Mention) -> set[str]:
    return set(m.text.lower().split())


def _street(text: str, m: Mention, streets: frozenset[str]) -> bool:
    """Whether mention ``m`` names a street or a house: an address word in it ("Mill Lane",
    "Linden Str.") or a house number right before or after it ("No. 9, Piccadilly")."""
    words = {w.rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", m.text.lower())}
    tail = re.search(r"(?:str|straße|strasse|gasse|allee|weg|platz)\.?$", m.text.lower())
    return bool(
        words & streets
        or tail
        or _NUMBER_BEFORE.search(text, 0, m.start)
        or _NUMBER_AFTER.match(text, m.end)
    )


def beyond_house(
    text: str,
    home: str,
    places: list[tuple[Mention, Entity]],
    chain: list[tuple[str, str]],
    streets: frozenset[str],
) -> str:
    """The place the chain leads to from ``home`` when ``home`` names a house, a street or a
    building ("Lamb House, Rye": Rye), else ``home``."""
    after = [outer for inner, outer in chain if inner == home]
    mentions = [m for m, e in places if e.key == home]
    if (
        after
        and mentions
        and (HOUSE.search(mentions[0].text) or _street(text, mentions[0], streets))
    ):
        return after[0]
    return home
