"""Where a relation's evidence lies in a letter's text: the sentence around a mention or a
candidate, trimmed of trailing space, and an index of mentions by position to map a span
back to the entity named there."""

from __future__ import annotations

import bisect

from kgraph.model import Analysis, Entity, Letter, Mention, Sentence, TextSpan


def sentence_of(letter: Letter, analysis: Analysis, m: Mention) -> TextSpan:
    sentences = analysis.sentences  # in text order: find the last one starting at or before m
    i = bisect.bisect_right([s.start for s in sentences], m.start) - 1
    if i >= 0 and sentences[i].start <= m.start and m.end <= sentences[i].end:
        return sentence_span(letter, sentences[i])
    return TextSpan(m.start, m.end, m.text)


class MentionIndex:
    """Mentions by position, to find the ones that overlap a span without a full scan."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        rows = sorted((m.start, m.end, e.key) for e in entities for m in e.mentions)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def entity_at(self, span: TextSpan) -> str | None:
        """The entity of the mention that covers most of ``span`` (a place nested in an
        event's name overlaps the event's span too)."""
        best, size = None, 0
        lo = bisect.bisect_left(self.starts, span.start - self.longest)
        hi = bisect.bisect_left(self.starts, span.end)
        for start, end, key in self.rows[lo:hi]:
            overlap = min(end, span.end) - max(start, span.start)
            if overlap > size:
                best, size = key, overlap
        return best


def sentence_span(letter: Letter, sentence: Sentence) -> TextSpan:
    text = letter.source.text
    start, end = sentence.start, sentence.end
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end, text[start:end])
