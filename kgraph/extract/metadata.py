"""Why kgraph believes a letter's metadata: for the sender, recipient, date and place of
writing that the letter and resolve stages chose, the cue that gave each value, the text it
read (with offsets) and a weight for how strong such a cue is on letters as editions print
them. The graph stage writes each as a ``kg:Assertion`` on the letter.

The weights are fixed per kind of cue: an editor's heading that names both parties and a
signature are strong; a salutation gives only the short name; a year that a heading lends
to a dateline without one is weaker than a full dateline.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kgraph.knowledge.authority import Authority
from kgraph.model import Entity, Letter, MetadataCue, TextSpan

__all__ = ["WEIGHTS", "metadata_cues", "not_the_pages_date", "within_lifetime"]

WEIGHTS: dict[str, float] = {
    "signature": 0.9,
    "heading_sender": 0.9,
    "heading_recipient": 0.9,
    "introduction_sender": 0.85,
    "introduction_recipient": 0.85,
    "byline": 0.8,
    "addressee": 0.85,
    "recipient_name": 0.7,
    "place": 0.85,
    "dateline": 0.85,
    "address": 0.7,
    "introduction_place": 0.6,
    "date:dateline": 0.9,
    "date:heading": 0.8,
    "date:dateline-year-from-heading": 0.75,
    "date:introduction": 0.6,
    "encoded": 1.0,
}
_ROLES = {
    "sender": ("signature", "heading_sender", "byline"),
    "recipient": ("heading_recipient", "addressee", "recipient_name"),
    "place": ("place", "dateline", "address"),
}


def _inside(span: TextSpan, outer: TextSpan | None) -> bool:
    return outer is not None and outer.start <= span.start and span.end <= outer.end


def _entity_cue(letter: Letter, field: str, entity: Entity | None) -> MetadataCue | None:
    if entity is None:
        return None
    for role in _ROLES[field]:
        for m in entity.mentions:
            if m.role != role:
                continue
            span = TextSpan(m.start, m.end, m.text)
            name = role
            if role.startswith("heading_") and not _inside(span, letter.heading):
                name = "introduction_" + role.split("_", 1)[1]  # an editor's introduction
            if field == "place" and role == "place" and not _inside(span, letter.dateline):
                name = "introduction_place" if not _inside(span, letter.heading) else "place"
            return MetadataCue(field, f"metadata:{name}", span, WEIGHTS[name])
    return MetadataCue(field, "metadata:encoded", None, WEIGHTS["encoded"])


def _date_cue(letter: Letter) -> MetadataCue | None:
    date = letter.date
    if date is None:
        return None
    span = date.span
    if _inside(span, letter.heading):
        name = "date:heading"
    elif _inside(span, letter.dateline):
        # "Oct. 4, 87" or "May 8th": the year came from the heading or introduction
        full = date.iso[:4] in span.text
        name = "date:dateline" if full else "date:dateline-year-from-heading"
    else:
        name = "date:introduction"
    return MetadataCue("date", f"metadata:{name.split(':', 1)[1]}", span, WEIGHTS[name])


def metadata_cues(
    letter: Letter,
    entities: Sequence[Entity],
    sender: str | None,
    recipient: str | None,
    place: str | None,
) -> tuple[MetadataCue, ...]:
    """One cue for each metadata value stated, in the order sender, recipient, date, place."""
    by_key = {e.key: e for e in entities}
    found = [
        _entity_cue(letter, "sender", by_key.get(sender) if sender else None),
        _entity_cue(letter, "recipient", by_key.get(recipient) if recipient else None),
        _date_cue(letter),
        _entity_cue(letter, "place", by_key.get(place) if place else None),
    ]
    return tuple(c for c in found if c is not None)


def within_lifetime(
    letter: Letter, entities: Sequence[Entity], sender: str | None, authority: Authority
) -> Letter:
    """The letter without its date when the date and the sender conflict: a date before the
    sender was ten or after they died (where the authority file knows their years) is an
    edition's or a note's date, not the letter's, so it is left out."""
    if letter.date is None or sender is None:
        return letter
    entity = next((e for e in entities if e.key == sender), None)
    wanted = entity.authority_id if entity is not None else None
    entry = next((e for e in authority.entries if e.id == wanted), None) if wanted else None
    if entry is None or entry.type != "Person":
        return letter
    year = int(letter.date.iso[:4])
    born, died = entry.start, entry.end
    if (born is not None and year < born + 10) or (died is not None and year > died):
        return dataclasses.replace(letter, date=None)
    return letter


# a year as a page prints it: "1893", "2017"
_YEAR = re.compile(r"(?<![\d/.-])(1[5-9]\d\d|20\d\d)(?![\d/-])")
MODERN = 1990  # a date this late, on a page of a much older letter, is the page's own
GAP = 50


def not_the_pages_date(letter: Letter) -> Letter:
    """The letter without its date when the date is a website's, a sale's or a reprint's
    ("Posted 2021-10-03", "Vente du 22 novembre 2017", "14 juni 93" read as 1993): a date of
    ``MODERN`` or later on a page that also names a year at least ``GAP`` years earlier is
    left out, since the letter's own date cannot be told from the page's."""
    if letter.date is None or int(letter.date.iso[:4]) < MODERN:
        return letter
    year = int(letter.date.iso[:4])
    if any(int(y) <= year - GAP for y in _YEAR.findall(letter.source.text)):
        return dataclasses.replace(letter, date=None)
    return letter
