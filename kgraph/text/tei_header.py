"""What a TEI letter's header and markup say of it: the correspondence metadata in
``profileDesc/correspDesc`` (CMIF's meaning: ``sent`` gives sender, place of writing and
date; ``received`` the recipient), dates from ``@when``/``@from``/``@to``/``@notBefore``/
``@notAfter``, the entity type of a tagged name, and its identifiers (``@ref``, ``@key``,
local ``#id`` pointers resolved through the document's lists of persons, places, orgs)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kgraph.model import DatePrecision, Edition, EncodedMetadata, EncodedParty, EntityType, TextSpan
from kgraph.text.xmlsafe import attribute, local_name

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NAME_TYPES: dict[str, EntityType] = {
    "persName": "Person",
    "placeName": "Place",
    "orgName": "Organization",
}
RS_TYPES: dict[str, EntityType] = {
    "person": "Person",
    "persname": "Person",
    "place": "Place",
    "placename": "Place",
    "org": "Organization",
    "orgname": "Organization",
    "organization": "Organization",
    "organisation": "Organization",
    "event": "Event",
    "group": "Group",
    "concept": "Concept",
    "term": "Concept",
    "work": "Work",
    "bibl": "Work",
    "periodical": "Periodical",
    "journal": "Periodical",
}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.+Z-]*)?")
_SPACE = re.compile(r"[ \t\r\n]+")


def tagged_type(element: Any, where: str) -> EntityType | None:
    """The entity type of a name element, or None when it is not a name of a known type."""
    name = local_name(element)
    if name in NAME_TYPES:
        return NAME_TYPES[name]
    if name == "title":
        return "Periodical" if attribute(element, "level", where) == "j" else "Work"
    if name in ("rs", "name"):
        kind = (attribute(element, "type", where) or "").strip().lower()
        return RS_TYPES.get(kind)
    return None


def refs_of(element: Any, where: str, pointers: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Identifiers of a name: each @ref token (a ``#id`` pointer followed by what the pointed
    entry gives), and ``key:`` + @key."""
    found: list[str] = []
    for token in (attribute(element, "ref", where) or "").split():
        found.append(token)
        if token.startswith("#"):
            found.extend(pointers.get(token[1:], ()))
    key = (attribute(element, "key", where) or "").strip()
    if key:
        found.append(f"key:{key}")
    return tuple(dict.fromkeys(found))


def pointer_targets(tei: Any, where: str) -> dict[str, tuple[str, ...]]:
    """``xml:id`` → identifiers of the document's person, place, org, event and bibl entries
    (their @ref and @sameAs tokens and ``idno`` URIs), for ``ref="#id"`` pointers."""
    found: dict[str, tuple[str, ...]] = {}
    for kind in ("person", "personGrp", "place", "org", "event", "bibl"):
        for entry in tei.iter(f"{T}{kind}"):
            ident = attribute(entry, XML_ID, where)
            if not ident:
                continue
            refs = [
                token
                for name in ("ref", "sameAs")
                for token in (attribute(entry, name, where) or "").split()
                if not token.startswith("#")
            ]
            for idno in entry.findall(f"{T}idno"):
                value = _SPACE.sub(" ", "".join(idno.itertext())).strip()
                if value.startswith(("http://", "https://")) and " " not in value:
                    refs.append(value)
            found[ident] = tuple(dict.fromkeys(refs))
    return found


def plain_text(element: Any) -> str:
    """The text content of an element, whitespace collapsed (for header names)."""
    parts = [element.text or ""]
    for child in element.iterdescendants():
        if local_name(child) not in ("note", "del", "fw", "abbr", "orig", "sic"):
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return _SPACE.sub(" ", "".join(parts)).strip()


def iso_date(value: str | None) -> tuple[str, DatePrecision] | None:
    """``"1908-11-20"`` → ("1908-11-20", "day"); a time is dropped; impossible dates → None."""
    if not value:
        return None
    m = _ISO.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        return None
    if year == 0:
        return None
    if m[3]:
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if m[2]:
        return f"{m[1]}-{m[2]}", "month"
    return m[1], "year"


def encoded_date(element: Any, where: str) -> tuple[str, DatePrecision] | None:
    """A TEI date's value: @when; else the range @from/@notBefore … @to/@notAfter read as the
    month or year both ends share (never a guess inside it); else None."""
    when = iso_date(attribute(element, "when", where))
    if when is not None:
        return when
    low = iso_date(attribute(element, "from", where) or attribute(element, "notBefore", where))
    high = iso_date(attribute(element, "to", where) or attribute(element, "notAfter", where))
    if low is None or high is None:
        return None
    if low[0] == high[0]:
        return low
    if low[0][:7] == high[0][:7] and len(low[0]) >= 7 and len(high[0]) >= 7:
        return low[0][:7], "month"
    if low[0][:4] == high[0][:4]:
        return low[0][:4], "year"
    return None


UNKNOWN = frozenset({"unknown", "unbekannt", "inconnu", "anonymous", "n.n.", "nn"})


def correspondence(
    tei: Any, where: str, pointers: dict[str, tuple[str, ...]]
) -> EncodedMetadata | None:
    """The header's ``correspDesc``, or None when the edition encoded none."""
    desc = tei.find(f"{T}teiHeader/{T}profileDesc/{T}correspDesc")
    if desc is None:
        return None
    senders: list[EncodedParty] = []
    recipients: list[EncodedParty] = []
    place: EncodedParty | None = None
    when: str | None = None
    for action in desc.iter(f"{T}correspAction"):
        kind = attribute(action, "type", where)
        if kind not in ("sent", "received"):
            continue
        for child in action:
            if not isinstance(child.tag, str) or not child.tag.startswith(T):
                continue
            name = local_name(child)
            kind_of = tagged_type(child, where) if name != "title" else None
            text = plain_text(child)
            refs = refs_of(child, where, pointers)
            if text.lower() in UNKNOWN and not refs:
                continue  # CMIF's convention for a party the edition does not know
            if kind_of in ("Person", "Organization", "Group") and text:
                party = EncodedParty(text, kind_of, refs)
                (senders if kind == "sent" else recipients).append(party)
            elif kind_of == "Place" and kind == "sent" and text and place is None:
                place = EncodedParty(text, "Place", refs_of(child, where, pointers))
            elif name == "date" and kind == "sent" and when is None:
                found = encoded_date(child, where)
                when = found[0] if found else None
    if not (senders or recipients or place or when):
        return None
    return EncodedMetadata(tuple(senders), tuple(recipients), place, when)


def edition_of(tei: Any, span: TextSpan | None, where: str) -> Edition | None:
    """The source edition the colophon ``span`` names (kgraph's TEI: the header's
    ``sourceDesc/bibl type="edition"`` gives its title, publisher, URL and licence)."""
    if span is None:
        return None
    bibl = tei.find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl[@type='edition']")
    if bibl is None:
        return Edition(span)

    def text_of(path: str) -> str | None:
        found = bibl.find(path)
        return plain_text(found) or None if found is not None else None

    ref = bibl.find(f"{T}ref")
    url = attribute(ref, "target", where) if ref is not None else None
    return Edition(
        span,
        title=text_of(f"{T}title"),
        publisher=text_of(f"{T}publisher"),
        url=url or None,
        licence=text_of(f"{T}note[@type='licence']"),
    )
