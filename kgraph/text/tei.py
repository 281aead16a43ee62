"""Reading TEI P5 letters: the text of ``text/body`` as plain text, with the letter's parts,
the names an editor tagged and the header's correspondence metadata as ``Markup``.

The derived text: whitespace in the XML collapses to single spaces; each block element
(``p``, ``opener``, ``dateline``, ``salute``, ``closer``, ``signed``, ``postscript``, ``head``,
``address`` …) starts a new paragraph (a blank line), ``lb`` and ``addrLine`` a new line
(``lb break="no"`` nothing). An edition's reading wins: ``choice`` gives ``reg``, ``expan`` or
``corr`` (not ``orig``, ``abbr``, ``sic``); ``add`` is kept, ``del``, ``fw``, ``pb`` and
``figure`` dropped. Editorial ``note``s are moved out of the running text and follow it, one
paragraph each, as the letter's notes. Offsets of every part count code points of this text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from kgraph.errors import InputError
from kgraph.model import Letter, LetterDate, Markup, Source, TaggedName, TextSpan
from kgraph.text.dates import find_date
from kgraph.text.tei_header import (
    TEI_NS,
    XML_ID,
    T,
    correspondence,
    edition_of,
    encoded_date,
    iso_date,
    pointer_targets,
    refs_of,
    tagged_type,
)
from kgraph.text.xmlsafe import MAX_DEPTH, attribute, local_name, namespace, parse_xml


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
_FRAGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")


@dataclass
class _Open:
    start: int | None = None
    end: int | None = None


@dataclass
class _Builder:
    """The derived text, written piece by piece, with lazily anchored element spans."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0
    space: bool = False
    brk: int = 0
    waiting: list[_Open] = field(default_factory=list)
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

    def open(self) -> _Open:
        if self.verbatim:
            return _Open(self.length)
        opened = _Open()
        self.waiting.append(opened)
        return opened

    def separate(self, level: int) -> None:
        """A line (1) or paragraph (2) break before the next word (none when verbatim)."""
        self.brk = max(self.brk, level) if not self.verbatim else 0

    def close(self, opened: _Open) -> None:
        if opened in self.waiting:
            self.waiting.remove(opened)
        elif opened.start is not None:
            opened.end = self.length

    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class _Reader:
    where: str
    pointers: dict[str, tuple[str, ...]]
    out: _Builder = field(default_factory=_Builder)
    parts: dict[str, _Open] = field(default_factory=dict)
    body: list[_Open] = field(default_factory=list)
    postscript: list[_Open] = field(default_factory=list)
    notes: list[_Open] = field(default_factory=list)
    introduction: list[_Open] = field(default_factory=list)
    edition_matter: list[_Open] = field(default_factory=list)
    edition: _Open | None = None
    deferred: list[Any] = field(default_factory=list)
    tagged: list[tuple[_Open, Any, str]] = field(default_factory=list)
    dates: list[tuple[int, _Open, Any]] = field(default_factory=list)  # (rank, span, <date>)

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

    def _note(self, name: str, el: Any, opened: _Open | None, role: str, in_para: bool) -> None:
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


def _span(text: str, opened: _Open | None) -> TextSpan | None:
    if opened is None or opened.start is None or opened.end is None:
        return None
    if opened.end <= opened.start:
        return None
    return TextSpan(opened.start, opened.end, text[opened.start : opened.end])


def read_letter(tei: Any, where: str) -> tuple[str, Markup]:
    """The derived text of one ``TEI`` element and what its markup says of it."""
    body = tei.find(f"{T}text/{T}body")
    if body is None:
        body = next(tei.iter(f"{T}body"), None)
    if body is None:
        raise InputError(f"{where} has no <text><body>", "put the letter's text in <body>")
    reader = _Reader(where, pointer_targets(tei, where))
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
    text = reader.out.text()
    if not text.strip():
        raise InputError(f"{where} has an empty <body>", "put the letter's text in <body>")
    parts = {name: span for name, o in reader.parts.items() if (span := _span(text, o))}
    closer, signed = parts.pop("closer", None), parts.get("signature")
    if "valediction" not in parts and closer is not None and signed is not None:
        lead = text[closer.start : signed.start].rstrip()
        if lead.strip():
            parts["valediction"] = TextSpan(closer.start, closer.start + len(lead), lead)
    tagged = []
    for opened, el, role in reader.tagged:
        span = _span(text, opened)
        kind = tagged_type(el, where)
        if span is not None and kind is not None:
            refs = refs_of(el, where, reader.pointers)
            tagged.append(TaggedName(span.start, span.end, kind, refs, local_name(el), role))
            if role == "place":
                parts.setdefault("place", span)
            elif role in ("signature", "recipient_name"):
                parts.setdefault("sender_name" if role == "signature" else role, span)
    if "signature" in parts:
        parts.setdefault("sender_name", parts["signature"])
    encoded = correspondence(tei, where, reader.pointers)
    markup = Markup(
        parts=tuple(sorted(parts.items())),
        body=_spans(text, reader.body),
        postscript=_spans(text, reader.postscript),
        notes=_spans(text, reader.notes),
        date=_letter_date(text, reader, parts.get("dateline"), encoded.date if encoded else None),
        tagged=tuple(tagged),
        encoded=encoded,
        introduction=_spans(text, reader.introduction),
        edition_matter=_spans(text, reader.edition_matter),
        edition=edition_of(tei, _span(text, reader.edition) or parts.get("colophon"), where),
    )
    return text, markup


