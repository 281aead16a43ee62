"""Score a letter's graph against its gold file (``docs/gold-format.md``).

Entities match by name: a gold and a predicted entity match when their normalised name sets
(gold label and forms; predicted label and alternate names) intersect. The matching is one
to one, greedy over pairs that prefer the same type, then more shared names, then the same
label. Entity scores count a match only when the type is right too; name-only scores don't.
Relations and links are read through that matching. With nothing predicted and something
expected, precision is 0 (and recall 0 the other way round); with neither, both are 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from .authority import normalise
from .errors import DataError
from .model import ENTITY_TYPES
from .namespace import KG, SCHEMA, WD
from .rdfio import load_graph
from .reading import slugify

PREDICATES = (
    "visited", "livesIn", "locatedIn", "authorOf", "editorOf", "contributorTo", "publishedIn",
    "heldIn", "memberOf", "founderOf", "participatedIn", "correspondsWith", "spouseOf", "childOf",
)  # fmt: skip
SYMMETRIC = frozenset({"correspondsWith", "spouseOf"})
FIELDS = ("sender", "recipient", "date", "place")
PROPERTIES = {
    "sender": SCHEMA.sender,
    "recipient": SCHEMA.recipient,
    "date": SCHEMA.dateSent,
    "place": KG.placeOfWriting,
}


@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    forms: tuple[str, ...]
    wikidata: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        return _keys((self.label, *self.forms))


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Gold:
    letter: str  # file name of the letter
    metadata: tuple[tuple[str, str | None], ...]  # (field, value) for each of FIELDS
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    def field(self, name: str) -> str | None:
        return dict(self.metadata)[name]


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


@dataclass(frozen=True)
class _Predicted:
    iri: Node
    type: str
    label: str
    keys: frozenset[str]


def _keys(names: Any) -> frozenset[str]:
    return frozenset(key for key in (normalise(str(n)) for n in names) if key)


def _check(ok: bool, where: object, problem: str, hint: str = "see docs/gold-format.md") -> None:
    if not ok:
        raise DataError(f"{where}: {problem}", hint)


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    _check(key in data, where, f"missing key {key!r}")
    _check(isinstance(data[key], kind), where, f"{key!r} has the wrong type")
    return data[key]


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; DataError names the file and the problem."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{p} does not exist", "check the path of the gold file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{p} cannot be read ({exc})", "check the file") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"{p}:{exc.lineno}: not valid JSON ({exc.msg})", "fix the file") from exc
    _check(isinstance(data, dict), p, "not a JSON object")
    meta = _get(data, "metadata", dict, str(p))
    metadata = tuple((f, _get(meta, f, (str, type(None)), f"{p} metadata")) for f in FIELDS)
    entities: list[GoldEntity] = []
    for n, raw in enumerate(_get(data, "entities", list, str(p)), start=1):
        where = f"{p} entity {n}"
        _check(isinstance(raw, dict), where, "not a JSON object")
        kind, qid = _get(raw, "type", str, where), raw.get("wikidata")
        _check(kind in ENTITY_TYPES, where, f"unknown type {kind!r}")
        _check(qid is None or re.fullmatch(r"Q\d+", str(qid)) is not None, where, "bad QID")
        forms = tuple(str(f) for f in _get(raw, "forms", list, where))
        entities.append(GoldEntity(_get(raw, "label", str, where), kind, forms, qid))
    labels = {e.label for e in entities}
    _check(len(labels) == len(entities), p, "two entities share a label")
    relations: list[GoldRelation] = []
    for n, raw in enumerate(_get(data, "relations", list, str(p)), start=1):
        where = f"{p} relation {n}"
        _check(isinstance(raw, dict), where, "not a JSON object")
        s, pred, o = (_get(raw, k, str, where) for k in ("subject", "predicate", "object"))
        _check(pred in PREDICATES, where, f"unknown predicate {pred!r}")
        _check(s in labels and o in labels, where, "subject or object is not an entity label")
        relations.append(GoldRelation(s, pred, o))
    for field, value in metadata:
        ok = field == "date" or value is None or value in labels
        _check(ok, p, f"metadata {field} {value!r} is not an entity label")
    return Gold(_get(data, "letter", str, str(p)), metadata, tuple(entities), tuple(relations))


def _label(graph: Graph, node: Node) -> str:
    labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node).rsplit("/", 1)[-1]


def _predicted(graph: Graph, node: Node) -> _Predicted:
    classes = set(graph.objects(node, RDF.type))
    kind = next((t for t in ENTITY_TYPES if KG[t] in classes), "")
    names = [*graph.objects(node, RDFS.label), *graph.objects(node, SCHEMA.alternateName)]
    return _Predicted(node, kind, _label(graph, node), _keys(names))


def find_letter(gold: Gold, graph: Graph) -> URIRef:
    """The kg:Letter named like the gold's letter file, or the graph's only letter."""
    letters = sorted(s for s in graph.subjects(RDF.type, KG.Letter) if isinstance(s, URIRef))
    slug = slugify(Path(gold.letter).stem)
    named = [iri for iri in letters if str(iri).endswith(f"letter/{slug}")]
    if len(named) == 1 or len(letters) == 1:
        return (named or letters)[0]
    raise DataError(
        f"no letter {slug!r} among the {len(letters)} letters of the graph",
        "pass the graph of that letter",
    )


def _match(gold: Gold, preds: list[_Predicted]) -> dict[Node, GoldEntity]:
    def rank(pair: tuple[int, int]) -> tuple[bool, int, bool, int, str]:
        g, p = gold.entities[pair[0]], preds[pair[1]]
        same_label = normalise(g.label) == normalise(p.label)
        return (g.type != p.type, -len(g.keys & p.keys), not same_label, pair[0], str(p.iri))

    pairs = [(gi, pi) for gi, g in enumerate(gold.entities) for pi, p in enumerate(preds)]
    matched: dict[Node, GoldEntity] = {}
    used: set[int] = set()
    for gi, pi in sorted((pair for pair in pairs if rank(pair)[1]), key=rank):
        if gi not in used and preds[pi].iri not in matched:
            used.add(gi)
            matched[preds[pi].iri] = gold.entities[gi]
    return matched


def _rel_key(pred: str, s: str, o: str) -> tuple[str, str, str]:
    return (pred, min(s, o), max(s, o)) if pred in SYMMETRIC else (pred, s, o)


def _rel_text(key: tuple[str, str, str]) -> str:
    return f'relation {key[0]} "{key[1]}" {"↔" if key[0] in SYMMETRIC else "→"} "{key[2]}"'


class _Scorer:
    """The state of one evaluation: the letter, its predicted entities and the matching."""

    def __init__(self, gold: Gold, graph: Graph, letter: URIRef) -> None:
        self.gold, self.graph, self.letter = gold, graph, letter
        nodes = sorted(set(graph.objects(letter, SCHEMA.mentions)), key=str)
        self.preds = [_predicted(graph, n) for n in nodes]
        self.by_iri = {p.iri: p for p in self.preds}
        self.match = _match(gold, self.preds)
        self.missed: list[str] = []
        self.spurious: list[str] = []

    def entities(self) -> tuple[Score, Score]:
        found = {g.label for g in self.match.values()}
        self.missed += [f'{g.type} "{g.label}"' for g in self.gold.entities if g.label not in found]
        wrong = [
            (self.by_iri[n], g) for n, g in self.match.items() if self.by_iri[n].type != g.type
        ]
        self.missed += [f'{g.type} "{g.label}" typed {p.type or "nothing"}' for p, g in wrong]
        self.spurious += [
            f'{p.type or "Untyped"} "{p.label}"' for p in self.preds if p.iri not in self.match
        ]
        sizes = len(self.preds), len(self.gold.entities)
        return Score(len(self.match) - len(wrong), *sizes), Score(len(self.match), *sizes)

    def field(self, field: str) -> FieldCheck:
        expected = self.gold.field(field)
        node = min(self.graph.objects(self.letter, PROPERTIES[field]), default=None, key=str)
        if field == "date":
            got = None if node is None else str(node)
            return FieldCheck(field, expected, got, got == expected)
        got = None if node is None else _label(self.graph, node)
        entity = next((g for g in self.gold.entities if g.label == expected), None)
        if node is None or entity is None:
            right = node is None and expected is None
        elif node in self.match:
            right = self.match[node].label == expected
        else:  # named but not among the letter's mentions
            right = bool(_predicted(self.graph, node).keys & entity.keys)
        return FieldCheck(field, expected, got, right)

    def relations(self) -> Score:
        gold = {_rel_key(r.predicate, r.subject, r.object) for r in self.gold.relations}
        found: set[tuple[str, str, str]] = set()
        unmatched: set[tuple[str, str, str]] = set()
        for name in PREDICATES:
            for s, o in self.graph.subject_objects(KG[name]):
                if s not in self.by_iri or o not in self.by_iri:
                    continue
                if s in self.match and o in self.match:
                    found.add(_rel_key(name, self.match[s].label, self.match[o].label))
                else:
                    unmatched.add((name, self.by_iri[s].label, self.by_iri[o].label))
        self.missed += [_rel_text(k) for k in sorted(gold - found)]
        self.spurious += [_rel_text(k) for k in sorted(found - gold)]
        self.spurious += [f"{_rel_text(k)} (unmatched entity)" for k in sorted(unmatched)]
        return Score(len(found & gold), len(found) + len(unmatched), len(gold))

    def links(self) -> tuple[Score, int]:
        links = [
            (p, str(o)[len(str(WD)) :])
            for p in self.preds
            for o in sorted(self.graph.objects(p.iri, OWL.sameAs), key=str)
            if str(o).startswith(str(WD))
        ]
        linked: set[str] = set()
        wrong = 0
        for p, qid in links:
            g = self.match.get(p.iri)
            if g is not None and g.wikidata == qid:
                linked.add(g.label)
                continue
            wrong += g is not None
            gold_id = f"wd:{g.wikidata}" if g and g.wikidata else "has no id"
            note = "" if g is None else f" (gold {gold_id})"
            self.spurious.append(f'link "{p.label}" → wd:{qid}{note}')
        expected = [g for g in self.gold.entities if g.wikidata]
        self.missed += [
            f'link "{g.label}" → wd:{g.wikidata}' for g in expected if g.label not in linked
        ]
        return Score(len(linked), len(links), len(expected)), wrong


def evaluate(gold: Gold, graph: Graph, letter_iri: URIRef | None = None) -> Evaluation:
    """Score the graph of one letter against its gold."""
    letter = letter_iri if letter_iri is not None else find_letter(gold, graph)
    if (letter, RDF.type, KG.Letter) not in graph:
        raise DataError(f"{letter} is not a kg:Letter of the graph", "check the letter IRI")
    scorer = _Scorer(gold, graph, letter)
    entities, names = scorer.entities()
    metadata = tuple(scorer.field(f) for f in FIELDS)
    relations = scorer.relations()
    links, wrong = scorer.links()
    return Evaluation(
        str(letter),
        gold.letter,
        entities,
        names,
        relations,
        links,
        wrong,
        metadata,
        tuple(scorer.missed),
        tuple(scorer.spurious),
    )


def evaluate_files(
    gold_path: str | Path, graph_paths: list[str | Path] | tuple[str | Path, ...]
) -> Evaluation:
    """Load a gold file and RDF files (quads: all graphs together) and evaluate."""
    gold = load_gold(gold_path)
    return evaluate(gold, load_graph(graph_paths))


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
