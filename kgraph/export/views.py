"""The plain, frozen values a collection is read into (``kgraph.export.collection``): one
letter, entity, mention and relation each, in a deterministic order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kgraph.model import ENTITY_TYPES

__all__ = [
    "ENTITY_TYPES",
    "KG",
    "WD",
    "Collection",
    "EntityView",
    "LetterView",
    "MentionView",
    "RelationView",
]

KG = "https://w3id.org/kgraph/ontology#"
WD = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class EntityView:
    iri: str
    type: str  # "Person", "Place", ... (kg class local name)
    label: str
    alternate_names: tuple[str, ...]  # sorted
    wikidata: str | None  # "Q90"
    same_as: tuple[str, ...]  # schema:sameAs authority IRIs, sorted


@dataclass(frozen=True)
class MentionView:
    begin: int
    end: int
    anchor: str
    entity: str  # entity IRI


@dataclass(frozen=True)
class RelationView:
    subject: str
    predicate: str  # kg local name, e.g. "visited"
    object: str
    evidence: str | None
    begin: int | None
    end: int | None
    confidence: float | None
    rule: str | None


@dataclass(frozen=True)
class LetterView:
    iri: str
    name: str | None  # schema:name (the heading) else rdfs:label
    label: str
    sender: str | None  # entity IRIs
    recipient: str | None
    date: str | None  # lexical form of schema:dateSent ("1908-11-20", "1908-11", "1908")
    place: str | None  # entity IRI of kg:placeOfWriting
    address: str | None
    text: str | None  # kg:text, the text all offsets count into (code points)
    source_edition: str | None  # schema:name of the kg:SourceEdition, if any
    mentions: tuple[MentionView, ...]  # sorted by (begin, end, entity)
    relations: tuple[RelationView, ...]  # sorted by (begin, end, subject, predicate, object)
    graph: str  # the named graph holding the letter (= letter IRI when not in a named graph)
    salutation: str | None = None  # the letter's parts as written (kg:salutation, ...)
    valediction: str | None = None
    signature: str | None = None
    date_text: str | None = None
    # editorial matter (kg:editorialPart): (begin, end, kind), kind one of "heading",
    # "introduction", "note", "colophon"; sorted
    editorial: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Collection:
    letters: tuple[LetterView, ...]  # sorted by iri
    entities: Mapping[str, EntityView]  # by IRI; a dict, to be treated as read-only
