"""Whether a name that stands where a place of writing stands can be one at all.

Editions print much above a letter that is no place: a record's labels ("Summary", "Data",
"Translation", "Contents"), an archive's notes ("Transcription completed"), a title's words
("Respecting"), an office ("British Delegation", "Attorney General"). The letter stage reads
such a line as a dateline or an address when it stands there, and the tagger calls it a
place. Two checks catch most of them without a list of any letter's words:

- none of the name's words is evidence of a place: each is a common word of the language
  (the word classes of the spaCy model's lemmatizer: nouns, verbs, adjectives, adverbs)
  that the knowledge base does not know as a town ("Summary", "Winter Quarters"), or a
  common word of two classes or more that only some village of a few thousand people bears
  ("Summer", "Front", "Home", "Pencil", "Senate Chamber"); "Reading" (a large town),
  "Lower Sydenham", "Kentish Town" and "Järvenpää" pass.

A large place (a country, a state, or a town of ``LARGE`` people or more) always passes.
Given names are never common words ("Georgiana", "Regina"), and a name of two words or more
with a place's head word (``place-head-words.txt``, ``place-name-heads.txt``: "Fort Lee",
"Estes Park") passes. Without the word classes (a model with no lemmatizer tables) every
name passes.
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
        self,
        kb: KnowledgeBase,
        classes: Sequence[frozenset[str]],
        given: frozenset[str],
        heads: frozenset[str] = frozenset(),
        times: frozenset[str] = frozenset(),
        regions: frozenset[str] = frozenset(),
        closed: frozenset[str] = frozenset(),
    ) -> None:
        self.kb = kb
        self.classes = tuple(classes)
        self.given = given
        self.heads = heads
        self.times = times  # "St. Joseph's Day": a feast, the last word a day's
        self.regions = regions  # "Midlothian", "South Australia": no town's name
        # words of closed classes ("to", "your", "which"): "RELATING TO THE" names no place
        self.closed = closed - _FUNCTION - heads

    def __call__(self, name: str) -> bool:
        if not self.classes or self._large(name):
            return True
        words = [w for w in _WORD.findall(name) if len(w) > 1]
        content = [w for w in words if w.lower() not in _FUNCTION]
        if len(content) > 1 and "and" in (w.lower() for w in words):
            return False  # "INDIA AND THE CIVIL SERVICE.": a paper's headline, two subjects
        if any(w.lower() in self.closed for w in content) and not self._known(name):
            return False  # "Relating TO The": a title's words, no place's name
        before = words[-2].lower() if len(words) > 1 else ""
        if not content or (content[-1].lower() in _SETTLEMENT and before != "the"):
            return True  # "Kentish Town", not "THE WATER SUPPLY OF THE TOWN."
        if len(content) > 1 and any(w.lower() in self.heads for w in content):
            return True  # "Fort Lee", "Estes Park": a name with a place's head word
        return any(self._names_a_place(w) for w in content)

    def is_large_place(self, name: str) -> bool:
        """Whether ``name`` is a country, a state or a town of ``LARGE`` people and no given
        name: "LONDON:" greets no one ("Florence" and "Victoria" may)."""
        words = name.split()
        given = any(w.strip(".").lower() in self.given for w in words)
        return not given and self._large(name)

    def is_time(self, name: str) -> bool:
        """Whether ``name`` names a day or a season, which no place of writing is ("St.
        Joseph's Day", "Lady Day", "Michaelmas Eve": a feast written for the date)."""
        words = [w for w in _WORD.findall(name) if len(w) > 1]
        return bool(words) and words[-1].lower() in self.times and not self._known(name)

    def is_region(self, name: str) -> bool:
        """Whether the knowledge base knows ``name`` as a country or a state and as no town
        of ``LARGE`` people: "Maine", "California" (not "New York" or "Washington"), or it is
        a county, province or land of ``region-names.txt`` ("Midlothian", "Labrador")."""
        if " ".join(name.lower().split()) in self.regions:
            return True
        places = self._places(name)
        return any(level != "city" for level, _ in places) and not any(
            level == "city" and people >= LARGE for level, people in places
        )

    def _names_a_place(self, word: str) -> bool:
        """Whether ``word`` is evidence of a place: no common word ("Järvenpää"), or one of a
        single class that the knowledge base knows as a town ("Sydenham", "Thompson"); not
        a word of two classes that only a village bears ("Summer", "Chamber", "Green")."""
        if self._known(word):
            return self._classes_of(word.lower()) < 2
        return not self._common(word)

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
        forms = {low} | {
            low[: -len(s)] + r for s, r in _SUFFIXES if low.endswith(s) and len(low) - len(s) >= 4
        }
        return any(f in c for f in forms for c in self.classes)
