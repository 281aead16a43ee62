"""The network page: who writes to whom and who is named with whom, as an SVG drawn at build
time with a deterministic radial layout (the heaviest nodes in the middle, rings outward).

At most ``MAX_NODES`` nodes are drawn (correspondents first, then by number of letters) and
``MAX_EDGES`` edges between them (heaviest first); a note says so when anything is left out.
"""

from __future__ import annotations

import math

from kgraph.export.network import CO_MENTION, CORRESPONDENCE, Edge, Network, Node
from kgraph.export.site.html import esc, local_href, page
from kgraph.export.site.letter import type_class
from kgraph.export.site.sitemap import SiteMap

__all__ = ["MAX_EDGES", "MAX_NODES", "layout", "network_page"]

MAX_NODES = 150
MAX_EDGES = 1000
MAX_TABLE = 200  # rows of the table of letters written
LABELLED = 40  # nodes whose label is written beside them (all have a tooltip)
SIZE = 1000
RING = 60.0  # distance between rings
SPACING = 34.0  # distance between neighbours on a ring


def chosen(network: Network, correspondents: set[str]) -> list[Node]:
    """The nodes to draw: correspondents first, then by letters, label and IRI."""
    ranked = sorted(
        network.nodes, key=lambda n: (n.iri not in correspondents, -n.letters, n.label, n.iri)
    )
    return ranked[:MAX_NODES]


def layout(count: int) -> list[tuple[float, float]]:
    """Positions of ``count`` nodes on rings around the centre, in order of importance."""
    centre = SIZE / 2
    places: list[tuple[float, float]] = []
    if count:
        places.append((centre, centre))
    ring = 1
    while len(places) < count:
        radius = ring * RING
        room = max(6, int(2 * math.pi * radius / SPACING))
        here = min(room, count - len(places))
        for j in range(here):
            angle = 2 * math.pi * j / here + ring * 0.37
            places.append(
                (
                    round(centre + radius * math.cos(angle), 1),
                    round(centre + radius * math.sin(angle), 1),
                )
            )
        ring += 1
    # fill the drawing: spread a few nodes out, pull many in
    scale = min(4.0, (SIZE / 2 - 140) / (max(1, ring - 1) * RING)) if count > 1 else 1.0
    return [
        (round(centre + (x - centre) * scale, 1), round(centre + (y - centre) * scale, 1))
        for x, y in places
    ]


def _radius(node: Node, most: int) -> float:
    """4 to 22 units, the area growing with the number of letters."""
    return round(4 + 18 * math.sqrt(node.letters / max(1, most)), 1)


def _svg(nodes: list[Node], edges: list[Edge], site: SiteMap) -> str:
    heaviest = sorted(nodes, key=lambda n: (-n.letters, n.label, n.iri))
    spots = dict(zip((n.iri for n in heaviest), layout(len(nodes)), strict=True))
    labelled = {n.iri for n in heaviest[:LABELLED]}
    ids = {n.iri: f"n{i}" for i, n in enumerate(nodes)}
    parts = [
        f'<svg class="network" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        'aria-labelledby="net-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="net-title">Network of correspondents and people named together</title>\n'
    ]
    parts.append(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
        'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" '
        'fill="#1d3557"/></marker></defs>\n'
    )
    most = heaviest[0].letters if heaviest else 1
    radius = {n.iri: _radius(n, most) for n in nodes}
    for e in edges:
        (x1, y1), (x2, y2) = spots[e.source], spots[e.target]
        if e.kind == CORRESPONDENCE:  # stop at the recipient's circle, so the arrow shows
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            cut = (radius[e.target] + 1) / length
            x2, y2 = round(x2 - (x2 - x1) * cut, 1), round(y2 - (y2 - y1) * cut, 1)
        width = round(1 + math.log2(e.weight), 2)
        arrow = ' marker-end="url(#arrow)"' if e.kind == CORRESPONDENCE else ""
        parts.append(
            f'<line class="edge {e.kind}" data-kind="{e.kind}" data-weight="{e.weight}" '
            f'data-source="{ids[e.source]}" data-target="{ids[e.target]}" '
            f'x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{width}"{arrow}>'
            f"<title>{esc(site.label(e.source))} → {esc(site.label(e.target))}: "
            f"{esc(e.kind)}, {e.weight} letters</title></line>\n"
        )
    labels = []
    for n in nodes:
        x, y = spots[n.iri]
        r = radius[n.iri]
        if n.iri in labelled:  # drawn over every circle, so none hides a name
            labels.append(
                f'<text data-id="{ids[n.iri]}" x="{round(x + r + 2, 1)}" y="{round(y + 4, 1)}">'
                f"{esc(n.label)}</text>\n"
            )
        tip = f"{n.label} — {n.type} — {n.letters} letters"
        path = site.entities.get(n.iri)
        shape = f'<circle cx="{x}" cy="{y}" r="{r}"/>'
        if path is not None:
            shape = f'<a href="{local_href(path)}">{shape}</a>'
        parts.append(
            f'<g class="node {type_class(n.type)}" data-id="{ids[n.iri]}" '
            f'data-type="{esc(n.type)}" data-iri="{esc(n.iri)}"><title>{esc(tip)}</title>'
            f"{shape}</g>\n"
        )
    parts.append('<g class="labels" aria-hidden="true">\n' + "".join(labels) + "</g>\n</svg>\n")
    return "".join(parts)


