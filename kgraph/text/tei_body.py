"""Walking the ``body`` of a TEI P5 letter: the derived text, written piece by piece, and the
spans of what the markup marks in it (the letter's parts, its paragraphs, postscript and
notes, the names an editor tagged, the dates a dateline or head holds).

The derived text: whitespace in the XML collapses to single spaces; each block element
(``p``, ``opener``, ``dateline``, ``salute``, ``closer``, ``signed``, ``postscript``, ``head``,
``address`` …) starts a new paragraph (a blank line), ``lb`` and ``addrLine`` a new line
(``lb break="no"`` nothing). An edition's reading wins: ``choice`` gives ``reg``, ``expan`` or
``corr`` (not ``orig``, ``abbr``, ``sic``); ``add`` is kept, ``del``, ``fw``, ``pb`` and
``figure`` dropped. Editorial ``note``s are moved out of the running text and follow it, one
paragraph each, as the letter's notes. ``xml:space="preserve"`` keeps the text as it is.
Offsets of every span count code points of this text; ``tei`` makes the markup of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kgraph.errors import InputError
from kgraph.text.tei_header import TEI_NS, tagged_type
from kgraph.text.xmlsafe import MAX_DEPTH, attribute, local_name, namespace


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


BLOCKS = _words(
    "p ab head opener closer dateline salute signed postscript address byline div lg l "
    "list item table row argument epigraph trailer docket floatingText label"
)
LINES = _words("addrLine l item row")
PARAGRAPHS = _words("p ab lg list table quote floatingText")
PART_ELEMENTS = _words("head dateline address byline salute signed closer")
DROPPED = _words("del fw pb cb milestone figure facsimile teiHeader surplus metamark gap")
# elements of kgraph's own TEI (kgraph.export.tei) that stand for a part of the letter
TYPED = {
    ("head", "addressee"): "addressee",
    ("ab", "access"): "access",
    ("ab", "colophon"): "colophon",
    ("ab", "edition"): "edition",
    ("note", "introduction"): "introduction",
}
READING = ("reg", "expan", "corr")  # preferred children of <choice>, best first
_SPACE = re.compile(r"[ \t\r\n]+")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class OpenSpan:
    """An element's span in the derived text: its start is set at the element's first word (at
    once when verbatim), its end when the element closes; None for an element without words."""

    start: int | None = None
    end: int | None = None


@dataclass
class _Builder:
    """The derived text, written piece by piece, with lazily anchored element spans."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0
    space: bool = False
    brk: int = 0
    waiting: list[OpenSpan] = field(default_factory=list)
    verbatim: bool = False  # xml:space="preserve": the text content is the text, as it is

    def put(self, raw: str | None) -> None:
        if not raw:
            return
        if self.verbatim:
            self.pieces.append(raw)
            self.length += len(raw)
            return
        words = _SPACE.split(raw)
        for i, word in enumerate(words):
            if i > 0:
                self.space = True
            if word:
                self._emit(word)

    def _emit(self, word: str) -> None:
        if self.length:
            sep = "\n" * self.brk if self.brk else (" " if self.space else "")
            self.pieces.append(sep)
            self.length += len(sep)
        self.brk, self.space = 0, False
        for opened in self.waiting:
            opened.start = self.length
        self.waiting.clear()
        self.pieces.append(word)
        self.length += len(word)

    def open(self) -> OpenSpan:
        if self.verbatim:
            return OpenSpan(self.length)
        opened = OpenSpan()
        self.waiting.append(opened)
        return opened

    def separate(self, level: int) -> None:
        """A line (1) or paragraph (2) break before the next word (none when verbatim)."""
        self.brk = max(self.brk, level) if not self.verbatim else 0

    def close(self, opened: OpenSpan) -> None:
        if opened in self.waiting:
            self.waiting.remove(opened)
        elif opened.start is not None:
            opened.end = self.length

    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class BodyReader:
    """One walk of a body: the derived text (``out``) and the spans of the parts, paragraphs,
    notes, tagged names and dates the markup marks in it."""

    where: str
    pointers: dict[str, tuple[str, ...]]
    out: _Builder = field(default_factory=_Builder)
    parts: dict[str, OpenSpan] = field(default_factory=dict)
    body: list[OpenSpan] = field(default_factory=list)
    postscript: list[OpenSpan] = field(default_factory=list)
    notes: list[OpenSpan] = field(default_factory=list)
    introduction: list[OpenSpan] = field(default_factory=list)
    edition_matter: list[OpenSpan] = field(default_factory=list)
    edition: OpenSpan | None = None
    deferred: list[Any] = field(default_factory=list)
    tagged: list[tuple[OpenSpan, Any, str]] = field(default_factory=list)
    dates: list[tuple[int, OpenSpan, Any]] = field(default_factory=list)  # (rank, span, <date>)

    def walk(self, el: Any, depth: int, role: str, in_para: bool) -> None:
        if depth > MAX_DEPTH:
            raise InputError(
                f"{self.where} nests elements more than {MAX_DEPTH} deep",
                "flatten the markup",
            )
        name = local_name(el) if namespace(el) == TEI_NS else ""
        if name in DROPPED:
            return
        if name == "note" and role != "note" and not self.out.verbatim:
            self.deferred.append(el)
            return
        if name == "lb":
            if attribute(el, "break", self.where) != "no":
                self.out.separate(1)
            return
        if name == "choice":
            children = [c for c in el if isinstance(c.tag, str)]
            chosen = next(
                (c for want in READING for c in children if local_name(c) == want),
                children[0] if children else None,
            )
            if chosen is not None:
                self.walk(chosen, depth + 1, role, in_para)
            return
        role = self._role(name, el, role)
        opened = self.out.open() if name else None
        if name in BLOCKS:
            self.out.separate(2)
        elif name in LINES:
            self.out.separate(1)
        self._note(name, el, opened, role, in_para)
        self.out.put(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child, depth + 1, role, in_para or name in PARAGRAPHS or name == "note")
            self.out.put(child.tail)
        if opened is not None:
            self.out.close(opened)
        if name in BLOCKS:
            self.out.separate(2)

    def _role(self, name: str, el: Any, role: str) -> str:
        kind = TYPED.get((name, attribute(el, "type", self.where) or ""))
        if kind is not None:
            return kind
        if name == "note":
            return "note"
        if name == "salute":
            return "valediction" if role == "closer" else "salutation"
        if name in ("opener", "closer", "dateline", "address", "byline", "postscript"):
            return name
        if name == "signed":
            return "signature"
        if name == "head":
            return "heading"
        return role

    def _note(self, name: str, el: Any, opened: OpenSpan | None, role: str, in_para: bool) -> None:
        """Remember the spans of the parts, paragraphs, tagged names and dates."""
        if opened is None:
            return
        part = {
            "heading": "heading",
            "addressee": "addressee",
            "access": "access_note",
            "colophon": "colophon",
            "dateline": "dateline",
            "address": "address",
            "byline": "byline",
            "salutation": "salutation",
            "valediction": "valediction",
            "signature": "signature",
        }.get(role)
        if name in PART_ELEMENTS or (name == "ab" and role in ("access", "colophon")):
            self.parts.setdefault(part or name, opened)
        if name == "bibl" and role == "colophon" and self.edition is None:
            self.edition = opened
        if name == "ab" and role == "edition" and not in_para:
            self.edition_matter.append(opened)
        elif name == "note" and not in_para:
            (self.introduction if role == "introduction" else self.notes).append(opened)
        elif name in PARAGRAPHS and not in_para and role not in ("access", "colophon", "edition"):
            {"postscript": self.postscript, "note": self.notes}.get(role, self.body).append(opened)
        kind = tagged_type(el, self.where)
        if kind is not None:
            self.tagged.append((opened, el, self._tag_role(role, kind)))
        if name == "date":  # the letter's date: a dateline's, else one typed "sent", else a head's
            sent = attribute(el, "type", self.where) == "sent"
            rank = 0 if role == "dateline" else 1 if sent else 2 if role == "heading" else 3
            if rank < 3:
                self.dates.append((rank, opened, el))

    @staticmethod
    def _tag_role(role: str, kind: str) -> str:
        if role == "signature" and kind in ("Person", "Organization"):
            return "signature"
        if role == "salutation" and kind == "Person":
            return "recipient_name"
        if role == "dateline" and kind == "Place":
            return "place"
        return {"opener": "body", "closer": "body", "introduction": "note"}.get(role, role)


def preserves_space(body: Any) -> bool:
    """Whether ``xml:space="preserve"`` holds for the body (on it or an ancestor)."""
    for element in (body, *body.iterancestors()):
        value = element.get(XML_SPACE)
        if value is not None:
            return bool(value == "preserve")
    return False


def read_body(body: Any, where: str, pointers: dict[str, tuple[str, ...]]) -> BodyReader:
    """Walk a letter's ``body``; its editorial notes follow the running text."""
    reader = BodyReader(where, pointers)
    reader.out.verbatim = preserves_space(body)
    reader.walk(body, 0, "body", False)
    while reader.deferred:  # notes follow the letter, one paragraph each
        note = reader.deferred.pop(0)
        opened = reader.out.open()
        reader.out.brk = 2
        reader.walk(note, 0, "note", True)
        reader.out.close(opened)
        reader.notes.append(opened)
        reader.out.brk = 2
    return reader
