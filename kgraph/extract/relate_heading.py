"""Letter-level relations read from an editor's heading or a "To X" line (``relate``).

A heading that names the recipient and, after the name, a town ("TO K. LINDNER, GRAZ.",
"BRANDT TO HIS BROTHER IN HAMBURG", "To Mrs. Ferrar, at Ashby") gives the recipient
``livesIn`` the town: the edition says where the letter was sent. Only a place that closes
the line counts, after nothing but a comma, a pipe and "in", "at" or "of": "To Mrs. Ferrar,
London, 3 May" is as often the place of writing as the recipient's. A town that is the
letter's own place of writing counts only with "in" or "at" before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgraph.model import Entity, Letter, Mention, TextSpan

_BETWEEN = re.compile(r"[\s,|]*(?:(?:in|at|of)\s+(?:the\s+)?)?", re.I)
_PREPOSITION = re.compile(r"\b(?:in|at)\b", re.I)
_AFTER = re.compile(r"[\s.,;:)\]]*")


def recipient_places(
    letter: Letter,
    entities: tuple[Entity, ...],
    recipient: str | None,
    place: str | None,
) -> Iterator[tuple[str, TextSpan]]:
    """(place key, heading span) for each heading or "To X" line that names the recipient
    and closes on a town after the name."""
    if recipient is None:
        return
    spans = {s for s in (letter.heading, letter.addressee) if s is not None}
    text = letter.source.text
    for span in sorted(spans, key=lambda s: s.start):
        names = [m for e in entities if e.key == recipient for m in e.mentions if _within(m, span)]
        places = [
            (m, e) for e in entities if e.type == "Place" for m in e.mentions if _within(m, span)
        ]
        for name in names:
            for m, e in places:
                between = text[name.end : m.start]
                if m.start < name.end or not _BETWEEN.fullmatch(between):
                    continue
                if not _AFTER.fullmatch(text[m.end : span.end]):
                    continue
                if e.key == place and not _PREPOSITION.search(between):
                    continue
                yield e.key, span


def _within(m: Mention, span: TextSpan) -> bool:
    return span.start <= m.start and m.end <= span.end
