"""Score a letter's graph against its gold file (``docs/gold-format.md``).

Entities match by name: a gold and a predicted entity match when their normalised name sets
(gold label and forms; predicted label and alternate names) intersect. The matching is one
to one, greedy over pairs that prefer the same type, then more shared names, then the same
label. Entity scores count a match only when the type is right too; name-only scores don't.
Relations and links are read through that matching. With nothing predicted and something
expected, precision is 0 (and recall 0 the other way round); with neither, both are 1.

Reading gold files lives in ``kgraph.evaluation.gold``, the result types and the readable report in
``kgraph.evaluation.scores``; their names are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from kgraph.errors import DataError
from kgraph.evaluation.gold import (
    FIELDS,
    PREDICATES,
    SYMMETRIC,
    Gold,
    GoldEntity,
    GoldRelation,
    load_gold,
    name_keys,
)
from kgraph.evaluation.scores import Evaluation, FieldCheck, Score, format_evaluation
from kgraph.knowledge.authority import normalise
from kgraph.model import ENTITY_TYPES
from kgraph.rdf.namespace import KG, SCHEMA, WD
from kgraph.rdf.rdfio import load_graph
from kgraph.text.reading import slugify

__all__ = [
    "FIELDS",
    "PREDICATES",
    "PROPERTIES",
    "SYMMETRIC",
    "Evaluation",
    "FieldCheck",
    "Gold",
    "GoldEntity",
    "GoldRelation",
    "Score",
    "evaluate",
    "evaluate_files",
    "find_letter",
    "format_evaluation",
    "load_gold",
]

PROPERTIES = {
    "sender": SCHEMA.sender,
    "recipient": SCHEMA.recipient,
    "date": SCHEMA.dateSent,
    "place": KG.placeOfWriting,
}


@dataclass(frozen=True)
class _Predicted:
    iri: Node
    type: str
    label: str
    keys: frozenset[str]


def _label(graph: Graph, node: Node) -> str:
    labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node).rsplit("/", 1)[-1]


def _predicted(graph: Graph, node: Node) -> _Predicted:
    classes = set(graph.objects(node, RDF.type))
    kind = next((t for t in ENTITY_TYPES if KG[t] in classes), "")
    names = [*graph.objects(node, RDFS.label), *graph.objects(node, SCHEMA.alternateName)]
    return _Predicted(node, kind, _label(graph, node), name_keys(names))


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
