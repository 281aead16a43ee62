"""TEI P5 letters from a built collection: one file a letter.

The ``teiHeader`` holds the title (the letter's heading), the letter's IRI, the source
edition when the graph names one, and a ``correspDesc`` as in CMIF (sender, place of writing
and date sent; recipient). The text content of ``text/body`` is the letter's text (kg:text)
exactly, with the letter's parts as ``head``, ``opener`` (``dateline``, ``address``,
``salute``), ``p``, ``closer`` (``salute``, ``signed``) and ``postscript`` where kgraph
locates them (see ``kgraph.export.tei_layout``), and every mention wrapped in ``persName``,
``placeName``, ``orgName``, ``title`` (``level="j"`` for periodicals) or
``rs type="event|group|concept"``.

``@ref`` of a name: the entity's Wikidata URI when it is linked, else its kgraph IRI,
followed by its authority IRIs (GND, VIAF, GeoNames, ...), space-separated. Characters XML
1.0 forbids are replaced by U+FFFD (see ``kgraph.export.correspondence``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from lxml import etree

from kgraph.errors import DataError
from kgraph.export.collection import Collection, EntityView, LetterView
from kgraph.export.correspondence import corresp_desc, serialize, tei, write_all, xml_text
from kgraph.export.tei_layout import Span, layout, parts_of
from kgraph.model import Letter

__all__ = ["export_tei", "file_names", "tei_bytes", "write_tei"]

_SKELETON = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def tei_bytes(letter: LetterView, entities: Mapping[str, EntityView]) -> bytes:
    """The TEI document of one letter."""
    root = etree.fromstring(_SKELETON, etree.XMLParser(resolve_entities=False, no_network=True))
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = xml_text(letter.name or letter.label)
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(publication, tei("authority")).text = "kgraph"
    etree.SubElement(publication, tei("idno"), type="URI").text = letter.iri
    parsed = parts_of(letter.text or "") if letter.text else None
    _source_desc(etree.SubElement(file_desc, tei("sourceDesc")), letter, parsed)
    profile = etree.SubElement(header, tei("profileDesc"))
    corresp_desc(profile, letter, entities, mode="tei")
    etree.indent(root, space="  ")  # only the header so far: the body's text stays as it is
    text = etree.SubElement(root, tei("text"))
    text.text, text.tail = "\n", "\n"
    body = etree.SubElement(text, tei("body"))
    body.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")  # read back verbatim
    body.tail = "\n"
    tree = layout(letter, entities, parsed)
    _render(tree, etree.SubElement(body, tei(tree.tag), tree.attrs), letter.text or "")
    root[0].tail = "\n"
    return serialize(root)


def _source_desc(parent: etree._Element, letter: LetterView, parsed: Letter | None) -> None:
    """The source edition the text names (``bibl type="edition"``: title, publisher, URL,
    licence as kgraph reads them in the colophon), else the graph's edition name."""
    edition = parsed.edition if parsed is not None else None
    if edition is not None:
        bibl = etree.SubElement(parent, tei("bibl"), type="edition")
        for tag, value in (("title", edition.title), ("publisher", edition.publisher)):
            if value:
                etree.SubElement(bibl, tei(tag)).text = xml_text(value)
        if edition.url:
            ref = etree.SubElement(bibl, tei("ref"), target=xml_text(edition.url))
            ref.text = xml_text(edition.url)
        if edition.licence:
            etree.SubElement(bibl, tei("note"), type="licence").text = xml_text(edition.licence)
    elif letter.source_edition:
        etree.SubElement(parent, tei("bibl")).text = xml_text(letter.source_edition)
    else:
        etree.SubElement(parent, tei("p")).text = "The letter's text as kgraph read it."


def _render(span: Span, element: etree._Element, text: str) -> None:
    pos, last = span.begin, None
    for child in span.children:
        _put(element, last, text[pos : child.begin])
        sub = etree.SubElement(element, tei(child.tag), child.attrs)
        _render(child, sub, text)
        last, pos = sub, child.end
    _put(element, last, text[pos : span.end])


def _put(parent: etree._Element, last: etree._Element | None, value: str) -> None:
    if not value:
        return
    if last is None:
        parent.text = xml_text(value)
    else:
        last.tail = xml_text(value)


def file_names(letters: tuple[LetterView, ...]) -> list[str]:
    """A file name for each letter (the last part of its IRI, made safe; unique)."""
    names: list[str] = []
    seen: set[str] = set()
    for letter in letters:
        stem = _UNSAFE.sub("-", letter.iri.rstrip("/").rsplit("/", 1)[-1]).strip("-.") or "letter"
        name, n = f"{stem}.xml", 1
        while name.lower() in seen:
            n += 1
            name = f"{stem}-{n}.xml"
        seen.add(name.lower())
        names.append(name)
    return names


def write_tei(collection: Collection, folder: str | Path) -> list[Path]:
    """Write one TEI file a letter into ``folder``. Every file is made before any is written,
    and all are renamed into place at the end: a failure leaves earlier files as they were."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise DataError(f"{folder}: is a file, not a folder", "pass -o a folder, e.g. -o tei/")
    files = {
        target / name: tei_bytes(letter, collection.entities)
        for name, letter in zip(file_names(collection.letters), collection.letters, strict=True)
    }
    write_all(files)
    return list(files)


def export_tei(
    data: Sequence[str | Path] = (),
    folder: str | Path = "tei",
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> list[Path]:
    """Read a collection (files, a store or an endpoint) and write its TEI letters."""
    from kgraph.export.collection import read_collection

    return write_tei(read_collection(data, store=store, endpoint=endpoint), folder)
