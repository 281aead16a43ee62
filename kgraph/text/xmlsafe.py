"""Parsing XML that may be hostile: no network, no DTD, no entity expansion, bounded size.

Every letter file is parsed with one hardened lxml parser: external DTDs, schemas and
entities are never fetched (``no_network``, ``load_dtd=False``), entity references are never
expanded (``resolve_entities=False``), libxml2's own limits on depth and node size stay on
(``huge_tree=False``), and a document type whose internal subset declares entities (the
shape of XXE and "billion laughs" attacks) is refused before and after parsing. Anything
wrong is one ``InputError`` line naming the file.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from kgraph.errors import InputError

MAX_DEPTH = 200  # element nesting a letter never needs; deeper is refused
MAX_ATTRIBUTE = 10_000  # characters of an attribute kgraph reads (@ref, @when, ...)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_WIDE = re.compile(rb"\A(?:\xff\xfe|\xfe\xff|\x00<|<\x00)")


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )


def parse_xml(data: bytes, where: str) -> Any:
    """The root element of ``data``, parsed safely; an InputError naming ``where`` else."""
    if not data.strip():
        raise InputError(f"{where} is empty", "pass a TEI file that holds a letter")
    if _WIDE.match(data):
        plain = data
        for codec in ("utf-16", "utf-32"):
            try:
                plain = data.decode(codec).encode("utf-8")
                break
            except UnicodeDecodeError:
                continue
    else:
        plain = data
    if _ENTITY_DECLARATION.search(plain):
        raise InputError(
            f"{where} declares XML entities in its document type (refused: they can read "
            "files, reach the network or expand without bound)",
            "remove the <!ENTITY> declarations and write the characters themselves",
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = (str(exc.msg or exc).strip().splitlines() or ["syntax error"])[0]
        message = re.sub(r",? line \d+, column \d+$", "", message)
        line, column = (exc.position or (0, 0))[:2]
        raise InputError(
            f"{where} is not well-formed XML (line {line}, column {column}: {message})",
            "fix the markup, or check it with an XML validator",
        ) from exc
    except (ValueError, MemoryError) as exc:  # e.g. an encoding declaration lxml refuses
        raise InputError(f"{where} cannot be parsed as XML ({exc})", "save it as UTF-8") from exc
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            f"{where} declares XML entities in its document type (refused)",
            "remove the <!ENTITY> declarations and write the characters themselves",
        )
    return root


def attribute(element: Any, name: str, where: str) -> str | None:
    """An attribute's value, refused when absurdly long (nothing kgraph reads needs it)."""
    value: str | None = element.get(name)
    if value is not None and len(value) > MAX_ATTRIBUTE:
        raise InputError(
            f"{where}: attribute {name} of <{local_name(element)}> is {len(value):,} characters "
            f"long (at most {MAX_ATTRIBUTE:,})",
            "shorten the attribute",
        )
    return value


def local_name(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].partition("}")[0]
