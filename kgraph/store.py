"""Load kgraph's RDF into triple stores, and ask them questions.

Every letter is one named graph, named by the letter's IRI, so loading a letter again
replaces it: the store ends with the same triples however often it is loaded. Quads files
(N-Quads, TriG) keep their graphs; the triples of a Turtle, N-Triples, RDF/XML or JSON-LD
file go into the graph of the one ``kg:Letter`` they describe.

Every input is parsed before anything is written, so a bad file changes nothing. The
embedded store (pyoxigraph, on disk) gets new letters in one bulk load and replaced letters
in one transaction; unchanged letters are not written at all. A remote store is written
graph by graph (Graph Store Protocol ``PUT``, or SPARQL Update), and a failure says exactly
which graphs were written before it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import ConfigError, DataError, KGraphError, QueryError
from .model import LetterResult

if TYPE_CHECKING:
    from .endpoint import Auth

__all__ = [
    "LoadError",
    "LoadReport",
    "Staged",
    "load_output",
    "load_results",
    "load_store",
    "open_store",
    "read_graphs",
    "serve",
    "serve_command",
    "update",
]

KG_LETTER = "https://w3id.org/kgraph/ontology#Letter"
SHOWN = 5  # graphs named one by one in a message; more are given as a range
_TRIPLE_HINT = (
    "kgraph loads one named graph per letter: write the letters as N-Quads or TriG"
    " (kgraph build -f nq), or one letter per Turtle file (kgraph build -o FOLDER/)"
)


class LoadError(KGraphError):
    """Writing to a store failed; ``written`` lists the graphs written before the failure."""

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        written: tuple[str, ...] = (),
        failed: str | None = None,
    ) -> None:
        super().__init__(message, hint)
        self.written = written
        self.failed = failed


@dataclass(frozen=True)
class Staged:
    """Parsed input, ready to load: an in-memory store with one named graph per letter."""

    store: ox.Store
    graphs: tuple[str, ...]  # graph IRIs in input order

    def ntriples(self, graph: str) -> bytes:
        data = self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        return data or b""

    def nquads(self, graphs: Sequence[str]) -> bytes:
        if len(graphs) == len(self.graphs):
            return self.store.dump(format=ox.RdfFormat.N_QUADS) or b""
        # Lines of N-Triples end in " .\n" and nowhere else (literals escape line breaks).
        return b"".join(self.ntriples(g).replace(b" .\n", f" <{g}> .\n".encode()) for g in graphs)

    def __len__(self) -> int:
        return len(self.store)


@dataclass(frozen=True)
class LoadReport:
    target: str
    graphs: tuple[str, ...]  # every graph of the input
    written: tuple[str, ...]  # graphs added or replaced
    unchanged: tuple[str, ...]  # graphs already in the store with the same triples
    triples: int  # triples in the input

    def summary(self) -> str:
        """``loaded 3 graphs (1,234 triples) into store/: 2 written, 1 unchanged``."""
        n = len(self.graphs)
        text = f"loaded {n:,} graph{'' if n == 1 else 's'} ({self.triples:,} triples)"
        text += f" into {self.target}: {len(self.written):,} written"
        return text + (f", {len(self.unchanged):,} unchanged" if self.unchanged else "")


def read_graphs(paths: str | Path | Sequence[str | Path]) -> Staged:
    """Parse every RDF file named in ``paths`` (folders are searched, as by ``kgraph query``)
    into one named graph per letter. Raises DataError, naming the file, on the first bad one."""
    from .query import _data_files, _load_file

    if isinstance(paths, str | Path):
        paths = [paths]
    if not paths:
        raise DataError("no RDF data given", "name a file or a folder such as output/")
    staged: ox.Store | None = None
    graphs: dict[str, None] = {}
    for path in _data_files(paths):
        scratch = ox.Store()
        _load_file(scratch, path)
        graphs.update(dict.fromkeys(_by_letter(scratch, str(path))))
        if staged is None:
            staged = scratch
        else:
            staged.load(scratch.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return _checked(staged or ox.Store(), graphs, "the data")


def stage_bytes(data: bytes, fmt: ox.RdfFormat, label: str) -> Staged:
    """Like :func:`read_graphs`, for RDF given as bytes (``label`` names it in errors)."""
    staged = ox.Store()
    try:
        staged.load(data, format=fmt)
    except SyntaxError as err:
        raise DataError(f"{label}: not valid RDF ({err.msg})") from None
    return _checked(staged, dict.fromkeys(_by_letter(staged, label)), label)


def _checked(staged: ox.Store, graphs: dict[str, None], label: str) -> Staged:
    if not graphs:
        raise DataError(f"{label}: no triples to load", "build the letters first")
    return Staged(staged, tuple(graphs))


def _by_letter(store: ox.Store, label: str) -> list[str]:
    """Move the default graph's triples into the graph of the one letter they describe;
    return the names of the store's graphs, sorted."""
    if store.query("ASK { ?s ?p ?o }"):
        query = f"SELECT DISTINCT ?l {{ ?l a <{KG_LETTER}> }}"
        solutions = store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)
        letters = sorted((row[0] for row in solutions), key=str)
        if len(letters) != 1:
            named = ", ".join(str(letter) for letter in letters[:2])
            raise DataError(
                f"{label}: {f'{len(letters)} letters ({named}, …)' if letters else 'no kg:Letter'}"
                " in its triples, so kgraph cannot tell which letter's graph they belong to",
                _TRIPLE_HINT,
            )
        letter = letters[0]
        if not isinstance(letter, ox.NamedNode):
            raise DataError(f"{label}: the letter is a blank node", "give the letter an IRI")
        default = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        store.clear_graph(ox.DefaultGraph())
        store.load(default, format=ox.RdfFormat.N_TRIPLES, to_graph=letter)
    names = []
    for graph in store.named_graphs():
        if not isinstance(graph, ox.NamedNode):
            raise DataError(f"{label}: a graph is named by a blank node", "name graphs by IRIs")
        names.append(graph.value)
    return sorted(names)


