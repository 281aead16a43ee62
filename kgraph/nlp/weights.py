"""The arithmetic the learned parts share (``type_votes``, ``relation_model`` and the
relation model's training script): class scores turned into probabilities."""

from __future__ import annotations

import math
from collections.abc import Sequence


def softmax(scores: Sequence[float]) -> list[float]:
    """The probabilities of classes with these scores (summed weights), summing to 1."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
