"""Learn the relation model (``data/patterns/relation-model.json``) from the gold letters.

Every sentence of every training letter offers (subject, object) pairs
(``kgraph.nlp.relation_features``). A pair is an example of predicate P when the gold file
relates the two names (a first-person pronoun standing for the sender, a second-person one
for the recipient, "he" or "she" for the one gold person named before it in its sentence or
the one before, as ``relate`` reads them) by P and the gold evidence of that relation lies
in the sentence; a pair whose names the gold relates by evidence elsewhere is left out, and
so is a "he" or "she" that stands for no one; every other pair is an example of no relation,
a name the gold does not know among them (the tagger's false names: the model learns that
they seldom take part in a relation). A multinomial logistic regression over the pairs'
features, allowed to choose only the predicates whose domain and range fit the pair's kinds,
is trained by stochastic gradient descent in a fixed order, so the same letters give the
same file.

    python benchmarks/train_relations.py      # train on the default sets, write the model
    python benchmarks/train_relations.py --validate benchmarks/heldout12 --no-write

With ``--validate``, the pairs of those sets are scored (pair-level precision and recall per
predicate at each threshold) and nothing of them is learned.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.api import read_sources  # noqa: E402
from kgraph.corpus.runner import structure  # noqa: E402
from kgraph.evaluation.gold import SYMMETRIC, load_gold, name_keys  # noqa: E402
from kgraph.extract.relate import SIGNATURES  # noqa: E402
from kgraph.nlp.pieces import PROSE_ROLES, piece_docs  # noqa: E402
from kgraph.nlp.pipeline import build_pipeline  # noqa: E402
from kgraph.nlp.relation_features import pairs  # noqa: E402
from kgraph.nlp.weights import softmax  # noqa: E402
from kgraph.settings import Settings  # noqa: E402

OUT = ROOT / "data" / "patterns" / "relation-model.json"
# every unsealed set; heldout21 is the sealed estimate set and is never trained on
TRAIN = ("letters", *(f"heldout{n}" for n in ("", *range(2, 21))))
NONE = "none"
PERSON_KINDS = {"I": "Person", "WE": "Person", "YOU": "Person", "HE": "Person", "SHE": "Person"}
Example = tuple[tuple[str, ...], str, str, str]  # features, label, subject type, object type


def _gold_pairs(gold_path: Path, text: str) -> tuple[dict[str, str], dict[Any, list[range]]]:
    """Normalised form → gold label (forms shared by two labels dropped), and (subject,
    object) → predicate → the character ranges of its evidence in ``text``."""
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = load_gold(gold_path)
    forms: dict[str, str] = {}
    clash: set[str] = set()
    for e in gold.entities:
        for key in name_keys((e.label, *e.forms)):
            if forms.get(key, e.label) != e.label:
                clash.add(key)
            forms[key] = e.label
    for key in clash:
        del forms[key]
    where: dict[Any, list[range]] = defaultdict(list)
    for r in raw.get("relations", []):
        spots = [range(m.start(), m.end()) for m in re.finditer(re.escape(r["evidence"]), text)]
        keys = [(r["subject"], r["object"])]
        if r["predicate"] in SYMMETRIC:
            keys.append((r["object"], r["subject"]))
        for k in keys:
            where[(*k, r["predicate"])] += spots or [range(0)]
    return forms, where


def examples(folders: Sequence[Path]) -> list[Example]:
    """The labelled pairs of every gold letter in ``folders``."""
    from kgraph.evaluation.gold import normalise

    settings = Settings()
    nlp = build_pipeline(settings)
    golds = [g for f in folders for g in sorted(f.glob("*.gold.json"))]
    letters, info = [], []
    for gold_path in golds:
        gold = load_gold(gold_path)
        path = gold_path.parent / gold.letter
        if not path.is_file():
            continue
        letter = structure(read_sources(path, settings)[0])
        letters.append(letter)
        forms, where = _gold_pairs(gold_path, letter.source.text)
        info.append((forms, where, gold.field("sender"), gold.field("recipient")))
    found: list[Example] = []
    for index, role, offset, doc in piece_docs(nlp, letters):
        if role not in PROSE_ROLES:
            continue
        forms, where, sender, recipient = info[index]
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            lo, hi = offset + sent.start_char, offset + sent.end_char
            for p in pairs(sent, lambda kind, o: len(allowed(PERSON_KINDS.get(kind, kind), o)) > 1):
                who = {"I": sender, "WE": sender, "YOU": recipient}
                o_label = forms.get(normalise(doc.text[slice(*p.object)]))
                if p.subject_kind in who:
                    s_label = who[p.subject_kind]
                elif p.subject_kind in PERSON_KINDS:  # "he", "she": the one person named before
                    since = sents[max(n - 1, 0)].start_char
                    s_label = _antecedent(doc, since, p.subject[0], forms, o_label)
                    if s_label is None:
                        continue
                else:
                    s_label = forms.get(normalise(doc.text[slice(*p.subject)]))
                label, skip = NONE, False
                if s_label and o_label:
                    for (s, o, pred), spots in where.items():
                        if (s, o) != (s_label, o_label):
                            continue
                        if any(r.start < hi and lo < r.stop for r in spots):
                            label = pred
                        else:
                            skip = True
                if label == NONE and skip:
                    continue
                s_type = PERSON_KINDS.get(p.subject_kind, p.subject_kind)
                found.append((p.features, label, s_type, p.object_type))
    return found


def _antecedent(
    doc: Any, start: int, end: int, forms: dict[str, str], other: str | None
) -> str | None:
    """The gold person a "he" or "she" at offset ``end`` stands for, as ``relate`` reads it:
    the one person (other than ``other``) named from ``start`` (the sentence before) up to
    the pronoun; None if none or several are."""
    from kgraph.evaluation.gold import normalise

    named = {
        forms.get(normalise(e.text))
        for e in doc.ents
        if e.label_ == "Person" and start <= e.start_char and e.end_char <= end
    }
    named -= {None, other}
    return named.pop() if len(named) == 1 else None


def _cached(folders: Sequence[Path], cache: Path | None) -> list[Example]:
    """The examples of ``folders``, read from or written to ``cache`` (one file a folder)."""
    if cache is None:
        return examples(folders)
    found: list[Example] = []
    cache.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        path = cache / f"{folder.name}.json"
        if not path.exists():
            path.write_text(json.dumps(examples([folder])))
        found += [(tuple(f), lab, s, o) for f, lab, s, o in json.loads(path.read_text())]
    return found


def allowed(s_type: str, o_type: str) -> list[str]:
    return [NONE] + [
        p for p, (dom, rng) in sorted(SIGNATURES.items()) if s_type in dom and o_type in rng
    ]


def train(data: list[Example], epochs: int, rate: float, l2: float, min_count: int) -> dict:
    counts = Counter(f for feats, *_ in data for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    order = list(range(len(data)))
    rng = random.Random(0)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for i in order:
            feats, label, s_type, o_type = data[i]
            classes = allowed(s_type, o_type)
            if len(classes) == 1:
                continue
            feats = (*(f for f in feats if f in keep), "bias")
            probs = _probs(weights, feats, classes)
            for c, pr in zip(classes, probs, strict=True):
                grad = pr - (1.0 if c == label else 0.0)
                for f in feats:
                    w = weights[f]
                    w[c] = w.get(c, 0.0) * (1 - step * l2) - step * grad
    return {
        f: {c: round(v, 3) for c, v in sorted(ws.items()) if abs(v) >= 0.01}
        for f, ws in sorted(weights.items())
        if any(abs(v) >= 0.01 for v in ws.values())
    }


def _probs(weights: dict, feats: Iterable[str], classes: list[str]) -> list[float]:
    scores = [0.0] * len(classes)
    for f in feats:
        w = weights.get(f)
        if w:
            for n, c in enumerate(classes):
                scores[n] += w.get(c, 0.0)
    return softmax(scores)


def validate(model: dict, data: list[Example]) -> None:
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        for feats, label, s_type, o_type in data:
            classes = allowed(s_type, o_type)
            probs = _probs(model, (*feats, "bias"), classes)
            best = max(range(len(classes)), key=lambda n: probs[n])
            guess = classes[best] if probs[best] >= threshold else NONE
            if guess != NONE and guess == label:
                tp[guess] += 1
            else:
                if guess != NONE:
                    fp[guess] += 1
                if label != NONE:
                    fn[label] += 1
        t, f, m = sum(tp.values()), sum(fp.values()), sum(fn.values())
        print(
            f"threshold {threshold}: tp {t} fp {f} fn {m} P {t / max(t + f, 1):.3f} "
            f"R {t / max(t + m, 1):.3f}"
        )
        if threshold == 0.5:
            for pred in sorted(set(tp) | set(fp) | set(fn)):
                print(f"   {pred:16s} tp {tp[pred]:4d} fp {fp[pred]:4d} fn {fn[pred]:4d}")


def _signatures() -> dict[str, list[list[str]]]:
    return {p: [sorted(d), sorted(r)] for p, (d, r) in sorted(SIGNATURES.items())}


def write_model(path: Path, model: dict[str, dict[str, float]]) -> None:
    """The model as JSON, one feature a line (diffs stay readable), through a temporary file."""
    lines = [f"{json.dumps(f)}: {json.dumps(w, sort_keys=True)}" for f, w in sorted(model.items())]
    text = (
        f'{{"signatures": {json.dumps(_signatures(), sort_keys=True)},\n"weights": {{\n'
        + ",\n".join(lines)
        + "\n}}\n"
    )
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--train", nargs="*", type=Path, default=[ROOT / "benchmarks" / s for s in TRAIN]
    )
    ap.add_argument("--validate", nargs="*", type=Path, default=[])
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--rate", type=float, default=0.2)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cache", type=Path, help="a folder to keep the pairs of each set in")
    args = ap.parse_args(argv)
    data = _cached(args.train, args.cache)
    labels = Counter(label for _, label, *_ in data)
    print(f"{len(data)} training pairs: {dict(sorted(labels.items()))}")
    model = train(data, args.epochs, args.rate, args.l2, args.min_count)
    print(f"{len(model)} features")
    if args.validate:
        validate(model, _cached(args.validate, args.cache))
    if not args.no_write:
        write_model(args.out, model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
