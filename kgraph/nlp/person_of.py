"""A person "of" a place: "Miss Mitchell of Nantucket", "Mr. James Tanner of Newport",
"Dr. Carey of Serampore", "Judge Kane, of Philadelphia". The words after "of" that follow a
person's name are where the person lives, a place, whatever the small model made of them
(an organisation, an event, or nothing at all). "The Duke of Wellington" is no case: no
person's name stands before its "of"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

PEOPLE = frozenset({"Person", "PERSON"})
MAX_WORDS = 3


def places_of_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """The places named right after "X of", X a person's name, as new Place spans."""
    ends = {e.end for e in ents if e.label_ in PEOPLE}
    found = []
    for token in doc:
        if token.lower_ != "of" or token.i + 1 >= len(doc):
            continue
        before = token.i - 1 if token.i > 0 and doc[token.i - 1].text == "," else token.i
        if before not in ends:
            continue
        start = end = token.i + 1
        while (
            end < len(doc)
            and end - start < MAX_WORDS
            and doc[end].is_title
            and doc[end].is_alpha
            and doc[end].pos_ == "PROPN"
        ):
            end += 1
        if end > start and not any(
            e.label_ in PEOPLE and e.start < end and start < e.end and not _one_word(e, start)
            for e in ents
        ):
            found.append(Span(doc, start, end, label="Place", span_id="cue:person-of"))
    return found


def _one_word(ent: Span, start: int) -> bool:
    """The tagger's one-word "person" right after the "of" ("Mr. Gunn of Tregony"): no second
    person follows a person's name and "of", so it is the place."""
    return len(ent) == 1 and ent.start == start
