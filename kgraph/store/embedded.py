"""Load kgraph's RDF into triple stores, and ask them questions.

Every letter is one named graph, named by the letter's IRI, so loading a letter again
replaces it: the store ends with the same triples however often it is loaded. Quads files
(N-Quads, TriG) keep their graphs; the triples of a Turtle, N-Triples, RDF/XML or JSON-LD
file go into the graph of the one ``kg:Letter`` they describe.

A failed load leaves the embedded store (pyoxigraph, on disk) as it was. A new store is
filled straight from N-Quads and TriG files by pyoxigraph's bulk loader, spread over the
machine's cores, and removed again if anything fails (see ``kgraph.store.bulk``). Otherwise every
input is parsed before anything is written, so a bad file changes nothing; new letters then
go in by bulk load and replaced letters in one transaction, and unchanged letters are not
written at all. A remote store is written graph by graph (Graph Store Protocol ``PUT``, or
SPARQL Update), and a failure says exactly which graphs were written before it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.errors import DataError
from kgraph.model import LetterResult
from kgraph.store import bulk
from kgraph.store.staging import (
    LoadError,
    LoadReport,
    Staged,
    input_files,
    names,
    read_graphs,
    stage_bytes,
)

if TYPE_CHECKING:
    pass

__all__ = [
    "LoadError",
    "LoadReport",
    "Staged",
    "load_output",
    "load_results",
    "load_store",
    "open_store",
    "read_graphs",
]

INCOMPLETE = "kgraph-load-incomplete"  # in a new store's folder while it is being filled


# --- the embedded store --------------------------------------------------------------------


def open_store(folder: str | Path, *, read_only: bool = False) -> ox.Store:
    """The pyoxigraph store in ``folder`` (created when writing and it does not exist)."""
    path = Path(folder)
    if (path / INCOMPLETE).exists():
        raise DataError(
            f"{folder}: a load into this new store was interrupted, so the store is incomplete",
            f"remove the folder and load again: rm -r {folder}",
        )
    if read_only and not path.is_dir():
        raise DataError(
            f"{folder}: no store in this folder", f"load one: kgraph load output/ --store {folder}"
        )
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        detail = " ".join(str(err).split())[:200]
    if read_only:
        raise DataError(
            f"{folder}: not a store ({detail[:100]})",
            f"load one: kgraph load output/ --store {folder}",
        )
    raise DataError(
        f"{folder}: the store cannot be opened for writing ({detail})",
        "is another process (kgraph load, oxigraph serve) using it? Stop it, or load through"
        " its HTTP endpoint with --endpoint",
    )


def load_store(data: str | Path | Sequence[str | Path] | Staged, folder: str | Path) -> LoadReport:
    """Load RDF files (or staged data) into the on-disk store in ``folder``, one named graph
    per letter, replacing the letters already there."""
    if not isinstance(data, Staged):
        files = input_files(data)
        quads = all(file.suffix.lower() in bulk.QUADS_FORMATS for file in files)
        if quads and bulk.is_new(Path(folder)):
            report = _load_new(files, Path(folder))
            if report is not None:
                return report
        data = read_graphs(files)
    staged = data
    target = open_store(folder)
    try:
        outcome = _write_store(target, staged, str(folder))
    finally:
        del target  # close the store (and free its lock) before anything is raised
    if isinstance(outcome, LoadError):
        raise outcome  # made, not raised, in _write_store: no traceback holds the store
    return outcome


def _load_new(files: list[Path], folder: Path) -> LoadReport | None:
    """Fill a new store straight from quads files (see ``kgraph.store.bulk``). On failure or
    interruption the folder is put back as it was; None when the data needs the general
    path. Until the store is complete it holds a marker file: a store left by a load that
    was killed midway is refused, not read as if whole."""
    created = None if folder.exists() else folder
    try:
        target = open_store(folder)
    except DataError:
        return None  # the general path parses first, then says why the store cannot open
    try:
        try:
            _write_marker(folder)
            outcome = bulk.fill(target, files)
        finally:
            del target  # close the store before its folder is removed or anything is raised
    except BaseException as err:  # interrupted (Ctrl-C): remove the new store again
        err.__traceback__ = None  # its frames would keep the store open
        bulk.undo(folder, created)
        raise err from None
    if isinstance(outcome, tuple):
        (folder / INCOMPLETE).unlink()
        graphs, triples = outcome
        return LoadReport(str(folder), graphs, graphs, (), triples)
    bulk.undo(folder, created)
    if isinstance(outcome, OSError):
        raise LoadError(f"{folder}: nothing was written ({outcome})", "check the disk")
    return None


def _write_marker(folder: Path) -> None:
    with (folder / INCOMPLETE).open("wb") as marker:
        marker.write(b"kgraph load is filling this new store; it is not complete yet\n")
        marker.flush()
        os.fsync(marker.fileno())


def _write_store(target: ox.Store, staged: Staged, folder: str) -> LoadReport | LoadError:
    try:
        present = [g for g in staged.graphs if target.contains_named_graph(ox.NamedNode(g))]
        same = {g for g in present if _same(target, staged, g)}
        changed = [g for g in present if g not in same]
    except OSError as err:
        return LoadError(f"{folder}: the store cannot be read ({err})")
    written = tuple(g for g in staged.graphs if g not in same)
    report = LoadReport(folder, staged.graphs, written, tuple(sorted(same)), len(staged))
    if not written:
        return report
    if changed:  # drop and insert in one update: one transaction
        update = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in changed) + "INSERT DATA {\n"
        update += "".join(f"GRAPH <{g}> {{\n{staged.ntriples(g).decode()}}}\n" for g in written)
        try:
            target.update(update + "}")
        except (OSError, SyntaxError) as err:
            return LoadError(f"{folder}: nothing was written ({err})", "check the disk")
        return report
    # only new graphs: the fast bulk loader, undone on failure
    try:
        failure = bulk.bulk_load(target, bulk.pieces(staged.nquads(written), ox.RdfFormat.N_QUADS))
    except BaseException:  # interrupted (Ctrl-C): take the new graphs out again
        for g in written:
            with contextlib.suppress(OSError):  # the interruption is what gets reported
                target.remove_graph(ox.NamedNode(g))
        raise
    if failure is not None:
        left = []
        for g in written:
            try:
                target.remove_graph(ox.NamedNode(g))
            except OSError:
                left.append(g)
        if not left:
            return LoadError(f"{folder}: nothing was written ({failure})", "check the disk")
        return LoadError(
            f"{folder}: the load failed ({failure}) and may have left parts of graphs"
            f" {names(left)}",
            "load the same data again to replace them",
            written=tuple(left),
        )
    return report


def _same(target: ox.Store, staged: Staged, graph: str) -> bool:
    old = target.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
    new = staged.ntriples(graph)
    return len(old) == len(new) and sorted(old.splitlines()) == sorted(new.splitlines())


def load_output(output: str | Path, fmt: str, folder: str | Path) -> LoadReport:
    """Load what ``kgraph build -o OUTPUT -f FMT`` wrote (every ``*.FMT`` file of a folder,
    or the one file) into the on-disk store in ``folder``."""
    path = Path(output)
    return load_store(sorted(path.glob(f"*.{fmt}")) if path.is_dir() else [path], folder)


def load_results(results: Sequence[LetterResult], folder: str | Path, base: str) -> LoadReport:
    """Load built letters (``kgraph.process`` results) into the on-disk store in ``folder``."""
    from kgraph.rdf.write import serialize

    data = serialize(results, "nq", base)
    return load_store(stage_bytes(data, ox.RdfFormat.N_QUADS, "the built letters"), folder)
