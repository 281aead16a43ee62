"""Quality benchmark: kgraph against the gold files, next to a plain spaCy baseline.

For every ``*.gold.json`` (the development letters in ``benchmarks/letters`` and the sample
gold in ``tests/data``) the letter is built with kgraph's library API and scored with
``kgraph.evaluation.evaluate``. The baseline is raw ``en_core_web_sm`` on the same text: its
entities, grouped by exact text and mapped to kgraph types, in a graph with no metadata,
relations or links, scored the same way. Prints one row per letter and the macro-average,
and writes every number to a JSON file.

    .venv/bin/python benchmarks/quality.py [--letters DIR ...] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kgraph.corpus.runner import Processor
from kgraph.errors import KGraphError
from kgraph.evaluation.evaluate import Evaluation, Gold, Score, evaluate, load_gold
from kgraph.model import Letter
from kgraph.nlp.components import SPACY_TO_KG
from kgraph.nlp.pipeline import load_model
from kgraph.rdf.graph import to_graph
from kgraph.rdf.iris import letter_iri
from kgraph.rdf.namespace import KG, SCHEMA
from kgraph.settings import LinkMode, Settings, project_root
from kgraph.text.reading import read_path
from kgraph.version import __version__

ROOT = project_root()
DEFAULT_LETTERS = (ROOT / "benchmarks" / "letters", ROOT / "tests" / "data")
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "quality.json"
SAMPLE_LETTERS = ROOT / "data" / "letters"
BASELINE_TYPES = SPACY_TO_KG  # the same mapping of spaCy labels kgraph starts from
METRICS = ("entities", "entities_name", "relations", "links")


def relative(path: Path) -> str:
    """A path as shown in the results: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def find_golds(folders: Sequence[Path]) -> list[tuple[Path, Gold, Path]]:
    """(gold file, gold, letter file) for every gold file; README.md and others are skipped."""
    found = []
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = load_gold(gold_path)
            letter = gold_path.parent / gold.letter
            if not letter.is_file():
                letter = SAMPLE_LETTERS / gold.letter
            if not letter.is_file():
                raise SystemExit(f"error: {relative(gold_path)}: letter {gold.letter} not found")
            found.append((gold_path, gold, letter))
    return found


def baseline_graph(nlp: Any, letter: Letter, base: str) -> tuple[Graph, URIRef]:
    """Raw spaCy entities as a graph: one entity per distinct text, its most frequent type."""
    types: dict[str, Counter[str]] = {}
    source = letter.source
    for ent in nlp(source.text).ents:
        kind = BASELINE_TYPES.get(ent.label_)
        if kind is not None:
            types.setdefault(ent.text, Counter())[kind] += 1
    iri = letter_iri(base, letter)
    graph = Graph()
    graph.add((iri, RDF.type, KG.Letter))
    for number, (text, counts) in enumerate(types.items()):
        entity = URIRef(f"{base}baseline/{source.name}/{number}")
        graph.add((iri, SCHEMA.mentions, entity))
        graph.add((entity, RDF.type, KG[counts.most_common(1)[0][0]]))
        graph.add((entity, RDFS.label, Literal(text)))
    return graph, iri


def scores(ev: Evaluation) -> dict[str, Score]:
    return {name: getattr(ev, name) for name in METRICS}


def mean(evaluations: Sequence[Evaluation]) -> dict[str, Any]:
    """Macro-average over letters of P, R and F1 of each metric, and of the metadata score.

    A letter where a metric has nothing expected and nothing predicted (no gold links, none
    made) is left out of that metric's average; ``letters`` says how many were averaged.
    """
    out: dict[str, Any] = {}
    for name in METRICS:
        defined = [s for s in (scores(ev)[name] for ev in evaluations) if s.predicted or s.expected]
        out[name] = {
            part: round(sum(getattr(s, part) for s in defined) / len(defined), 4)
            if defined
            else None
            for part in ("precision", "recall", "f1")
        } | {"letters": len(defined)}
    n = len(evaluations) or 1
    out["links"]["wrong"] = round(sum(ev.wrong_links for ev in evaluations) / n, 4)
    out["metadata"] = round(sum(ev.metadata_score for ev in evaluations) / n, 4)
    return out