# --- the embedded store --------------------------------------------------------------------


def open_store(folder: str | Path, *, read_only: bool = False) -> ox.Store:
    """The pyoxigraph store in ``folder`` (created when writing and it does not exist)."""
    path = Path(folder)
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
    staged = data if isinstance(data, Staged) else read_graphs(data)
    target = open_store(folder)
    try:
        outcome = _write_store(target, staged, str(folder))
    finally:
        del target  # close the store (and free its lock) before anything is raised
    if isinstance(outcome, LoadError):
        raise outcome  # made, not raised, in _write_store: no traceback holds the store
    return outcome


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
    try:  # only new graphs: the fast bulk loader, undone on failure
        target.bulk_load(staged.nquads(written), format=ox.RdfFormat.N_QUADS)
    except (OSError, SyntaxError) as err:
        left = []
        for g in written:
            try:
                target.remove_graph(ox.NamedNode(g))
            except OSError:
                left.append(g)
        if not left:
            return LoadError(f"{folder}: nothing was written ({err})", "check the disk")
        return LoadError(
            f"{folder}: the load failed ({err}) and may have left parts of graphs {names(left)}",
            "load the same data again to replace them",
            written=tuple(left),
        )
    return report


def _same(target: ox.Store, staged: Staged, graph: str) -> bool:
    old = target.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
    new = staged.ntriples(graph)
    return len(old) == len(new) and sorted(old.splitlines()) == sorted(new.splitlines())


def wrote(written: Sequence[str], total: int) -> str:
    """What a failed load wrote before it failed, exactly, for its message."""
    if not written:
        return "wrote no graphs"
    if len(written) <= SHOWN:
        return f"wrote graph{'s' if len(written) > 1 else ''} {names(written)}"
    return (
        f"wrote the first {len(written):,} of {total:,} graphs (in input order,"
        f" {written[0]} … {written[-1]})"
    )


def names(graphs: Sequence[str]) -> str:
    shown = ", ".join(graphs[:SHOWN])
    return shown if len(graphs) <= SHOWN else f"{shown} and {len(graphs) - SHOWN:,} more"


def load_output(output: str | Path, fmt: str, folder: str | Path) -> LoadReport:
    """Load what ``kgraph build -o OUTPUT -f FMT`` wrote (every ``*.FMT`` file of a folder,
    or the one file) into the on-disk store in ``folder``."""
    path = Path(output)
    return load_store(sorted(path.glob(f"*.{fmt}")) if path.is_dir() else [path], folder)


def load_results(results: Sequence[LetterResult], folder: str | Path, base: str) -> LoadReport:
    """Load built letters (``kgraph.process`` results) into the on-disk store in ``folder``."""
    from .write import serialize

    data = serialize(results, "nq", base)
    return load_store(stage_bytes(data, ox.RdfFormat.N_QUADS, "the built letters"), folder)


def update(
    sparql: str,
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
    auth: Auth | None = None,
    allow_service: bool = False,
) -> None:
    """Run a SPARQL Update in the on-disk ``store`` folder or at the update ``endpoint``."""
    from .query import check_sparql

    if (store is None) == (endpoint is None):
        raise QueryError("give one of: a store folder, an update endpoint URL")
    if not check_sparql(sparql, allow_service=allow_service, allow_update=True):
        raise QueryError("not a SPARQL Update", "run queries without --update")
    if endpoint is not None:
        from .endpoint import update_endpoint

        update_endpoint(endpoint, sparql, auth)
        return
    target = open_store(str(store))
    try:
        target.update(sparql)
        failure = None
    except (SyntaxError, OSError) as err:
        failure = " ".join(str(getattr(err, "msg", None) or err).split())
    finally:
        del target  # close the store (and free its lock) before anything is raised
    if failure is not None:
        raise QueryError(f"the update failed: {failure}", "check the update's syntax")


# --- serving -------------------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: beside this Python's executable, else on PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ConfigError(
            "the oxigraph server program is not installed",
            "install it into this Python environment: pip install oxigraph",
        )
    return found


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) as (host, port)."""
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"--bind {bind!r} is not HOST:PORT", "e.g. --bind 127.0.0.1:7878")
    return host.strip("[]"), int(port)


def serve_command(folder: str | Path, bind: str = "127.0.0.1:7878") -> list[str]:
    """The command that serves the store in ``folder`` read-only, the union of the letters'
    graphs as the default graph (as ``kgraph query`` sees it)."""
    parse_bind(bind)
    open_store(folder, read_only=True)  # a clear error now rather than the server's later
    return [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(folder),
        "--bind",
        bind,
        "--union-default-graph",
    ]


def serve_url(bind: str) -> str:
    host, port = parse_bind(bind)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def serve(command: Sequence[str]) -> int:
    """Run the server until it stops or Ctrl-C; forward the interrupt; its exit code."""
    process = subprocess.Popen(list(command))
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 130
