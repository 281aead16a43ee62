"""A people's word the small model calls a group that its context makes a language or an
adjective, no entity: "translated from the French", "my Spanish", "reads a little Spanish",
"in German", "the Dutch workers". A people ("the French are pleased", "among the Danes")
stays a group. Used by ``kgraph_types``; the languages are data
(``data/patterns/language-names.txt``)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kgraph.nlp.contexts import people, previous
from kgraph.settings import read_words

# verbs whose object is a language: "reads German", "learning his Latin", "talks Welsh"
_SPEAK = frozenset({"speak", "talk", "learn", "read", "write", "understand", "know", "teach"})
# the words that carry a text into a language: "translated from the Swedish", "a translation into"
_TRANSLATE = frozenset({"translate", "translation", "render", "rendering", "version"})


class GroupCues:
    """The language names, loaded once."""

    def __init__(self) -> None:
        self.languages: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None) -> None:
        if data_dir is not None:
            self.languages = read_words(data_dir / "language-names.txt")

    def language(self, ent: Span) -> bool:
        """A language's word ("German", "Welsh"): never a person's or a place's name."""
        return ent.text.lower() in self.languages

    def no_group(self, doc: Doc, ent: Span) -> bool:
        """A one-word group that is an adjective ("the Dutch workers", tagged JJ or set
        before a noun) or a language ("in German", "my French", "from the Spanish")."""
        if len(ent) != 1:
            return False
        word = ent[0]
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if word.tag_ == "JJ" or (
            nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not word.lower_.endswith("s")
        ):
            return True  # "a Christian spirit", "the Northern papers", "Dutch farmers"
        prev = previous(doc, ent)
        if prev is not None and prev.lower_ == "in":
            return True  # "written in German"
        if word.lower_ not in self.languages:
            return False
        if word.dep_ == "conj" and word.head.lower_ in self.languages and word.head.i < word.i:
            first = doc[word.head.i : word.head.i + 1]  # "in Latin, Greek and …"
            return self.no_group(doc, first)
        return _language(doc, ent, word, prev)


def _language(doc: Doc, ent: Span, word: Token, prev: Token | None) -> bool:
    """ "my Spanish", "a stranger's English", "reads some German", "translated from the
    German", "(French)" alone in brackets or a table's cell: the language."""
    if prev is None:
        return False
    owner = prev
    while owner.pos_ == "ADJ" and owner.i > 0:
        owner = doc[owner.i - 1]  # "his best German"
    if owner.tag_ in ("PRP$", "POS"):
        return True  # "my Latin", "a stranger's English"
    if prev.lower_ in ("(", "|") and ent.end < len(doc) and doc[ent.end].text in (")", "|"):
        return True  # "2 pp. (German)", "| Language | Welsh |"
    head = word.head
    if word.dep_ in ("dobj", "conj") and _verb_of(head) in _SPEAK:
        return True  # "reads a little Spanish and some German"
    if not people(doc, ent):
        return False
    before = doc[prev.i - 1] if prev.i > 0 else None
    return (
        before is not None
        and before.lower_ in ("from", "into")
        and before.head.lemma_.lower() in _TRANSLATE
    )  # "Translated from the Swedish.": the text's language, not the people


def _verb_of(token: Token) -> str:
    """The verb a conjunct hangs from ("speaks Italian and French": speak for both)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.lemma_.lower()
