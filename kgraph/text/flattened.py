"""A letter printed as one paragraph: catalogue records, transcriptions and digitised pages
that lost the manuscript's line breaks ("Philadelphia, April 18th 1864. Matthew Vassar Esq.
My dear Sir, I thank you … I remain, dear Sir, Your friend and servt. Sarah J. Hale.
[Endorsed:] …"). :func:`flat_cuts` gives where its lines would have broken, so that the
head and the tail of the letter are read as they are in a letter printed line by line."""

from __future__ import annotations

import re

from kgraph.text.dates import find_date
from kgraph.text.line_patterns import GREETING, VALEDICTION

LONG = 300  # characters: a shorter line is a line, not a letter run together
HEAD = 400  # how far into the paragraph a salutation may stand
TAIL = 260  # how far from its end a closing may start
_SALUTATION = re.compile(
    rf"(?<!\w)(?:{GREETING})[^,:;!—.\n]{{0,40}}?(?:[,:!—]|\.(?=\s+[A-Z]))", re.IGNORECASE
)  # "My dear Sir," and, as some transcriptions print it, "Dearest Father. Your letter"
_SENTENCE = re.compile(r"[.!?](?:\s+|[—–-]+\s*)(?=[A-Z])")  # "… in 1866.—I am, &c., …"
_BRACKET = re.compile(r"\s\[")
_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
_NAME_AT_END = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|la|le))*\s*$")


def flat_cuts(line: str) -> list[int]:
    """Offsets in ``line`` where a letter run into one paragraph breaks into its parts: the
    dateline and inside address before the salutation, the salutation, the closing and an
    endorsement after it. Empty for a line that is not such a letter."""
    if len(line) < LONG:
        return []
    salutation = next(
        (m for m in _SALUTATION.finditer(line, 0, HEAD) if _opens(line, m.start())), None
    )
    if salutation is None:
        return []
    cuts = {salutation.start(), salutation.end()}
    head = line[: salutation.start()]
    for bracket in re.finditer(r"^\[[^\]]{4,40}\]\s+(?=[A-Z])", head):
        cuts.add(bracket.end())  # "[14 June 1920] | Baghdad June 14": the editor's date first
    date = find_date(head)
    gap = re.match(r"\.?\s+", head[date.end :]) if date is not None else None
    if date is not None and gap is not None and date.end + gap.end() < len(head.rstrip()):
        cuts.add(date.end + gap.end())  # "Philadelphia, April 18th 1864. | Matthew Vassar"
    closing = _closing(line, salutation.end())
    if closing is not None:
        cuts.add(closing)
        after = _BRACKET.search(line, closing)
        end = after.start() + 1 if after is not None else len(line)
        cuts.add(end)  # "… Sarah J. Hale. | [Endorsed:] Mrs Hale"
        dated = _dated_end(line, closing, end)
        if dated is not None:
            cuts.add(dated)  # "… JOHN DOE. | Christchurch, August 5, 1868.": a paper's place
            end = dated
        name = _NAME_AT_END.search(line, closing, end)
        if name is not None and name.start() > closing and not VALEDICTION.match(name[0]):
            cuts.add(name.start())  # "Ever your loving cousin | E. C. S."
    return sorted(c for c in cuts if 0 < c < len(line))


def _opens(line: str, i: int) -> bool:
    """A salutation opens a line: it is capitalised and follows a full stop, a bracket or
    the start, not a word of a sentence ("… to my dear sister")."""
    if not line[i].isupper():
        return False
    before = line[:i].rstrip()
    return not before or before[-1] in ".])>:" or bool(find_date(before[-30:]))


def _closing(line: str, start: int) -> int | None:
    """Where the closing starts: the first sentence near the end that opens with a
    valediction ("I remain", "Ever your loving cousin", "With my respectful regards")."""
    for m in _SENTENCE.finditer(line, max(start, len(line) - TAIL)):
        if VALEDICTION.match(line[m.end() :]):
            return m.end()
    return None


def _dated_end(line: str, start: int, end: int) -> int | None:
    """Where the place and date a newspaper prints after the signature start ("… I am, &c.,
    JOHN DOE. Christchurch, August 5, 1868."), or None when the closing ends otherwise."""
    for m in re.finditer(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])|(?<=[A-Z]{2}\.)\s+(?=[A-Z])", line):
        if not start < m.end() < end:
            continue
        rest = line[m.end() : end].rstrip()
        date = find_date(rest)
        if date is not None and date.start <= 40 and date.end >= len(rest.rstrip(" .")) - 1:
            return m.end()
    return None
