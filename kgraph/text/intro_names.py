"""What an editor's introduction says of the letter below it: the writer and the addressee
it names ("The following letter was written by Joseph Mazzini to his friend, W. J. Linton,
…") and where the letter was written from ("… from his hiding-place at Lausanne")."""

from __future__ import annotations

import re

from kgraph.text.dates import MONTHS
from kgraph.text.headings import KIN, NAME, clean_name

__all__ = ["intro_parties", "intro_place"]

_INTRO = re.compile(
    rf"(?:\b(?i:letters?\s+(?:of|from))\s+(?P<s2>{NAME})(?:,[^,]{{1,60}},)?\s+to\s+"
    rf"(?:his|her|their)\s+{KIN}(?P<r2>{NAME})(?=\s*[,;:.(]|\s+(?:in|at|from|on|who)\b)|"
    rf"\bletter\b[^.:;]{{0,60}}?\b(?:written|sent|addressed)\s+by\s+(?P<s>{NAME})"
    rf"(?:,[^,]{{1,60}},)?\s+to\s+(?:(?:his|her|their|an?|the)\s+)?"
    rf"(?:(?:old\s+|dear\s+|young\s+)?(?:friend|brother|sister|wife|husband|son|daughter|"
    rf"father|mother|colleague|comrade|publisher|editor|patron|correspondent)s?,?\s+)?"
    rf"(?P<r>{NAME})(?=\s*[,;:.(]|\s+(?:in|at|from|on|during|when|who|the)\b))",
)


_FROM_PLACE = re.compile(
    r"\bfrom\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:(?:at|in)\s+)?"
    r"(?P<p>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"
)


def intro_place(sentence: str) -> tuple[int, int] | None:
    """Where an introduction says the letter was written from ("… from his hiding-place at
    Lausanne in October 1849")."""
    for m in _FROM_PLACE.finditer(sentence):
        if m["p"].lower().rstrip(".") not in MONTHS:
            return m.span("p")
    return None


def intro_parties(
    text: str,
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """Sender, recipient and the sentence that names them, from an editor's introduction
    ("The following letter was written by Joseph Mazzini to his friend, W. J. Linton, …")."""
    m = _INTRO.search(text)
    if m is None:
        return None
    which = (
        ("s", "r") if m["s"] else ("s2", "r2")
    )  # "written by X to Y", "Letter of X to his KIN, Y"
    s, r = clean_name(text, *m.span(which[0])), clean_name(text, *m.span(which[1]))
    if s is None or r is None:
        return None
    begin = max(text.rfind(". ", 0, m.start()) + 2, 0) if text.rfind(". ", 0, m.start()) >= 0 else 0
    ends = [i for i in (text.find(". ", m.end()), text.find(":", m.end())) if i >= 0]
    return s, r, (begin, min(ends) if ends else len(text))
