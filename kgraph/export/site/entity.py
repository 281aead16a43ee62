"""An entity's page: its names, Wikidata and other authority links, every mention in the
collection with a line of context (linking into the letter at that place), and the relations
it takes part in."""

from __future__ import annotations

from kgraph.export.collection import EntityView, LetterView, MentionView
from kgraph.export.site.html import esc, external_href, page
from kgraph.export.site.letter import type_class
from kgraph.export.site.sitemap import SiteMap

__all__ = ["MAX_ROWS", "entity_page"]

ROOT = "../"
MAX_ROWS = 500  # mentions and relations listed on one page at most (the note gives the count)
CONTEXT = 70  # code points of context either side of a mention, within its line


def context(text: str | None, m: MentionView) -> str:
    """The mention's line (at most CONTEXT code points either side), the mention marked."""
    if text is None or not 0 <= m.begin < m.end <= len(text):
        return f"<mark>{esc(m.anchor)}</mark>"
    start = max(text.rfind("\n", 0, m.begin) + 1, m.begin - CONTEXT)
    stop = text.find("\n", m.end)
    stop = min(len(text) if stop < 0 else stop, m.end + CONTEXT)
    before = ("…" if start > 0 and text[start - 1] != "\n" else "") + text[start : m.begin]
    after = text[m.end : stop] + ("…" if stop < len(text) and text[stop] != "\n" else "")
    return f"{esc(before)}<mark>{esc(text[m.begin : m.end])}</mark>{esc(after)}"


def _authorities(view: EntityView) -> str:
    links = []
    if view.wikidata:
        href = external_href(f"https://www.wikidata.org/wiki/{view.wikidata}")
        links.append(f'<li><a href="{href}">Wikidata {esc(view.wikidata)}</a></li>')
    for iri in view.same_as:
        href = external_href(iri)
        shown = f'<a href="{href}">{esc(iri)}</a>' if href else esc(iri)
        links.append(f"<li>{shown}</li>")
    if not links:
        return ""
    return "<h2>Authority files</h2>\n<ul>" + "".join(links) + "</ul>\n"


def _capped(total: int, what: str) -> str:
    if total <= MAX_ROWS:
        return ""
    return f'<p class="note">The first {MAX_ROWS:,} of {total:,} {what} are listed.</p>\n'


def _mentions(rows: list[tuple[LetterView, MentionView]], site: SiteMap) -> str:
    if not rows:
        return "<p>Not named in the text of any letter.</p>\n"
    items = []
    for letter, m in rows[:MAX_ROWS]:
        items.append(
            f"<li>{site.letter_link(letter, ROOT, f'char={m.begin},{m.end}')}: "
            f'<span class="context">{context(letter.text, m)}</span></li>\n'
        )
    return _capped(len(rows), "mentions") + "<ol>\n" + "".join(items) + "</ol>\n"


def _relations(iri: str, site: SiteMap) -> str:
    rows = site.relations.get(iri, [])
    if not rows:
        return "<p>None found.</p>\n"
    items = []
    for letter, r in rows[:MAX_ROWS]:
        items.append(
            f"<li>{site.entity_link(r.subject, ROOT)} <em>{esc(r.predicate)}</em> "
            f"{site.entity_link(r.object, ROOT)} — {site.letter_link(letter, ROOT)}</li>\n"
        )
    return _capped(len(rows), "relations") + "<ul>\n" + "".join(items) + "</ul>\n"


def entity_page(view: EntityView, site: SiteMap) -> str:
    mentions = site.mentions.get(view.iri, [])
    letters = len({letter.iri for letter, _ in mentions})
    names = (
        "<p>Also named: " + "; ".join(esc(n) for n in view.alternate_names) + "</p>\n"
        if view.alternate_names
        else ""
    )
    body = (
        f"<h1>{esc(view.label)}</h1>\n"
        f'<p><span class="{type_class(view.type)}">{esc(view.type)}</span> · '
        f"named {len(mentions):,} times in {letters:,} letters · "
        f"<code>{esc(view.iri)}</code></p>\n"
        + names
        + _authorities(view)
        + "<h2>Mentions</h2>\n"
        + _mentions(mentions, site)
        + "<h2>Relations</h2>\n"
        + _relations(view.iri, site)
    )
    return page(view.label, body, root=ROOT, current="", script=False)
