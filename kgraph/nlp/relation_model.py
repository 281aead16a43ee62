"""The learned relation component: weighs every (subject, object) pair of a sentence
(``kgraph.nlp.relation_features``) with the weights in ``data/patterns/relation-model.json``
and proposes the likeliest predicate whose probability reaches its threshold.

The weights are a multinomial logistic regression learned from the gold letters by
``benchmarks/train_relations.py``; the model may choose only the predicates whose domain and
range (``signatures`` in the same file) fit the pair's kinds, or none. Its proposals join
the rules' (``kgraph.nlp.relations``) in ``doc.user_data["kgraph.relations"]`` with the rule
name ``model-<predicate>`` and the probability as their confidence; ``relate`` maps their
arguments to entities as it does the rules' ("he" and "she" stand for the one person named
just before them, or for no one). "I" and "you" inside quoted speech are not weighed, nor a
pair that quoted words cut in two ("he said to me, 'I was at X'"), nor a pair whose clause
states no fact: negated, a condition, a future or a wish ("if I were in X", "I was never at
X", "I shall go to X"; ``relation_features.asserted``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kgraph.nlp.relation_features import PRONOUN_KINDS, Pair, pairs
from kgraph.nlp.weights import softmax

MODEL_FILE = "relation-model.json"
NONE = "none"
PEOPLE = frozenset({"I", "WE", "YOU", "HE", "SHE"})
QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")


@Language.factory("kgraph_relation_model", default_config={"threshold": 0.6})
def make_relation_model(nlp: Language, name: str, threshold: float) -> RelationModel:
    return RelationModel(nlp, name, threshold=threshold)


class RelationModel:
    """Predicates for the pairs of a sentence, from learned weights."""

    def __init__(self, nlp: Language, name: str, *, threshold: float) -> None:
        self.name = name
        self.threshold = threshold
        self.weights: dict[str, dict[str, float]] = {}
        self.signatures: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._classes: dict[tuple[str, str], list[str]] = {}

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
    ) -> None:
        path = (data_dir or Path()) / MODEL_FILE
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            self.weights = data["weights"]
            self.signatures = {
                p: (frozenset(d), frozenset(r)) for p, (d, r) in data["signatures"].items()
            }
            self._classes = {}

    def classes(self, subject_kind: str, object_type: str) -> list[str]:
        """ "none" and the predicates whose domain and range hold the two kinds (found once
        for each pair of kinds: every pair of every sentence asks)."""
        key = (subject_kind, object_type)
        if key not in self._classes:
            s_type = "Person" if subject_kind in PEOPLE else subject_kind
            self._classes[key] = [NONE] + [
                p for p, (dom, rng) in sorted(self.signatures.items())
                if s_type in dom and object_type in rng
            ]  # fmt: skip
        return self._classes[key]

    def fits(self, subject_kind: str, object_type: str) -> bool:
        """Whether some predicate's domain and range hold the two kinds."""
        return len(self.classes(subject_kind, object_type)) > 1

    def score(self, pair: Pair) -> tuple[str, float]:
        """The likeliest class of ``pair`` and its probability."""
        classes = self.classes(pair.subject_kind, pair.object_type)
        scores = [0.0] * len(classes)
        for f in (*pair.features, "bias"):
            w = self.weights.get(f)
            if w:
                for n, c in enumerate(classes):
                    scores[n] += w.get(c, 0.0)
        probs = softmax(scores)
        best = max(range(len(classes)), key=lambda n: (probs[n], -n))
        return classes[best], probs[best]

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        if not self.weights:
            return []
        quoted = _quoted(doc)
        found = []
        for sent in doc.sents:
            for pair in pairs(sent, self.fits):
                if not pair.asserted:
                    continue
                inside = quoted(pair.subject[0])
                if inside != quoted(pair.object[0]):  # one of them in someone's quoted words
                    continue
                if inside and pair.subject_kind in PRONOUN_KINDS.values():
                    continue
                predicate, p = self.score(pair)
                if predicate != NONE and p >= self.threshold:
                    found.append(
                        {
                            "predicate": predicate,
                            "subject": pair.subject,
                            "object": pair.object,
                            "sentence": (sent.start_char, sent.end_char),
                            "rule": f"model-{predicate}",
                            "confidence": round(p, 3),
                        }
                    )
        return found

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        rules = list(doc.user_data.get("kgraph.relations", ()))
        doc.user_data["kgraph.relations"] = rules + found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _quoted(doc: Doc) -> Callable[[int], bool]:
    """Whether a character offset of ``doc`` lies inside quoted speech: between curly
    quotation marks that close in the same piece (an edition that opens every paragraph of a
    quoted letter with one, and never closes it, quotes no speech)."""
    spans: list[tuple[int, int]] = []

    def inside(i: int) -> bool:
        if not spans:  # found on the first question: most pieces are never asked
            spans.extend((m.start(), m.end()) for m in QUOTED.finditer(doc.text))
            spans.append((-1, -1))
        return any(a < i < b for a, b in spans)

    return inside