def _filters(nodes: list[Node], edges: list[Edge]) -> str:
    kinds = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}" checked> {name}</label> '
        for k, name in ((CORRESPONDENCE, "letters written"), (CO_MENTION, "named together"))
    )
    types = "".join(
        f'<label><input type="checkbox" name="type" value="{esc(t)}" checked> {esc(t)}</label> '
        for t in sorted({n.type for n in nodes})
    )
    top = max((e.weight for e in edges), default=1)
    return (
        '<form id="network-filters" class="filters">'
        f"<fieldset><legend>Ties</legend>{kinds}</fieldset>"
        f"<fieldset><legend>Types</legend>{types}</fieldset>"
        '<label for="min-weight">Minimum letters per tie: '
        '<output id="min-weight-value">1</output></label> '
        f'<input id="min-weight" type="range" min="1" max="{top}" value="1">'
        "</form>\n"
    )


def _table(network: Network, site: SiteMap) -> str:
    ties = sorted(
        (e for e in network.edges if e.kind == CORRESPONDENCE),
        key=lambda e: (-e.weight, site.label(e.source), site.label(e.target), e.source, e.target),
    )
    rows = "".join(
        f"<tr><td>{site.entity_link(e.source, '')}</td><td>{site.entity_link(e.target, '')}</td>"
        f'<td class="n">{e.weight}</td><td>{esc(e.first or "")}</td><td>{esc(e.last or "")}</td>'
        "</tr>\n"
        for e in ties[:MAX_TABLE]
    )
    more = (
        f'<p class="note">The {MAX_TABLE:,} heaviest of {len(ties):,} are listed.</p>\n'
        if len(ties) > MAX_TABLE
        else ""
    )
    return (
        "<h2>Letters written</h2>\n<table><caption>Sender to recipient, heaviest first</caption>"
        '<thead><tr><th scope="col">Sender</th><th scope="col">Recipient</th>'
        '<th scope="col">Letters</th><th scope="col">First</th><th scope="col">Last</th></tr>'
        f"</thead><tbody>\n{rows}</tbody></table>\n{more}"
    )


def network_page(network: Network, site: SiteMap) -> str:
    correspondents = {
        iri
        for letter in site.collection.letters
        for iri in (letter.sender, letter.recipient)
        if iri
    }
    nodes = chosen(network, correspondents)
    drawn = {n.iri for n in nodes}
    edges = [e for e in network.edges if e.source in drawn and e.target in drawn]
    edges.sort(key=lambda e: (-e.weight, e.kind, e.source, e.target))
    shown_edges = sorted(edges[:MAX_EDGES], key=lambda e: (e.kind, e.source, e.target))
    notes = []
    if len(network.nodes) > len(nodes):
        notes.append(f"the {len(nodes):,} heaviest of {len(network.nodes):,} people and groups")
    if len(edges) > len(shown_edges):
        notes.append(f"the {len(shown_edges):,} heaviest of {len(edges):,} ties between them")
    note = f'<p class="note">Drawn: {"; ".join(notes)}.</p>\n' if notes else ""
    body = (
        "<h1>Network</h1>\n<p>Solid lines: letters written (sender to recipient); dashed: named "
        "together in a letter. Bigger circles: more letters. Each circle links to its page.</p>\n"
        + _filters(nodes, shown_edges)
        + note
        + _svg(nodes, shown_edges, site)
        + _table(network, site)
    )
    return page("Network", body, root="", current="network.html")
