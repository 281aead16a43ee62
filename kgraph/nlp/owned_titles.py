"""The ``kgraph_owned_titles`` component: the title of a work named as someone's, where the
edition prints no italics ("my Don Juan", "Pereda's El buey suelto", "her Hemmen i den nya
verlden", "my little Life of Lincoln"). A plain text loses the italics that mark a title;
what is left is the possessive before it and the shape of the title itself: capitalised
words, the small words of titles in several languages, and words of no English. A single
word is a title only when it is no English word, no given name, no kinship word, and the
sentence speaks of writing, reading or performing; after "my" or "your" a word the tagger
calls a person needs only to be no given name ("your Tancredi"), or, an English word, to
stand where works are spoken of; the word lists are data
(``data/patterns/given-names.txt``, ``kinship-words.txt``, ``work-context-words.txt``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kgraph.knowledge.honorifics import TITLES
from kgraph.nlp.components import _source, model_words
from kgraph.settings import read_words

POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "thy"})
MINE = frozenset({"my", "your", "thy"})  # the writer's or the correspondent's own work
TITLE_WORDS = frozenset(
    {"of", "the", "and", "a", "an", "in", "on", "to", "for", "de", "del", "della", "dei", "di"}
    | {"da", "la", "le", "les", "des", "du", "el", "los", "las", "der", "die", "das", "den"}
    | {"und", "et", "y", "e", "i", "och", "van", "von"}
)
MAX_WORDS = 8
KEEP = frozenset({"auth", "kb", "title"})  # names the knowledge or the italics already give
PEOPLE = frozenset({"Person", "PERSON"})


@Language.factory("kgraph_owned_titles", default_config={})
class OwnedTitles:
    """Name as a Work the title that follows a possessive."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.english: frozenset[str] = frozenset()
        self.given: frozenset[str] = frozenset()
        self.kinship: frozenset[str] = frozenset()
        self.context: frozenset[str] = frozenset()

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
    ) -> None:
        if nlp is not None:
            self.english = model_words(nlp, "noun", "verb", "adj", "adv")
        if data_dir is not None:
            self.given = read_words(data_dir / "given-names.txt")
            self.kinship = read_words(data_dir / "kinship-words.txt")
            self.context = read_words(data_dir / "work-context-words.txt")

    def match(self, doc: Doc) -> list[Span]:
        found = []
        for token in doc:
            if not self._owner(doc, token):
                continue
            start = token.i + 1
            while start < len(doc) and start - token.i <= 3 and self._adjective(doc[start]):
                start += 1  # "my little", "my new", "his last"
            # "my Ivanhoe", "your Tancredi", and a named person's: "Lessing's Nathan" (a person
            # after another's "'s" is rare in letters, a work there is common)
            span = self._title(doc, start, token.lower_ in MINE or token.text in ("'s", "’s"))
            if span is not None:
                found.append(span)
        return found

    def _owner(self, doc: Doc, token: Token) -> bool:
        """A possessive determiner, or the "'s" of a person's name."""
        if token.lower_ in POSSESSIVES:
            return token.tag_ == "PRP$"
        if token.text in ("'s", "’s") and token.i > 0:
            before = doc[token.i - 1]
            return before.ent_type_ in ("Person", "PERSON")
        return False

    @staticmethod
    def _adjective(token: Token) -> bool:
        return token.is_lower and token.tag_ in ("JJ", "JJS", "JJR", "CD", "RB")

    def _title(self, doc: Doc, start: int, mine: bool = False) -> Span | None:
        """The title from ``start``; ``mine``: after "my", "your" or a person's "'s", where a
        name the tagger calls a person is as often a book or an opera ("my Ivanhoe", "your
        Tancredi", "Rossini's Otello") unless it is a given name ("my Lucy")."""
        if start >= len(doc) or not self._capital(doc[start]):
            return None
        end = start + 1
        while end < len(doc) and end - start < MAX_WORDS:
            token = doc[end]
            if self._capital(token) or token.lower_ in TITLE_WORDS or self._foreign(token):
                end += 1
            else:
                break
        while end > start + 1 and (
            doc[end - 1].lower_ in TITLE_WORDS
            or not (self._capital(doc[end - 1]) or self._foreign(doc[end - 1]))
        ):
            end -= 1  # "my Essay on" ends at "Essay", "my Alfred and" at "Alfred"
        span = doc[start:end]
        words = [t for t in span if t.is_alpha]
        if not words or any(self._personal(t) for t in words if t.text[0].isupper()):
            return None
        if any(e.start < end and start < e.end and _source(e) in KEEP for e in doc.ents):
            return None
        if any(
            e.start <= start and end <= e.end and e.label_ in ("Place", "GPE", "LOC")
            for e in doc.ents
        ):
            return None  # "his Paris": the town
        person = any(e.start == start and e.end == end and e.label_ in PEOPLE for e in doc.ents)
        if person and (words[0].lower_ in self.given or (len(words) == 1 and not mine)):
            return None  # "my Alfred", "your Mary Smith": a person the tagger knows
        if len(words) == 1:
            word = words[0].lower_
            if word in self.given:
                return None
            if person and mine:  # "your Tancredi"; "my Regards" only where works are spoken of
                if word in self.english and not self._speaks_of_works(span):
                    return None
            elif word in self.english or not self._speaks_of_works(span):
                return None
        return Span(doc, start, end, label="Work", span_id="title:owned")

    @staticmethod
    def _capital(token: Token) -> bool:
        return token.is_alpha and token.text[0].isupper() and not token.is_sent_start

    def _foreign(self, token: Token) -> bool:
        """A word a title in another language is made of ("buey", "suelto", "bohème")."""
        return (
            token.is_alpha
            and token.is_lower
            and not token.is_stop
            and len(token) > 2
            and token.lower_ not in self.english
            and token.lemma_.lower() not in self.english
        )

    def _personal(self, token: Token) -> bool:
        word = token.lower_.rstrip(".")
        return (
            word in self.kinship
            or word in TITLES
            or word in ("dear", "sir", "madam", "lord", "lady", "friend", "majesty", "god")
        )

    def _speaks_of_works(self, span: Span) -> bool:
        sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
        return any(t.lemma_.lower() in self.context for t in sentence)

    def set_annotations(self, doc: Doc, titles: Iterable[Span]) -> None:
        titles = list(titles)
        if not titles:
            return
        kept = [e for e in doc.ents if not any(e.start < t.end and t.start < e.end for t in titles)]
        doc.ents = filter_spans([*kept, *titles])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
