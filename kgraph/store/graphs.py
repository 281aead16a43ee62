"""Every letter in a named graph of its own, wherever a query runs.

The named queries (``queries/*.rq``) read the letters with ``GRAPH ?g { … }``, so they give
the same rows on any store, whatever it makes of its default graph: the union of all graphs
(``kgraph serve``, ``oxigraph serve --union-default-graph``, Virtuoso), or a default graph of
its own that kgraph never writes to (``oxigraph serve`` without flags, Fuseki, …). For
queries over files, :func:`load_graphs` puts the triples of each triples file (Turtle,
N-Triples, RDF/XML, JSON-LD) into a named graph too, so the same query text answers there.

A user's own query may still read the default graph; :func:`empty_default_note` says why
it found nothing on an endpoint whose default graph is empty while named graphs hold data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.errors import DataError
from kgraph.rdf.datafiles import FILE_FORMATS, data_files, load_file
from kgraph.store.results import QueryResult

if TYPE_CHECKING:
    from kgraph.store.endpoint import Auth

__all__ = ["empty_default_note", "graph_of", "load_graphs", "query_with_note"]

KG_LETTER = "https://w3id.org/kgraph/ontology#Letter"
_QUADS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)


def load_graphs(paths: Sequence[str | Path]) -> ox.Store:
    """An in-memory store holding every RDF file named in ``paths`` (folders searched as by
    ``kgraph.rdf.datafiles.load_data``), every triple in a named graph: quads files keep
    their graphs; a triples file's triples go into the graph of the one ``kg:Letter`` they
    describe (its IRI, as ``kgraph load`` names it), else into a graph named by the file's
    ``file:`` URI. Query it with ``use_default_graph_as_union=True`` and queries that read the
    default graph see everything too."""
    if isinstance(paths, str | Path):
        paths = [paths]
    if not paths:
        raise DataError("no RDF data given", "name a file or a folder such as output/")
    store = ox.Store()
    for path in data_files(paths):
        if FILE_FORMATS[path.suffix.lower()][0] in _QUADS:
            load_file(store, path)
            continue
        scratch = ox.Store()
        load_file(scratch, path)
        triples = scratch.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        if triples:
            graph = graph_of(scratch, path)
            store.load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        if next(scratch.named_graphs(), None) is not None:  # JSON-LD may hold named graphs
            scratch.clear_graph(ox.DefaultGraph())
            store.load(scratch.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return store


def graph_of(triples: ox.Store, path: Path) -> ox.NamedNode:
    """The graph for the default graph's triples in ``triples`` (read from ``path``): the
    one letter they describe, else the file."""
    solutions = triples.query(f"SELECT DISTINCT ?l {{ ?l a <{KG_LETTER}> }} LIMIT 2")
    assert isinstance(solutions, ox.QuerySolutions)
    letters = [row[0] for row in solutions]
    if len(letters) == 1 and isinstance(letters[0], ox.NamedNode):
        return letters[0]
    return ox.NamedNode(path.resolve().as_uri())


_EMPTY_DEFAULT = "ASK { ?s ?p ?o }"
_NAMED = "ASK { GRAPH ?g { ?s ?p ?o } }"


def query_with_note(url: str, sparql: str, auth: Auth | None, *, note: bool) -> QueryResult:
    """The answer of the endpoint at ``url`` to ``sparql``; with ``note``, and when the answer
    is empty for want of a default graph, with a ``note`` saying so."""
    from kgraph.store.endpoint import query_endpoint

    result = query_endpoint(url, sparql, auth)
    why = empty_default_note(url, result, auth) if note else None
    return result if why is None else replace(result, note=why)


def empty_default_note(url: str, result: QueryResult, auth: Auth | None = None) -> str | None:
    """When ``result`` (of a query at ``url``) is empty and the endpoint's default graph is
    empty while its named graphs hold data: one line saying so, for the user's stderr."""
    from kgraph.errors import KGraphError
    from kgraph.store.endpoint import query_endpoint

    empty = (
        (result.kind == "select" and not result.rows)
        or (result.kind == "ask" and not result.boolean)
        or (result.kind == "graph" and not result.triples)
    )
    if not empty:
        return None
    try:
        if query_endpoint(url, _EMPTY_DEFAULT, auth).boolean:
            return None
        if not query_endpoint(url, _NAMED, auth).boolean:
            return None
    except KGraphError:
        return None  # the hint is a courtesy: a failing probe changes nothing
    return (
        "nothing found, and this endpoint's default graph is empty while its named graphs"
        " hold data (kgraph loads each letter into a graph of its own): wrap the patterns in"
        " GRAPH ?g { … } as queries/*.rq do, or start the store with its default graph as the"
        " union of all graphs (oxigraph serve --union-default-graph)"
    )
