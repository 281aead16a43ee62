"""Every IRI kgraph mints, minted here and nowhere else. All are deterministic."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from .model import Entity, Letter
from .reading import slugify


def letter_iri(base: str, letter: Letter) -> URIRef:
    return URIRef(f"{base}letter/{letter.source.name}")


def entity_iri(base: str, entity: Entity) -> URIRef:
    """One IRI per real thing across letters: the authority id, else type and label."""
    kind = entity.type.lower()
    return URIRef(f"{base}{kind}/{slugify(entity.authority_id or entity.label, fallback=kind)}")


def mention_iri(letter: URIRef, start: int, end: int) -> URIRef:
    """RFC 5147 style fragment: ``<letter>#char=BEGIN,END``."""
    return URIRef(f"{letter}#char={start},{end}")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assertion_iri(letter: URIRef, subject: str, predicate: str, obj: str) -> URIRef:
    return URIRef(f"{letter}#assertion-{_digest(subject, predicate, obj)}")


def candidate_iri(letter: URIRef, entity: str, qid: str) -> URIRef:
    return URIRef(f"{letter}#candidate-{_digest(entity, qid)}")


def edition_iri(letter: URIRef) -> URIRef:
    return URIRef(f"{letter}#source")
