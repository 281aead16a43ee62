"""What tells a place's name from a person's or a body's when the small model calls a place a
person or an organisation: the preposition before it, the noun it is "of", the verb of leaving
it is "for". Used by ``kgraph_types``; the word lists are data
(``data/patterns/place-of-words.txt``, ``departure-words.txt``,
``place-head-words.txt``, ``motion-words.txt``, ``place-object-verbs.txt``)."""

from __future__ import annotations

import itertools
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kgraph.nlp.components import HONORIFICS, _source
from kgraph.nlp.contexts import moved_to, previous
from kgraph.settings import read_words

# prepositions after which a name is where something is, whatever its length ("at Friars
# Carse", "in Te Aro"); "from" is not one ("a letter from Hobhouse")
AT = frozenset({"at", "in", "near", "via"})
# prepositions of a route or a place, before the first of a list of places ("between A and
# B", "through A and B", "from A and B came news")
ROUTE = AT | frozenset({"between", "through", "from", "to", "towards", "toward"})
LIST_WORDS = frozenset({",", "and", "&", "or"})
ARTICLES = frozenset({"the", "a", "an"})
DETERMINERS = frozenset({"DT", "PRP$", "WP$"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


COMPASS = frozenset({"north", "south", "east", "west"})


class PlaceCues:
    """The word lists the place cues need, loaded once."""

    def __init__(self) -> None:
        self.place_of: frozenset[str] = frozenset()
        self.departure: frozenset[str] = frozenset()
        self.given: frozenset[str] = frozenset()
        self.heads: frozenset[str] = frozenset()
        self.motion: frozenset[str] = frozenset()
        self.object_verbs: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None) -> None:
        if data_dir is not None:
            self.place_of = read_words(data_dir / "place-of-words.txt")
            self.departure = read_words(data_dir / "departure-words.txt")
            self.given = read_words(data_dir / "given-names.txt")
            self.heads = read_words(data_dir / "place-head-words.txt")
            self.motion = read_words(data_dir / "motion-words.txt")
            self.object_verbs = read_words(data_dir / "place-object-verbs.txt")

    def place_context(self, doc: Doc, ent: Span, label: str) -> bool:
        """A name of the tagger's (a person or a body) that its context makes a place:

        - after "at", "in", "near" or "via", of any length ("the troops landed at Civita
          Vecchia"); a body's name only with a word of streets, buildings or waters
          (``place-head-words.txt``: "stayed at Three Mile Cross", "in the Rue de Vaugirard");
        - after "of" that follows a noun of where people live or what a place has ("the
          natives of Woahoo", "the hills of Mussoorie", "a native of Linlithgow");
        - after "for" that follows a verb of leaving ("left on Monday for Keswick", "we set
          out for Pisania", "sailed for Port Jackson");
        - after "to" that follows a verb of motion, of any length and whether the knowledge
          base knows it or not ("the steamer goes down to Dunmore", "we drove over to Great
          Ashby"; ``motion-words.txt``);
        - the object of a verb of leaving or reaching, with no article ("the caravan left
          Tembo on the 3rd", "till we reach Kandy"; ``place-object-verbs.txt``).

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
        if ent[0].lower_ in ARTICLES or prev.tag_ in DETERMINERS:
            return False  # "went out to the Colony", "reached this Court": a body
        return moved_to(prev, self.motion) or self._object_of_travel(ent)

    def _object_of_travel(self, ent: Span) -> bool:
        root = ent.root
        return root.dep_ == "dobj" and root.head.lemma_.lower() in self.object_verbs

    def coordinated(
        self, decisions: list[tuple[Span, str | None]]
    ) -> list[tuple[Span, str | None]]:
        """A name the tagger took for a person, listed right after a place that follows a
        preposition of place or route ("at Leeds and Tadcastre", "between Ripon, Masham and
        Kettlewell", "through Ugogo and Ukimbu"), is one of the places; not a name that starts
        with a title or a given name ("in Paris and Marie")."""
        order = sorted(range(len(decisions)), key=lambda i: decisions[i][0].start)
        labels = [label for _, label in decisions]
        listed = False  # the previous name is a place at the head of a list, or listed with one
        run = 0  # how many places the list has had so far
        nexts = [*order[1:], None]
        for before, after, following in zip([None, *order], order, nexts, strict=False):
            ent, doc = decisions[after][0], decisions[after][0].doc
            if labels[after] == "Place":
                prev = previous(doc, ent)
                joined = before is not None and _joined(decisions[before][0], ent)
                listed = (prev is not None and prev.lower_ in ROUTE) or (listed and joined)
                run = run + 1 if listed and joined else 1
                continue
            if (
                listed
                and before is not None
                and labels[after] == "Person"
                and _joined(decisions[before][0], ent)
                and (  # after a comma alone, a list of places ("at Ayr, Irvine, Troon"), not
                    _listed(decisions[before][0], ent)  # one place ("from Kiev, Petrov, has")
                    or run > 1
                    or (following is not None and _joined(ent, decisions[following][0]))
                )
                and _source(ent) == "ner"
                and ent.root.dep_ not in SUBJECTS  # "at Ekenge, and Edem sits by me": who
                and self._name_like(doc, ent)
            ):
                labels[after] = "Place"
                run += 1
                continue
            listed = False
        return self._routes(decisions, order, labels)

    def _routes(
        self, decisions: list[tuple[Span, str | None]], order: list[int], labels: list[str | None]
    ) -> list[tuple[Span, str | None]]:
        """ "from A to B" with one end a place: the other end, a name the tagger took for a
        person, is a place too ("rode from Tarnby to Halvik", "from Ostend to Brügge"); not
        a name that starts with a title or a given name ("from Paris to Mr. Lowe")."""
        for left, right in itertools.pairwise(order):
            a, b = decisions[left][0], decisions[right][0]
            doc = a.doc
            before = previous(doc, a)
            between = doc[a.end : b.start]
            if before is None or before.lower_ != "from" or [t.lower_ for t in between] != ["to"]:
                continue
            for place, other in ((left, right), (right, left)):
                ent = decisions[other][0]
                if (
                    labels[place] == "Place"
                    and labels[other] == "Person"
                    and _source(ent) == "ner"
                    and self._name_like(doc, ent)
                ):
                    labels[other] = "Place"
        return [(ent, label) for (ent, _), label in zip(decisions, labels, strict=True)]

    def bare_word(self, ent: Span) -> bool:
        """A place's head word or a point of the compass alone ("the Lake", "the Fort",
        "a storm in the East", "he comes West"): a common noun or a direction, no name. Not
        a house before its town ("Abbey, Bath" atop a letter: the house the writer names)."""
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].is_title:
            return False
        return len(ent) == 1 and (ent[0].lower_ in self.heads or ent[0].lower_ in COMPASS)

    def _name_like(self, doc: Doc, ent: Span) -> bool:
        first = ent[0]
        if first.lower_.rstrip(".") in HONORIFICS or first.lower_ in self.given:
            return False
        if ent[-1].text in POSSESSIVE:
            return False
        return not (ent.end < len(doc) and doc[ent.end].text in POSSESSIVE)


def _joined(left: Span, right: Span) -> bool:
    """Two names one to three list words apart ("A and B", "A, B", "A, and B")."""
    between = left.doc[left.end : right.start]
    return 0 < len(between) <= 3 and all(t.lower_ in LIST_WORDS for t in between)


def _listed(left: Span, right: Span) -> bool:
    """ "A and B", "A, or B": a list word other than a comma between the names."""
    return any(t.lower_ in LIST_WORDS and t.text != "," for t in left.doc[left.end : right.start])


def _before(doc: Doc, i: int) -> Token | None:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None
