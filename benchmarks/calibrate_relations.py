"""Calibrate the confidence of every relation rule on the gold letters.

Runs the pipeline on every letter that has a gold file (``tests/data`` and
``benchmarks/letters``), collects what each rule of ``data/patterns/relations.jsonl`` proposes
(sentence, letter-level and entity-level rules alike, before duplicates are merged), and
counts per rule how many distinct triples it found and how many of them the gold has. The
confidence of a rule is its smoothed precision, (correct + 1) / (found + 2), rounded to two
decimals; a rule that never fired keeps 0.5. The script rewrites only the ``"confidence"``
values of the file, so comments and layout stay as they are, and prints the table and the
relation precision, recall and F1 of each letter (scored by ``kgraph.evaluation.evaluate``).

    .venv/bin/python benchmarks/calibrate_relations.py            # rewrite the confidences
    .venv/bin/python benchmarks/calibrate_relations.py --check    # exit 1 if they would change

Entities are matched to gold entities as ``kgraph eval`` does: by shared normalised names,
one to one, preferring the same type, more shared names, then the same label.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kgraph.corpus.runner import Processor
from kgraph.evaluation.evaluate import SYMMETRIC, Gold, evaluate, load_gold
from kgraph.extract.mentions import find_mentions
from kgraph.extract.relate import RULES_FILE, proposals, relate, rule_table
from kgraph.extract.resolve import resolve
from kgraph.knowledge.authority import normalise
from kgraph.model import Entity, LetterResult
from kgraph.nlp import analyse_many
from kgraph.rdf.graph import to_graph
from kgraph.settings import Settings, project_root
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_path
from kgraph.version import __version__

ROOT = project_root()
DEV_DIR = ROOT / "benchmarks" / "letters"
GOLD_DIRS = (ROOT / "tests" / "data", DEV_DIR)
METRICS = ("precision", "recall", "f1")
Key = tuple[str, str, str]


def gold_files(dirs: Sequence[Path]) -> list[tuple[Path, Gold]]:
    found = []
    for folder in dirs:
        for path in sorted(folder.glob("*.gold.json")):
            gold = load_gold(path)
            letter = path.parent / gold.letter
            if not letter.exists():
                letter = ROOT / "data" / "letters" / gold.letter
            found.append((letter, gold))
    return found


def match_entities(gold: Gold, entities: Sequence[Entity]) -> dict[str, str]:
    """Entity key -> gold label, one to one (the matching of ``kgraph.evaluation.evaluate``)."""

    def keys(e: Entity) -> frozenset[str]:
        return frozenset(k for k in (normalise(n) for n in (e.label, *e.alternate_names)) if k)

    names = {e.key: keys(e) for e in entities}
    pairs = []
    for gi, g in enumerate(gold.entities):
        for e in entities:
            shared = len(g.keys & names[e.key])
            if shared:
                same_label = normalise(g.label) == normalise(e.label)
                pairs.append(((g.type != e.type, -shared, not same_label, gi, e.key), gi, e.key))
    matched: dict[str, str] = {}
    used: set[int] = set()
    for _, gi, key in sorted(pairs):
        if gi not in used and key not in matched:
            used.add(gi)
            matched[key] = gold.entities[gi].label
    return matched


def rel_key(predicate: str, s: str, o: str) -> Key:
    return (predicate, min(s, o), max(s, o)) if predicate in SYMMETRIC else (predicate, s, o)


def calibrate(
    dirs: Sequence[Path],
) -> tuple[dict[str, tuple[str, int, int]], list[LetterResult], list[Gold]]:
    """Per rule: (predicate, found, correct); and the letters' results with their golds."""
    settings = Settings(link="none")
    processor = Processor(settings)
    pairs = gold_files(dirs)
    letters = [parse_letter(read_path(path)) for path, _ in pairs]
    analyses = analyse_many(processor.nlp, letters)
    counts: dict[str, tuple[str, int, int]] = {}
    results = []
    for letter, analysis, (_, gold) in zip(letters, analyses, pairs, strict=True):
        res = resolve(letter, find_mentions(letter, analysis), processor.authority)
        args = (letter, analysis, res.entities, res.sender, res.recipient, res.place)
        matched = match_entities(gold, res.entities)
        expected = {rel_key(r.predicate, r.subject, r.object) for r in gold.relations}
        seen: set[tuple[str, Key]] = set()
        for r in proposals(*args):
            key = rel_key(r.predicate, r.subject, r.object)
            if (r.rule, key) in seen:
                continue
            seen.add((r.rule, key))
            s, o = matched.get(r.subject), matched.get(r.object)
            right = s is not None and o is not None and rel_key(r.predicate, s, o) in expected
            _, found, correct = counts.get(r.rule, (r.predicate, 0, 0))
            counts[r.rule] = (r.predicate, found + 1, correct + right)
        relations = relate(*args)
        fields = (res.sender, res.recipient, res.place, analysis.model, __version__)
        results.append(LetterResult(letter, res.entities, relations, (), *fields))
    return counts, results, [gold for _, gold in pairs]


