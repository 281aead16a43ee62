"""The measurements that run in a child process: raw spaCy, a kgraph build, one worker's
start-up, pyoxigraph and rdflib on the corpus N-Quads, and the people query on N-Quads.

Each takes a spec (a dict from JSON) and returns a dict; ``child.py`` runs them."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

from speedkit.corpus import corpus_files

# The union of the letters' graphs (each triple once) is loaded into one named graph: the
# named queries read the letters with GRAPH ?g.
UNION = "urn:x-kgraph-benchmark:union"


def people_query() -> str:
    """queries/people.rq of the kgraph the child imports (the snapshot)."""
    from kgraph.settings import project_root

    return (project_root() / "queries" / "people.rq").read_text(encoding="utf-8")


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
    union of its graphs (each triple once, into one named graph ``UNION``), run the
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
        graph.load(path=spec["nt"], format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(UNION))
        row["parse_nt_s"] = time.perf_counter() - t
        row["triples"] = len(graph)
        t = time.perf_counter()
        result = run_query(graph, sparql)
        row["query_triples_s"] = time.perf_counter() - t
        row["rows"] = len(result.rows)
        t = time.perf_counter()
        data = graph.dump(
            format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(UNION), prefixes=prefixes
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
        union = rdflib.Dataset()
        graph = union.graph(rdflib.URIRef(UNION))
        for prefix, iri in prefixes.items():
            graph.bind(prefix, iri, replace=True)
        t = time.perf_counter()
        graph.parse(spec["nt"], format="nt")
        row["parse_nt_s"] = time.perf_counter() - t
        row["triples"] = len(graph)
        t = time.perf_counter()
        row["rows"] = len(list(union.query(sparql)))
        row["query_triples_s"] = time.perf_counter() - t
        t = time.perf_counter()
        row["bytes_ttl"] = len(graph.serialize(format="turtle", encoding="utf-8"))
        row["serialize_ttl_s"] = time.perf_counter() - t
        del graph, union
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
