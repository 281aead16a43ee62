"""A name the small model calls a person that its context makes a work's title: "<noun> of"
before it, where the noun is a part, a copy or a performance of a work ("five pages of
Ulvhild", "the new edition of my Tancredi", "the author of Tancredi"). Used by
``kgraph_types``; the nouns are data (``data/patterns/work-of-words.txt``)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span

from kgraph.nlp.components import _source
from kgraph.settings import read_words

# words that may stand between "of" and the title ("pages of the Ulvhild", "of my Tancredi")
_BETWEEN = frozenset({"the", "my", "your", "his", "her", "our", "their", "thy"})


class WorkCues:
    """The nouns of a work's parts and copies, loaded once."""

    def __init__(self) -> None:
        self.nouns: frozenset[str] = frozenset()
        self.given: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None) -> None:
        if data_dir is not None:
            self.nouns = read_words(data_dir / "work-of-words.txt")
            self.given = read_words(data_dir / "given-names.txt")

    def work_of(self, doc: Doc, ent: Span) -> bool:
        """ "<noun> of X" with a noun of ``work-of-words.txt`` written small; never a lone
        given name ("a copy of Mary": a person's copy). The tagger's person or body alike
        ("the third act of Zelmira", "four pages of Fécondine")."""
        if _source(ent) != "ner" or not self.nouns:
            return False
        words = [t for t in ent if t.is_alpha]
        if not words or (len(words) == 1 and words[0].lower_ in self.given):
            return False
        i = ent.start - 1
        if i >= 0 and doc[i].lower_ in _BETWEEN:
            i -= 1
        if i < 1 or doc[i].lower_ != "of":
            return False
        noun = doc[i - 1]
        return noun.is_lower and noun.lower_ in self.nouns
