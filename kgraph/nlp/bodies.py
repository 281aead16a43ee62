"""One capitalised word the small model calls an organisation: a body only when the word
names an institution (``data/patterns/institution-words.txt``: "the Senate", "Congress",
"the Academy"); else a person when it stands alone ("Hooker writes", "a letter to Turner"),
and no name at all after an article or a possessive ("the Court", "his Cabinet", "the
Lighthouse": a thing written with a capital). Used by ``kgraph_types``."""

from __future__ import annotations

import re
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kgraph.knowledge.authority import Authority, normalise
from kgraph.nlp.components import _source
from kgraph.nlp.contexts import previous
from kgraph.settings import read_words

# words before a noun that make it a thing of the letter's, not a name ("the", "his", "our")
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "our"}
    | {"my", "your", "their", "thy", "whole", "every", "each", "no"}
)
_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


class BodyCues:
    """The institution words, loaded once."""

    def __init__(self) -> None:
        self.institutions: frozenset[str] = frozenset()
        self.known: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None, authority: Authority | None = None) -> None:
        if data_dir is not None:
            self.institutions = read_words(data_dir / "institution-words.txt")
        if authority is not None:  # "the Lancet" is The Lancet: the resolver finds it there
            self.known = frozenset(authority.by_name())

    def institution(self, ent: Span, content: list[Token], label: str) -> bool:
        """A one-word name of the tagger's that is an institution word: a body, whatever
        place or person the tagger took it for ("worked at the Conservatorium", "wrote to
        the Admiralty", "in Congress"): the word names the body, not its building."""
        return (
            label in ("Place", "Person", "Organization")
            and _source(ent) == "ner"
            and len(content) == 1
            and content[0].lower_ in self.institutions
        )

    def one_word(self, doc: Doc, ent: Span, label: str) -> str | None:
        """The type of a one-word body of the tagger's (``label`` for any other name):

        - an institution word, or a name the authority file knows ("the Lancet"), stays a
          body ("the Senate rose", "Congress will meet");
        - after an article or a possessive, no name ("the Court was full", "his Cabinet");
        - else a person: a surname the tagger took for a firm ("I met Hooker at the club")."""
        if label != "Organization" or _source(ent) != "ner" or not self.institutions:
            return label
        words = [t for t in ent if not t.is_punct and not t.is_space]
        before = previous(doc, ent)
        if len(words) == 2 and words[0].lower_ in DETERMINERS:  # "the Court" in one span
            before, words = words[0], words[1:]
        if len(words) != 1 or not _WORD.match(words[0].text) or not words[0].text[0].isupper():
            return label
        if words[0].lower_ in self.institutions or normalise(words[0].text) in self.known:
            return label
        if before is not None and before.lower_ in DETERMINERS:
            return None
        return "Person"
