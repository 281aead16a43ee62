"""kgraph's spaCy components for names: the NER snapshot and titles.

Each follows spaCy's conventions: a ``@Language.factory`` with keyword-only config,
data loaded in ``initialize()``, finding (``match``) kept apart from ``set_annotations``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kgraph.knowledge.honorifics import TITLES

SPACY_TO_KG = {
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": "Organization",
    "NORP": "Group",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "LAW": "Work",
}
KG_TYPES = frozenset(SPACY_TO_KG.values()) | {"Periodical", "Concept"}
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "des",
        "di",
        "du",
        "en",
        "et",
        "for",
        "from",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "the",
        "to",
        "und",
        "von",
        "der",
        "die",
        "das",
        "del",
        "della",
        "y",
    ]
)
PERIODICAL_CONTEXT = frozenset(
    [
        "edit",
        "editor",
        "editorship",
        "subscribe",
        "subscriber",
        "number",
        "issue",
        "article",
        "column",
        "correspondent",
        "contributor",
    ]
)
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "towards", "toward", "via"})
PERIODICAL_WORDS = frozenset(
    [
        "times",
        "review",
        "gazette",
        "journal",
        "magazine",
        "chronicle",
        "herald",
        "tribune",
        "news",
        "post",
        "courier",
        "revue",
        "zeitung",
        "blatt",
        "quarterly",
        "weekly",
        "monthly",
        "daily",
        "observer",
        "examiner",
        "standard",
        "mercury",
        "record",
        "spectator",
        "athenaeum",
        "advertiser",
        "telegraph",
        "nation",
    ]
)
HONORIFICS = TITLES


def model_words(nlp: Language, *parts: str) -> frozenset[str]:
    """The words of the given parts of speech ("noun", "verb", "adj", "adv") in the model's
    lemmatizer index (WordNet's, which ships with the model), lowercased."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts if part in index for word in index[part])


def _source(span: Span) -> str:
    return (span.ent_id_ or "ner").partition(":")[0]


def _title_like(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words or (not words[0].is_title and not words[0].is_upper):
        return False
    if len(words) > 10 or any(t.text in "?!" for t in span):
        return False
    content = [t for t in words if t.lower_ not in FUNCTION_WORDS]
    return bool(content) and all(t.text[0].isupper() for t in content)


def nested_places(doc: Doc) -> list[Span]:
    """Places named inside an event or organisation name ("the Toulouse congress")."""
    found = []
    for outer in doc.ents:
        if outer.label_ not in ("Event", "Organization"):
            continue
        for inner in doc.spans.get("kgraph.ner", []):
            if inner.label_ not in ("GPE", "LOC", "Place") or len(inner) >= len(outer):
                continue
            if outer.start <= inner.start and inner.end <= outer.end:
                found.append(
                    Span(doc, inner.start, inner.end, label="Place", span_id=inner.ent_id_)
                )
    return found


@Language.component("kgraph_snapshot")
def snapshot(doc: Doc) -> Doc:
    """Keep the names seen before the cue patterns, so a place inside a longer name
    ("the Toulouse congress") can stand as a name of its own."""
    doc.spans["kgraph.ner"] = list(doc.ents)
    return doc


@Language.factory("kgraph_titles", default_config={"max_words": 10})
class TitleRecognizer:
    """Italic (``*Title*``) and quoted capitalised strings become Work or Periodical names."""

    def __init__(self, nlp: Language, name: str, *, max_words: int) -> None:
        self.name = name
        self.max_words = max_words

    def match(self, doc: Doc) -> list[Span]:
        found = []
        for start, end in doc.user_data.get("kgraph.emphasis", ()):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(span) <= self.max_words and _title_like(span):
                found.append(span)
        return found

    def set_annotations(self, doc: Doc, titles: Iterable[Span]) -> None:
        ents = list(doc.ents)
        titles = list(titles)
        labels = {t.start: "Periodical" if self._periodical(doc, t) else "Work" for t in titles}
        for a, b in itertools.pairwise(titles):  # "the *X* and the *Y*": one kind
            between = {t.lower_ for t in doc[a.end : b.start] if not t.is_space}
            if between <= {"and", "the", "or", ","} and "Periodical" in (
                labels[a.start],
                labels[b.start],
            ):
                labels[a.start] = labels[b.start] = "Periodical"
        for title in titles:
            label = labels[title.start]
            kept = [e for e in ents if e.end <= title.start or e.start >= title.end]
            exact = [e for e in ents if (e.start, e.end) == (title.start, title.end)]
            if exact and _source(exact[0]) == "auth":
                continue
            ents = [*kept, Span(doc, title.start, title.end, label=label, span_id="title:")]
        doc.ents = filter_spans(ents)

    @staticmethod
    def _periodical(doc: Doc, span: Span) -> bool:
        """A paper rather than a book: its name, or what is said around it ("edited the
        *Dial*", "the editors of the *Dial*", "in the *Westminster*", "in Taylor's *X*")."""
        if any(t.lower_ in PERIODICAL_WORDS for t in span):
            return True
        before = [t for t in doc[max(0, span.start - 5) : span.start] if not t.is_space]
        after = [t for t in doc[span.end : span.end + 4] if not t.is_space]
        if any(t.lemma_.lower() in PERIODICAL_CONTEXT for t in before + after):
            return True
        words = [t.lower_ for t in before]
        if words[-2:] in (["in", "the"], ["for", "the"], ["to", "the"]):
            return True  # (a bare "in *X*" may be a book: "what was in *Gerontius*")
        return len(words) >= 3 and words[-1] in ("'s", "’s") and "in" in words[-4:-1]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
