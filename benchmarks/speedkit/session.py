"""``Session``: what every ``speed_*.py`` script shares. The command line, a temporary folder
with the code snapshot and the synthetic corpus, ``measure`` (children, logged, saved as
they finish to ``NAME.partial.json``), and ``finish`` (summary, table, ``NAME.json``)."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from speedkit import RESULTS
from speedkit.corpus import build_synthetic_corpus, corpus_files
from speedkit.runner import (
    QUIET,
    SAMPLE_EVERY,
    log,
    machine_info,
    run_child,
    save,
    shown,
    snapshot_code,
    sources_digest,
)
from speedkit.summary import print_table, summarise

MEMORY_METHOD = (
    "child_self_maxrss = getrusage(RUSAGE_SELF).ru_maxrss of the measured process "
    "(its VmHWM); children_maxrss = getrusage(RUSAGE_CHILDREN).ru_maxrss (largest "
    "terminated worker); tree_peak_rss/pss = largest sum over the process and its "
    f"descendants of /proc VmRSS / smaps_rollup Pss, sampled every {SAMPLE_EVERY} s"
)


def options(description: str, name: str, letters: int = 2000) -> argparse.ArgumentParser:
    """The options every script takes; results go to ``benchmarks/results/NAME.json``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--letters", type=int, default=letters, help="letters in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians)")
    parser.add_argument(
        "--heavy-repeat",
        type=int,
        default=None,
        help="repetitions of the corpus-wide runs (raw spaCy, kgraph, rdflib); default --repeat",
    )
    parser.add_argument("--json", default=str(RESULTS / f"{name}.json"), help="results file")
    parser.add_argument("--quick", action="store_true", help="a small smoke run (60 letters)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (raw)")
    parser.add_argument("--help-runs", type=int, default=10, help="runs of kgraph --help")
    parser.add_argument("--seed", type=int, default=1908, help="seed of the synthetic corpus")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per child run")
    parser.add_argument("--rdflib-timeout", type=float, default=3600, help="seconds for rdflib")
    parser.add_argument(
        "--query-timeout",
        type=float,
        default=180,
        help="seconds for the people query on N-Quads (it can blow up)",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=120,
        help="before each run, wait up to this many seconds for other processes to go quiet",
    )
    parser.add_argument(
        "--quiet-cores", type=float, default=0.3, help="'quiet': others use fewer cores than this"
    )
    parser.add_argument(
        "--no-snapshot",
        dest="snapshot",
        action="store_false",
        help="measure the working tree as it is at each step, not a copy taken at the start",
    )
    return parser


def parse(parser: argparse.ArgumentParser, name: str) -> argparse.Namespace:
    args = parser.parse_args()
    QUIET.update(limit=args.quiet_cores, longest=args.quiet_wait)
    if args.quick:
        args.letters = min(args.letters, 60)
        args.repeat = min(args.repeat, 2)
        args.heavy_repeat = 1
        args.help_runs = min(args.help_runs, 3)
        if args.json == str(RESULTS / f"{name}.json"):
            args.json = str(RESULTS / f"{name}-quick.json")
    args.heavy_repeat = args.heavy_repeat or args.repeat
    return args


