"""CMIF 1.1 (Correspondence Metadata Interchange Format) for a collection: one file with the
required ``teiHeader`` and one ``correspDesc`` a letter, for correspSearch and other services.

What kgraph cannot know comes from ``CmifInfo``: the file's public URL (required: CMIF's
``idno type="url"``, what correspSearch harvests), an editor, title, publisher, the date of
the file, and the edition the letters come from. Letters whose graph names a source edition
get a ``bibl`` of that edition; the others get the ``bibl`` named by ``edition_title``. Each
``bibl/@xml:id`` is a UUID derived from the file URL and the edition's title (uuid5), so it
stays the same when the file is written again, and begins with a letter (as ``xml:id`` must).
Same collection and same ``CmifInfo`` give byte-identical files.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from lxml import etree

from kgraph.errors import DataError
from kgraph.export.collection import Collection
from kgraph.export.correspondence import corresp_desc, serialize, tei, write_all, xml_text

__all__ = [
    "EDITION_TYPES",
    "LICENCE",
    "CmifInfo",
    "cmif_bytes",
    "default_date",
    "export_cmif",
    "write_cmif",
]

EditionType = Literal["print", "online", "hybrid"]
EDITION_TYPES: tuple[EditionType, ...] = ("print", "online", "hybrid")
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_TEXT = "This file is licensed under the terms of the Creative Commons License CC-BY 4.0"
_SKELETON = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?")


@dataclass(frozen=True)
class CmifInfo:
    """What a CMIF file says about itself. ``url`` is where the file will be published."""

    url: str
    editor: str  # the contact person for the file
    date: str  # of the file: YYYY-MM-DD or an xsd:dateTime
    title: str = "Letters"
    editor_email: str | None = None
    publisher: str | None = None  # defaults to the editor
    edition_title: str | None = None  # defaults to the title
    edition_type: EditionType = "online"

    def __post_init__(self) -> None:
        if not re.fullmatch(r"https?://\S+", self.url):
            raise DataError(
                f"CMIF needs the public http(s) URL of the file, not {self.url!r}",
                "pass --url https://example.org/letters-cmif.xml (where you will publish it)",
            )
        if not _DATE.fullmatch(self.date):
            raise DataError(
                f"the date of a CMIF file is YYYY-MM-DD or a date and time, not {self.date!r}",
                "pass e.g. --date 2024-05-01",
            )
        if self.edition_type not in EDITION_TYPES:
            raise DataError(
                f"unknown edition type {self.edition_type!r}", f"use {', '.join(EDITION_TYPES)}"
            )
        for name in ("title", "editor"):
            if not getattr(self, name).strip():
                raise DataError(f"the CMIF {name} is empty", f"pass --{name} with some text")


def bibl_id(url: str, edition: str) -> str:
    """A UUID for the edition ``edition`` of the file at ``url`` that begins with a letter."""
    for n in range(64):
        value = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{url}#{edition}#{n}"))
        if value[0].isalpha():
            return value
    raise AssertionError("no UUID beginning with a letter")  # pragma: no cover: p = (3/8)^64


def cmif_bytes(collection: Collection, info: CmifInfo) -> bytes:
    """The CMIF file of ``collection`` as bytes."""
    root = etree.fromstring(_SKELETON, etree.XMLParser(resolve_entities=False, no_network=True))
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = xml_text(info.title)
    editor = etree.SubElement(title_stmt, tei("editor"))
    editor.text = xml_text(info.editor)
    if info.editor_email:
        editor.text += " "
        etree.SubElement(editor, tei("email")).text = xml_text(info.editor_email)
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(publication, tei("publisher")).text = xml_text(info.publisher or info.editor)
    etree.SubElement(publication, tei("idno"), type="url").text = info.url
    etree.SubElement(publication, tei("date"), when=info.date)
    availability = etree.SubElement(publication, tei("availability"))
    licence = etree.SubElement(availability, tei("licence"), target=LICENCE)
    licence.text = LICENCE_TEXT
    default_edition = info.edition_title or info.title
    editions = sorted({letter.source_edition or default_edition for letter in collection.letters})
    ids = {edition: bibl_id(info.url, edition) for edition in editions}
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    for edition in editions:
        bibl = etree.SubElement(source_desc, tei("bibl"), type=info.edition_type)
        bibl.set("{http://www.w3.org/XML/1998/namespace}id", ids[edition])
        bibl.text = xml_text(edition)
    profile = etree.SubElement(header, tei("profileDesc"))
    for letter in collection.letters:
        source = ids[letter.source_edition or default_edition]
        corresp_desc(profile, letter, collection.entities, mode="cmif", source=source)
    body = etree.SubElement(etree.SubElement(root, tei("text")), tei("body"))
    etree.SubElement(body, tei("p"))
    etree.indent(root, space="  ")
    return serialize(root)


def write_cmif(collection: Collection, path: str | Path, info: CmifInfo) -> Path:
    """Write the CMIF file of ``collection`` to ``path`` (through a temporary file and a
    rename: a failure leaves an earlier file as it was)."""
    target = Path(path)
    if target.is_dir():
        raise DataError(f"{path}: is a folder", "name the CMIF file, e.g. -o letters-cmif.xml")
    write_all({target: cmif_bytes(collection, info)})
    return target


def default_date() -> str:
    """The date of a CMIF file when none is given: SOURCE_DATE_EPOCH (the reproducible-builds
    convention) when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.date().isoformat()


def export_cmif(
    data: Sequence[str | Path],
    path: str | Path,
    info: CmifInfo,
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> tuple[Path, int]:
    """Read a collection (files, a store or an endpoint) and write its CMIF file; the path
    and the number of letters."""
    from kgraph.export.collection import read_collection

    collection = read_collection(data, store=store, endpoint=endpoint)
    return write_cmif(collection, path, info), len(collection.letters)
