"""Reading RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into an in-memory
pyoxigraph store, for queries over files and for staging loads into stores.

Triples files go into the default graph; quads files keep their graphs. A file that cannot
be read or parsed is a ``DataError`` naming the file, the line and the column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import DataError

__all__ = ["FILE_FORMATS", "data_files", "load_data", "load_file"]

# File extension -> (pyoxigraph format, name for messages). A None format means: parse with
# rdflib (JSON-LD on a pyoxigraph without JSON-LD support).
FILE_FORMATS: dict[str, tuple[ox.RdfFormat | None, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "Turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "N-Triples"),
    ".nq": (ox.RdfFormat.N_QUADS, "N-Quads"),
    ".trig": (ox.RdfFormat.TRIG, "TriG"),
    ".jsonld": (getattr(ox.RdfFormat, "JSON_LD", None), "JSON-LD"),
    ".rdf": (ox.RdfFormat.RDF_XML, "RDF/XML"),
}
_BUILD_HINT = "build the graph first, e.g. kgraph build data/letters/ -o output/"

_DATA_ERROR = re.compile(r"Parser error (?:at|between) [^:]*: (.*)", re.DOTALL)


def load_data(paths: Sequence[str | Path]) -> ox.Store:
    """An in-memory store holding every RDF file named in ``paths``.

    Folders are searched recursively for .ttl, .nt, .nq, .trig, .jsonld and .rdf files (in
    sorted order; hidden files skipped). Triples files go into the default graph; quads files
    keep their graphs. Each file is loaded once, however often it is named.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if not paths:
        raise DataError("no RDF data given", "name a file or a folder such as output/")
    store = ox.Store()
    for path in data_files(paths):
        load_file(store, path)
    return store


def data_files(paths: Sequence[str | Path]) -> list[Path]:
    files: dict[Path, Path] = {}  # resolved -> as named, in loading order
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [
                file
                for file in sorted(path.rglob("*"))
                if file.suffix.lower() in FILE_FORMATS
                and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            ]
            if not found:
                raise DataError(
                    f"{given}: no RDF files in this folder",
                    f"expected files ending in {', '.join(FILE_FORMATS)}; {_BUILD_HINT}",
                )
        elif path.is_file():
            if path.suffix.lower() not in FILE_FORMATS:
                raise DataError(
                    f"{given}: not an RDF file kgraph can read (extension {path.suffix!r})",
                    f"use a file ending in {', '.join(FILE_FORMATS)}",
                )
            found = [path]
        else:
            raise DataError(f"{given}: no such file or folder", _BUILD_HINT)
        for file in found:
            files.setdefault(file.resolve(), file)
    return list(files.values())


def load_file(store: ox.Store, path: Path) -> None:
    fmt, name = FILE_FORMATS[path.suffix.lower()]
    try:
        if fmt is None:
            _load_with_rdflib(store, path)
        else:
            store.load(path=path, format=fmt, base_iri=path.resolve().as_uri())
    except SyntaxError as err:
        raise DataError(
            f"{path}: not valid {name} ({_data_error_text(err)})",
            "fix the file, or write it again with kgraph build",
        ) from err
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({err.strerror or err})") from err


def _load_with_rdflib(store: ox.Store, path: Path) -> None:
    import rdflib

    dataset = rdflib.Dataset()
    try:
        dataset.parse(path, format="json-ld")
    except Exception as err:  # rdflib's JSON-LD parser raises many kinds
        raise SyntaxError(str(err)) from err
    store.load(dataset.serialize(format="nquads"), ox.RdfFormat.N_QUADS)


def _data_error_text(err: SyntaxError) -> str:
    match = _DATA_ERROR.match(str(err.msg))
    detail = match.group(1) if match else str(err.msg)
    if err.lineno:
        return f"line {err.lineno}, column {err.offset}: {detail}"
    return detail
