"""Reading TEI P5 letters: the text of ``text/body`` as plain text, with the letter's parts,
the names an editor tagged and the header's correspondence metadata as ``Markup``, and the
``Source`` and ``Letter`` they give.

``tei_body`` walks the body: the derived text (how the markup becomes text is said there) and
the spans of what the markup marks in it. This module reads a ``TEI`` document or each letter
of a ``teiCorpus`` and makes the ``Markup`` of those spans: the parts (a ``closer``'s words
before its ``signed`` as the valediction), the tagged names with their identifiers, the
letter's date, and ``tei_header``'s correspondence metadata and edition. Offsets of every part
count code points of the derived text.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from kgraph.errors import InputError
from kgraph.model import Letter, LetterDate, Markup, Source, TaggedName, TextSpan
from kgraph.text.dates import find_date
from kgraph.text.tei_body import BodyReader, OpenSpan, read_body
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
from kgraph.text.xmlsafe import attribute, local_name, namespace, parse_xml

_FRAGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")


def _span(text: str, opened: OpenSpan | None) -> TextSpan | None:
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
    reader = read_body(body, where, pointer_targets(tei, where))
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


def _spans(text: str, opened: list[OpenSpan]) -> tuple[TextSpan, ...]:
    return tuple(span for o in opened if (span := _span(text, o)) is not None)


def _letter_date(
    text: str, reader: BodyReader, dateline: TextSpan | None, encoded: str | None
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
