"""RDF namespaces used by kgraph.

``KG`` lists every class and property declared in ``ontology/kgraph.ttl``.
It is a closed :class:`~rdflib.namespace.DefinedNamespace`: asking for a term
that is not declared (``KG.Persn``) raises ``AttributeError`` instead of
silently minting a new IRI. ``tests/test_ontology.py`` checks that this list
and the ontology file declare the same terms.

The other names are plain, open namespaces:

``SCHEMA``
    schema.org with the ``https`` scheme. rdflib's bundled ``SDO`` namespace
    is not used, so that every module agrees on one form of the IRI.
``WD`` / ``WDT``
    Wikidata items (``wd:Q…``) and truthy, direct properties (``wdt:P…``).
``KGSH``
    The SHACL shapes in ``ontology/shapes.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "KGSH", "SCHEMA", "WD", "WDT"]

SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
KGSH = Namespace("https://w3id.org/kgraph/shapes#")


class KG(DefinedNamespace):
    """Terms of the kgraph ontology, ``https://w3id.org/kgraph/ontology#``."""

    _NS = Namespace("https://w3id.org/kgraph/ontology#")
    _fail = True

    # Classes: letters and provenance
    Letter: URIRef
    SourceEdition: URIRef
    EditorialPart: URIRef

    # Classes: entities (kg:Entity is abstract; data uses the subclasses)
    Entity: URIRef
    Person: URIRef
    Place: URIRef
    Organization: URIRef
    Periodical: URIRef
    Work: URIRef
    Event: URIRef
    Group: URIRef
    Concept: URIRef

    # Classes: mentions, assertions, link candidates
    Mention: URIRef
    Assertion: URIRef
    LinkCandidate: URIRef

    # Letter properties
    placeOfWriting: URIRef
    sourceEdition: URIRef
    editorialPart: URIRef
    partKind: URIRef
    address: URIRef
    sourceChecksum: URIRef
    dateText: URIRef
    accessNote: URIRef
    salutation: URIRef
    valediction: URIRef
    signature: URIRef
    nlpModel: URIRef
    generator: URIRef
    text: URIRef

    # Mention properties (beginIndex / endIndex are also used on assertions)
    mentionOf: URIRef
    mentionedAs: URIRef
    inLetter: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef

    # Assertion properties
    evidence: URIRef
    confidence: URIRef
    rule: URIRef

    # Entity linking
    linkCandidate: URIRef
    candidateItem: URIRef
    score: URIRef

    # Relations between entities
    visited: URIRef
    livesIn: URIRef
    locatedIn: URIRef
    authorOf: URIRef
    editorOf: URIRef
    contributorTo: URIRef
    publishedIn: URIRef
    heldIn: URIRef
    memberOf: URIRef
    founderOf: URIRef
    participatedIn: URIRef
    correspondsWith: URIRef
    spouseOf: URIRef
    childOf: URIRef
