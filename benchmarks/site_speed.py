"""Speed of ``kgraph site`` against the build of the same letters.

Target (issue #16): the site of 1,000 letters in under 10 % of the time their build took.

1. writes ``--letters`` synthetic letters (the speed benchmark's generator: the sample
   letter's paragraphs under other names, dates and places) into a temporary folder;
2. builds them ``--build-runs`` times with ``build_corpus(folder, corpus.nq, "nq", jobs=1)``,
   the library call behind ``kgraph build DIR -o corpus.nq``;
3. writes the site of ``corpus.nq`` ``--site-runs`` times with ``export_site``, the call
   behind ``kgraph site corpus.nq -o site/`` (reading the collection included);
4. reports medians, the ratio, the site's size and its largest page, as JSON.

    .venv/bin/python benchmarks/site_speed.py [--letters 1000] [--build-runs 2] [--site-runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:  # the generator's home since the speed benchmark was split up
    from speedkit.corpus import build_synthetic_corpus
except ImportError:
    from speed import build_synthetic_corpus

RESULTS = Path(__file__).resolve().parent / "results" / "site_speed.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--build-runs", type=int, default=2)
    parser.add_argument("--site-runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1908)
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="work in this folder and keep it (letters/, corpus.nq, site/); with --build-runs 0"
        " the site of its corpus.nq is timed again, against the build times in --json",
    )
    args = parser.parse_args()

    from kgraph.corpus.batch import build_corpus
    from kgraph.export.site import export_site
    from kgraph.settings import Settings

    with tempfile.TemporaryDirectory(prefix="kgraph-site-speed-") as tmp:
        work = args.keep or Path(tmp)
        builds: list[float] = []
        if args.build_runs:
            corpus = build_synthetic_corpus(work / "letters", args.letters, args.seed)
        else:  # the site again, of the corpus built before
            earlier = json.loads(args.json.read_text(encoding="utf-8"))
            corpus, builds = earlier["corpus"], earlier["build_s"]
        for run in range(args.build_runs):
            began = time.perf_counter()
            report = build_corpus(
                [work / "letters"], work / "corpus.nq", "nq", Settings(), jobs=1, incremental=False
            )
            builds.append(time.perf_counter() - began)
            print(f"build {run + 1}: {builds[-1]:.1f} s, {report.letters} letters", flush=True)
        sites = []
        for run in range(args.site_runs):
            began = time.perf_counter()
            site = export_site([work / "corpus.nq"], work / "site")
            sites.append(time.perf_counter() - began)
            print(f"site {run + 1}: {sites[-1]:.2f} s, {site.files} files", flush=True)
        pages = [p for p in (work / "site").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in pages)
    build_s, site_s = statistics.median(builds), statistics.median(sites)
    result = {
        "letters": args.letters,
        "corpus": corpus,
        "build_s": [round(s, 2) for s in builds],
        "site_s": [round(s, 3) for s in sites],
        "build_median_s": round(build_s, 2),
        "site_median_s": round(site_s, 3),
        "site_over_build": round(site_s / build_s, 4),
        "target": 0.10,
        "site_files": site.files,
        "site_bytes": size,
        "entities": site.entities,
        "largest_page": {"path": site.largest[0], "bytes": site.largest[1]},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
