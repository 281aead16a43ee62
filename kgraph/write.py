"""Stage 9, ``write``: serialise results and write them safely (temporary file, then rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from .errors import DataError
from .graph import to_dataset, to_graph
from .model import LetterResult

Format = Literal["ttl", "nt", "nq", "trig", "jsonld"]
FORMATS: dict[str, str] = {
    "ttl": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}
QUAD_FORMATS = frozenset({"nq", "trig"})


def serialize(results: Sequence[LetterResult], fmt: Format, base: str) -> bytes:
    """Byte-for-byte deterministic serialisation of ``results`` in ``fmt``."""
    if fmt not in FORMATS:
        raise DataError(f"unknown format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if fmt == "nq":  # one named graph per letter, in input order; lines sorted in each
        return b"".join(
            _sorted_lines(to_dataset([r], base).serialize(format="nquads", encoding="utf-8"))
            for r in results
        )
    if fmt == "trig":
        return to_dataset(results, base).serialize(format="trig", encoding="utf-8")
    data = to_graph(results, base).serialize(format=FORMATS[fmt], encoding="utf-8")
    return _sorted_lines(data) if fmt == "nt" else data


def _sorted_lines(data: bytes) -> bytes:
    """rdflib writes N-Triples and N-Quads in hash order: sort them for stable bytes."""
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so a reader never sees half a file and a failure leaves the old file as it was."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DataError(
            f"{folder} is not writable ({exc.strerror})", "pass -o another folder"
        ) from exc
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # as an ordinary file would be, not 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DataError(
            f"{path} could not be written ({exc.strerror})", "check the disk and the path"
        ) from exc


def output_paths(
    results: Sequence[LetterResult], output: Path, fmt: Format
) -> list[tuple[Path, list[LetterResult]]]:
    """Where each letter goes: a folder gets one file per letter, a file gets them all."""
    is_folder = output.is_dir() or str(output).endswith(("/", os.sep)) or output.suffix == ""
    if not is_folder:
        return [(output, list(results))]
    return [(output / f"{r.letter.source.name}.{fmt}", [r]) for r in results]


def write_results(
    results: Sequence[LetterResult], output: Path, fmt: Format, base: str
) -> list[Path]:
    written = []
    for path, group in output_paths(results, output, fmt):
        write_atomic(path, serialize(group, fmt, base))
        written.append(path)
    return written
