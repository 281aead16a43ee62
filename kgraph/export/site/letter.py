"""A letter's page: its metadata, its text exactly as read with every mention marked (a link
to the entity, ``id="char=BEGIN,END"``), and beside it the relations with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from kgraph.export.collection import LetterView, MentionView
from kgraph.export.site.assets import TYPE_STYLES
from kgraph.export.site.html import esc, local_href, page
from kgraph.export.site.sitemap import SiteMap

__all__ = ["letter_page", "mention_tree", "type_class"]

ROOT = "../"


@dataclass
class _Node:
    mention: MentionView | None
    begin: int
    end: int
    children: list[_Node] = field(default_factory=list)


def type_class(name: str) -> str:
    return "t-" + (name if name in TYPE_STYLES else "Entity")


def mention_tree(text: str, mentions: tuple[MentionView, ...]) -> _Node:
    """The mentions to mark, nested where one lies inside another; of two that overlap
    without nesting (or share a span) the first is kept; any outside the text is left out."""
    root = _Node(None, 0, len(text))
    stack = [root]
    for m in sorted(mentions, key=lambda m: (m.begin, -m.end, m.entity)):
        if not 0 <= m.begin < m.end <= len(text):
            continue
        while len(stack) > 1 and stack[-1].end <= m.begin:
            stack.pop()
        top = stack[-1]
        if m.end > top.end or (top.mention and (top.begin, top.end) == (m.begin, m.end)):
            continue
        node = _Node(m, m.begin, m.end)
        top.children.append(node)
        stack.append(node)
    return root


EDITORIAL = {
    "heading": "Editor's heading",
    "introduction": "Editor's introduction",
    "note": "Editor's note",
    "colophon": "Source (edition or website)",
}
Parts = tuple[tuple[int, int, str], ...]


def _plain(text: str, begin: int, end: int, parts: Parts, out: list[str]) -> None:
    """text[begin:end] escaped, the stretches of editorial matter in a span of their own."""
    at = begin
    for b, e, kind in parts:
        lo, hi = max(b, at), min(e, end)
        if lo >= hi:
            continue
        out.append(esc(text[at:lo]))
        label = esc(EDITORIAL.get(kind, "Editorial matter"))
        out.append(f'<span class="ed ed-{esc(kind)}" title="{label}">{esc(text[lo:hi])}</span>')
        at = hi
    out.append(esc(text[at:end]))


def _render(node: _Node, text: str, site: SiteMap, out: list[str], parts: Parts = ()) -> None:
    at = node.begin
    for child in node.children:
        _plain(text, at, child.begin, parts, out)
        _open(child, site, out)
        _render(child, text, site, out, parts)
        out.append("</a>" if not child.children else "</span>")
        at = child.end
    _plain(text, at, node.end, parts, out)


def _open(node: _Node, site: SiteMap, out: list[str]) -> None:
    m = node.mention
    assert m is not None
    kind = site.entity_type(m.entity)
    view = site.collection.entities.get(m.entity)
    info = f"{site.label(m.entity)} — {kind}"
    if view is not None and view.wikidata:
        info += f" — Wikidata {view.wikidata}"
    common = (
        f'class="m {type_class(kind)}" id="char={m.begin},{m.end}" '
        f'title="{esc(info)}" data-info="{esc(info)}"'
    )
    path = site.entities.get(m.entity)
    if node.children:  # an <a> cannot hold another: the outer mention is a focusable span
        target = f' data-href="{local_href(ROOT + path)}"' if path else ""
        out.append(f'<span {common} tabindex="0"{target}>')
    elif path is not None:
        out.append(f'<a {common} href="{local_href(ROOT + path)}">')
    else:
        out.append(f'<a {common} tabindex="0">')


def _meta(letter: LetterView, site: SiteMap) -> str:
    rows = [
        ("Sender", site.entity_link(letter.sender, ROOT)),
        ("Recipient", site.entity_link(letter.recipient, ROOT)),
        ("Date", esc(letter.date or "")),
        ("Place of writing", site.entity_link(letter.place, ROOT)),
        ("Address", esc(letter.address or "")),
        ("Source edition", esc(letter.source_edition or "")),
    ]
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    return f'<dl class="meta">{items}</dl>\n'


def _relations(letter: LetterView, site: SiteMap) -> str:
    if not letter.relations:
        return "<p>No relations found in this letter.</p>\n"
    items = []
    for r in letter.relations:
        parts = [
            f"{site.entity_link(r.subject, ROOT)} <em>{esc(r.predicate)}</em> "
            f"{site.entity_link(r.object, ROOT)}"
        ]
        if r.confidence is not None:
            parts.append(f' <span class="confidence">(confidence {r.confidence:.2f})</span>')
        if r.begin is not None and r.end is not None and letter.text is not None:
            parts.append(
                f' <button type="button" aria-pressed="false" data-begin="{r.begin}"'
                f' data-end="{r.end}">Show in text</button>'
            )
        if r.evidence:
            parts.append(f"<blockquote>{esc(r.evidence)}</blockquote>")
        items.append("<li>" + "".join(parts) + "</li>\n")
    return '<ol class="relations">\n' + "".join(items) + "</ol>\n"


def _names(letter: LetterView, site: SiteMap) -> str:
    counts: dict[str, int] = {}
    for m in letter.mentions:
        counts[m.entity] = counts.get(m.entity, 0) + 1
    if not counts:
        return ""
    rows = sorted(counts, key=lambda iri: (site.entity_type(iri), site.label(iri), iri))
    items = "".join(
        f'<li><span class="{type_class(site.entity_type(iri))}">'
        f"{esc(site.entity_type(iri))}</span> {site.entity_link(iri, ROOT)} ({counts[iri]})</li>"
        for iri in rows
    )
    return f"<h2>Names in this letter</h2>\n<ul>{items}</ul>\n"


def legend(types: list[str], editorial: bool = False) -> str:
    items = "".join(f'<li><span class="m {type_class(t)}">{esc(t)}</span></li>' for t in types)
    if editorial:  # the editor's or website's words, not the letter's
        items += (
            '<li><span class="ed">Editorial matter (heading, introduction, notes, source)'
            "</span></li>"
        )
    return f'<ul class="legend" aria-label="Entity types">{items}</ul>\n'


def letter_page(letter: LetterView, site: SiteMap) -> str:
    title = letter.name or letter.label
    if letter.text is None:
        text_html = "<p>The graph holds no text of this letter (kg:text).</p>\n"
    else:
        out: list[str] = []
        tree = mention_tree(letter.text, letter.mentions)
        _render(tree, letter.text, site, out, letter.editorial)
        # the parser drops one line feed right after <pre>: give it one to drop
        text_html = f'<pre class="letter" id="text">\n{"".join(out)}</pre>\n'
    types = sorted({site.entity_type(m.entity) for m in letter.mentions})
    body = (
        f"<h1>{esc(title)}</h1>\n{_meta(letter, site)}"
        + (legend(types, bool(letter.editorial)) if types or letter.editorial else "")
        + '<div class="columns">\n<section aria-labelledby="text-h">'
        '<h2 id="text-h">Text</h2>\n'
        + text_html
        + "</section>\n"
        + '<aside aria-labelledby="rel-h"><h2 id="rel-h">Relations</h2>\n'
        + _relations(letter, site)
        + _names(letter, site)
        + "</aside>\n</div>\n"
    )
    return page(title, body, root=ROOT, current="")