def micro(evaluations: Sequence[Evaluation]) -> dict[str, Any]:
    """Counts summed over letters, then P, R and F1 of the sums."""
    out: dict[str, Any] = {}
    for name in METRICS:
        counts = (
            sum(getattr(scores(ev)[name], part) for ev in evaluations)
            for part in ("correct", "predicted", "expected")
        )
        out[name] = Score(*counts).to_dict()
    out["links"]["wrong"] = sum(ev.wrong_links for ev in evaluations)
    out["metadata"] = {
        "right": sum(ev.metadata_right for ev in evaluations),
        "of": 4 * len(evaluations),
    }
    return out


def cell(score: dict[str, Any], parts: Sequence[str] = ("precision", "recall", "f1")) -> str:
    """P/R/F1 of a score dict; "—" where nothing was expected or predicted (or averaged)."""
    if score.get("letters") == 0 or (score.get("predicted") == 0 and score.get("expected") == 0):
        return "—"
    return " ".join(f"{score[part]:.2f}" for part in parts)


HEADER = (
    f"{'letter':36} {'kgraph ent P/R/F1':>17} {'baseline P/R/F1':>16} {'meta':>6} "
    f"{'relations P/R/F1':>16} {'links P/R (wrong)':>18}"
)


def row(name: str, kg: dict[str, Any], base: dict[str, Any], meta: str) -> str:
    wrong = kg["links"]["wrong"]
    links = f"{cell(kg['links'], ('precision', 'recall'))} ({wrong:g})"
    return (
        f"{name[:36]:36} {cell(kg['entities']):>17} {cell(base['entities']):>16} {meta:>6} "
        f"{cell(kg['relations']):>16} {links:>18}"
    )


def run(folders: Sequence[Path], link: LinkMode = "offline") -> dict[str, Any]:
    golds = find_golds(folders)
    if not golds:
        raise SystemExit("error: no *.gold.json files found")
    settings = Settings(link=link)
    started = time.perf_counter()
    processor = Processor(settings)
    results = processor.process([read_path(letter, settings.encoding) for _, _, letter in golds])
    built = time.perf_counter()
    nlp = load_model(None)
    letters: list[dict[str, Any]] = []
    ours: list[Evaluation] = []
    theirs: list[Evaluation] = []
    for (gold_path, gold, _), result in zip(golds, results, strict=True):
        graph = to_graph([result], settings.base)
        ev = evaluate(gold, graph, letter_iri(settings.base, result.letter))
        base_graph, base_letter = baseline_graph(nlp, result.letter, settings.base)
        bev = evaluate(gold, base_graph, base_letter)
        ours.append(ev)
        theirs.append(bev)
        scored = ev.to_dict()
        for cue in result.cues:  # which cue gave each value, to see which kinds go wrong
            field = scored["metadata"].get(cue.field)
            if isinstance(field, dict):
                field["cue"] = cue.rule
        letters.append(
            {
                "letter": result.letter.source.name,
                "gold": relative(gold_path),
                "kgraph": scored,
                "baseline": bev.to_dict(),
            }
        )
    linked: dict[str, dict[str, int]] = {}
    for result in results:
        qids = {link.entity for link in result.links if link.qid}
        for entity in result.entities:
            row = linked.setdefault(entity.type, {"entities": 0, "wikidata": 0, "authority": 0})
            row["entities"] += 1
            row["wikidata"] += entity.key in qids
            row["authority"] += bool(entity.same_as)
    shapes = {
        relative(gold_path): json.loads(gold_path.read_text("utf-8")).get("shapes", [])
        for gold_path, _, _ in golds
    }
    for item in letters:
        item["shapes"] = shapes.get(item["gold"], [])
    return {
        "fields": fields(letters),
        "links_by_type": dict(sorted(linked.items())),
        "shapes": by_shape(letters),
        "kgraph_version": __version__,
        "model": results[0].model if results else "",
        "link": settings.link,
        "letters": letters,
        "mean": {"kgraph": mean(ours), "baseline": mean(theirs)},
        "micro": {"kgraph": micro(ours), "baseline": micro(theirs)},
        "seconds": {"build": round(built - started, 2)},
    }


