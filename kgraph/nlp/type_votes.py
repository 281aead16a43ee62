"""A second opinion on the type of a name of the small model's, learned from the gold letters:
the words around the name (the preposition before it, the verb it is the subject of, the
word after it), its shape (one word or three, capitals, the ending of its last word), what
the knowledge base knows of it as a place, the letter part it stands in and the type the
rules gave it. Each is a feature with a weight per type (``data/patterns/type-votes.json``,
written by ``benchmarks/train_types.py``); the rules' type yields only to a type the
weights are sure of. Used by ``kgraph_types``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kgraph.nlp.components import HONORIFICS, PERIODICAL_WORDS, _source
from kgraph.nlp.contexts import previous
from kgraph.nlp.person_cues import PersonCues
from kgraph.nlp.weights import softmax

VOTES_FILE = "type-votes.json"
FEATURES_KEY = "kgraph.type_features"  # set on a doc to collect its features (training)
LIST_WORDS = frozenset({",", "and", "&", "or"})


def _population(cues: PersonCues, ent: Span) -> str:
    if cues.places is None:
        return "none"
    countries = ent.doc.user_data.get("kgraph.countries") or frozenset()
    hit = cues.places.best(ent.text, countries)
    if hit is None:
        return "none"
    if hit.level != "city":
        return "land"
    local = "-here" if hit.country in countries else ""
    if hit.population >= 100_000:
        return "large" + local
    return ("town" if hit.population >= 10_000 else "village") + local


def _next(doc: Doc, ent: Span) -> Token | None:
    i = ent.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _neighbours(doc: Doc, ent: Span) -> list[str]:
    """The tagger's labels of the names listed right before and after this one ("A and B",
    "A, B")."""
    found = []
    for other in doc.spans.get("kgraph.ner", ()):
        if other.end <= ent.start:
            between, side = doc[other.end : ent.start], "left"
        elif other.start >= ent.end:
            between, side = doc[ent.end : other.start], "right"
        else:
            continue
        if 0 < len(between) <= 2 and all(t.lower_ in LIST_WORDS for t in between):
            found.append(f"{side}={other.label_}")
    return found


def features(doc: Doc, ent: Span, label: str, cues: PersonCues, heads: frozenset[str]) -> list[str]:
    """The features of one name of the tagger's whose rule type is ``label``."""
    words = [t for t in ent if t.is_alpha]
    last = words[-1] if words else ent[-1]
    prev, nxt = previous(doc, ent), _next(doc, ent)
    before = previous(doc, prev.doc[prev.i : prev.i + 1]) if prev is not None else None
    root = ent.root
    out = [
        f"ner={ent.label_}",
        f"rule={label}",
        f"role={doc.user_data.get('kgraph.role', 'body')}",
        f"words={min(len(words), 4)}",
        f"suffix={last.lower_[-3:]}",
        f"dep={root.dep_}",
        f"head={root.head.lemma_.lower()}|{root.dep_}",
        f"kb={_population(cues, ent)}",
        f"prev={prev.lower_ if prev is not None else '^'}",
        f"next={nxt.lower_ if nxt is not None else '$'}",
    ]
    if prev is not None:
        out.append(f"prev2={before.lower_ if before is not None else '^'}_{prev.lower_}")
        if prev.lower_.rstrip(".") in HONORIFICS:
            out.append("honorific")
    if root.dep_ == "pobj":  # "went to X", "the natives of X": the word the preposition hangs on
        out.append(f"via={root.head.head.lemma_.lower()}|{root.head.lower_}")
    if ent.text.isupper():
        out.append("upper")
    if any(t.text in ("-", "&") for t in ent) or "-" in ent.text:
        out.append("joined")
    if words and words[0].lower_ in cues.given:
        out.append("given")
    if last.lower_ in heads:
        out.append("place-head")
    if any(t.lower_ in PERIODICAL_WORDS for t in words):
        out.append("paper-word")
    if len(words) == 1 and (last.lower_ in cues.nouns or last.lemma_.lower() in cues.nouns):
        out.append("noun")
    if last.lower_.endswith("s"):
        out.append("plural-s")
    return out + _neighbours(doc, ent)


class TypeVotes:
    """The learned weights, loaded once; :meth:`revise` applies them."""

    def __init__(self) -> None:
        self.types: list[str] = []
        self.weights: dict[str, list[float]] = {}
        self.bias: list[float] = []
        self.sure = 1.0
        self.cues: PersonCues | None = None
        self.heads: frozenset[str] = frozenset()

    def initialize(self, data_dir: Path | None, cues: PersonCues, heads: frozenset[str]) -> None:
        self.cues, self.heads = cues, heads
        path = data_dir / VOTES_FILE if data_dir is not None else None
        if path is None or not path.is_file():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        self.types = list(data["types"])
        self.bias = [float(b) for b in data["bias"]]
        self.weights = {f: [float(w) for w in ws] for f, ws in data["weights"].items()}
        self.sure = float(data["sure"])

    def probabilities(self, names: Iterable[str]) -> dict[str, float]:
        scores = list(self.bias)
        for name in names:
            for i, w in enumerate(self.weights.get(name, ())):
                scores[i] += w
        return dict(zip(self.types, softmax(scores), strict=True))

    def revise(
        self, doc: Doc, decisions: list[tuple[Span, str | None]]
    ) -> list[tuple[Span, str | None]]:
        """The rules' type of each name of the tagger's, or the type the weights are sure
        of when they disagree."""
        if self.cues is None:
            return decisions
        collect = doc.user_data.get(FEATURES_KEY)
        out = []
        for ent, label in decisions:
            if label is not None and _source(ent) == "ner":
                names = features(doc, ent, label, self.cues, self.heads)
                if isinstance(collect, list):
                    collect.append((ent.start_char, ent.end_char, label, names))
                if self.types:
                    probs = self.probabilities(names)
                    best = max(probs, key=lambda t: probs[t])
                    # too few events among the gold names to learn them from
                    events = "Event" in (label, best)
                    if best != label and probs[best] >= self.sure and not events:
                        label = best
            out.append((ent, label))
        return out
