"""The letter's parties named by their initials ("CD" for Charles Darwin, "J. S. H." for
John Stevens Henslow, "E. G."), as editions' notes and summaries and the letters themselves
write them: each such token that stands alone is a mention of the party it abbreviates.

Only the sender and recipient are looked for (their full names are known from the letter's
structure), only in the letter's own parts and the editor's notes (never the colophon),
and only where no other name was found at the same place, so a wrong guess cannot replace a
found name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgraph.model import EntityType, Letter, Mention, TextSpan

__all__ = ["add_initials", "initials_of"]

_TOKEN = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){2,3}|[A-Z]{2,3})(?![\w])")
_PARTY_ROLES = frozenset(
    {"signature", "heading_sender", "byline", "heading_recipient", "recipient_name", "addressee"}
)


def initials_of(name: str) -> str | None:
    """ "JSH" for "John Stevens Henslow" or "J. S. Henslow"; None for a one-word name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper()]
    words = [w for w in words if w.lower() not in ("mr", "mrs", "dr", "sir", "miss", "lady")]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def add_initials(
    letter: Letter,
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
) -> None:
    """Add to each party's group the mentions of its initials (in place)."""
    text = letter.source.text
    wanted: dict[str, str] = {}  # initials -> group key
    for key, ms in groups.items():
        if types[key] != "Person" or not any(m.role in _PARTY_ROLES for m in ms):
            continue
        for m in ms:
            short = initials_of(m.text)
            if short is not None:
                wanted.setdefault(short, key)
    if not wanted:
        return
    taken = sorted((m.start, m.end) for ms in groups.values() for m in ms)
    for role, span in _prose(letter):
        for t in _TOKEN.finditer(text, span.start, span.end):
            letters = re.sub(r"[.\s]", "", t.group(1))
            party = wanted.get(letters)
            start, end = t.start(1), t.start(1) + len(t.group(1).rstrip(". "))
            if party is None:
                continue
            if _overlaps(taken, start, end) and not _take_over(groups, types, start, end):
                continue
            groups[party].append(
                Mention(start, end, text[start:end], "Person", "initials", None, role)
            )


def _prose(letter: Letter) -> Sequence[tuple[str, TextSpan]]:
    parts = [("body", s) for s in letter.body]
    parts += [("postscript", s) for s in letter.postscript]
    parts += [("note", s) for s in (*letter.notes, *letter.introduction)]
    return parts


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in taken)


def _take_over(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], start: int, end: int
) -> bool:
    """Remove the statistical tagger's guess at exactly these characters ("CD" as an
    organisation); False when anything else is there."""
    hits = [(k, m) for k, ms in groups.items() for m in ms if m.start < end and start < m.end]
    if not hits or any(m.source != "ner" or (m.start, m.end) != (start, end) for _, m in hits):
        return False
    for key, m in hits:
        groups[key].remove(m)
        if not groups[key]:
            del groups[key]
            del types[key]
    return True
