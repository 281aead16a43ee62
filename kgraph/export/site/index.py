"""The site's index (every letter in a sortable, filterable table, and counts by entity
type) and the list of every entity by type."""

from __future__ import annotations

from kgraph.export.collection import ENTITY_TYPES, LetterView
from kgraph.export.site.html import esc, local_href, page
from kgraph.export.site.letter import type_class
from kgraph.export.site.sitemap import SiteMap

__all__ = ["entities_page", "index_page"]

COLUMNS = (  # (data-col, heading, numeric)
    ("letter", "Letter", False),
    ("sender", "Sender", False),
    ("recipient", "Recipient", False),
    ("date", "Date", False),
    ("place", "Place of writing", False),
    ("names", "Names", True),
)


def _types(site: SiteMap) -> list[str]:
    present = {view.type for view in site.collection.entities.values()}
    return [t for t in ENTITY_TYPES if t in present] + sorted(present - set(ENTITY_TYPES))


def _row(letter: LetterView, site: SiteMap) -> str:
    """One letter's row; the script sorts by each cell's text, so no sort keys are repeated."""
    cells = "".join(
        f"<td>{site.entity_link(iri, '')}</td>" for iri in (letter.sender, letter.recipient)
    )
    return (
        f'<tr><th scope="row">{site.letter_link(letter, "")}</th>{cells}'
        f"<td>{esc(letter.date or '')}</td><td>{site.entity_link(letter.place, '')}</td>"
        f'<td class="n">{len(letter.mentions)}</td></tr>\n'
    )


def index_page(site: SiteMap) -> str:
    letters = site.collection.letters
    heads = "".join(
        f'<th scope="col" data-col="{col}"'
        + (' data-type="number"' if numeric else "")
        + f'><button type="button">{esc(name)}</button></th>'
        for col, name, numeric in COLUMNS
    )
    counts: dict[str, int] = {}
    for view in site.collection.entities.values():
        counts[view.type] = counts.get(view.type, 0) + 1
    count_rows = "".join(
        f'<tr><th scope="row"><span class="{type_class(t)}">{esc(t)}</span></th>'
        f'<td class="n"><a href="{local_href("entities.html", "type-" + t)}">{counts[t]:,}</a>'
        "</td></tr>"
        for t in _types(site)
    )
    body = (
        f"<h1>Letters ({len(letters):,})</h1>\n"
        '<div class="filters"><label for="filter">Filter the letters</label> '
        '<input id="filter" type="search" autocomplete="off"> '
        f'<span><span id="shown">{len(letters)}</span> shown</span></div>\n'
        '<p class="note">Sort by a column with its heading (needs JavaScript).</p>\n'
        '<table id="letters"><caption>Every letter in the collection</caption>\n'
        f"<thead><tr>{heads}</tr></thead>\n<tbody>\n"
        + "".join(_row(letter, site) for letter in letters)
        + "</tbody></table>\n"
        "<h2>Entities by type</h2>\n"
        '<table class="counts"><caption>Entities in the collection</caption>'
        '<thead><tr><th scope="col">Type</th><th scope="col">Entities</th></tr></thead>'
        f"<tbody>{count_rows}</tbody></table>\n"
        f'<p><a href="entities.html">All {len(site.collection.entities):,} entities</a> · '
        '<a href="network.html">Network of correspondents</a></p>\n'
    )
    return page("Letters", body, root="", current="index.html")


def entities_page(site: SiteMap) -> str:
    by_type: dict[str, list[str]] = {}
    for iri, view in site.collection.entities.items():
        by_type.setdefault(view.type, []).append(iri)
    sections = []
    for t in _types(site):
        iris = sorted(by_type[t], key=lambda iri: (site.label(iri).lower(), iri))
        items = "".join(
            f"<li>{site.entity_link(iri, '')} ({len(site.mentions.get(iri, [])):,})</li>"
            for iri in iris
        )
        sections.append(
            f'<section aria-labelledby="type-{esc(t)}"><h2 id="type-{esc(t)}">'
            f'<span class="{type_class(t)}">{esc(t)}</span> ({len(iris):,})</h2>'
            f"<ul>{items}</ul></section>\n"
        )
    body = "<h1>Entities</h1>\n<p>Each with the number of times it is named.</p>\n" + "".join(
        sections
    )
    return page("Entities", body, root="", current="entities.html", script=False)