def preserves_space(body: Any) -> bool:
    """Whether ``xml:space="preserve"`` holds for the body (on it or an ancestor)."""
    for element in (body, *body.iterancestors()):
        value = element.get(XML_SPACE)
        if value is not None:
            return bool(value == "preserve")
    return False


def _spans(text: str, opened: list[_Open]) -> tuple[TextSpan, ...]:
    return tuple(span for o in opened if (span := _span(text, o)) is not None)


def _letter_date(
    text: str, reader: _Reader, dateline: TextSpan | None, encoded: str | None
) -> LetterDate | None:
    """The header's date, else the dateline's ``<date>`` value, else a date kgraph reads in
    the dateline; its span is the date as written (empty when the text has none)."""
    written: TextSpan | None = None
    value: tuple[str, str] | None = None
    for _, opened, el in sorted(reader.dates, key=lambda d: d[0]):  # a dateline's first
        span = _span(text, opened)
        if span is not None:
            written, value = span, encoded_date(el, reader.where)
            break
    if encoded is not None and (found := iso_date(encoded)) is not None:
        value = found
    seen = find_date(dateline.text) if dateline is not None and written is None else None
    if dateline is not None and seen is not None and (value is None or value[0] == seen.iso):
        start = dateline.start + seen.start
        end = dateline.start + seen.end
        written = TextSpan(start, end, text[start:end])
        value = (seen.iso, seen.precision)
    if value is None:
        return None
    span = written or dateline or TextSpan(0, 0, "")
    return LetterDate(value[0], value[1], span)  # type: ignore[arg-type]


def letter_of(source: Source) -> Letter:
    """The ``Letter`` a TEI source's markup gives (no guessing)."""
    markup = source.markup
    if markup is None:
        raise ValueError("letter_of needs a source read from markup")
    parts: dict[str, Any] = dict(markup.parts)
    return Letter(
        source=source,
        body=markup.body,
        postscript=markup.postscript,
        notes=markup.notes,
        introduction=markup.introduction,
        edition_matter=markup.edition_matter,
        edition=markup.edition,
        date=markup.date,
        **parts,
    )


def read_tei(data: bytes, where: str) -> list[tuple[str | None, str, Markup]]:
    """(fragment, derived text, markup) of each letter of a TEI file: one for a ``TEI``
    document (fragment None), one per ``TEI`` of a ``teiCorpus``, named by its ``xml:id``
    when every letter has a distinct one, else by its position (1, 2, …)."""
    root = parse_xml(data, where)
    name = local_name(root)
    if namespace(root) != TEI_NS or name not in ("TEI", "teiCorpus"):
        found = f"<{name}>" + (f" in {namespace(root)}" if namespace(root) else "")
        raise InputError(
            f"{where} is not a TEI document (its root is {found}, not <TEI> or <teiCorpus> "
            f"in {TEI_NS})",
            "pass a TEI P5 file, or save the letter as .txt",
        )
    if name == "TEI":
        text, markup = read_letter(root, where)
        return [(None, text, markup)]
    letters = list(root.iter(f"{T}TEI"))
    if not letters:
        raise InputError(f"{where} is a teiCorpus without a <TEI> letter", "add the letters")
    ids = [attribute(tei, XML_ID, where) or "" for tei in letters]
    usable = len(set(ids)) == len(ids) and all(_FRAGMENT.fullmatch(i) for i in ids)
    found_letters: list[tuple[str | None, str, Markup]] = []
    for n, (tei, ident) in enumerate(zip(letters, ids, strict=True), start=1):
        fragment = ident if usable else str(n)
        text, markup = read_letter(tei, f"{where} (letter {fragment})")
        found_letters.append((fragment, text, markup))
    return found_letters


def tei_source(name: str, text: str, markup: Markup, path: str | None) -> Source:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(name=name, text=text, checksum=digest, path=path, markup=markup)
