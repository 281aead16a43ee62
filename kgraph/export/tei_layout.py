"""The layout of a letter's text for TEI: which stretches are the heading, the opener
(``dateline``, ``address``, ``salute``), paragraphs, the closer (``salute``, ``signed``) and a
postscript, and where each mention goes inside them, as a tree of spans over kg:text.

The spans cover the text without changing it: the text content of the tree is the letter's
text exactly. The parts kgraph keeps as written (kg:dateText, kg:address, kg:salutation,
kg:valediction, kg:signature, the heading) are looked up in the text in reading order,
preferring an occurrence that begins a line; a part not found is left in the paragraphs.
Paragraphs are runs of text between blank lines. A mention lies inside one block, or it is
left out (it would cross a block's edge); properly nested mentions nest, and of two that
overlap otherwise the outer (earlier) one is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kgraph.export.collection import EntityView, LetterView
from kgraph.export.correspondence import mention_ref

__all__ = ["MENTION_TAGS", "Span", "layout"]

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
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_PS = re.compile(r"(P\.\s?S\.|PS\b|Post[- ]?scriptum)", re.IGNORECASE)
_NEAR = 300  # at most this many characters between two parts of an opener or a closer


@dataclass
class Span:
    begin: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Span] = field(default_factory=list)
    mention: bool = False


def layout(letter: LetterView, entities: Mapping[str, EntityView]) -> Span:
    """The tree of a letter's text: a ``div`` over the whole text."""
    text = letter.text or ""
    div = Span(0, len(text), "div", {"type": "letter"})
    pos = 0
    head = _find(text, letter.name, 0)
    blocks: list[Span] = []
    if head is not None:
        blocks += _paragraphs(text, 0, head[0])
        blocks.append(Span(*head, "head"))
        pos = head[1]
    opener = _group(
        text,
        pos,
        "opener",
        [
            ("dateline", letter.date_text),
            ("address", letter.address),
            ("salute", letter.salutation),
        ],
        first_within=len(text) // 2,
    )
    if opener is not None:
        blocks += _paragraphs(text, pos, opener.begin)
        blocks.append(opener)
        pos = opener.end
    closer = _group(
        text,
        pos,
        "closer",
        [("salute", letter.valediction), ("signed", letter.signature)],
        first_within=len(text),
    )
    if closer is not None:
        blocks += _paragraphs(text, pos, closer.begin)
        blocks.append(closer)
        pos = closer.end
        rest = _paragraphs(text, pos, len(text))
        if rest and _PS.match(text, rest[0].begin):
            rest[0] = Span(rest[0].begin, rest[0].end, "postscript", children=[rest[0]])
        blocks += rest
    else:
        blocks += _paragraphs(text, pos, len(text))
    div.children = blocks
    for m in sorted(letter.mentions, key=lambda m: (m.begin, -m.end)):  # outer ones first
        entity = entities.get(m.entity)
        if entity is None or not 0 <= m.begin < m.end <= len(text):
            continue
        if text[m.begin : m.end] != m.anchor:
            continue
        tag, attrs = MENTION_TAGS.get(entity.type, ("rs", {}))
        span = Span(m.begin, m.end, tag, {**attrs, "ref": mention_ref(entity)}, mention=True)
        _insert(div, span)
    return div


def _find(text: str, needle: str | None, start: int) -> tuple[int, int] | None:
    """Where ``needle`` is written at or after ``start`` (an occurrence beginning a line
    preferred), widened to markup before it and punctuation after it on its lines."""
    needle = (needle or "").strip()
    if not needle:
        return None
    first = i = text.find(needle, start)
    while i != -1:
        line_start = text.rfind("\n", 0, i) + 1
        if not text[max(line_start, start) : i].strip(" \t#*>_"):
            break
        i = text.find(needle, i + 1)
    i = first if i == -1 else i
    if i == -1:
        return None
    begin, end = i, i + len(needle)
    line_start = max(text.rfind("\n", 0, begin) + 1, start)
    if not text[line_start:begin].strip(" \t#*>_"):
        begin = line_start + len(text[line_start:begin]) - len(text[line_start:begin].lstrip())
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[end:line_end].strip(" \t.,;:!*_"):
        end = end + len(text[end:line_end].rstrip())
    return begin, end


def _group(
    text: str, start: int, tag: str, parts: list[tuple[str, str | None]], first_within: int
) -> Span | None:
    """An opener or closer: the parts found near each other, in reading order."""
    found: list[Span] = []
    for name, value in parts:
        where = _find(text, value, start)
        if where is not None:
            found.append(Span(*where, name))
    found.sort(key=lambda s: s.begin)
    kept: list[Span] = []
    for span in found:
        if not kept:
            if span.begin < first_within:
                kept.append(span)
        elif span.begin >= kept[-1].end and span.begin - kept[-1].end <= _NEAR:
            kept.append(span)
    if not kept:
        return None
    for span in kept:
        if span.tag == "address":
            span.children = _lines(text, span.begin, span.end)
    return Span(kept[0].begin, kept[-1].end, tag, children=kept)


def _lines(text: str, begin: int, end: int) -> list[Span]:
    lines = []
    for match in re.finditer(r"[^\n]+", text[begin:end]):
        stripped = match.group().strip()
        if stripped:
            s = begin + match.start() + match.group().index(stripped)
            lines.append(Span(s, s + len(stripped), "addrLine"))
    return lines


def _paragraphs(text: str, begin: int, end: int) -> list[Span]:
    """``p`` spans for the runs of text between blank lines in ``text[begin:end]``."""
    spans = []
    pos = begin
    for piece in [*_BLANK_LINE.finditer(text, begin, end), None]:
        stop = end if piece is None else piece.start()
        chunk = text[pos:stop]
        if chunk.strip():
            s = pos + len(chunk) - len(chunk.lstrip())
            spans.append(Span(s, pos + len(chunk.rstrip()), "p"))
        if piece is not None:
            pos = piece.end()
    return spans


def _insert(parent: Span, span: Span) -> bool:
    """Put a mention into the innermost span holding it; False where it cannot go."""
    for child in parent.children:
        if child.end <= span.begin or child.begin >= span.end:
            continue
        if child.begin <= span.begin and span.end <= child.end:
            if child.mention and (child.begin, child.end) == (span.begin, span.end):
                return False  # the same words tagged twice: the first tag is kept
            return _insert(child, span)
        return False  # crosses the edge of a block or overlaps another mention
    if parent.tag == "div":
        return False  # between blocks: only whitespace there
    parent.children.append(span)
    parent.children.sort(key=lambda s: s.begin)
    return True
