"""Authority identifiers beyond Wikidata: GND, VIAF, GeoNames, LC, BnF and NDL.

One canonical IRI a scheme, so that the same person gets the same ``schema:sameAs`` whether
the id came from the authority file, a TEI ``@ref`` or a user's extract, and so that the CMIF
export can hand correspSearch the forms it knows. ``canonical_iri`` accepts a bare id with its
scheme, or any of the URI spellings editions use (``http``/``https``, ``www.``, a trailing
slash, ``/about.rdf``), and returns None for anything it does not recognise: an id that does
not look like its scheme's ids is left out, never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SCHEMES", "Scheme", "canonical_iri", "scheme_of"]


@dataclass(frozen=True)
class Scheme:
    name: str  # short name used in data files and the CLI: "gnd", "viaf", ...
    prefix: str  # canonical IRI = prefix + id + suffix
    suffix: str
    id_pattern: str  # a well-formed id of the scheme
    uri_pattern: str  # the URI spellings seen in editions; group "id" is the id
    wikidata_property: str  # the Wikidata property holding the id
    cmif_person: bool  # CMIF lists it for persons (and organisations)
    cmif_place: bool  # CMIF lists it for places


SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        Scheme(
            "gnd",
            "https://d-nb.info/gnd/",
            "",
            r"[0-9X-]{4,15}",
            r"https?://(?:www\.)?d-nb\.info/gnd/(?P<id>[0-9X-]{4,15})/?(?:about(?:/\w+)?)?",
            "P227",
            True,
            False,
        ),
        Scheme(
            "viaf",
            "https://viaf.org/viaf/",
            "",
            r"[1-9][0-9]{1,21}",
            r"https?://(?:www\.)?viaf\.org/viaf/(?P<id>[1-9][0-9]{1,21})/?",
            "P214",
            True,
            False,
        ),
        Scheme(
            "geonames",
            "https://sws.geonames.org/",
            "/",
            r"[1-9][0-9]{0,9}",
            r"https?://(?:www\.|sws\.)?geonames\.org/(?P<id>[1-9][0-9]{0,9})(?:/[^\s]*)?",
            "P1566",
            False,
            True,
        ),
        Scheme(
            "lc",
            "http://id.loc.gov/authorities/names/",
            "",
            r"n[a-z]?[0-9]{6,10}",
            r"https?://id\.loc\.gov/authorities/names/(?P<id>n[a-z]?[0-9]{6,10})(?:\.html)?/?",
            "P244",
            True,
            False,
        ),
        Scheme(
            "bnf",
            "https://data.bnf.fr/ark:/12148/cb",
            "",
            r"[0-9]{8}[0-9bcdfghjkmnpqrstvwxz]",
            r"https?://(?:data|catalogue)\.bnf\.fr/ark:/12148/cb(?P<id>[0-9]{8}[0-9bcdfghjkmnpqrstvwxz])/?",
            "P268",
            True,
            False,
        ),
        Scheme(
            "ndl",
            "https://id.ndl.go.jp/auth/ndlna/",
            "",
            r"[0-9]{8,9}",
            r"https?://id\.ndl\.go\.jp/auth/ndlna/(?P<id>[0-9]{8,9})/?",
            "P349",
            True,
            False,
        ),
    )
}

_URI = {name: re.compile(s.uri_pattern, re.IGNORECASE) for name, s in SCHEMES.items()}
_ID = {name: re.compile(s.id_pattern) for name, s in SCHEMES.items()}


def canonical_iri(value: str, scheme: str | None = None) -> str | None:
    """The canonical IRI for ``value``: a URI of a known scheme, or a bare id of ``scheme``.

    >>> canonical_iri("http://www.geonames.org/2988507/paris.html")
    'https://sws.geonames.org/2988507/'
    >>> canonical_iri("118566512", "gnd")
    'https://d-nb.info/gnd/118566512'
    """
    value = value.strip()
    if scheme is not None:
        s = SCHEMES.get(scheme.lower())
        if s is None:
            return None
        if _ID[s.name].fullmatch(value):
            return f"{s.prefix}{value}{s.suffix}"
        match = _URI[s.name].fullmatch(value)
        return f"{s.prefix}{match['id']}{s.suffix}" if match else None
    for name, pattern in _URI.items():
        match = pattern.fullmatch(value)
        if match:
            s = SCHEMES[name]
            return f"{s.prefix}{match['id']}{s.suffix}"
    return None


def scheme_of(iri: str) -> Scheme | None:
    """The scheme of a canonical IRI (as ``canonical_iri`` returns them), else None."""
    for s in SCHEMES.values():
        if iri.startswith(s.prefix) and _URI[s.name].fullmatch(iri):
            return s
    return None