def rewrite(path: Path, confidence: dict[str, float]) -> str:
    """The rules file with the confidence of every rule row set; nothing else changes."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            row = json.loads(line)
            if "id" in row and "confidence" in row and row.get("kind") not in ("set", "guard"):
                value = confidence.get(row["id"], 0.5)
                line = re.sub(r'("confidence":\s*)[0-9.]+', rf"\g<1>{value:.2f}", line, count=1)
        lines.append(line)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 on change")
    parser.add_argument("--letters", type=Path, nargs="+", default=list(GOLD_DIRS))
    parser.add_argument("--rules", type=Path, default=RULES_FILE)
    args = parser.parse_args(argv)
    counts, results, golds = calibrate(args.letters)
    confidence = {rule: (c + 1) / (f + 2) for rule, (_, f, c) in counts.items()}
    rows = rule_table(args.rules)
    print(f"{'rule':38} {'predicate':15} {'found':>5} {'right':>5} {'prec':>5} {'conf':>5}")
    for rule in sorted(rows, key=lambda r: (rows[r]["predicate"], r)):
        predicate, found, correct = counts.get(rule, (rows[rule]["predicate"], 0, 0))
        precision = f"{correct / found:5.2f}" if found else "    -"
        print(
            f"{rule:38} {predicate:15} {found:5d} {correct:5d} {precision} "
            f"{confidence.get(rule, 0.5):5.2f}"
        )
    totals = Counter[str]()
    print(f"\n{'letter':45} {'P':>6} {'R':>6} {'F1':>6}   correct/predicted/expected")
    scores = []
    dev = {gold.letter for path, gold in gold_files([DEV_DIR]) if path.exists()}
    for result, gold in zip(results, golds, strict=True):
        graph = to_graph([result], Settings().base)
        score = evaluate(gold, graph).relations
        scores.append((gold.letter, score))
        totals.update(correct=score.correct, predicted=score.predicted, expected=score.expected)
        print(
            f"{gold.letter:45} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}   "
            f"{score.correct}/{score.predicted}/{score.expected}"
        )
    for title, group in (
        ("mean over the development letters", [s for d, s in scores if d in dev]),
        ("mean over all gold letters", [s for _, s in scores]),
    ):
        if group:
            p, r, f = (sum(getattr(s, m) for s in group) / len(group) for m in METRICS)
            print(f"{title:45} {p:6.3f} {r:6.3f} {f:6.3f}   ({len(group)} letters)")
    c, n, e = totals["correct"], totals["predicted"], totals["expected"]
    print(f"{'pooled over all gold letters':45} {c / n:6.3f} {c / e:6.3f} {'':6}   {c}/{n}/{e}")
    new = rewrite(args.rules, confidence)
    if new == args.rules.read_text(encoding="utf-8"):
        print(f"\n{args.rules.name}: confidences unchanged")
        return 0
    if args.check:
        print(f"\n{args.rules.name}: confidences would change (run without --check)")
        return 1
    args.rules.write_text(new, encoding="utf-8")
    print(f"\n{args.rules.name}: confidences rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
