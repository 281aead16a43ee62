"""Paragraphs not in English: a letter printed in its original language beside the
translation ("Mi querida amiga: Recibí la suya …", "Votre bien dévoué"). The English model
reads names there by guesswork ("Estamos", "Ramón la saludan", "Votre bien"), so only what
looks like a name in any language is kept: capitalised words, away from a sentence's start.
The function words that tell the language are data
(``data/patterns/foreign-function-words.txt``)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span

from kgraph.settings import read_words

KEY = "kgraph.foreign"


class ForeignText:
    """Tell a paragraph in another language and the tagger's guesses in it."""

    def __init__(self) -> None:
        self.words: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None) -> None:
        if data_dir is not None:
            self.words = read_words(data_dir / "foreign-function-words.txt")

    def foreign(self, doc: Doc) -> bool:
        """More function words of other languages than of English, in a paragraph of some
        length (computed once a doc)."""
        if KEY not in doc.user_data:
            words = [t.lower_ for t in doc if t.is_alpha]
            other = sum(w in self.words for w in words)
            english = sum(t.is_stop and t.lower_ not in self.words for t in doc if t.is_alpha)
            doc.user_data[KEY] = len(words) >= 12 and other > english
        return bool(doc.user_data[KEY])

    def guess(self, doc: Doc, ent: Span) -> bool:
        """A name the English tagger found in a foreign paragraph that is no name's shape:
        lower-case words in it, or one word opening a sentence."""
        if not self.foreign(doc):
            return False
        words = [t for t in ent if t.is_alpha]
        if any(t.is_lower and t.lower_ not in self.words for t in words):
            return True  # "Ramón la saludan" (but "La Voz de la Caridad" keeps its "de la")
        return len(words) == 1 and (ent[0].is_sent_start is True or ent.start == 0)
