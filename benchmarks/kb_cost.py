"""What the offline knowledge base costs a build: start-up, peak memory and throughput of one
process with and without it, each measured in a fresh process, several runs, medians.

    .venv/bin/python benchmarks/kb_cost.py [--runs 3] [--letters DIR]

Three modes: ``nokb`` (no knowledge base), ``link`` (the linker asks it; the entity ruler's
component removed after start-up) and ``kb`` (both). "ruler init" is the ruler component's
own ``initialize()`` (country names, word lists), timed once more after start-up.

Start-up is the making of a :class:`~kgraph.corpus.runner.Processor` (spaCy, authority,
linker and, with the knowledge base, opening its file; the file is built first when missing,
which is timed apart as "build"); throughput is letters a second over the development letters.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


MODES = ("nokb", "link", "kb")  # no knowledge base; for the linker only; linker and ruler


def one_run(mode: str, letters: Path) -> dict[str, float]:
    from kgraph.corpus.runner import Processor
    from kgraph.knowledge.kb import KnowledgeBase
    from kgraph.knowledge.kb_build import ensure_kb
    from kgraph.nlp.pieces import KB_PLACES
    from kgraph.settings import Settings
    from kgraph.text.reading import read_path

    settings = Settings(kb_dir=None) if mode == "nokb" else Settings()
    files = sorted(p for p in letters.iterdir() if p.suffix in (".txt", ".md"))
    sources = [read_path(p, settings.encoding) for p in files]
    started = time.perf_counter()
    processor = Processor(settings)
    ready = time.perf_counter()
    ruler_init = 0.0
    if mode != "nokb" and settings.kb_dir is not None:
        # the ruler's own start-up: its initialize() once more, on a fresh handle
        pipe = processor.nlp.get_pipe(KB_PLACES)
        kb = KnowledgeBase(ensure_kb(settings.kb_dir))
        before = time.perf_counter()
        pipe.initialize(lambda: [], nlp=processor.nlp, kb=kb, data_dir=settings.patterns_dir)
        ruler_init = time.perf_counter() - before
        if mode == "link":
            processor.nlp.remove_pipe(KB_PLACES)
    begun = time.perf_counter()
    processor.process(sources)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    return {
        "startup_s": ready - started,
        "ruler_init_s": ruler_init,
        "letters_per_s": len(sources) / (done - begun),
        "peak_mib": peak,
        "letters": len(sources),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--letters", type=Path, default=ROOT / "benchmarks" / "letters")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.child, args.letters)))
        return 0
    from kgraph.knowledge.kb_build import build_kb
    from kgraph.settings import data_dir

    started = time.perf_counter()
    build_kb(data_dir() / "kb")
    built = time.perf_counter() - started
    size = (data_dir() / "kb" / "kb.sqlite").stat().st_size / 1e6
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    for _ in range(args.runs):
        for mode in MODES:  # alternated, so a busy machine hurts all alike
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, "--letters", str(args.letters)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[mode].append(json.loads(out.strip().splitlines()[-1]))
    print(f"knowledge base: built in {built:.1f} s, {size:.1f} MB")
    print(
        f"{'':6} {'start-up s':>10} {'ruler init s':>12} {'letters/s':>10} {'peak MiB':>9}"
        f"   (medians of {args.runs})"
    )
    medians = {}
    for mode, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        medians[mode] = med
        print(
            f"{mode:6} {med['startup_s']:10.2f} {med['ruler_init_s']:12.3f}"
            f" {med['letters_per_s']:10.2f} {med['peak_mib']:9.0f}"
        )
    ratio = medians["kb"]["letters_per_s"] / medians["nokb"]["letters_per_s"]
    print(f"throughput with the knowledge base: {ratio:.3f} of without")
    ratio = medians["kb"]["letters_per_s"] / medians["link"]["letters_per_s"]
    print(f"throughput with its entity ruler: {ratio:.3f} of the linker alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
