"""``build_corpus``: build a collection into files, streaming, incrementally, failures apart.

Output is a folder of per-letter files (written as each letter arrives, memory per letter)
or one file for all letters: N-Quads and TriG are appended letter by letter (one named
graph each, in input order), the other formats gathered and written at the end. Every file
goes through a temporary file and a rename. A manifest beside the output records each
letter's checksum and kgraph's version, so an unchanged letter is not built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Executor, Failure, expand_inputs, iter_outcomes
from .errors import DataError, KGraphError
from .model import LetterResult
from .reading import slugify
from .settings import Settings
from .version import __version__
from .write import QUAD_FORMATS, Format, current_umask, serialize, write_atomic

MANIFEST = ".kgraph-manifest.json"
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
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None  # the worker reports the problem


class Manifest:
    """What the last build into this output was made from: path → checksum, version."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, str]] = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("letters"), dict):
                self.entries = data["letters"]

    def unchanged(self, source: str, checksum: str | None, output: Path) -> bool:
        entry = self.entries.get(source)
        return (
            entry is not None
            and checksum is not None
            and entry.get("checksum") == checksum
            and entry.get("kgraph") == __version__
            and output.exists()
        )

    def record(self, source: str, checksum: str, output: Path) -> None:
        self.entries[source] = {"checksum": checksum, "kgraph": __version__, "output": output.name}

    def save(self) -> None:
        data = {"kgraph": __version__, "letters": dict(sorted(self.entries.items()))}
        write_atomic(self.path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())


class _Appender:
    """One N-Quads/TriG file written letter by letter into a temporary file, then renamed."""

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise DataError(
                f"{target.parent} is not writable ({exc.strerror})", "pass -o another path"
            ) from exc
        self.tmp = Path(name)
        os.chmod(self.tmp, 0o666 & ~current_umask())
        self.handle = os.fdopen(fd, "wb")

    def add(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        self.handle.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


def letter_file(output: Path, result_name: str, fmt: Format) -> Path:
    return output / f"{result_name}.{fmt}"


def is_folder(output: Path) -> bool:
    return output.is_dir() or str(output).endswith(("/", os.sep)) or output.suffix == ""


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
    started = time.perf_counter()
    paths = [str(p) for p in inputs if str(p) == "-"] + expand_inputs(
        p for p in inputs if str(p) != "-"
    )
    report = CorpusReport()
    folder = is_folder(output)
    manifest = Manifest(
        (output if folder else output.parent)
        / (MANIFEST if folder else f".{output.name}.manifest.json")
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
    appender = _Appender(output) if (not folder and fmt in QUAD_FORMATS and todo) else None
    gathered: list[LetterResult] = []
    try:
        for done, (path, outcome) in enumerate(
            zip(
                todo,
                iter_outcomes(
                    todo, settings, jobs=jobs, executor=executor, scheduler=scheduler, stdin=stdin
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
                    write_atomic(target, serialize([outcome], fmt, settings.base))
                    report.written.append(target)
                elif appender is not None:
                    appender.add(serialize([outcome], fmt, settings.base))
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
        write_atomic(output, serialize(gathered, fmt, settings.base))
        report.written.append(output)
    if incremental and (report.letters or report.skipped):
        manifest.save()
    report.seconds = time.perf_counter() - started
    return report
