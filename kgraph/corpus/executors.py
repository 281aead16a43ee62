"""Building many letters: streaming, worker processes or a Dask cluster, failures reported
per letter, results always in input order (so every executor writes the same bytes).

The per-letter work is a pure function of a path and the settings. Each worker process (or
Dask worker) builds the spaCy pipeline once and returns plain ``LetterResult`` data; the
single writer in the calling process consumes the results in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from kgraph.errors import ConfigError, KGraphError, LinkError
from kgraph.model import LetterResult, Source
from kgraph.settings import Settings
from kgraph.text.reading import read_path

Executor = Literal["local", "dask"]
PER_LETTER = frozenset({"ttl", "nt", "nq", "trig", "jsonld"})  # formats a worker may write
CHUNK = 32  # letters per task: fills nlp.pipe batches, amortises inter-process traffic


@dataclass(frozen=True)
class Failure:
    """A letter that could not be built: its path and the one-line reason."""

    path: str
    reason: str


Outcome = LetterResult | Failure


def failure(path: str, error: Exception) -> Failure:
    """A failure whose one-line reason names the letter's file, whatever the error says."""
    if isinstance(error, KGraphError):
        reason = str(error)
    else:  # a bug, not the letter's fault
        reason = f"internal error {type(error).__name__}: {error}"
    lines = reason.strip().splitlines()
    reason = lines[0] if lines else type(error).__name__  # one line
    named = path in reason or path == "-"  # standard input says so itself
    return Failure(path, reason if named else f"{path}: {reason}")


class Worker:
    """What one process keeps between tasks: the settings and, once built, the pipeline."""

    def __init__(self, settings: Settings, fmt: str | None = None) -> None:
        self.settings = settings
        self.fmt = fmt  # when given, each letter is also written out here, not in the writer
        self._processor: Any = None

    @property
    def processor(self) -> Any:
        """The pipeline, loaded when the first letter is read (a bad path fails at once)."""
        if self._processor is None:
            from kgraph.corpus.runner import Processor

            self._processor = Processor(self.settings)
        return self._processor

    def run(self, paths: Sequence[str], stdin: bytes | None = None) -> list[Outcome]:
        sources: list[Source] = []
        outcomes: list[Outcome | None] = []
        for path in paths:
            try:
                sources.append(read_path(path, self.settings.encoding, stdin=stdin))
                outcomes.append(None)
            except KGraphError as error:
                outcomes.append(failure(path, error))
        if not sources:
            return [o for o in outcomes if o is not None]
        processor = self.processor  # outside the try: a pipeline that cannot load stops all
        results: Iterator[Outcome]
        try:
            results = iter(processor.process(sources))
        except Exception:  # one bad letter in a batch: build the letters one by one
            results = iter(self._one_by_one(sources))
        return [self._render(o if o is not None else next(results)) for o in outcomes]

    def _render(self, outcome: Outcome) -> Outcome:
        """Serialise a letter in the worker, so the single writer only writes bytes; if that
        fails the writer tries again and reports it."""
        if self.fmt is None or isinstance(outcome, Failure) or self.fmt not in PER_LETTER:
            return outcome
        from kgraph.rdf.write import serialize

        try:
            data = serialize([outcome], self.fmt, self.settings.base)  # type: ignore[arg-type]
        except Exception:
            return outcome
        return replace(outcome, rendered=(self.fmt, data))

    def _one_by_one(self, sources: list[Any]) -> list[Outcome]:
        found: list[Outcome] = []
        for source in sources:
            try:
                found.extend(self.processor.process([source]))
            except (LinkError, ConfigError):
                raise  # the endpoint or the set-up, not the letter: every letter would fail
            except Exception as error:  # the letter's fault or a bug: report, go on
                found.append(failure(source.path or source.name, error))
        return found


class _ProcessState:
    """The worker of a worker process, created by the pool's initializer."""

    worker: Worker | None = None


def _init_process(settings: Settings, fmt: str | None = None) -> None:
    _ProcessState.worker = Worker(settings, fmt)


def _run_in_process(paths: Sequence[str]) -> list[Outcome]:
    worker = _ProcessState.worker
    if worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker process was not initialised")
    return worker.run(paths)


def _run_on_dask(paths: Sequence[str], settings: Settings, fmt: str | None = None) -> list[Outcome]:
    from distributed import get_worker

    host: Any = get_worker()  # the Dask worker keeps our pipeline between tasks
    worker: Worker | None = getattr(host, "_kgraph_worker", None)
    if worker is None or worker.settings != settings or worker.fmt != fmt:
        worker = Worker(settings, fmt)
        host._kgraph_worker = worker
    return worker.run(paths)


def chunks(items: Sequence[str], size: int) -> list[list[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def iter_outcomes(
    paths: Sequence[str],
    settings: Settings,
    *,
    jobs: int = 1,
    executor: Executor = "local",
    scheduler: str | None = None,
    stdin: bytes | None = None,
    fmt: str | None = None,
) -> Iterator[Outcome]:
    """Build every path, yielding one outcome per path in input order (each letter also
    serialised as ``fmt`` by the worker that built it, when ``fmt`` is given)."""
    if executor == "dask":
        yield from _dask(paths, settings, scheduler, fmt)
        return
    if jobs <= 1 or len(paths) <= 1:
        worker = Worker(settings, fmt)
        for group in chunks(list(paths), CHUNK):
            yield from worker.run(group, stdin)
        return
    size = max(1, min(CHUNK, len(paths) // (jobs * 4) or 1))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_process, initargs=(settings, fmt)
    ) as pool:
        pending: list[Future[list[Outcome]]] = []
        groups = iter(chunks(list(paths), size))
        for group in groups:  # keep a bounded number of tasks in flight
            pending.append(pool.submit(_run_in_process, group))
            if len(pending) >= jobs * 3:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _dask(
    paths: Sequence[str], settings: Settings, scheduler: str | None, fmt: str | None = None
) -> Iterator[Outcome]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError(
            "the Dask executor needs the 'distributed' package", "pip install 'kgraph[dask]'"
        ) from exc
    if not scheduler:
        raise ConfigError(
            "--executor dask needs a scheduler address", "pass --scheduler tcp://HOST:8786"
        )
    try:
        client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler}", "check --scheduler"
        ) from exc
    try:
        futures = [
            client.submit(_run_on_dask, group, settings, fmt, pure=False)
            for group in chunks(list(paths), CHUNK)
        ]
        for future in futures:  # in input order
            yield from future.result()
    finally:
        client.close()  # type: ignore[no-untyped-call]


def expand_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Paths of the letters to build: files as given, folders expanded (sorted, recursive)."""
    from kgraph.text.reading import iter_inputs

    return [str(p) for p in iter_inputs(list(inputs))]


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
