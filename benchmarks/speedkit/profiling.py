"""``speed_profile.py``'s parts: a build with every stage and pipeline component timed by
wrappers (no profiler, little distortion), a build under cProfile, and their reports."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


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


# (label, file path ending, function name): cumulative time in the cProfile run
PROFILE_FUNCTIONS = [
    ("build_corpus (total)", "kgraph/corpus/batch.py", "build_corpus"),
    ("start-up: Processor.__init__", "kgraph/corpus/runner.py", "__init__"),
    ("  build_pipeline", "kgraph/nlp/pipeline.py", "build_pipeline"),
    ("    load_model (spaCy model)", "kgraph/nlp/pipeline.py", "load_model"),
    ("    import kgraph.nlp.components", "kgraph/nlp/components.py", "<module>"),
    ("    entity_ruler initialize (patterns)", "spacy/pipeline/entityruler.py", "initialize"),
    ("    kgraph_types initialize", "kgraph/nlp/types.py", "initialize"),
    ("    kgraph_relations initialize", "kgraph/nlp/relations.py", "initialize"),
    ("  load_authority (all calls)", "kgraph/knowledge/authority.py", "load_authority"),
    ("  open_linker", "kgraph/link/linker.py", "open_linker"),
    ("Processor.process", "kgraph/corpus/runner.py", "process"),
    ("  parse_letter", "kgraph/text/letters.py", "parse_letter"),
    ("  analyse_many", "kgraph/nlp/pipeline.py", "analyse_many"),
    ("    nlp.pipe (called by analyse_many)", "spacy/language.py", "pipe@analyse_many"),
    ("      entity_ruler __call__ (authority+cue)", "spacy/pipeline/entityruler.py", "__call__"),
    ("      kgraph_snapshot", "kgraph/nlp/components.py", "snapshot"),
    ("      kgraph_titles", "kgraph/nlp/components.py", "__call__"),
    ("      kgraph_types", "kgraph/nlp/types.py", "__call__"),
    ("      kgraph_relations", "kgraph/nlp/relations.py", "__call__"),
    ("    mask", "kgraph/nlp/masking.py", "mask"),
    ("    emphasis", "kgraph/nlp/masking.py", "emphasis"),
    ("  find_mentions", "kgraph/extract/mentions.py", "find_mentions"),
    ("  resolve", "kgraph/extract/resolve.py", "resolve"),
    ("  relate", "kgraph/extract/relate.py", "relate"),
    ("  Linker.link", "kgraph/link/linker.py", "link"),
    ("serialize (kgraph.rdf.write)", "kgraph/rdf/write.py", "serialize"),
    ("  graph_triples", "kgraph/rdf/graph.py", "graph_triples"),
    ("  Turtle (kgraph.rdf.turtle)", "kgraph/rdf/turtle.py", "turtle"),
    ("  N-Quads rows", "kgraph/rdf/write.py", "_nquads"),
    ("  rdflib serializers (.serialize)", "rdflib/plugins/serializers/", "serialize"),
    ("write_atomic", "kgraph/rdf/write.py", "write_atomic"),
    ("  os.fsync", "~", "<built-in method posix.fsync>"),
    ("read_path", "kgraph/text/reading.py", "read_path"),
    ("_checksum", "kgraph/corpus/batch.py", "_checksum"),
]
SPACY_FILES = ("/spacy/", "/thinc/", "/srsly/", "/cymem/", "/preshed/", "/blis/", "/numpy/")


def analyse_profile(stats_file: str, top: int) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(stats_file)
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    total = max(
        (
            v[3]
            for k, v in table.items()
            if k[0].endswith("kgraph/corpus/batch.py") and k[2] == "build_corpus"
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
