"""What tells a person's name from a place's or a body's when the small model hesitates:
a word that is no English noun and no known place, a kinship word before the name, a list of
people it stands in, a state only people are in. Used by ``kgraph_types``; the word lists are
data (``data/patterns/kinship-words.txt``, ``person-states.txt``, ``office-words.txt``)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kgraph.knowledge.kb import KnowledgeBase
from kgraph.knowledge.kb_names import PlaceNames
from kgraph.nlp.components import HONORIFICS, _source, model_words
from kgraph.nlp.place_cues import AT
from kgraph.settings import read_words

LIST_WORDS = frozenset({",", "and", "&", "or"})
LARGE_PLACE = 10_000  # people: a town this large is meant even in a letter about elsewhere
STATE_VERBS = frozenset({"be", "seem", "look", "feel"})
# determiners of quantity before a noun ("any Injury", "several Bignoniaceae", "few Lines")
QUANTIFIERS = frozenset(
    {"any", "no", "some", "few", "several", "many", "every", "each", "another", "such", "much"}
)
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
# what sets a thing of a kind before a noun and no name takes: a possessive or demonstrative
# determiner or a number ("their Allegiance", "my Son", "this Telegram", "two Bills")
DETERMINERS = frozenset(
    {"my", "your", "his", "its", "our", "their", "this", "these", "those", "thy"}
)


def _located(ent: Span) -> bool:
    """A name right after "at", "in", "near" or "via": where, not who."""
    i = ent.start - 1
    return i >= 0 and ent.doc[i].lower_ in AT


def model_nouns(nlp: Language) -> frozenset[str]:
    """The nouns of the model's lemmatizer index (WordNet's), lowercased: common nouns and the
    best-known proper names ("congress", "kremlin", "paris", "darwin")."""
    return model_words(nlp, "noun")


class PersonCues:
    """The word lists and knowledge the person cues need, loaded once."""

    def __init__(self) -> None:
        self.not_names: frozenset[str] = frozenset()
        self.kinship: frozenset[str] = frozenset()
        self.states: frozenset[str] = frozenset()
        self.given: frozenset[str] = frozenset()
        self.to_person: frozenset[str] = frozenset()
        self.epithets: frozenset[str] = frozenset()
        self.nouns: frozenset[str] = frozenset()
        self.offices: frozenset[str] = frozenset()
        self.places: PlaceNames | None = None

    def initialize(
        self, nlp: Language | None, data_dir: Path | None, kb: KnowledgeBase | None
    ) -> None:
        self.places = PlaceNames(kb) if kb is not None else None
        if data_dir is not None:
            self.not_names = read_words(data_dir / "not-names.txt")
            self.kinship = read_words(data_dir / "kinship-words.txt")
            self.states = read_words(data_dir / "person-states.txt")
            self.given = read_words(data_dir / "given-names.txt")
            self.to_person = read_words(data_dir / "to-person-words.txt")
            self.epithets = read_words(data_dir / "name-epithets.txt")
            self.offices = read_words(data_dir / "office-words.txt")
        if nlp is not None:
            self.nouns = model_nouns(nlp)

    def office(self, ent: Span) -> bool:
        """A name made only of titles and words of an office ("Lieutenant Colonel", "the
        Lord Mayor", "General Manager", "Herr Hofrath"), with one such word at least."""
        words = [w for t in ent for w in t.lower_.rstrip(".").split("-") if w.isalpha()]
        return (
            bool(words)
            and all(w in HONORIFICS or w in self.offices for w in words)
            and (any(w in self.offices for w in words) or len(words) > 1)
        )

    def unknown_word(self, ent: Span) -> bool:
        """One capitalised word the tagger found that is no English noun (the model's WordNet
        index, which knows "congress", "salon", "kremlin" and well-known places and people)
        nor a place the knowledge base knows: most often a surname or a pet name
        ("Mariette", "Quadrio")."""
        words = [t for t in ent if not t.is_punct]
        if _source(ent) != "ner" or len(words) != 1 or not self.nouns:
            return False
        token = words[0]
        return (
            token.is_title
            and all(part.isalpha() for part in re.split(r"[-'’]", token.text) if part)
            and token.lower_ not in self.nouns
            and token.lemma_.lower() not in self.nouns
            and token.lower_ not in self.not_names
            and not self.known_place(ent)
        )

    def common_noun(self, ent: Span) -> bool:
        """One capitalised word that is an English common noun the same letter also writes in
        lower case ("Verse" and "verse", "Court" and "court"), and no place the knowledge
        base knows: emphasis or a sentence's first word, not a name."""
        words = [t for t in ent if not t.is_punct]
        if len(words) != 1 or not self.nouns:
            return False
        token = words[0]
        lower = ent.doc.user_data.get("kgraph.lower") or frozenset()
        word = token.lower_
        return (
            token.is_title
            and word in lower
            and (word in self.nouns or token.lemma_.lower() in self.nouns)
            and word not in self.given
            and not self.known_place(ent)
        )

    def indefinite_noun(self, ent: Span) -> bool:
        """One capitalised English noun after "a" or "an" ("such a Dunce", "a Cabinet at
        twelve"): a thing of a kind, as older letters capitalise nouns, not a name."""
        words = [t for t in ent if not t.is_punct]
        i = ent.start - 1
        if len(words) != 1 or i < 0 or ent.doc[i].lower_ not in ("a", "an") or not self.nouns:
            return False
        word = words[0].lower_
        return (
            (word in self.nouns or words[0].lemma_.lower() in self.nouns)
            and word not in self.given
            and not self.known_place(ent)
        )

    def qualified_noun(self, ent: Span) -> bool:
        """One capitalised English noun after a quantifier or an adjective in lower case that
        letters do not set before names ("your most humble Servant", "a raw Yankee", "with
        the greatest Respect", "several Bignoniaceae"): a thing of a kind, as older letters
        capitalise nouns. After "poor", "dear", "old" (``name-epithets.txt``) it may be a
        name ("poor Huxley")."""
        words = [t for t in ent if not t.is_punct]
        i = ent.start - 1
        if len(words) != 1 or i < 0 or not self.nouns:
            return False
        before, word = ent.doc[i], words[0]
        modifier = before.lower_ in QUANTIFIERS or (
            before.tag_ in ADJECTIVE_TAGS and before.lower_ not in self.epithets
        )
        return (
            modifier
            and before.is_lower
            and (word.lower_ in self.nouns or word.lemma_.lower() in self.nouns)
            and word.lower_ not in self.given
            and not self.known_place(ent)
        )

    def determined_noun(self, ent: Span) -> bool:
        """One capitalised English noun after a determiner names never take ("their
        Allegiance", "my Son", "two Bills"), or after "the" where the tagger saw a person and
        no place anywhere has the name ("the Snow", "the Gospel"; not "the Tyne"): a thing of
        a kind, as older letters capitalise nouns, not a name. Asked only of a person or a
        place: "my Narrative" may be a book."""
        words = [t for t in ent if not t.is_punct]
        i = ent.start - 1
        if len(words) != 1 or len(ent) != 1 or i < 0 or not self.nouns:
            return False
        before, word = ent.doc[i], words[0]
        determined = before.lower_ in DETERMINERS or (
            before.like_num and before.is_alpha and before.lower_ != "one"
        )
        if (
            before.lower_ == "the"
            and ent.label_ in ("PERSON", "Person")
            and self.places is not None
        ):
            determined = self.places.best(ent.text) is None
        return (
            determined
            and (word.lower_ in self.nouns or word.lemma_.lower() in self.nouns)
            and word.lower_ not in self.given
            and not self.known_place(ent)
        )

    def nowhere(self, ent: Span) -> bool:
        """One word the knowledge base knows as no place at all, anywhere, and no English
        word: "Watson", "Annerl", "Bülow" (the tagger's place is a guess)."""
        words = [t for t in ent if not t.is_punct]
        if self.places is None or len(words) != 1 or not self.nouns:
            return False
        token = words[0]
        return (
            token.is_title
            and token.lower_ not in self.nouns
            and token.lemma_.lower() not in self.nouns
            and token.lower_ not in self.not_names
            and self.places.best(ent.text) is None
        )

    def given_name(self, ent: Span) -> bool:
        """One word that is a given name, not set before a comma or a stop and a capital or a
        figure as a town is in an address or a dateline ("Charlotte and her children send
        their love", "tell me whether Amelia is well"; not "AUGUSTA, GEORGIA, May 3")."""
        words = [t for t in ent if not t.is_punct]
        if len(words) != 1 or words[0].lower_ not in self.given:
            return False
        doc, i = ent.doc, ent.end
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i < len(doc) and doc[i].text in (",", "."):
            i += 1
            while i < len(doc) and doc[i].is_space:
                i += 1
            return i < len(doc) and not (doc[i].is_title or doc[i].is_upper or doc[i].like_num)
        return True

    def known_place(self, ent: Span) -> bool:
        """A place the knowledge base knows by this name in a country the letter names, or a
        large one anywhere: GeoNames has a town for many a surname ("Wilson", "Turner",
        "Hobhouse"), most of them far away and small."""
        if self.places is None:
            return False
        countries = ent.doc.user_data.get("kgraph.countries") or frozenset()
        hit = self.places.best(ent.text, countries)
        return hit is not None and (
            hit.country in countries
            or hit.population >= LARGE_PLACE
            or hit.level in ("country", "state")
        )

    def coordinated(
        self, decisions: list[tuple[Span, str | None]]
    ) -> list[tuple[Span, str | None]]:
        """An unknown word listed with people ("Jennychen, Laura and Tussy", "Saffi is with
        me, and Quadrio") is one of them: the tagger's place or body is a guess."""
        ordered = sorted(range(len(decisions)), key=lambda i: decisions[i][0].start)
        labels = [d[1] for d in decisions]
        changed = True
        while changed:
            changed = False
            for a, b in itertools.pairwise(ordered):
                left, right = decisions[a][0], decisions[b][0]
                between = left.doc[left.end : right.start]
                if not 0 < len(between) <= 3 or not all(t.lower_ in LIST_WORDS for t in between):
                    continue
                for one, other in ((a, b), (b, a)):
                    if (
                        labels[other] == "Person"
                        and labels[one] in ("Place", "Organization")
                        and self.unknown_word(decisions[one][0])
                        and not _located(decisions[one][0])  # "at Ekenge, and Edem"
                    ):
                        labels[one] = "Person"
                        changed = True
        return [(ent, label) for (ent, _), label in zip(decisions, labels, strict=True)]

    def kin_before(self, doc: Doc, ent: Span) -> bool:
        """A name right after a possessive and a word of kinship or service ("my wife,
        Peppina", "our friend Saffi")."""
        i = ent.start - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        if i < 1 or doc[i].lower_ not in self.kinship:
            return False
        before = doc[i - 1] if doc[i - 1].tag_ != "JJ" or i < 2 else doc[i - 2]
        return before.tag_ == "PRP$"

    def in_a_state(self, subject: Token) -> bool:
        """ "Hardenberg is tired", "Egerton is pleased with himself": the subject of a state
        only people are in."""
        head = subject.head
        return head.lemma_ in STATE_VERBS and any(
            child.dep_ == "acomp" and child.lower_ in self.states for child in head.children
        )

    def spoken_to(self, doc: Doc, ent: Span) -> bool:
        """A one-word name after "to" that a word of speaking, giving or greeting governs
        ("I have spoken to Hartley", "give my love to Nell"): who is addressed, not where."""
        i = ent.start - 1
        if len(ent) != 1 or i < 1 or doc[i].lower_ != "to" or ent[0].tag_ != "NNP":
            return False
        after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
        if "where" in after:
            return False  # "my love to Rye, where the sea is": the place, greeted
        head = doc[i].head
        return head.lemma_.lower() in self.to_person or head.lower_ in self.to_person
