"""Whether a name that stands where a place of writing stands can be one at all.

Editions print much above a letter that is no place: a record's labels ("Summary", "Data",
"Translation", "Contents"), an archive's notes ("Transcription completed"), a title's words
("Respecting"), an office ("British Delegation", "Attorney General"). The letter stage reads
such a line as a dateline or an address when it stands there, and the tagger calls it a
place. Two checks catch most of them without a list of any letter's words:

- the name is made of the language's common words (the word classes of the spaCy model's
  lemmatizer: nouns, verbs, adjectives, adverbs), none of which the knowledge base knows as
  a place, and the name as a whole is no large place ("Summary", "Winter Quarters" are out;
  "Reading", "Lower Sydenham", "Kentish Town" are in);
- a one-word name that is a common word of two classes or more ("Summer", "Front", "Home",
  "Pencil") is no place even where some village of a few thousand people bears it.

A large place (a country, a state, or a town of ``LARGE`` people or more) always passes.
Given names are never common words ("Georgiana", "Regina"). Without the word classes (a
model with no lemmatizer tables) every name passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgraph.knowledge.authority import normalise
from kgraph.knowledge.kb import KnowledgeBase

__all__ = ["LARGE", "PlaceSense"]

LARGE = 100_000  # a town this large is a place even when its name is a common word
# words inside a place's name that say nothing of it ("Stratford upon Avon", "Bois de …")
_FUNCTION = frozenset(
    {"of", "the", "and", "upon", "on", "at", "de", "la", "le", "les", "du", "des", "di", "del"}
    | {"della", "von", "van", "vom", "zum", "zur", "bei", "am", "an", "im", "en", "sur", "y"}
)
# the last word that makes any name a settlement ("Kentish Town", "Allegheny City")
_SETTLEMENT = frozenset({"town", "city", "village", "borough", "burgh"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# inflections of a common word, to find its entry: "Nurseries", "Respecting", "Visited"
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
)


class PlaceSense:
    """``sense(name)``: whether ``name`` may be a place of writing (see the module)."""

    def __init__(
        self, kb: KnowledgeBase, classes: Sequence[frozenset[str]], given: frozenset[str]
    ) -> None:
        self.kb = kb
        self.classes = tuple(classes)
        self.given = given

    def __call__(self, name: str) -> bool:
        if not self.classes or self._large(name):
            return True
        words = [w for w in _WORD.findall(name) if len(w) > 1]
        content = [w for w in words if w.lower() not in _FUNCTION]
        if not content or content[-1].lower() in _SETTLEMENT:
            return True
        if len(content) == 1:
            (word,) = content
            if self._known(word):  # "Summer" (a village of 6,000) but a word of two classes
                return self._classes_of(word.lower()) < 2
            return not self._common(word)
        return not all(self._common(w) and not self._known(w) for w in content)

    def _places(self, name: str) -> list[tuple[str, int]]:
        found = self.kb.lookup(normalise(name))
        return [(i.level, i.population or 0) for i in found if i.type == "Place"]

    def _known(self, name: str) -> bool:
        return bool(self._places(name))

    def _large(self, name: str) -> bool:
        return any(level != "city" or people >= LARGE for level, people in self._places(name))

    def _classes_of(self, word: str) -> int:
        return sum(1 for c in self.classes if word in c)

    def _common(self, word: str) -> bool:
        low = word.lower()
        if low in self.given:
            return False
        forms = {low} | {low[: -len(s)] + r for s, r in _SUFFIXES if low.endswith(s)}
        return any(f in c for f in forms for c in self.classes)
