"""The layout of a letter's text for TEI: the letter's parts as kgraph reads them, and where
each mention goes inside them, as a tree of spans over kg:text.

The parts are those ``kgraph.text.letters.parse_letter`` finds in kg:text (a pure function of
the text, so the same parts a build of that text found): the heading (``head``), an
addressee line (``head type="addressee"``), a byline, the dateline, the address
(``addrLine`` a line), an access note (``ab type="access"``), the salutation (``salute`` in
``opener``), paragraphs (``p``), the valediction and signature (``salute`` and ``signed`` in
``closer``), postscripts, notes, an editor's introduction (``note type="introduction"``)
and the colophon (``ab type="colophon"``, the source edition in it as ``bibl``); the date
as written is ``date type="sent" when="…"`` wherever it is written. ``kgraph.text.tei``
reads each back into the same part, so that building the exported TEI gives the letter its
build had.

The spans cover the text without changing it: the text content of the tree is the letter's
text exactly; what lies between parts (blank lines, a Markdown ``#`` before a heading) stays
between them. A mention lies inside one part, or it is left out (it would cross a part's
edge); properly nested mentions nest, and of two that overlap otherwise the outer (earlier)
one is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from kgraph.export.collection import EntityView, LetterView
from kgraph.export.correspondence import cmif_date, mention_ref
from kgraph.model import Letter, Source, TextSpan
from kgraph.text.letters import parse_letter

__all__ = ["MENTION_TAGS", "Span", "layout", "parts_of"]

MENTION_TAGS: dict[str, tuple[str, dict[str, str]]] = {
    "Person": ("persName", {}),
    "Place": ("placeName", {}),
    "Organization": ("orgName", {}),
    "Periodical": ("title", {"level": "j"}),
    "Work": ("title", {}),
    "Event": ("rs", {"type": "event"}),
    "Group": ("rs", {"type": "group"}),
    "Concept": ("rs", {"type": "concept"}),
}
OPENER = frozenset({"dateline", "address", "salutation", "access"})
CLOSER = frozenset({"valediction", "signature", "dateline", "address"})


@dataclass
class Span:
    begin: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Span] = field(default_factory=list)
    mention: bool = False
    part: str = ""  # the Letter field it stands for ("salutation", "colophon", ...)


def parts_of(text: str, name: str = "letter") -> Letter:
    """The parts kgraph reads in ``text`` (as a build of that text reads them)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_letter(Source(name=name, text=text, checksum=digest))


def layout(
    letter: LetterView, entities: Mapping[str, EntityView], parsed: Letter | None = None
) -> Span:
    """The tree of a letter's text: a ``div`` over the whole text (``parsed``: the parts of
    the text, when already read)."""
    text = letter.text or ""
    div = Span(0, len(text), "div", {"type": "letter"})
    if not text:
        return div
    parsed = parsed or parts_of(text)
    div.children = _grouped(_blocks(parsed, text))
    for m in sorted(letter.mentions, key=lambda m: (m.begin, -m.end)):  # outer ones first
        entity = entities.get(m.entity)
        if entity is None or not 0 <= m.begin < m.end <= len(text):
            continue
        if text[m.begin : m.end] != m.anchor:
            continue
        tag, attrs = MENTION_TAGS.get(entity.type, ("rs", {}))
        _insert(div, Span(m.begin, m.end, tag, {**attrs, "ref": mention_ref(entity)}, mention=True))
    if parsed.date is not None and parsed.date.span.end > parsed.date.span.start:
        when = cmif_date(letter.date) or parsed.date.iso
        date = parsed.date.span
        attrs = {"when": when, "type": "sent"}
        _insert(div, Span(date.start, date.end, "date", attrs, part="date"))
    return div


def _blocks(letter: Letter, text: str) -> list[Span]:
    """The top-level parts of ``letter``, in text order (parts that overlap one already
    taken are left out: their text stays in the part that holds it)."""
    found: list[Span] = []

    def add(span: TextSpan | None, tag: str, part: str, **attrs: str) -> Span | None:
        if span is None or span.end <= span.start:
            return None
        block = Span(span.start, span.end, tag, dict(attrs), part=part)
        found.append(block)
        return block

    add(letter.heading, "head", "heading")
    add(letter.addressee, "head", "addressee", type="addressee")
    add(letter.byline, "byline", "byline")
    add(letter.dateline, "dateline", "dateline")
    address = add(letter.address, "address", "address")
    if address is not None:
        address.children = _lines(text, address.begin, address.end)
    add(letter.access_note, "ab", "access", type="access")
    add(letter.salutation, "salute", "salutation")
    add(letter.valediction, "salute", "valediction")
    add(letter.signature, "signed", "signature")
    for span in letter.body:
        add(span, "p", "body")
    for span in letter.postscript:
        ps = add(span, "postscript", "postscript")
        if ps is not None:
            ps.children = [Span(ps.begin, ps.end, "p", part="body")]
    for span in letter.notes:
        add(span, "note", "note")
    for span in letter.introduction:
        add(span, "note", "introduction", type="introduction")
    for span in letter.edition_matter:
        add(span, "ab", "edition", type="edition")
    colophon = add(letter.colophon, "ab", "colophon", type="colophon")
    edition = letter.edition.span if letter.edition is not None else None
    if edition is not None and edition.end > edition.start:
        bibl = Span(edition.start, edition.end, "bibl", part="edition")
        if colophon is not None and colophon.begin <= bibl.begin and bibl.end <= colophon.end:
            colophon.children.append(bibl)
        else:
            found.append(bibl)
    found.sort(key=lambda s: (s.begin, -s.end))
    kept: list[Span] = []
    for block in found:
        if kept and block.begin < kept[-1].end:
            continue
        kept.append(block)
    return kept


def _grouped(blocks: list[Span]) -> list[Span]:
    """Runs of opener parts (before the first paragraph) in ``opener``, runs of closer
    parts with a valediction or signature in ``closer``."""
    first_p = next((b.begin for b in blocks if b.part == "body"), None)
    out: list[Span] = []
    run: list[Span] = []
    kind = ""

    def flush() -> None:
        nonlocal run
        if run and (kind == "opener" or any(b.part in ("valediction", "signature") for b in run)):
            out.append(Span(run[0].begin, run[-1].end, kind, children=run))
        else:
            out.extend(run)
        run = []

    for block in blocks:
        before = first_p is None or block.begin < first_p
        here = "opener" if before and block.part in OPENER else ""
        if not here and block.part in CLOSER and not (before and block.part == "valediction"):
            here = "closer"
        if here != kind:
            flush()
            kind = here
        if here:
            run.append(block)
        else:
            out.append(block)
    flush()
    return out


def _lines(text: str, begin: int, end: int) -> list[Span]:
    lines = []
    pos = begin
    for line in text[begin:end].split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            lines.append(Span(s, s + len(stripped), "addrLine"))
        pos += len(line) + 1
    return lines


def _insert(parent: Span, span: Span) -> bool:
    """Put a span into the innermost span holding it; False where it cannot go."""
    for child in parent.children:
        if child.end <= span.begin or child.begin >= span.end:
            continue
        if child.begin <= span.begin and span.end <= child.end:
            if child.mention and (child.begin, child.end) == (span.begin, span.end):
                return False  # the same words tagged twice: the first tag is kept
            return _insert(child, span)
        return False  # crosses the edge of a part or overlaps another mention
    if parent.tag == "div" or parent.tag in ("opener", "closer", "address", "postscript"):
        return False  # between parts: only what is not a part's text there
    parent.children.append(span)
    parent.children.sort(key=lambda s: s.begin)
    return True
