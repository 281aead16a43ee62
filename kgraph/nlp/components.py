"""kgraph's spaCy components for names: titles and type correction.

Each follows spaCy's conventions: a ``@Language.factory`` with keyword-only config,
data loaded in ``initialize()``, finding (``match``) kept apart from ``set_annotations``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

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
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "dr",
        "prof",
        "professor",
        "sir",
        "lady",
        "lord",
        "madame",
        "mme",
        "mlle",
        "monsieur",
        "m",
        "herr",
        "frau",
        "signor",
        "signora",
        "citizen",
        "comrade",
        "general",
        "colonel",
        "captain",
        "rev",
        "reverend",
        "count",
        "countess",
        "prince",
        "princess",
        "baron",
        "baroness",
    ]
)


def _read_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    return frozenset(
        w.strip().lower()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


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
        if any(t.lower_ in PERIODICAL_WORDS for t in span):
            return True
        before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start] if not t.is_space]
        return before[-2:] in (["in", "the"], ["for", "the"], ["to", "the"]) or before[-1:] in (
            ["in"],
            ["for"],
        )

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("kgraph_types", default_config={})
class TypeCorrector:
    """Map spaCy labels to kg types, correct them from context, drop what is not a name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.not_names: frozenset[str] = frozenset()

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
    ) -> None:
        if data_dir is not None:
            self.not_names = _read_words(data_dir / "not-names.txt")

    def match(self, doc: Doc) -> list[tuple[Span, str | None]]:
        """Each entity with its corrected label (None: drop it)."""
        return [(ent, self.correct(doc, ent)) for ent in doc.ents]

    def correct(self, doc: Doc, ent: Span) -> str | None:
        source = _source(ent)
        label = ent.label_ if ent.label_ in KG_TYPES else SPACY_TO_KG.get(ent.label_)
        if label is None:
            return None
        if source in ("auth", "cue", "title"):
            return label
        words = [t for t in ent if t.is_alpha]
        if not words or all(t.is_lower for t in words):
            return None
        content = [
            t for t in words if t.lower_ not in FUNCTION_WORDS and t.lower_ not in HONORIFICS
        ]
        if not content or all(t.lower_ in self.not_names for t in content):
            return None
        last = content[-1].lower_
        if last.endswith(("ists", "ites", "ians")) and label in ("Person", "Organization", "Group"):
            return "Group"
        if label == "Group" and len(ent) == 1 and ent[0].tag_ == "JJ":
            return None
        if label == "Organization" and any(t.lower_ in PERIODICAL_WORDS for t in ent):
            return "Periodical"
        prev = doc[ent.start - 1] if ent.start > 0 else None
        honorific = prev is not None and prev.lower_.rstrip(".") in HONORIFICS
        if (
            label == "Person"
            and len(content) == 1
            and prev is not None
            and not honorific
            and prev.lower_ in PLACE_PREPOSITIONS
        ):
            return "Place"
        return label

    def set_annotations(self, doc: Doc, decisions: Iterable[tuple[Span, str | None]]) -> None:
        ents = []
        for ent, label in decisions:
            if label is None:
                continue
            start, end = ent.start, ent.end
            while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
                end -= 1
            if start < end:
                ents.append(Span(doc, start, end, label=label, span_id=ent.ent_id_))
        doc.ents = filter_spans(ents)
        doc.spans["kgraph.nested"] = self.nested_places(doc)

    @staticmethod
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

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