FIELD_NAMES = ("sender", "recipient", "date", "place")


def fields(letters: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per metadata field: letters where it is right, given but wrong, and missing (a value
    the gold has and kgraph left out). "Wrong" counts only values kgraph stated."""
    out: dict[str, dict[str, int]] = {}
    for name in FIELD_NAMES:
        checks = [item["kgraph"]["metadata"][name] for item in letters]
        out[name] = {
            "right": sum(c["right"] for c in checks),
            "wrong": sum(not c["right"] and c["got"] is not None for c in checks),
            "missing": sum(not c["right"] and c["got"] is None for c in checks),
            "of": len(checks),
        }
    return out


def by_shape(letters: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per edition shape (the gold's "shapes" tags): letters, metadata right of 4 per letter,
    wrong values, and entity F1 (macro)."""
    out: dict[str, dict[str, Any]] = {}
    for shape in sorted({s for item in letters for s in item.get("shapes", [])}):
        these = [item for item in letters if shape in item.get("shapes", [])]
        meta = [item["kgraph"]["metadata"] for item in these]
        out[shape] = {
            "letters": len(these),
            "metadata_right": sum(m["right"] for m in meta),
            "metadata_of": 4 * len(these),
            "wrong": sum(
                not m[f]["right"] and m[f]["got"] is not None for m in meta for f in FIELD_NAMES
            ),
            "entity_f1": round(
                sum(item["kgraph"]["entities"]["f1"] for item in these) / len(these), 3
            ),
            "baseline_entity_f1": round(
                sum(item["baseline"]["entities"]["f1"] for item in these) / len(these), 3
            ),
        }
    return out


def field_table(report: dict[str, Any]) -> str:
    lines = ["", f"{'field':10} {'right':>7} {'wrong':>6} {'missing':>8}"]
    for name, c in report["fields"].items():
        lines.append(f"{name:10} {c['right']:>3}/{c['of']:<3} {c['wrong']:>6} {c['missing']:>8}")
    lines += ["", f"{'type':13} {'entities':>8} {'Wikidata':>9} {'other ids':>10}"]
    for kind, c in report["links_by_type"].items():
        n = c["entities"] or 1
        lines.append(
            f"{kind:13} {c['entities']:>8} {c['wikidata'] / n:>9.0%} {c['authority'] / n:>10.0%}"
        )
    lines += [
        "",
        f"{'shape':20} {'letters':>7} {'metadata':>9} {'wrong':>6} {'entity F1':>10} {'spaCy':>6}",
    ]
    for shape, c in report["shapes"].items():
        meta = f"{c['metadata_right']}/{c['metadata_of']}"
        lines.append(
            f"{shape:20} {c['letters']:>7} {meta:>9} {c['wrong']:>6} {c['entity_f1']:>10.3f}"
            f" {c['baseline_entity_f1']:>6.3f}"
        )
    return "\n".join(lines)


def table(report: dict[str, Any]) -> str:
    lines = [HEADER, "-" * len(HEADER)]
    for item in report["letters"]:
        kg, base = item["kgraph"], item["baseline"]
        lines.append(row(item["letter"], kg, base, f"{kg['metadata']['right']}/4"))
    lines.append("-" * len(HEADER))
    kg, base = report["mean"]["kgraph"], report["mean"]["baseline"]
    lines.append(row("MEAN", kg, base, f"{4 * kg['metadata']:.2f}/4"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--letters",
        type=Path,
        action="append",
        metavar="DIR",
        help="folder of NAME.gold.json files and their letters (repeatable; default: "
        "benchmarks/letters and tests/data)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to write the numbers (default: benchmarks/results/quality.json)",
    )
    parser.add_argument(
        "--link",
        choices=("offline", "none"),
        default="offline",
        help="Wikidata linking of the kgraph build (default: offline)",
    )
    args = parser.parse_args(argv)
    try:
        report = run(args.letters or DEFAULT_LETTERS, args.link)
    except KGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(table(report))
    print(field_table(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nwrote {relative(args.json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
