"""One reader of a built collection for every export: RDF files, an embedded store or a SPARQL
endpoint become plain, frozen Python values in a deterministic order.

The data is always brought into one in-memory pyoxigraph store first (files through
``kgraph.rdf.datafiles``; an endpoint's quads through one SELECT over its named graphs and its
default graph), or the on-disk store is opened read-only; the reader's own SPARQL then runs
with the default graph as the union of all graphs, so it does not matter whether a letter's
triples sit in a named graph (N-Quads, TriG, stores) or in the default graph (Turtle).

An entity named in several letters has one IRI; its alternate names and authority IRIs are
merged over all letters (its label is the same in each; the smallest is taken if not).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import DataError
from kgraph.export.collection_sparql import read_store
from kgraph.export.views import (
    ENTITY_TYPES,
    Collection,
    EntityView,
    LetterView,
    MentionView,
    RelationView,
)
from kgraph.rdf.datafiles import load_data

__all__ = [
    "ENTITY_TYPES",
    "Collection",
    "EntityView",
    "LetterView",
    "MentionView",
    "RelationView",
    "read_collection",
]


def read_collection(
    data: Sequence[str | Path] = (),
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> Collection:
    """The collection in RDF files or folders (``data``), an embedded store folder (``store``)
    or at a SPARQL endpoint URL (``endpoint``): exactly one of the three."""
    if isinstance(data, str | Path):
        data = [data]
    given = sum((bool(data), store is not None, endpoint is not None))
    if given != 1:
        raise DataError(
            "name exactly one source: RDF files or folders, a store or an endpoint",
            "e.g. output/, or --store store/, or --endpoint http://127.0.0.1:7878/query",
        )
    if store is not None:
        from kgraph.store.embedded import open_store

        where = str(store)
        oxstore = open_store(store, read_only=True)
    elif endpoint is not None:
        where = endpoint
        oxstore = _endpoint_store(endpoint)
    else:
        where = ", ".join(str(d) for d in data)
        oxstore = load_data(data)
    collection = read_store(oxstore)
    if not collection.letters:
        raise DataError(f"{where}: no kg:Letter in this data", "build letters first: kgraph build")
    return collection


def _endpoint_store(url: str) -> ox.Store:
    from kgraph.store.endpoint import query_endpoint

    result = query_endpoint(
        url,
        "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }",
    )
    lines = []
    for g, s, p, o in result.rows:
        if s is None or p is None or o is None or p.kind != "iri":
            continue
        graph = f" {g.ntriples()}" if g is not None and g.kind == "iri" else ""
        lines.append(f"{s.ntriples()} {p.ntriples()} {o.ntriples()}{graph} .\n")
    oxstore = ox.Store()
    try:
        oxstore.load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise DataError(f"{url}: the endpoint's data cannot be read ({err})") from None
    return oxstore
