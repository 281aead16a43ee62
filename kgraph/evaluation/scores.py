"""The result of evaluating a letter's graph (``kgraph.evaluation.evaluate``) and its report.

:class:`Score` is one precision/recall/F1 figure: with nothing predicted and something
expected, precision is 0 (and recall 0 the other way round); with neither, both are 1.
:class:`Evaluation` gathers the scores of one letter, its metadata checks and the missed and
spurious items; :func:`format_evaluation` renders it as text, ``Evaluation.to_dict`` as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kgraph.evaluation.gold import FIELDS


@dataclass(frozen=True)
class Score:
    correct: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float(not self.expected)

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else float(not self.predicted)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        counts = {"correct": self.correct, "predicted": self.predicted, "expected": self.expected}
        return {k: round(getattr(self, k), 4) for k in ("precision", "recall", "f1")} | counts


@dataclass(frozen=True)
class FieldCheck:
    field: str
    expected: str | None
    got: str | None
    right: bool


@dataclass(frozen=True)
class Evaluation:
    letter: str  # IRI of the evaluated kg:Letter
    gold: str  # the gold file's letter name
    entities: Score  # name and type (the headline figure)
    entities_name: Score  # name only
    relations: Score
    links: Score
    wrong_links: int
    metadata: tuple[FieldCheck, ...]
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    @property
    def metadata_right(self) -> int:
        return sum(check.right for check in self.metadata)

    @property
    def metadata_score(self) -> float:
        return self.metadata_right / len(FIELDS)

    def to_dict(self) -> dict[str, Any]:
        fields = {
            c.field: {"expected": c.expected, "got": c.got, "right": c.right} for c in self.metadata
        }
        return {
            "letter": self.letter,
            "gold": self.gold,
            "entities": self.entities.to_dict(),
            "entities_name_only": self.entities_name.to_dict(),
            "relations": self.relations.to_dict(),
            "links": self.links.to_dict() | {"wrong": self.wrong_links},
            "metadata": {"score": self.metadata_score, "right": self.metadata_right, **fields},
            "missed": list(self.missed),
            "spurious": list(self.spurious),
        }


def format_evaluation(ev: Evaluation) -> str:
    """A readable report: P/R/F1 table, metadata checks, missed and spurious items."""
    lines = [
        f"letter {ev.letter} (gold: {ev.gold})",
        "",
        f"{'':22} {'P':>6} {'R':>6} {'F1':>6}   correct/predicted/expected",
    ]
    for name, score in (
        ("entities (name+type)", ev.entities),
        ("entities (name only)", ev.entities_name),
        ("relations", ev.relations),
        ("links", ev.links),
    ):
        extra = f", {ev.wrong_links} wrong" if name == "links" else ""
        lines.append(
            f"{name:22} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}   "
            f"{score.correct}/{score.predicted}/{score.expected}{extra}"
        )
    lines += ["", f"metadata {ev.metadata_right}/{len(FIELDS)}"]
    for c in ev.metadata:
        got = c.got or "—"
        detail = got if c.right else f"expected {c.expected or '—'}, got {got}"
        lines.append(f"  {'✓' if c.right else '✗'} {c.field:10} {detail}")
    for title, items in (("missed", ev.missed), ("spurious", ev.spurious)):
        lines += ["", f"{title} ({len(items)})" + (":" if items else "")]
        lines += [f"  {item}" for item in items]
    return "\n".join(lines)
