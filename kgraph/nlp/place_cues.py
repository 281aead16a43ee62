"""What tells a place's name from a person's or a body's when the small model calls a place a
person or an organisation: the preposition before it, the noun it is "of", the verb of leaving
it is "for". Used by ``kgraph_types``; the word lists are data
(``data/patterns/place-of-words.txt``, ``departure-words.txt``,
``place-head-words.txt``)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kgraph.nlp.components import HONORIFICS, _source
from kgraph.nlp.contexts import previous
from kgraph.settings import read_words

# prepositions after which a name is where something is, whatever its length ("at Friars
# Carse", "in Te Aro"); "from" is not one ("a letter from Hobhouse")
AT = frozenset({"at", "in", "near", "via"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


class PlaceCues:
    """The word lists the place cues need, loaded once."""

    def __init__(self) -> None:
        self.place_of: frozenset[str] = frozenset()
        self.departure: frozenset[str] = frozenset()
        self.given: frozenset[str] = frozenset()
        self.heads: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None) -> None:
        if data_dir is not None:
            self.place_of = read_words(data_dir / "place-of-words.txt")
            self.departure = read_words(data_dir / "departure-words.txt")
            self.given = read_words(data_dir / "given-names.txt")
            self.heads = read_words(data_dir / "place-head-words.txt")

    def place_context(self, doc: Doc, ent: Span, label: str) -> bool:
        """A name of the tagger's (a person or a body) that its context makes a place:

        - after "at", "in", "near" or "via", of any length ("the troops landed at Civita
          Vecchia"); a body's name only with a word of streets, buildings or waters
          (``place-head-words.txt``: "stayed at Three Mile Cross", "in the Rue de Vaugirard");
        - after "of" that follows a noun of where people live or what a place has ("the
          natives of Woahoo", "the hills of Mussoorie", "a native of Linlithgow");
        - after "for" that follows a verb of leaving ("left on Monday for Keswick", "we set
          out for Pisania", "sailed for Port Jackson").

        Never a name that starts with a title or a given name, nor one before "'s" ("in
        Leon's hands", "at Lady Holland's")."""
        if _source(ent) != "ner" or not self._name_like(doc, ent):
            return False
        prev = previous(doc, ent)
        if prev is None:
            return False
        word = prev.lower_
        if word in AT:  # a body after "in" is as often one ("in the Home Office")
            return label != "Organization" or any(t.lower_ in self.heads for t in ent)
        if word == "of":
            noun = _before(doc, prev.i)
            return noun is not None and noun.is_lower and noun.lemma_.lower() in self.place_of
        if word == "for":
            head = prev.head
            return head.i != prev.i and head.lemma_.lower() in self.departure
        return False

    def _name_like(self, doc: Doc, ent: Span) -> bool:
        first = ent[0]
        if first.lower_.rstrip(".") in HONORIFICS or first.lower_ in self.given:
            return False
        if ent[-1].text in POSSESSIVE:
            return False
        return not (ent.end < len(doc) and doc[ent.end].text in POSSESSIVE)


def _before(doc: Doc, i: int) -> Token | None:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None
