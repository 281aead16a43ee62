"""A party who signs with initials ("A. B. C." under a letter by Ann Beth Cole) is the one
person of the letter's heading, notes or introduction whose name those initials spell.

The initials alone would be an entity of their own, apart from the full name the editor gives,
so the relations that "my" and "our" give the writer would point at nobody the reader knows.
The join is made only when exactly one such person is named outside the letter's body (a
"Ben Cole" the letter only tells of is no evidence); the writer is never joined with the
addressee (``_join`` refuses that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kgraph.extract.initials import initials_of
from kgraph.extract.name_match import without_title
from kgraph.model import EntityType, Mention

__all__ = ["join_signed_initials"]

# "A. B. C.", "A.B.", "ABC", "J.B": two to four capitals, each alone, dots and spaces between
_SIGNED = re.compile(r"(?:[A-Z]\.?\s?){2,4}")
# where an editor or the letter's own heading names a person in full
_OUTSIDE_BODY = frozenset({"note", "introduction", "heading_sender", "heading_recipient", "byline"})
_PARTY = frozenset({"signature", "heading_sender", "byline", "heading_recipient", "recipient_name"})


def join_signed_initials(
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
    names: Callable[[str], Iterable[str]],
    join: Callable[[str, str], None],
) -> None:
    """Join each party group named only by initials into the one person group outside the
    body whose name (any form, or ``names`` of its key, e.g. the authority's label) they
    spell."""
    for key in [k for k in groups if types[k] == "Person"]:
        ms = groups.get(key, [])
        if not ms or not any(m.role in _PARTY for m in ms):
            continue
        if not all(_SIGNED.fullmatch(m.text.strip()) for m in ms):
            continue
        letters = re.sub(r"[^A-Z]", "", ms[0].text)
        targets = [
            k
            for k, other in groups.items()
            if k != key
            and types[k] == "Person"
            and any(m.role in _OUTSIDE_BODY for m in other)
            and letters in {initials_of(n) for n in _forms(other, names(k))}
        ]
        if len(targets) == 1:
            join(targets[0], key)


def _forms(ms: list[Mention], more: Iterable[str]) -> list[str]:
    """A group's names, also without the titles before them ("Rev. A. Cole" is A. Cole)."""
    forms = [m.text for m in ms]
    return [*forms, *(f for f in map(without_title, forms) if f), *more]
