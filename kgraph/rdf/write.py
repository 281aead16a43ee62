"""Stage 9, ``write``: serialise results and write them safely (temporary file, then rename)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from rdflib import Literal as RDFLiteral
from rdflib import URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from kgraph.errors import DataError
from kgraph.model import LetterResult
from kgraph.rdf.graph import graph_triples, letter_triples, prefixed, to_dataset, to_graph
from kgraph.rdf.iris import letter_iri
from kgraph.rdf.turtle import turtle
from kgraph.settings import BaseIRI

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
    """Byte-for-byte deterministic serialisation of ``results`` in ``fmt``. ``base`` a str
    is checked here; a BaseIRI (``Settings.base``) is taken as it is."""
    if fmt not in FORMATS:
        raise DataError(f"unknown format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    base = BaseIRI(base)
    if fmt == "nq":  # one named graph per letter, in input order; lines sorted in each
        return b"".join(_nquads(r, base) for r in results)
    if fmt == "trig":
        return _written(_TriG(to_dataset(results, base)))
    if fmt == "ttl":
        return turtle(graph_triples(results, base), prefixed(base))
    data = to_graph(results, base).serialize(format=FORMATS[fmt], encoding="utf-8")
    return _sorted_lines(data) if fmt == "nt" else _sorted_jsonld(data)


def _nquads(result: LetterResult, base: BaseIRI) -> bytes:
    """The letter's named graph as rdflib's N-Quads serializer writes it (its row writer,
    without building a Dataset first), lines sorted."""
    graph = letter_iri(base, result.letter).n3()
    rows = "".join(
        f"{s.n3()} {p.n3()} {_quoteLiteral(o) if isinstance(o, RDFLiteral) else o.n3()} {graph} .\n"
        for s, p, o in letter_triples(result, base)
    )
    return _sorted_lines(rows.encode("utf-8", "replace"))


def _sorted_jsonld(data: bytes) -> bytes:
    """rdflib writes JSON-LD's nodes and values in hash order: sort them (a node's values
    are a set; an ``@list`` keeps its order) and the keys, for stable bytes."""

    def stable(value: Any, ordered: bool = False) -> Any:
        if isinstance(value, dict):
            return {k: stable(v, ordered=k == "@list") for k, v in sorted(value.items())}
        if isinstance(value, list):
            items = [stable(v) for v in value]
            return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        return value

    text = json.dumps(stable(json.loads(data)), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _no_prefix(uri: Node) -> bool:
    """A mention's IRI (``<letter>#char=B,E``): no prefix can shorten it. rdflib's Turtle
    writer would look for one all the same, registering each as a namespace of its own at
    a cost that grows with the number already seen (minutes for a letter of a million
    characters), and then write the IRI in full."""
    return isinstance(uri, URIRef) and "#char=" in uri


class _TriG(TrigSerializer):
    """rdflib's TriG writer, same bytes, without the search for a mention IRI's prefix."""

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        return None if _no_prefix(uri) else super().get_pname(uri, gen_prefix)


def _written(serializer: TurtleSerializer) -> bytes:
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _sorted_lines(data: bytes) -> bytes:
    """rdflib writes N-Triples and N-Quads in hash order: sort them for stable bytes.

    Statements end at a line feed alone: literals may hold raw vertical tabs, form feeds,
    NEL or Unicode line separators, at which ``str.splitlines`` would cut them in two."""
    lines = sorted(set(data.decode("utf-8").split("\n")))
    return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_folder(folder: Path, hint: str = "pass -o another folder") -> None:
    """Fail at once, in one line, when files cannot be written in ``folder`` (which may not
    exist yet); nothing is created. The final word is the write itself."""
    for part in (folder, *folder.parents):
        try:
            if not part.exists():
                continue
        except OSError:
            continue
        if not part.is_dir():
            raise DataError(_not_a_folder(folder, part), hint)
        if not os.access(part, os.W_OK | os.X_OK):
            raise DataError(f"{folder} is not writable (permission denied)", hint)
        return


def _not_a_folder(folder: Path, part: Path) -> str:
    if part == folder:
        return f"{folder} is a file, not a folder"
    return f"{folder} cannot be made: {part} is a file, not a folder"


def make_folder(folder: Path, hint: str = "pass -o another folder") -> None:
    """Create ``folder`` (and its parents), or say in one line why it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        for part in (folder, *folder.parents):
            with contextlib.suppress(OSError):
                if part.exists() and not part.is_dir():
                    raise DataError(_not_a_folder(folder, part), hint) from exc
        raise DataError(f"{folder} is not writable ({exc.strerror})", hint) from exc


def temporary_file(path: Path) -> tuple[int, Path]:
    """A new hidden ``.NAME.*.tmp`` file beside ``path`` with an ordinary file's mode."""
    make_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise DataError(
            f"{path.parent} is not writable ({exc.strerror})", "pass -o another folder"
        ) from exc
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # as an ordinary file would be, not 0600
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return fd, Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so a reader never sees half a file and a failure (or an interrupt) leaves the old file
    as it was and no temporary file behind."""
    try:
        fd, tmp = temporary_file(path)
    except OSError as exc:
        raise DataError(
            f"{path.parent} is not writable ({exc.strerror})", "pass -o another folder"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DataError(
                f"{path} could not be written ({exc.strerror})", "check the disk and the path"
            ) from exc
        raise


def output_paths(
    results: Sequence[LetterResult], output: Path, fmt: Format
) -> list[tuple[Path, list[LetterResult]]]:
    """Where each letter goes: a folder gets one file per letter, a file gets them all."""
    is_folder = output.is_dir() or str(output).endswith(("/", os.sep)) or output.suffix == ""
    if not is_folder:
        return [(output, list(results))]
    paths: dict[Path, LetterResult] = {}
    for r in results:  # two letters of one name would overwrite each other's file
        path = output / f"{r.letter.source.name}.{fmt}"
        if (other := paths.setdefault(path, r)) is not r:
            raise DataError(
                f"{_where(other)} and {_where(r)} would both be written to {path}",
                "rename one of them",
            )
    return [(path, [r]) for path, r in paths.items()]


def _where(result: LetterResult) -> str:
    return result.letter.source.path or result.letter.source.name


def write_results(
    results: Sequence[LetterResult], output: Path, fmt: Format, base: str
) -> list[Path]:
    written = []
    base = BaseIRI(base)
    for path, group in output_paths(results, output, fmt):
        write_atomic(path, serialize(group, fmt, base))
        written.append(path)
    return written
