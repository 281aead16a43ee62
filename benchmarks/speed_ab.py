"""A/B speed: the same letters built by the code of two git revisions, in fresh processes that
take turns, so both see the same machine.

    .venv/bin/python benchmarks/speed_ab.py --base f268789 --runs 3 --copies 4

The corpus is the development letters (``benchmarks/letters``) and the sample, each copied
``--copies`` times under new names. Each run is one process that imports kgraph from one
revision's tree and calls ``kgraph.process`` on the whole corpus (offline linking, the
default); the time of the call without the pipeline's start-up is reported beside the total.
The base revision is checked out into a temporary git worktree, removed afterwards. Prints a
table of medians and the ratio, and writes them to ``--json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, sys, time
t0 = time.perf_counter()
import kgraph
settings = kgraph.Settings()
paths = sys.argv[1:]
kgraph.process(paths[:1], settings)  # start-up: the pipeline, the authority, the linker
t1 = time.perf_counter()
results = kgraph.process(paths, settings)
t2 = time.perf_counter()
print(json.dumps({"startup_s": t1 - t0, "build_s": t2 - t1, "letters": len(results),
                  "module": kgraph.__file__}))
"""


def corpus(folder: Path, copies: int) -> list[Path]:
    sources = sorted(
        p
        for p in [
            *(ROOT / "benchmarks" / "letters").iterdir(),
            *(ROOT / "data" / "letters").iterdir(),
        ]
        if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    out = []
    for n in range(copies):
        for src in sources:
            dst = folder / f"{src.stem}-copy{n}{src.suffix}"
            dst.write_bytes(src.read_bytes())
            out.append(dst)
    return out


def run(tree: Path, files: list[Path]) -> dict[str, Any]:
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, files)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(result["module"]).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"error: imported {result['module']}, not the code of {tree}")
    # the tree the code came from, not where this machine keeps it
    result["module"] = str(Path(result["module"]).resolve().relative_to(tree.resolve()))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git revision to compare against")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side (medians)")
    parser.add_argument("--copies", type=int, default=4, help="copies of each letter")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks/results/speed-ab.json")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kgraph-ab-"))
    base_tree = work / "base"
    try:
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(base_tree), args.base],
            cwd=ROOT,
            check=True,
        )
        (work / "letters").mkdir()
        files = corpus(work / "letters", args.copies)
        words = sum(len(f.read_text("utf-8").split()) for f in files)
        sides: dict[str, list[dict[str, Any]]] = {"base": [], "head": []}
        for n in range(args.runs):
            for side, tree in (("base", base_tree), ("head", ROOT)):
                got = run(tree, files)
                sides[side].append(got)
                print(
                    f"run {n + 1} {side}: start-up {got['startup_s']:.1f} s, "
                    f"build {got['build_s']:.1f} s ({words / got['build_s']:,.0f} words/s)",
                    flush=True,
                )
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)
    medians = {
        side: {k: statistics.median(r[k] for r in runs) for k in ("startup_s", "build_s")}
        for side, runs in sides.items()
    }
    ratio = medians["base"]["build_s"] / medians["head"]["build_s"]
    report = {
        "base": args.base,
        "head": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "letters": len(files),
        "words": words,
        "runs": sides,
        "medians": medians,
        "head_speed_vs_base": round(ratio, 3),
    }
    print(f"\n{'side':6} {'start-up s':>11} {'build s':>8} {'words/s':>8}")
    for side, m in medians.items():
        print(
            f"{side:6} {m['startup_s']:>11.1f} {m['build_s']:>8.1f} {words / m['build_s']:>8,.0f}"
        )
    print(f"head builds at {ratio:.2f}x the base's speed (1.00 = the same)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
