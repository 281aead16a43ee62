"""Words around a name in an editor's heading that are not the name: an office alone ("the
Prime Minister"), ranks and styles before it ("GOVERNOR SIR", "the RIGHT HON.", "À
Monsieur"), a possessive or a preposition that makes it a kinship or a place ("TO HIS
WIFE", "… IN HAMBURG"). ``headings`` reads the parties with them."""

from __future__ import annotations

import re

from kgraph.text.line_patterns import TITLED_ADDRESSEE

# an office, not a name: "the Prime Minister", "the President", "the King"
TITLE_ONLY = re.compile(
    r"(?i)^(?:the\s+)?(?:prime\s+minister|president|king|queen|emperor|empress|pope|"
    r"chancellor|governor|mayor|editor|secretary(?:\s+of\s+state)?|minister|sultan|tsar|czar|"
    r"editors?\s+of\s+.+)$"  # "THE EDITOR OF THE PRESS": an office, no one's name
)


def rank_before(name: str) -> int:
    """The length of the ranks and styles before a name in a heading ("Governor",
    "Right Hon.", "Lieutenant-General"), when a name of two words or more follows them."""
    m = TITLED_ADDRESSEE.match(name)
    if m is None or m.group().strip().lower() in ("mr.", "mrs.", "dr.", "rev.", "prof."):
        return 0
    if not name[m.end() : m.end() + 1].isupper():
        return 0  # "President of Congress": an office, and no name after it
    office = re.match(r"(?i)of\s+(?:the\s+)?\w+\s+(?=[A-Z])", name[m.end() :])
    if office is not None:  # "SECRETARY OF THE NAVY HAMILTON": the office, then the name
        return m.end() + office.end()
    return m.end() if len(name[m.end() :].split()) >= 2 else 0


POSSESSIVE = re.compile(r"(?i)(?:her|his|their|my|our|its|in|at)\b")


# the style a heading in another language gives its addressee ("À Monsieur X", "An Herrn X")
STYLE_WORDS = (
    r"don|doña|dona|señor|senor|señora|monsieur|madame|mademoiselle|herrn|herr|frau|"
    r"fräulein|signor|signora|signore|dom|senhor|senhora"
)
STYLED = re.compile(rf"(?i)(?:{STYLE_WORDS})\s")


# a correspondence database's heading, the names often surname first:
# "Germain, Sophie → Gauss, Carl Friedrich", "Sophie Germain -> Carl Friedrich Gauss"
_INVERTED_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|du|la|le))*"
_ARROW = re.compile(
    rf"(?P<s>{_INVERTED_NAME}(?:,\s+{_INVERTED_NAME})?)\s*(?:→|->|⟶|⇒)\s*"
    rf"(?P<r>{_INVERTED_NAME}(?:,\s+{_INVERTED_NAME})?)\s*$"
)


def arrow_parties(heading: str, at: int = 0) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The writer and the addressee of a heading "X → Y" (each of two words at least: not
    "Paris → London")."""
    arrow = _ARROW.match(heading, at)
    if arrow is None or min(len(arrow[x].split()) for x in "sr") < 2:
        return None
    return arrow.span("s"), arrow.span("r")
