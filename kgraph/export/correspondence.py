"""What the TEI and CMIF writers share: XML-safe text, ``@ref`` values, CMIF dates and the
``correspDesc`` of a letter (CMIF 1.1 rules, so the same element serves both formats).

Text that XML 1.0 cannot hold (C0 controls other than tab, newline and carriage return, lone
surrogates, U+FFFE and U+FFFF) is replaced by U+FFFD, one code point for one, so the text of a
letter keeps its length and every mention its offsets. Carriage returns are kept (lxml writes
them as ``&#13;``, which a parser reads back as they were).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from lxml import etree

from kgraph.errors import DataError
from kgraph.export.collection import EntityView, LetterView

__all__ = [
    "TEI_NS",
    "UNKNOWN",
    "cmif_date",
    "corresp_desc",
    "mention_ref",
    "person_ref",
    "place_ref",
    "serialize",
    "tei",
    "write_all",
    "xml_text",
]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WIKIDATA = "http://www.wikidata.org/entity/"
UNKNOWN = "Unknown"  # CMIF's name for an unknown sender or addressee
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CMIF_DATE = re.compile(r"(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_ORG_TYPES = frozenset({"Organization", "Periodical", "Group"})

Mode = Literal["cmif", "tei"]


def tei(tag: str) -> str:
    """``tag`` in the TEI namespace, as lxml names it."""
    return f"{{{TEI_NS}}}{tag}"


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD (same length)."""
    return _FORBIDDEN.sub("\ufffd", text)


def cmif_date(lexical: str | None) -> str | None:
    """The date in one of CMIF's forms (YYYY-MM-DD, YYYY-MM, YYYY), else None: a time zone
    is dropped, anything else (a negative or five-digit year, a time) is left out."""
    if lexical is None:
        return None
    value = re.sub(r"(Z|[+-]\d\d:\d\d)$", "", lexical.strip())
    return value if _CMIF_DATE.fullmatch(value) else None


def person_ref(entity: EntityView) -> str | None:
    """The authority IRI CMIF lists for persons and organisations (GND, VIAF, LC, BnF,
    NDL, in that order of preference), if kgraph knows one."""
    return _authority(entity, place=False)


def place_ref(entity: EntityView) -> str | None:
    """The GeoNames IRI of a place, if kgraph knows one."""
    return _authority(entity, place=True)


def _authority(entity: EntityView, *, place: bool) -> str | None:
    from kgraph.knowledge.authority_ids import SCHEMES, scheme_of

    found: dict[str, str] = {}
    for iri in entity.same_as:
        scheme = scheme_of(iri)
        if scheme is not None and (scheme.cmif_place if place else scheme.cmif_person):
            found.setdefault(scheme.name, iri)
    for name in SCHEMES:
        if name in found:
            return found[name]
    return None


@functools.lru_cache(maxsize=1)
def _authority_labels() -> dict[str, str]:
    """Wikidata id → label of the one entry of kgraph's authority file that has it."""
    from kgraph.knowledge.authority import load_authority
    from kgraph.settings import Settings

    found: dict[str, list[str]] = {}
    for entry in load_authority(Settings().authority_dir).entries:
        if entry.wikidata:
            found.setdefault(entry.wikidata, []).append(entry.label)
    return {qid: labels[0] for qid, labels in found.items() if len(labels) == 1}


def wikidata_ref(entity: EntityView) -> str | None:
    """The Wikidata URI ``@ref`` gives an entity: its link, unless the authority file knows
    that item under another name. kgraph's TEI reader takes a Wikidata ``@ref`` for the
    authority entry of that item, so the link kgraph made from "Russian Revolution" in a
    letter of 1908 to the item the authority file calls "Russian Revolution of 1905" would
    make another entity of it; such a link is left out, and a build of the TEI links the
    name again as the first build did."""
    if not entity.wikidata:
        return None
    known = _authority_labels().get(entity.wikidata)
    return f"{WIKIDATA}{entity.wikidata}" if known in (None, entity.label) else None


def mention_ref(entity: EntityView) -> str:
    """The ``@ref`` of an entity in kgraph's TEI: its Wikidata URI when linked (see
    ``wikidata_ref``), else its kgraph IRI, followed by its authority IRIs (schema:sameAs),
    space-separated."""
    first = wikidata_ref(entity) or entity.iri
    return " ".join([first, *(iri for iri in entity.same_as if iri != first)])


def corresp_desc(
    parent: etree._Element,
    letter: LetterView,
    entities: Mapping[str, EntityView],
    *,
    mode: Mode,
    source: str | None = None,
) -> etree._Element:
    """Add the ``correspDesc`` of ``letter`` to ``parent``: ``correspAction`` ``sent``
    (sender, place of writing, date) and ``received`` (recipient). An unknown person is
    ``Unknown``. In CMIF, ``@ref`` holds only the authority ids CMIF lists; in kgraph's TEI
    it holds the entity's Wikidata URI or kgraph IRI and its authority IRIs (see
    ``mention_ref``)."""
    desc = etree.SubElement(parent, tei("correspDesc"))
    desc.set("ref", letter.iri)
    if source is not None:
        desc.set("source", f"#{source}")
    sent = etree.SubElement(desc, tei("correspAction"), type="sent")
    _party(sent, entities.get(letter.sender or ""), mode)
    place = entities.get(letter.place or "")
    if place is not None:
        name = etree.SubElement(sent, tei("placeName"))
        name.text = xml_text(place.label)
        ref = place_ref(place) if mode == "cmif" else mention_ref(place)
        if ref:
            name.set("ref", ref)
    when = cmif_date(letter.date)
    if when is not None:
        date = etree.SubElement(sent, tei("date"), when=when)
        if letter.date_text:
            date.text = xml_text(letter.date_text)
    received = etree.SubElement(desc, tei("correspAction"), type="received")
    _party(received, entities.get(letter.recipient or ""), mode)
    return desc


def _party(action: etree._Element, entity: EntityView | None, mode: Mode) -> None:
    if entity is None:
        etree.SubElement(action, tei("persName")).text = UNKNOWN
        return
    tag = "orgName" if entity.type in _ORG_TYPES else "persName"
    name = etree.SubElement(action, tei(tag))
    name.text = xml_text(entity.label)
    ref = person_ref(entity) if mode == "cmif" else mention_ref(entity)
    if ref:
        name.set("ref", ref)


def serialize(root: etree._Element) -> bytes:
    """The document as UTF-8 bytes with an XML declaration and a final newline."""
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + data + b"\n"


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write every file through a temporary file beside it, then rename them all: a failure
    or an interrupt before the renames leaves every earlier file as it was, and no
    temporary file behind."""
    from kgraph.rdf.write import temporary_file

    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            fd, tmp = temporary_file(path)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DataError(
                f"{exc.filename or 'output'} could not be written ({exc.strerror})",
                "check the disk and the path",
            ) from exc
        raise
