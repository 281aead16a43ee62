"""The ``kgraph_types`` component: map spaCy's labels to kg types, correct them from context
and drop what is not a name. Its word lists are data (``data/patterns/*.txt``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kgraph.knowledge.authority import Authority
from kgraph.knowledge.kb import KnowledgeBase
from kgraph.nlp.bodies import BodyCues
from kgraph.nlp.components import (
    FUNCTION_WORDS,
    HONORIFICS,
    KG_TYPES,
    PERIODICAL_WORDS,
    PLACE_PREPOSITIONS,
    SPACY_TO_KG,
    _source,
    nested_places,
)
from kgraph.nlp.contexts import (
    WHERE,
    after_article,
    moved_to,
    people,
    previous,
    sent_from,
    where_the,
)
from kgraph.nlp.foreign import ForeignText
from kgraph.nlp.group_cues import GroupCues
from kgraph.nlp.person_cues import PersonCues
from kgraph.nlp.person_of import places_of_people
from kgraph.nlp.place_cues import PlaceCues
from kgraph.nlp.type_votes import TypeVotes
from kgraph.nlp.work_cues import WorkCues
from kgraph.settings import read_words

ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)?\.?[—–-]*$")
ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
NAME_TAGS = frozenset({"NNP", "NNPS"})
TIME_WORDS = frozenset({"morning", "evening", "night", "eve", "day", "afternoon", "noon"})
TRAILING = frozenset({"of", "and", "&", "the", "de", "du", "von", "in", "at"})


def _is_name_token(token: Token) -> bool:
    return token.is_title and (token.tag_ in NAME_TAGS or token.pos_ == "PROPN")


@Language.factory("kgraph_types", default_config={})
class TypeCorrector:
    """Correct the kg type of each name from its context; drop capitalised common nouns."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.not_names: frozenset[str] = frozenset()
        self.given_names: frozenset[str] = frozenset()
        self.person_verbs: frozenset[str] = frozenset()
        self.sent_words: frozenset[str] = frozenset()
        self.motion: frozenset[str] = frozenset()
        self.cues = PersonCues()
        self.places = PlaceCues()
        self.bodies = BodyCues()
        self.works = WorkCues()
        self.foreign = ForeignText()
        self.groups = GroupCues()
        self.votes = TypeVotes()

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
        kb: KnowledgeBase | None = None,
        authority: Authority | None = None,
    ) -> None:
        self.cues.initialize(nlp, data_dir, kb)
        self.places.initialize(data_dir)
        self.bodies.initialize(data_dir, authority)
        self.works.initialize(data_dir)
        self.foreign.initialize(data_dir)
        self.groups.initialize(data_dir)
        self.votes.initialize(data_dir, self.cues, self.places.heads)
        if data_dir is not None:
            self.not_names = read_words(data_dir / "not-names.txt")
            self.given_names = read_words(data_dir / "given-names.txt")
            self.person_verbs = read_words(data_dir / "person-verbs.txt")
            self.sent_words = read_words(data_dir / "sent-words.txt")
            self.motion = read_words(data_dir / "motion-words.txt")

    def match(self, doc: Doc) -> list[tuple[Span, str | None]]:
        """Each name with its corrected label (None: drop it), after growing a given name
        that an authority place swallowed ("Sofia" in "Sofia Grigorievna")."""
        ents = self._grow_given_names(doc)
        ents += self._unnamed_subjects(doc, ents)
        places = places_of_people(doc, ents)  # "Miss Mitchell of Nantucket"
        ents = [e for e in ents if not any(p.start < e.end and e.start < p.end for p in places)]
        ents += places
        decisions = self.votes.revise(doc, [(ent, self._named(doc, ent)) for ent in ents])
        decisions = self.cues.coordinated(decisions)
        return self.places.coordinated(decisions)  # "at Leeds and Tadcastre"

    def _unnamed_subjects(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A capitalised proper noun the tagger left out that does what only people do
        ("Richter conducted", "Lloyd sang"): a person."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for token in doc:
            if (
                token.i not in taken
                and token.dep_ == "nsubj"
                and token.tag_ == "NNP"
                and _is_name_token(token)
                and token.head.lemma_.lower() in self.person_verbs
                and token.lower_ not in self.not_names
                and token.lower_ not in HONORIFICS
                and len(token.text) > 2
                and not any(child.dep_ == "det" for child in token.children)  # "the Purveyor"
            ):
                found.append(Span(doc, token.i, token.i + 1, label="Person", span_id=""))
        return found

    def _grow_given_names(self, doc: Doc) -> list[Span]:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        grown = []
        for ent in ents:
            end = ent.end
            if len(ent) == 1 and ent.label_ == "Place" and ent.text.lower() in self.given_names:
                while end < len(doc) and end not in taken and _is_name_token(doc[end]):
                    end += 1
            if end > ent.end:
                grown.append(Span(doc, ent.start, end, label="Person", span_id=""))
            else:
                grown.append(ent)
        return grown

    def _named(self, doc: Doc, ent: Span) -> str | None:
        """The corrected label, or None for a person or place that is a common noun after a
        determiner no name takes ("their Allegiance", "my Son", "two Bills")."""
        label = self.correct(doc, ent)
        if (
            label in ("Person", "Place")
            and _source(ent) == "ner"
            and self.cues.determined_noun(ent)
        ):
            return None
        return label

    def correct(self, doc: Doc, ent: Span) -> str | None:
        source = _source(ent)
        label = ent.label_ if ent.label_ in KG_TYPES else SPACY_TO_KG.get(ent.label_)
        if label is None:  # "count on the English, who …": the people, not the language
            return "Group" if ent.label_ == "LANGUAGE" and people(doc, ent) else None
        if label == "Person" and source in ("cue", "ner") and self.cues.office(ent):
            return None  # "Mr. President", "Herr Hofrath", "General Headquarters": no name
        if source in ("auth", "cue", "title", "kb"):
            return label
        words = [t for t in ent if t.is_alpha]
        if not words or all(t.is_lower for t in words) or ROMAN.match(ent.text.strip()):
            return None
        if (len(ent) == 1 and self._imperative(ent[0])) or self.foreign.guess(doc, ent):
            return None  # "Kiss Teddy"; "Estamos", "Votre bien" in a paragraph in French
        if source == "ner" and (
            self.cues.common_noun(ent)
            or self.cues.indefinite_noun(ent)
            or self.cues.qualified_noun(ent)
        ):
            return None  # "the Verse", "my Advertisements", "your humble Servant": no name
        content = [
            t for t in words if t.lower_ not in FUNCTION_WORDS and t.lower_ not in HONORIFICS
        ]
        if not content or all(t.lower_ in self.not_names for t in content):
            return None
        if label in ("Person", "Place") and len(ent) == 1 and self.groups.language(ent):
            return "Group" if people(doc, ent) else None  # "the French are", "in Welsh"
        if label == "Place" and source == "ner" and self.places.bare_word(ent):
            return None  # "the Lake", "in the North": no name
        if self.bodies.institution(ent, content, label):
            return "Organization"  # "a paper read to the Académie", "the Volksraad met"
        last = content[-1].lower_
        if last.endswith(("ists", "ites", "ians")) and label in ("Person", "Organization", "Group"):
            return "Group"
        if label == "Group" and self.groups.no_group(doc, ent):
            return None  # an adjective or a language: "the Dutch workers", "in German"
        if label == "Event" and last in TIME_WORDS:
            return None  # a date: "New Year's morning"
        if label == "Organization" and any(t.lower_ in PERIODICAL_WORDS for t in ent):
            return "Periodical"
        if label in ("Person", "Organization") and self.works.work_of(doc, ent):
            return "Work"  # "three pages of Ulvhild", "the first act of Tancredi" (either guess)
        if label != "Person" and self._looks_personal(doc, ent, content):
            return "Person"
        if label != "Person" and self.cues.kin_before(doc, ent):
            return "Person"  # "my wife, Peppina", "his brother Carl"
        if label in ("Place", "Organization") and self.cues.spoken_to(doc, ent):
            return "Person"  # "I have spoken to Hartley", "give my love to Nell"
        if label in ("Person", "Organization", "Place") and self.places.place_context(
            doc, ent, label
        ):
            return "Place"  # "landed at Civita Vecchia", "the natives of Woahoo", "set out for X"
        prev = previous(doc, ent)
        honorific = prev is not None and prev.lower_.rstrip(".") in HONORIFICS
        if (
            label in ("Person", "Organization")
            and len(content) == 1
            and prev is not None
            and not honorific
            and (
                prev.lower_ in PLACE_PREPOSITIONS
                # "went to X": a place the knowledge base does not know (it types the rest)
                or (moved_to(prev, self.motion) and self.cues.unknown_word(ent))
            )
            and content[0].text.lower() not in self.given_names
            and not (sent_from(doc, prev, self.sent_words) and self.cues.unknown_word(ent))
        ):
            return "Place"  # "at Redruth", "we went last week to Ranelagh"
        if (
            label in ("Place", "Organization")
            and sent_from(doc, prev, self.sent_words)
            and self.cues.unknown_word(ent)
        ):
            return "Person"  # "a letter from Kinnaird": no place the letter knows
        if (
            label == "Person"
            and len(content) == 1
            and len(ent) == 1
            and prev is not None
            and prev.lower_ == "the"
            and content[0].lower_ not in self.given_names
            and not content[0].text.endswith("s")
        ):
            return "Place"  # "the Amur", "the Altmarkt", "the men of the Tyne": no person
        if (
            label == "Place"
            and source == "ner"
            and (prev is None or prev.lower_ not in WHERE)
            and (prev is None or prev.lower_ not in ("the", "a", "an"))  # "the Philistines"
            and (self.cues.nowhere(ent) or self.cues.given_name(ent))
        ):
            return "Person"  # "think of Watson and Oliver": a place nobody knows, in no place
        if label == "Organization" and self.cues.unknown_word(ent) and not after_article(doc, ent):
            return "Person"  # "Mariette", "Oudinot": no body has a one-word name nobody knows
        if label == "Organization" and where_the(doc, ent) and self.cues.unknown_word(ent):
            return "Place"  # "it rains every day in the Tatras", "the vines of the Cévennes"
        return self.bodies.one_word(doc, ent, label)  # "the Senate"; "the Court"; "Hooker"

    def _looks_personal(self, doc: Doc, ent: Span, content: list[Token]) -> bool:
        """A short name that starts with a given name, or that is the subject of a verb
        only people do ("Huxley has had his say", "Metternich smiles")."""
        if len(content) > 3 or not all(_is_name_token(t) for t in content):
            return False
        if content[0].text.lower() in self.given_names and (
            len(content) > 1 or ent.label_ in ("ORG", "NORP")
        ):
            return True
        root = ent.root
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        if root.head.lemma_.lower() in self.person_verbs:
            return True
        # "Hardenberg is tired", "Egerton is pleased with himself": a state only people are in
        return self.cues.in_a_state(root)

    def _imperative(self, token: Token) -> bool:
        """A verb that opens a sentence ("Kiss Teddy for me", "Tell Huxley")."""
        return token.is_sent_start is True and (
            token.tag_ == "VB" or token.lower_ in self.person_verbs
        )

    def set_annotations(self, doc: Doc, decisions: Iterable[tuple[Span, str | None]]) -> None:
        ents = []
        for ent, label in decisions:
            if label is None:
                continue
            start, end = ent.start, ent.end
            while start < end and (
                doc[start].lower_ in ("the", "a", "an")
                or doc[start].is_punct
                or ORDINAL.match(doc[start].text) is not None  # "14th.—The Court of Session"
                or (_source(ent) == "ner" and end - start > 1 and self._imperative(doc[start]))
            ):
                start += 1  # "the", or an imperative at the head of a sentence: "Kiss Teddy"
            while end > start and (
                doc[end - 1].is_punct
                or doc[end - 1].tag_ == "POS"
                or (doc[end - 1].lower_ in TRAILING and _source(ent) == "ner")
                or (
                    end - start > 2
                    and doc[end - 1].text == "I"
                    and doc[end - 2].lower_ in ("&", ",", "and")
                )
            ):
                end -= 1  # "Buths of" (Düsseldorf) is Buths; "Auburn, & I was glad": Auburn
            if start < end:
                ents.append(Span(doc, start, end, label=label, span_id=ent.ent_id_))
        doc.ents = filter_spans(ents)
        doc.spans["kgraph.nested"] = nested_places(doc)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
