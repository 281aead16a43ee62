"""Every IRI kgraph mints, minted here and nowhere else. All are deterministic.

The base they are minted under is a ``BaseIRI`` (``kgraph.settings``), checked once where
it entered, so nothing here checks it again."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from rdflib import URIRef

from kgraph.model import Entity, Letter
from kgraph.settings import BaseIRI, is_iri

__all__ = [
    "BaseIRI",
    "assertion_iri",
    "candidate_iri",
    "edition_iri",
    "entity_iri",
    "entity_iris",
    "is_iri",
    "letter_iri",
    "mention_iri",
    "name_slug",
]


def letter_iri(base: BaseIRI, letter: Letter) -> URIRef:
    return URIRef(f"{base}letter/{letter.source.name}")


def entity_iri(base: BaseIRI, entity: Entity) -> URIRef:
    """One IRI per real thing across letters: the authority id, else type and label."""
    kind = entity.type.lower()
    return URIRef(f"{base}{kind}/{name_slug(entity.authority_id or entity.label, fallback=kind)}")


def entity_iris(base: BaseIRI, entities: Iterable[Entity]) -> dict[str, URIRef]:
    """The IRI of each entity of one letter, by key. Two entities whose names make one
    IRI ("O’Brien" and "OBrien") must not become one thing: the later gets a digest of its
    key after the name."""
    found: dict[str, URIRef] = {}
    taken: set[URIRef] = set()
    for entity in entities:
        iri = entity_iri(base, entity)
        if iri in taken:
            iri = URIRef(f"{iri}-{_digest(entity.key)[:8]}")
        taken.add(iri)
        found[entity.key] = iri
    return found


def name_slug(value: str, fallback: str) -> str:
    """An IRI segment for a name. A name written in Latin letters, accented or not, gets
    ``slugify``'s ASCII slug ("Pëtr Kropotkin" → "petr-kropotkin"); a name with letters or
    digits of other scripts keeps them, case-folded ("Москва" → "москва", "Łódź" → "łodz"),
    where ASCII would lose them and make every Russian name one IRI. A slug longer than 80
    characters is cut, and ends in a digest of the whole name."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
    )
    if all(c.isascii() for c in folded if c.isalnum()):
        slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower())
    else:
        slug = "-".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", folded.casefold())))
    slug = slug.strip("-")
    if len(slug) > 80:
        slug = f"{slug[:80].strip('-')}-{_digest(value)[:8]}"
    return slug or fallback


def mention_iri(letter: URIRef, start: int, end: int) -> URIRef:
    """RFC 5147 style fragment: ``<letter>#char=BEGIN,END``."""
    return URIRef(f"{letter}#char={start},{end}")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assertion_iri(letter: URIRef, subject: str, predicate: str, obj: str) -> URIRef:
    return URIRef(f"{letter}#assertion-{_digest(subject, predicate, obj)}")


def candidate_iri(letter: URIRef, entity: str, qid: str) -> URIRef:
    return URIRef(f"{letter}#candidate-{_digest(entity, qid)}")


def part_iri(letter: URIRef, start: int, end: int) -> URIRef:
    """An editorial part of the letter's text: ``<letter>#part=BEGIN,END``."""
    return URIRef(f"{letter}#part={start},{end}")


def edition_iri(letter: URIRef) -> URIRef:
    return URIRef(f"{letter}#source")
