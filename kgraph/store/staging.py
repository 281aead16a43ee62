"""Parsing RDF files for loading into stores: one named graph per letter, checked.

Quads files (N-Quads, TriG) keep their graphs; the triples of a Turtle, N-Triples, RDF/XML
or JSON-LD file go into the graph of the one ``kg:Letter`` they describe. Everything is
parsed into an in-memory store before anything is written anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import DataError, KGraphError

__all__ = ["Staged", "input_files", "read_graphs", "stage_bytes"]

KG_LETTER = "https://w3id.org/kgraph/ontology#Letter"
_TRIPLE_HINT = (
    "kgraph loads one named graph per letter: write the letters as N-Quads or TriG"
    " (kgraph build -f nq), or one letter per Turtle file (kgraph build -o FOLDER/)"
)


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


def read_graphs(paths: str | Path | Sequence[str | Path]) -> Staged:
    """Parse every RDF file named in ``paths`` (folders are searched, as by ``kgraph query``)
    into one named graph per letter. Raises DataError, naming the file, on the first bad one."""
    from kgraph.rdf.datafiles import load_file

    staged: ox.Store | None = None
    graphs: dict[str, None] = {}
    for path in input_files(paths):
        scratch = ox.Store()
        load_file(scratch, path)
        graphs.update(dict.fromkeys(_by_letter(scratch, str(path))))
        if staged is None:
            staged = scratch
        else:
            staged.load(scratch.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return _checked(staged or ox.Store(), graphs, "the data")


def input_files(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    from kgraph.rdf.datafiles import data_files

    if isinstance(paths, str | Path):
        paths = [paths]
    if not paths:
        raise DataError("no RDF data given", "name a file or a folder such as output/")
    return data_files(paths)


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


SHOWN = 5  # graphs named one by one in a message; more are given as a range


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
