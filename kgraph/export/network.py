"""Who writes to whom and who is named with whom: a collection as a network, written as GEXF
or GraphML (through networkx) or as two CSV files (nodes, edges) as Gephi and Palladio read
them.

Nodes are the people and organisations (and, with ``places``, the places) that send, receive
or are named in a letter; every correspondent is a node, whatever its type. Edges:

- ``correspondence``: sender → recipient, weight = number of letters, first and last date;
- ``co-mention``: two nodes named in the same letter (undirected, the smaller IRI first),
  weight = number of letters naming both.

Everything comes out sorted, so the same collection gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Literal

from kgraph.errors import DataError
from kgraph.export.collection import Collection, EntityView, read_collection
from kgraph.rdf.write import write_atomic

__all__ = [
    "FORMATS",
    "Edge",
    "Network",
    "Node",
    "export_network",
    "network_bytes",
    "network_of",
]

Format = Literal["gexf", "graphml", "csv"]
FORMATS: tuple[Format, ...] = ("gexf", "graphml", "csv")
NODE_TYPES = ("Person", "Organization")
CORRESPONDENCE = "correspondence"
CO_MENTION = "co-mention"


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    type: str
    wikidata: str | None
    letters: int  # letters that send, receive or name it


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # CORRESPONDENCE (directed) or CO_MENTION (undirected)
    weight: int  # letters
    first: str | None  # earliest and latest date of those letters (correspondence only)
    last: str | None


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]  # sorted by IRI
    edges: tuple[Edge, ...]  # sorted by (kind, source, target)


def network_of(collection: Collection, *, places: bool = False) -> Network:
    """The correspondence and co-mention network of ``collection``."""
    wanted = {*NODE_TYPES, "Place"} if places else set(NODE_TYPES)
    entities = collection.entities
    letters_of: dict[str, set[str]] = defaultdict(set)
    sent: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    together: dict[tuple[str, str], int] = defaultdict(int)
    for letter in collection.letters:
        named = {m.entity for m in letter.mentions if _type(entities, m.entity) in wanted}
        ends = [iri for iri in (letter.sender, letter.recipient) if iri is not None]
        for iri in named.union(ends):
            letters_of[iri].add(letter.iri)
        if letter.sender is not None and letter.recipient is not None:
            sent[(letter.sender, letter.recipient)].append(letter.date)
        for a, b in combinations(sorted(named), 2):
            together[(a, b)] += 1
    nodes = tuple(
        Node(
            iri=iri,
            label=entities[iri].label if iri in entities else iri,
            type=_type(entities, iri) or "Entity",
            wikidata=entities[iri].wikidata if iri in entities else None,
            letters=len(letters_of[iri]),
        )
        for iri in sorted(letters_of)
    )
    edges = [
        Edge(s, t, CORRESPONDENCE, len(dates), *_span(dates)) for (s, t), dates in sent.items()
    ]
    edges += [Edge(a, b, CO_MENTION, n, None, None) for (a, b), n in together.items()]
    edges.sort(key=lambda e: (e.kind, e.source, e.target))
    return Network(nodes=nodes, edges=tuple(edges))


def _type(entities: Mapping[str, EntityView], iri: str) -> str | None:
    view = entities.get(iri)
    return None if view is None else view.type


def _span(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def _nx_graph(network: Network) -> object:
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in network.nodes:
        graph.add_node(
            node.iri,
            label=node.label,
            type=node.type,
            wikidata=node.wikidata or "",
            letters=node.letters,
        )
    for edge in network.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            key=f"{edge.kind}:{edge.source}->{edge.target}",
            kind=edge.kind,
            weight=edge.weight,
            first=edge.first or "",
            last=edge.last or "",
        )
    return graph


_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def network_bytes(network: Network, fmt: Format) -> dict[str, bytes]:
    """The files of ``network`` in ``fmt``: {"": data} for GEXF and GraphML, {"nodes": …,
    "edges": …} for CSV."""
    import networkx as nx

    if fmt == "csv":
        return {"nodes": _nodes_csv(network), "edges": _edges_csv(network)}
    graph = _nx_graph(network)
    if fmt == "gexf":  # networkx stamps today's date into <meta>: leave it out, for stable bytes
        text = "\n".join(nx.generate_gexf(graph)) + "\n"
        return {"": _GEXF_DATE.sub("", text, count=1).encode("utf-8")}
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(graph)) + "\n"
        return {"": text.encode("utf-8")}
    raise DataError(f"unknown network format {fmt!r}", f"use one of {', '.join(FORMATS)}")


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _nodes_csv(network: Network) -> bytes:
    rows = [["Id", "Label", "Type", "Wikidata", "Letters"]]
    rows += [[n.iri, n.label, n.type, n.wikidata or "", str(n.letters)] for n in network.nodes]
    return _csv(rows)


def _edges_csv(network: Network) -> bytes:
    rows = [["Source", "Target", "Type", "Weight", "Kind", "First", "Last"]]
    for e in network.edges:
        direction = "Directed" if e.kind == CORRESPONDENCE else "Undirected"
        rows.append(
            [e.source, e.target, direction, str(e.weight), e.kind, e.first or "", e.last or ""]
        )
    return _csv(rows)


def csv_paths(out: str | Path) -> dict[str, Path]:
    """Where the CSV files go: ``DIR/nodes.csv`` and ``DIR/edges.csv`` for a folder (an
    existing one or a name ending in ``/``), else ``NAME-nodes.csv`` and ``NAME-edges.csv``."""
    folder = Path(out)
    if folder.is_dir() or str(out).endswith(("/", "\\")):
        return {"nodes": folder / "nodes.csv", "edges": folder / "edges.csv"}
    stem = folder.with_suffix("") if folder.suffix.lower() == ".csv" else folder
    return {part: stem.with_name(f"{stem.name}-{part}.csv") for part in ("nodes", "edges")}


def export_network(
    data: Sequence[str | Path] = (),
    out: str | Path = "network.gexf",
    *,
    fmt: Format = "gexf",
    places: bool = False,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> tuple[Network, list[Path]]:
    """Read a collection and write its network to ``out``; the network and the files written."""
    if fmt not in FORMATS:
        raise DataError(f"unknown network format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    network = network_of(read_collection(data, store=store, endpoint=endpoint), places=places)
    files = network_bytes(network, fmt)
    paths = csv_paths(out) if fmt == "csv" else {"": Path(out)}
    written = []
    for part, content in files.items():
        write_atomic(paths[part], content)
        written.append(paths[part])
    return network, written
