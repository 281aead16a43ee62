"""Store benchmark (issue #6): load a corpus of a million triples and ask it every named
query, through kgraph's store path and through rdflib in memory, in one run.

kgraph's store path: ``kgraph.store.embedded.load_store`` of the N-Quads file into a new on-disk
pyoxigraph store (bulk load spread over the usable cores, at most four, then compaction),
then ``kgraph.store.query.query(NAME, store=FOLDER)`` for each query (which opens the store
read-only, with the union of the letters' graphs as default graph, and turns the rows into
kgraph terms). rdflib: ``rdflib.Dataset(default_union=True).parse`` of the same file, then
``Dataset.query`` of the same question, the rows turned into strings.

The named queries read the letters' graphs with ``GRAPH ?g { … }``, so that they answer on
any store. rdflib evaluates ``GRAPH ?g`` one graph at a time (the query once per letter, over
5,500 letters), which is not the question this benchmark asks of it: rdflib gets the same
text with each ``GRAPH ?g {`` written as a plain ``{`` (``ungraph``), the same question
asked of its default graph, which ``default_union=True`` makes the union of all graphs.

The corpus is synthetic (``synthetic.py``): invented letters in kgraph's vocabulary, one
named graph each. The queries: the eight named queries of ``queries/`` and a count of
mentions. kgraph runs several times, each time into a new store; rdflib (minutes a run)
fewer times; the runs of the two alternate, each in a process of its own, after waiting
for the machine to go quiet. Medians are reported, in wall time (CPU time is recorded too:
kgraph's load uses several cores, rdflib one). A query that rdflib does not finish within
``--timeout`` counts as the timeout, a lower bound, and the speed-up is also given for the
queries that both finish. Both must give the same rows (numbers compared by value: 0.50 is
0.5).

    .venv/bin/python benchmarks/stores.py [--letters 5500] [--repeats 5] [--rdflib-repeats 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from synthetic import KG, POOLS, write_corpus

from kgraph.settings import project_root
from kgraph.store.bulk import workers
from kgraph.store.embedded import load_store
from kgraph.store.query import named_queries, query

DEFAULT_JSON = project_root() / "benchmarks" / "results" / "stores.json"
COUNT = f"SELECT (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{ ?m <{KG}mentionOf> ?e }}"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long")}

Rows = list[tuple[Any, ...]]


GRAPH_GROUP = re.compile(r"\bGRAPH\s+\?\w+\s*\{")


def ungraph(sparql: str) -> str:
    """``sparql`` with each ``GRAPH ?var {`` written as ``{``: the group read from the
    default graph (for rdflib, the union of all graphs) rather than graph by graph."""
    return GRAPH_GROUP.sub("{", sparql)


def the_queries(kind: str = "kgraph") -> dict[str, str]:
    """Name -> SPARQL text: the named queries as they are for kgraph, ``ungraph``-ed for
    rdflib."""
    texts = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
    if kind == "rdflib":
        texts = {name: ungraph(text) for name, text in texts.items()}
    return {**texts, "count-mentions": COUNT}


# --- how busy the machine is --------------------------------------------------------------


def machine_busy() -> float:
    """CPU seconds the machine (every process, stolen time too) has been busy since boot."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def wait_for_quiet(limit: float, longest: float) -> dict[str, float]:
    """Wait (at most ``longest`` s) until other processes keep fewer than ``limit`` cores busy."""
    began = time.perf_counter()
    while True:
        busy, own = machine_busy(), own_cpu()
        time.sleep(2)
        others = max(0.0, (machine_busy() - busy - (own_cpu() - own)) / 2)
        if others < limit or time.perf_counter() - began >= longest:
            return {"waited_s": round(time.perf_counter() - began, 1), "others_cores": others}


def timed(run: Callable[[], Any]) -> tuple[dict[str, float], Any]:
    """Wall and CPU seconds (every thread of this process) of ``run()``; its value."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = run()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}, value


# --- the two sides ------------------------------------------------------------------------


def comparable(value: str | None, datatype: str | None) -> str | None:
    """A cell as both sides can compare it: numbers by value (pyoxigraph writes 0.50 as 0.5)."""
    if value is not None and datatype in NUMBERS:
        try:
            return str(Decimal(value).normalize())
        except InvalidOperation:
            return value
    return value


def kgraph_run(corpus: Path, queries: dict[str, str], work: Path) -> dict[str, Any]:
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    busy, own = machine_busy(), own_cpu()
    parts, answers = {}, {}
    parts["load"], report = timed(lambda: load_store([corpus], store))
    for name, sparql in queries.items():
        parts[name], result = timed(partial(query, sparql, store=store))
        answers[name] = [
            [comparable(t and t.value, t and t.datatype) for t in row] for row in result.rows
        ]
    during = machine_busy() - busy - (own_cpu() - own)
    reload, again = timed(lambda: load_store([corpus], store))
    assert len(again.unchanged) == len(report.graphs) and not again.written
    return {
        "parts": parts,
        "answers": answers,
        "triples": report.triples,
        "reload_unchanged": reload,
        "others_busy_cpu_s": during,
    }


class Timeout(Exception):
    pass


def rdflib_run(corpus: Path, queries: dict[str, str], timeout: int) -> dict[str, Any]:
    from rdflib import Dataset, Literal

    def select(sparql: str) -> Rows:
        return [tuple(row) for row in dataset.query(sparql)]  # type: ignore[arg-type]

    def cell(term: Any) -> Any:
        datatype = str(term.datatype) if isinstance(term, Literal) and term.datatype else None
        return comparable(None if term is None else str(term), datatype)

    def alarm(*_: object) -> None:
        raise Timeout

    busy, own = machine_busy(), own_cpu()
    parts, answers, timed_out = {}, {}, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset(default_union=True)
        parts["load"], _ = timed(lambda: dataset.parse(corpus, format="nquads"))
        previous = signal.signal(signal.SIGALRM, alarm)
        for name, sparql in queries.items():
            signal.alarm(timeout)
            try:
                parts[name], rows = timed(partial(select, sparql))
                answers[name] = [list(map(cell, row)) for row in rows]
            except Timeout:
                parts[name] = {"wall": float(timeout), "cpu": float(timeout)}
                timed_out.append(name)
            finally:
                signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    during = machine_busy() - busy - (own_cpu() - own)
    return {"parts": parts, "answers": answers, "timed_out": timed_out, "others_busy_cpu_s": during}


def child(argv: list[str]) -> int:
    """One measured run, in a process of its own (so that neither side's memory or garbage
    collection weighs on the other's): ``--child KIND CORPUS WORK TIMEOUT OUT``."""
    kind, corpus, work, timeout, out = argv
    queries = the_queries(kind)
    if kind == "kgraph":
        run = kgraph_run(Path(corpus), queries, Path(work))
    else:
        run = rdflib_run(Path(corpus), queries, int(timeout))
    Path(out).write_text(json.dumps(run), encoding="utf-8")
    return 0


def run_child(kind: str, corpus: Path, work: Path, timeout: int) -> dict[str, Any]:
    out = work / f"{kind}-run.json"
    command = [sys.executable, __file__, "--child", kind, str(corpus), str(work), str(timeout)]
    subprocess.run([*command, str(out)], check=True)
    run: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return run


# --- the run ------------------------------------------------------------------------------


def medians(runs: list[dict[str, Any]], key: str) -> dict[str, float]:
    return {
        name: statistics.median(run["parts"][name][key] for run in runs)
        for name in runs[0]["parts"]
    }


def total(run: dict[str, Any], names: list[str], key: str = "wall") -> float:
    return float(sum(run["parts"][name][key] for name in names))


def schedule(ours: int, theirs: int) -> list[str]:
    """The order of the runs: rdflib's spread evenly among kgraph's (k r k k r k …)."""
    slots = [(i + 0.5) / ours for i in range(ours)]
    slots += [(i + 0.5) / theirs - 1e-9 for i in range(theirs)]
    kinds = ["kgraph"] * ours + ["rdflib"] * theirs
    return [kind for _, kind in sorted(zip(slots, kinds, strict=True))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=5500, help="invented letters (5500)")
    parser.add_argument("--repeats", type=int, default=5, help="kgraph runs (5)")
    parser.add_argument("--rdflib-repeats", type=int, default=2, help="rdflib runs (2)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per rdflib query")
    parser.add_argument("--quiet-wait", type=float, default=120, help="longest wait (s)")
    parser.add_argument("--quiet-cores", type=float, default=0.3, help="'quiet' below this")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="results file")
    args = parser.parse_args(argv)
    queries = the_queries()
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    runs: dict[str, list[dict[str, Any]]] = {"kgraph": [], "rdflib": []}
    with tempfile.TemporaryDirectory(prefix="kgraph-stores-") as folder:
        work = Path(folder)
        corpus = work / "corpus.nq"
        quads = write_corpus(corpus, args.letters)
        size = corpus.stat().st_size
        print(f"corpus: {args.letters:,} letters, {quads:,} quads, {size / 1e6:.0f} MB", flush=True)
        for kind in schedule(args.repeats, args.rdflib_repeats):
            quiet = wait_for_quiet(args.quiet_cores, args.quiet_wait)
            run = run_child(kind, corpus, work, args.timeout)
            run.update(quiet_before=quiet, loadavg_before=os.getloadavg()[0])
            runs[kind].append(run)
            wall = total(run, list(run["parts"]))
            print(f"{kind} run {len(runs[kind])}: {wall:.1f} s", flush=True)
    ours, theirs = runs["kgraph"], runs["rdflib"]
    names = ["load", *queries]
    timed_out = sorted({name for run in theirs for name in run["timed_out"]})
    both = [name for name in names if name not in timed_out]
    k_wall, r_wall = medians(ours, "wall"), medians(theirs, "wall")
    k_cpu, r_cpu = medians(ours, "cpu"), medians(theirs, "cpu")
    sets = {"all": names, "both_finish": both, "queries_only": both[1:], "load_only": ["load"]}
    speedup = {}
    for label, chosen in sets.items():
        k = statistics.median(total(run, chosen) for run in ours)
        r = statistics.median(total(run, chosen) for run in theirs)
        speedup[label] = {"kgraph_s": k, "rdflib_s": r, "ratio": r / k}
    speedup["all"]["lower_bound"] = bool(timed_out)
    same = {
        name: all(run["answers"][name] == theirs[0]["answers"][name] for run in ours + theirs)
        for name in queries
        if all(name in run["answers"] for run in theirs)
    }
    results = {
        "benchmark": "stores",
        "started": started,
        "command": "python benchmarks/stores.py "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "corpus": {
            "letters": args.letters,
            "quads": quads,
            "bytes": size,
            "entity_pools": POOLS,
            "format": "N-Quads, one named graph per letter (benchmarks/synthetic.py)",
        },
        "measured": "wall seconds: load, then each query; medians over runs",
        "kgraph": {
            "path": "kgraph.store.embedded.load_store(corpus.nq, new on-disk pyoxigraph store) + "
            "kgraph.store.query.query(NAME, store=FOLDER) per query",
            "load": f"bulk load on {workers()} threads, then compaction (Store.optimize)",
        },
        "rdflib": {
            "path": "rdflib.Dataset(default_union=True).parse + Dataset.query",
            "queries": "the named queries with each 'GRAPH ?g {' written as '{' (ungraph)",
            "threads": 1,
        },
        "queries": {
            name: "queries/" + name + ".rq" if name != "count-mentions" else COUNT
            for name in queries
        },
        "repeats": {"kgraph": args.repeats, "rdflib": args.rdflib_repeats},
        "rdflib_timeout_s": args.timeout,
        "rdflib_timed_out": timed_out,
        "median_wall_s": {"kgraph": k_wall, "rdflib": r_wall},
        "median_cpu_s": {"kgraph": k_cpu, "rdflib": r_cpu},
        "speedup_by_part": {name: r_wall[name] / k_wall[name] for name in names},
        "speedup": speedup,
        "same_answers": same,
        "rows": {name: len(ours[0]["answers"][name]) for name in queries},
        "kgraph_triples_loaded": ours[0]["triples"],
        "kgraph_reload_unchanged_s": statistics.median(
            run["reload_unchanged"]["wall"] for run in ours
        ),
        "runs": {
            kind: [
                {
                    "parts": run["parts"],
                    "quiet_before": run["quiet_before"],
                    "others_cores_during": run["others_busy_cpu_s"]
                    / total(run, list(run["parts"])),
                    **({"reload_unchanged": run["reload_unchanged"]} if kind == "kgraph" else {}),
                }
                for run in kind_runs
            ]
            for kind, kind_runs in runs.items()
        },
        "notes": [
            "every kgraph run loads into a new, empty store folder; its queries each open it",
            "kgraph's load uses several cores (see median_cpu_s); rdflib's parse one",
            f"rdflib runs {args.rdflib_repeats} times (minutes each); with two, a median is a mean",
            "reload_unchanged: the same corpus loaded again into the filled store, not in totals",
            "a timed-out rdflib query counts as the timeout: its totals are lower bounds",
            "rdflib asks the same questions of its union default graph: GRAPH ?g, which it"
            " evaluates once per named graph, is written as a plain group (see ungraph)",
            "the machine is shared: each run waits for it to go quiet; others_cores_during says"
            " how many cores other processes kept busy meanwhile",
        ],
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_threads": workers(),
        },
        "versions": {d: version(d) for d in ("pyoxigraph", "rdflib")},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{'median wall s':<18}{'kgraph store':>14}{'rdflib':>11}{'speed-up':>10}")
    rows = [(name, k_wall[name], r_wall[name], name in timed_out) for name in names]
    rows += [(f"[{label}]", e["kgraph_s"], e["rdflib_s"], False) for label, e in speedup.items()]
    rows[-len(sets)] = (*rows[-len(sets)][:3], bool(timed_out))  # "all" holds the timeouts
    for name, k, r, bound in rows:
        mark = "≥" if bound else " "  # rdflib timed out: its time, and the ratio, are floors
        print(f"{name:<18}{k:>14.2f}{mark:>2}{r:>9.2f}{mark:>2}{r / k:>7.1f}×")
    print(f"{'re-load, unchanged':<18}{results['kgraph_reload_unchanged_s']:>14.2f}")
    print(f"\nsame answers: {all(same.values())}; rdflib timed out: {timed_out or 'none'}")
    print(f"wrote {args.json}")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(child(sys.argv[2:]) if sys.argv[1:2] == ["--child"] else main())