class Session:
    """One run of one script (or of several, by ``speed.py``): ``with Session(args) as s``."""

    def __init__(self, args: argparse.Namespace, script: str, corpus: bool = True) -> None:
        self.args = args
        self.make_corpus = corpus
        self.json_path = Path(args.json)
        self.runs: dict[str, list[dict[str, Any]]] = {}
        self.results: dict[str, Any] = {
            "command": " ".join([Path(sys.executable).name, script, *sys.argv[1:]]),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "machine": machine_info(),
            "settings": {
                "letters": args.letters,
                "repeat": args.repeat,
                "heavy_repeat": args.heavy_repeat,
                "batch_size": args.batch_size,
                "help_runs": args.help_runs,
                "quiet_wait_s": args.quiet_wait,
                "quiet_cores": args.quiet_cores,
            },
            "memory_method": MEMORY_METHOD,
        }
        self._tmp = tempfile.TemporaryDirectory(prefix="kgraph-speed-")
        self.work = Path(self._tmp.name)
        self.letters = self.work / "letters"

    def __enter__(self) -> Session:
        self.results["code"] = snapshot_code(self.work / "code") if self.args.snapshot else {}
        self.results["runs"] = self.runs
        self.files: list[str] = []
        if not self.make_corpus:
            self.results["corpus"] = {"letters": 0, "words": 0}
            return self
        began = time.perf_counter()
        corpus = build_synthetic_corpus(self.letters, self.args.letters, self.args.seed)
        corpus["generate_s"] = time.perf_counter() - began
        self.results["corpus"] = corpus
        log(
            f"corpus: {corpus['letters']} letters, {corpus['words']:,} words "
            f"(mean {corpus['words_per_letter']['mean']})"
        )
        self.files = corpus_files(self.letters)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._tmp.cleanup()

    def kgraph_spec(self, **more: Any) -> dict[str, Any]:
        """A ``kgraph`` child's spec: build the corpus folder into ``out/`` as Turtle."""
        spec = {"folder": str(self.letters), "output": str(self.work / "out"), "format": "ttl"}
        return {**spec, "startups": str(self.work / "startups"), **more}

    def build_task(self, key: str) -> tuple[str, dict[str, Any]]:
        """The child task and spec of a build run by its key in ``runs``."""
        raw = {"folder": str(self.letters), "batch_size": self.args.batch_size}
        tenth = self.files[: max(1, len(self.files) // 10)]
        return {
            "raw_1proc": ("raw", {**raw, "n_process": 1}),
            "raw_nproc2": ("raw", {**raw, "n_process": 2}),
            "kgraph_jobs1": ("kgraph", self.kgraph_spec(jobs=1)),
            "kgraph_jobs2": ("kgraph", self.kgraph_spec(jobs=2)),
            "kgraph_jobs1_tenth": (
                "kgraph",
                self.kgraph_spec(jobs=1, list=self.letter_list("tenth", tenth)),
            ),
        }[key]

    def interleaved(self, keys: list[str], rounds: int | None = None) -> None:
        """Each build of ``keys`` in turn, ``rounds`` times (default ``--heavy-repeat``), so
        a slow spell of the machine hits all alike."""
        for _ in range(rounds or self.args.heavy_repeat):
            for key in keys:
                self.measure(key, *self.build_task(key), 1)

    def letter_list(self, name: str, files: list[str]) -> str:
        """A file listing some of the corpus's letters (a spec's ``list``)."""
        path = self.work / f"{name}.list"
        path.write_text("\n".join(files) + "\n")
        return str(path)

    def child(
        self, task: str, spec: dict[str, Any], timeout: float | None = None
    ) -> dict[str, Any]:
        return run_child(task, spec, self.work / "specs", timeout or self.args.timeout)

    def measure(self, key: str, task: str, spec: dict[str, Any], count: int) -> None:
        """Run a child ``count`` times into ``runs[key]``, cleaning up its output after each."""
        for i in range(count):
            log(f"{key} {i + 1}/{count}")
            run = self.child(task, spec)
            self.runs.setdefault(key, []).append(run)
            if "error" in run:
                log(f"  failed: {run['error']} {' | '.join(run.get('stderr', [])[-3:])}")
            elif "words_per_s" in run:
                log(f"  {run['words_per_s']:,.0f} words/s, wall {run['wall_s']:.1f} s")
            shutil.rmtree(self.work / "out", ignore_errors=True)
            shutil.rmtree(self.work / "startups", ignore_errors=True)
            self.save_partial()

    def save_partial(self) -> None:
        save(self.json_path.with_suffix(".partial.json"), self.results, self.work)

    def finish(self) -> dict[str, Any]:
        """Summarise, save ``NAME.json`` and print the tables of what was measured."""
        if self.args.snapshot:
            self.results["code"]["working_tree_changed_during_run"] = (
                sources_digest() != self.results["code"]["sources_sha256"]
            )
        self.results["summary"] = summarise(self.results)
        self.results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        save(self.json_path, self.results, self.work)
        print_table(self.results)
        print(f"\nwrote {shown(self.json_path)}")
        return self.results
