"""The ``kgraph_kb_places`` component: the offline knowledge base (GeoNames through
:class:`~kgraph.knowledge.kb_names.PlaceNames`) finds and types places the small model
misses or mistypes, without flooding the letter with towns called "Hope" or "Reading".

Two rules, both only in a place's context: right after "in", "at", "near", "towards" or
"via", or after "to"/"from" that follow a word of motion (``data/patterns/motion-words.txt``:
"went to", "the road from"), or joined by "and" or a comma to a place in such a context
("at Norvals Pont and Kimberley"); never before "'s".

- type correction: a name the statistical tagger typed as a person, organisation, group or event
  whose exact text is a place of at least ``correct_population`` people, or any place in a
  country the letter names ("walks to Coniston"), becomes a Place;
- recognition: capitalised words the tagger left out that are a place of at least
  ``find_population`` people (or ``context_population`` in a country the letter names), and
  not a common English word (the model's own verb, adjective and adverb lists, and
  ``data/patterns/common-place-words.txt`` for nouns), become a Place.

The countries a letter names are read once a letter (``doc.user_data["kgraph.countries"]``,
set by :func:`kgraph.nlp.pipeline.analyse_many`), else from the piece itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kgraph.knowledge.kb import KnowledgeBase
from kgraph.knowledge.kb_names import PlaceHit, PlaceNames
from kgraph.nlp.components import _source, model_words, nested_places
from kgraph.settings import read_words
from kgraph.text.dates import is_date_word

STRONG_CUES = frozenset({"in", "at", "near", "towards", "toward", "via"})
MOTION_CUES = frozenset({"to", "from"})
JOINERS = frozenset({"and", "or", ","})
CORRECTED = frozenset({"Person", "Organization", "Group", "Event"})
NAME_TAGS = frozenset({"NNP", "NNPS"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
VERB_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", ""))  # "Reading"


def model_common_words(nlp: Language) -> frozenset[str]:
    """The verbs, adjectives and adverbs the model's lemmatizer knows (WordNet's index, which
    ships with the model): "bath", "nice", "split", "mobile", "eagle". Its nouns are left out:
    they hold proper names too ("paris", "london")."""
    return model_words(nlp, "verb", "adj", "adv")


@Language.factory(
    "kgraph_kb_places",
    default_config={
        "correct_population": 50_000,
        "find_population": 100_000,
        "context_population": 15_000,
        "max_words": 4,
    },
)
class KBPlaces:
    """Type and find places from the offline knowledge base, in a place's context only."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        correct_population: int,
        find_population: int,
        context_population: int,
        max_words: int,
    ) -> None:
        self.name = name
        self.correct_population = correct_population
        self.find_population = find_population
        self.context_population = context_population
        self.max_words = max_words
        self.places: PlaceNames | None = None
        self.common: frozenset[str] = frozenset()
        self.given_names: frozenset[str] = frozenset()
        self.motion: frozenset[str] = frozenset()
        self.sent: frozenset[str] = frozenset()

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        kb: KnowledgeBase | None = None,
        data_dir: Path | None = None,
    ) -> None:
        self.places = PlaceNames(kb) if kb is not None else None
        if data_dir is not None:
            self.common = read_words(data_dir / "common-place-words.txt") | read_words(
                data_dir / "not-names.txt"
            )
            self.given_names = read_words(data_dir / "given-names.txt")
            self.motion = read_words(data_dir / "motion-words.txt")
            self.sent = read_words(data_dir / "sent-words.txt")
        if nlp is not None:
            self.common |= model_common_words(nlp)

    def countries(self, text: str) -> frozenset[str]:
        """The countries a letter's text names (ISO codes)."""
        return self.places.countries(text) if self.places is not None else frozenset()

    def match(self, doc: Doc) -> list[Span]:
        """The places to set: corrected names of the tagger and names it missed."""
        if self.places is None:
            return []
        countries = doc.user_data.get("kgraph.countries")
        if countries is None:
            countries = self.countries(doc.text)
        found = [span for ent in doc.ents if (span := self._correct(doc, ent, countries))]
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        i = 0
        while i < len(doc):
            span = None if i in taken else self._find(doc, i, countries, taken)
            if span is not None:
                found.append(span)
                i = span.end
            else:
                i += 1
        return found

    def set_annotations(self, doc: Doc, places: Iterable[Span]) -> None:
        places = list(places)
        if not places:
            return
        replaced = {(p.start, p.end) for p in places}
        kept = [e for e in doc.ents if (e.start, e.end) not in replaced]
        doc.ents = filter_spans([*places, *kept])
        doc.spans["kgraph.nested"] = nested_places(doc)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    # -- the two rules --------------------------------------------------------------------

    def _correct(self, doc: Doc, ent: Span, countries: frozenset[str]) -> Span | None:
        if ent.label_ not in CORRECTED or _source(ent) != "ner" or self.places is None:
            return None
        if ent[0].lower_ in self.given_names or _possessive(doc, ent.end) or is_date_word(ent.text):
            return None
        hit = self.places.best(ent.text, countries)
        if hit is None or not (
            hit.country in countries or self._large(hit, countries, self.correct_population)
        ):
            return None  # a village of a country the letter names is meant in a place's context
        if not self._in_place_context(doc, ent.start):
            return None
        return Span(doc, ent.start, ent.end, label="Place", span_id=f"kb:{hit.ref}")

    def _find(self, doc: Doc, i: int, countries: frozenset[str], taken: set[int]) -> Span | None:
        first = doc[i]
        if not _capitalised(first) or first.is_sent_start or self.places is None:
            return None
        if not self._in_place_context(doc, i):
            return None
        end = i + 1  # capitalised words, and hyphenated parts ("Aix-en-Provence")
        while end < len(doc) and end not in taken and end - i < 2 * self.max_words:
            token = doc[end]
            joined = not doc[end - 1].whitespace_ and (
                token.text == "-" or doc[end - 1].text == "-"
            )
            if not (joined or _capitalised(token)):
                break
            end += 1
        for stop in range(end, i, -1):
            span = doc[i:stop]
            if span[-1].text == "-":
                continue
            hit = self.places.best(span.text, countries)
            if hit is None:
                continue
            if stop < len(doc) and (_capitalised(doc[stop]) or _possessive(doc, stop)):
                return None  # part of a longer name ("in Paris Street"), or "at Reading's"
            dateline = doc.user_data.get("kgraph.role") == "dateline"
            if self._common(span) or not (
                self._large(hit, countries, self.find_population)
                or (dateline and not is_date_word(span.text))
            ):
                return None  # a dateline names where it was written: a village too
            return Span(doc, i, stop, label="Place", span_id=f"kb:{hit.ref}")
        return None

    # -- helpers -------------------------------------------------------------------------

    def _large(self, hit: PlaceHit, countries: frozenset[str], population: int) -> bool:
        if hit.level in ("country", "state", "continent"):
            return True
        if hit.country in countries:
            population = min(population, self.context_population)
        return hit.population >= population

    def _common(self, span: Span) -> bool:
        """One word that is a common English word, or a given name after "to"/"from"."""
        if len(span) > 1:
            return False
        token = span[0]
        word = token.lower_
        if token.tag_ not in NAME_TAGS and token.pos_ != "PROPN":
            return True  # the tagger reads it as a common word here
        forms = {word} | {
            word[: -len(suffix)] + repl
            for suffix, repl in VERB_SUFFIXES
            if word.endswith(suffix) and len(word) > len(suffix) + 2
        }
        if forms & self.common:
            return True
        previous = _previous(token.doc, token.i)
        return word in self.given_names and previous is not None and previous.lower_ in MOTION_CUES

    def _in_place_context(self, doc: Doc, start: int, hops: int = 3) -> bool:
        if doc.user_data.get("kgraph.role") == "dateline":
            return True  # "Ainola, Järvenpää d. 9 Febr. 1905."
        prev = _previous(doc, start)
        if prev is None:
            return False
        word = prev.lower_
        if word in STRONG_CUES:
            return True
        if word in MOTION_CUES:
            head = prev.head
            if head.i != prev.i and head.lemma_.lower() in self.motion:
                return True
            # "guns from Santander", but not "a letter from Hobhouse" (what comes from someone)
            before = _previous(doc, prev.i)
            return word == "from" and before is not None and before.lower_ not in self.sent
        if word in JOINERS and hops > 0:
            before = _previous(doc, prev.i)
            if before is None:
                return False
            for ent in doc.ents:
                if ent.start <= before.i < ent.end:
                    return ent.label_ == "Place" or self._in_place_context(doc, ent.start, hops - 1)
            if _capitalised(before):
                first = before.i
                while first > 0 and _capitalised(doc[first - 1]):
                    first -= 1
                return self._in_place_context(doc, first, hops - 1)
        return False


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and (token.is_title or len(token) > 1)


def _possessive(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text in POSSESSIVE


def _previous(doc: Doc, i: int) -> Token | None:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None
