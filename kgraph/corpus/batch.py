"""``build_corpus``: build a collection into files, streaming, incrementally, failures apart.

Output is a folder of per-letter files (written as each letter arrives, memory per letter)
or one file for all letters: N-Quads and TriG are appended letter by letter (one named
graph each, in input order), the other formats gathered and written at the end. Every file
goes through a temporary file and a rename. A manifest beside the output records each
letter's checksum and kgraph's version, so an unchanged letter is not built again
(``manifest``); where the output goes and the appending writer are in ``targets``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.corpus.executors import Executor, Failure, expand_inputs, iter_outcomes
from kgraph.corpus.manifest import MANIFEST, Manifest, build_fingerprint
from kgraph.corpus.targets import Appender, file_format, is_folder, letter_file
from kgraph.errors import DataError, KGraphError
from kgraph.model import LetterResult
from kgraph.rdf.write import QUAD_FORMATS, Format, check_folder, serialize, write_atomic
from kgraph.settings import BaseIRI, Settings
from kgraph.text.reading import MAX_BYTES, slugify

__all__ = [
    "MANIFEST",
    "CorpusReport",
    "Manifest",
    "Progress",
    "build_corpus",
    "build_fingerprint",
    "file_format",
    "is_folder",
    "letter_file",
]

Progress = Callable[[int, int, int], None]  # (letters done, letters in all, words so far)


@dataclass
class CorpusReport:
    """What a corpus build did. Counts, not results, so memory stays per letter."""

    letters: int = 0
    types: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    links: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    def count(self, result: LetterResult) -> None:
        self.letters += 1
        self.types.update(e.type for e in result.entities)
        self.relations += len(result.relations)
        self.links += sum(1 for link in result.links if link.qid)
        self.words += len(result.letter.source.text.split())


def _checksum(path: str) -> str | None:
    """The sha256 of a regular file of at most MAX_BYTES; None for anything else (a pipe
    must be read once, by the worker; a device may never end), and the worker reports it."""
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            return None
        return hashlib.sha256(file.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None


def _bytes(result: LetterResult, fmt: Format, base: BaseIRI) -> bytes:
    """One letter's bytes: as its worker wrote them, else serialised here."""
    if result.rendered is not None and result.rendered[0] == fmt:
        return result.rendered[1]
    return _serialize([result], fmt, base)


def _serialize(results: list[LetterResult], fmt: Format, base: BaseIRI) -> bytes:
    """``serialize``, with an unexpected failure turned into one line naming the letters."""
    try:
        return serialize(results, fmt, base)
    except KGraphError:
        raise
    except Exception as error:
        names = ", ".join(r.letter.source.path or r.letter.source.name for r in results)
        detail = (str(error).strip().splitlines() or [""])[0]
        raise DataError(
            f"{names} could not be written as {fmt} (internal error {type(error).__name__}"
            f"{': ' + detail if detail else ''})",
            "please report this as a bug",
        ) from error


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _same_names(paths: list[str], report: CorpusReport) -> list[str]:
    """The paths whose letters have distinct names; a later letter whose name (and so its
    IRI and output file) an earlier one already has is reported as a failure, not built."""
    first: dict[str, str] = {}
    kept = []
    for p in paths:
        name = slugify(Path(p).stem) if p != "-" else None
        if name is not None and first.setdefault(name, p) != p:
            if _same_file(p, first[name]):
                continue  # one file named twice: build it once
            report.failures.append(
                Failure(
                    p,
                    f"{p}: its name ({name}) is that of {first[name]}, so it would overwrite "
                    "that letter's IRIs and output; rename one of them",
                )
            )
        else:
            kept.append(p)
    return kept


def build_corpus(
    inputs: Iterable[str | Path],
    output: Path,
    fmt: Format = "ttl",
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    executor: Executor = "local",
    scheduler: str | None = None,
    fail_fast: bool = False,
    incremental: bool = True,
    progress: Progress | None = None,
    stdin: bytes | None = None,
) -> CorpusReport:
    """Build every letter under ``inputs`` into ``output`` (folder or single file)."""
    settings = settings or Settings()
    started = time.perf_counter()  # the base IRI and the encoding were checked by Settings
    inputs = list(inputs)
    paths = [str(p) for p in inputs if str(p) == "-"] + expand_inputs(
        p for p in inputs if str(p) != "-"
    )
    report = CorpusReport()
    paths = _same_names(paths, report)
    folder = is_folder(output)
    fmt = fmt if folder else file_format(output, fmt)
    check_folder(output if folder else output.parent)
    manifest = Manifest(
        (output if folder else output.parent)
        / (MANIFEST if folder else f".{output.name}.manifest.json"),
        build_fingerprint(settings, fmt) if incremental else "",
    )
    checksums = {p: _checksum(p) for p in paths if p != "-"}
    todo = paths
    if incremental and folder:
        todo = []
        for p in paths:
            target = letter_file(output, slugify(Path(p).stem), fmt)
            if p != "-" and manifest.unchanged(p, checksums.get(p), target):
                report.skipped.append(p)
            else:
                todo.append(p)
    elif (
        incremental
        and output.exists()
        and paths
        and all(manifest.unchanged(p, checksums.get(p), output) for p in paths)
        and set(manifest.entries) == set(paths)
    ):
        report.skipped = list(paths)
        todo = []
    appender = Appender(output) if (not folder and fmt in QUAD_FORMATS and todo) else None
    gathered: list[LetterResult] = []
    parallel = jobs > 1 or executor == "dask"  # then workers write each letter out themselves
    try:
        for done, (path, outcome) in enumerate(
            zip(
                todo,
                iter_outcomes(
                    todo,
                    settings,
                    jobs=jobs,
                    executor=executor,
                    scheduler=scheduler,
                    stdin=stdin,
                    fmt=fmt if parallel and (folder or appender is not None) else None,
                ),
                strict=True,
            ),
            start=1,
        ):
            if isinstance(outcome, Failure):
                report.failures.append(outcome)
                if fail_fast:
                    raise KGraphError(
                        f"{outcome.path}: {outcome.reason}", "fix the letter or drop --fail-fast"
                    )
            else:
                report.count(outcome)
                if folder:
                    target = letter_file(output, outcome.letter.source.name, fmt)
                    write_atomic(target, _bytes(outcome, fmt, settings.base))
                    report.written.append(target)
                elif appender is not None:
                    appender.add(_bytes(outcome, fmt, settings.base))
                else:
                    gathered.append(outcome)
                if path != "-" and checksums.get(path):
                    manifest.record(
                        path,
                        checksums[path] or "",
                        letter_file(output, outcome.letter.source.name, fmt) if folder else output,
                    )
            if progress is not None:
                progress(done, len(todo), report.words)
    except BaseException:
        if appender is not None:
            appender.abort()
        raise
    if appender is not None:
        appender.commit()
        report.written.append(output)
    elif gathered:
        write_atomic(output, _serialize(gathered, fmt, settings.base))
        report.written.append(output)
    if incremental and (report.letters or report.skipped):
        manifest.save()
    report.seconds = time.perf_counter() - started
    return report
