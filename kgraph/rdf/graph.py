"""Stage 8, ``graph``: the RDF of a letter under the kgraph ontology. The only stage that
adds triples; every IRI comes from ``iris``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import OWL, PROV, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kgraph.model import Entity, Letter, LetterResult, TextSpan
from kgraph.rdf import iris
from kgraph.rdf.namespace import KG, SCHEMA, WD
from kgraph.settings import BaseIRI

Triple = tuple[Node, Node, Node]
DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
PREFIXES = {
    "kg": str(KG),
    "schema": str(SCHEMA),
    "wd": str(WD),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _iri_or_none(value: str | None) -> URIRef | None:
    if value is None or not iris.is_iri(value):
        return None
    return URIRef(value)


def letter_triples(result: LetterResult, base: BaseIRI) -> Iterator[Triple]:
    """The triples of one letter: the letter, its entities, mentions, relations and links."""
    letter = result.letter
    L = iris.letter_iri(base, letter)
    ent_iri = iris.entity_iris(base, result.entities)
    by_key = {e.key: e for e in result.entities}
    yield L, RDF.type, KG.Letter
    yield L, RDFS.label, Literal(_letter_label(result, by_key))
    yield L, KG.sourceChecksum, Literal(letter.source.checksum)
    yield L, KG.text, Literal(letter.source.text)
    yield L, KG.nlpModel, Literal(result.model)
    yield L, KG.generator, Literal(f"kgraph {result.kgraph_version}")
    if letter.heading is not None:
        yield L, SCHEMA.name, Literal(letter.heading.text)
    if result.sender:
        yield L, SCHEMA.sender, ent_iri[result.sender]
    if result.recipient:
        yield L, SCHEMA.recipient, ent_iri[result.recipient]
    if letter.date is not None:
        yield (
            L,
            SCHEMA.dateSent,
            Literal(letter.date.iso, datatype=DATE_TYPES[letter.date.precision]),
        )
        yield L, KG.dateText, Literal(letter.date.span.text)
    if result.place:
        yield L, KG.placeOfWriting, ent_iri[result.place]
    for prop, span in (
        (KG.address, letter.address),
        (KG.accessNote, letter.access_note),
        (KG.salutation, letter.salutation),
        (KG.valediction, letter.valediction),
        (KG.signature, letter.signature),
    ):
        if span is not None:
            yield L, prop, Literal(span.text)
    if letter.edition is not None:
        edition = iris.edition_iri(L)
        yield L, KG.sourceEdition, edition
        yield edition, RDF.type, KG.SourceEdition
        yield edition, KG.beginIndex, _int(letter.edition.span.start)
        yield edition, KG.endIndex, _int(letter.edition.span.end)
        for prop, value in (
            (SCHEMA.publisher, letter.edition.publisher),
            (SCHEMA.license, letter.edition.licence),
            (SCHEMA.name, letter.edition.title),
        ):
            if value:
                yield edition, prop, Literal(value)
        url = _iri_or_none(letter.edition.url)
        if url is not None:
            yield edition, SCHEMA.url, url
    yield from _cue_triples(L, result, ent_iri)
    for kind, span in editorial_parts(letter):
        part = iris.part_iri(L, span.start, span.end)
        yield L, KG.editorialPart, part
        yield part, RDF.type, KG.EditorialPart
        yield part, KG.partKind, Literal(kind)
        yield part, KG.beginIndex, _int(span.start)
        yield part, KG.endIndex, _int(span.end)
    for entity in result.entities:
        yield from _entity_triples(L, ent_iri[entity.key], entity)
    for rel in result.relations:
        s, o = ent_iri[rel.subject], ent_iri[rel.object]
        p = getattr(KG, rel.predicate)
        yield s, p, o
        a = iris.assertion_iri(L, str(s), str(p), str(o))
        yield from _assertion(a, L, s, p, o, rel.confidence, rel.rule)
        yield a, KG.evidence, Literal(rel.evidence.text)
        yield a, KG.beginIndex, _int(rel.evidence.start)
        yield a, KG.endIndex, _int(rel.evidence.end)
    for link in result.links:
        e = ent_iri[link.entity]
        if link.qid is not None:
            yield e, OWL.sameAs, WD[link.qid]
            a = iris.assertion_iri(L, str(e), str(OWL.sameAs), str(WD[link.qid]))
            yield from _assertion(
                a, L, e, OWL.sameAs, WD[link.qid], link.confidence, f"link:{link.method}"
            )
            yield a, KG.evidence, Literal(by_key[link.entity].label)
        else:
            for qid, score in link.candidates:
                c = iris.candidate_iri(L, str(e), qid)
                yield e, KG.linkCandidate, c
                yield c, RDF.type, KG.LinkCandidate
                yield c, KG.candidateItem, WD[qid]
                yield c, KG.score, _decimal(score)


def _entity_triples(L: URIRef, e: URIRef, entity: Entity) -> Iterator[Triple]:
    yield L, SCHEMA.mentions, e
    yield e, RDF.type, getattr(KG, entity.type)
    yield e, RDFS.label, Literal(entity.label)
    for name in entity.alternate_names:
        yield e, SCHEMA.alternateName, Literal(name)
    for iri in entity.same_as:
        yield e, SCHEMA.sameAs, URIRef(iri)
    for m in entity.mentions:
        node = iris.mention_iri(L, m.start, m.end)
        yield node, RDF.type, KG.Mention
        yield node, KG.mentionOf, e
        yield node, KG.inLetter, L
        yield node, KG.anchorOf, Literal(m.text)
        yield node, KG.beginIndex, _int(m.start)
        yield node, KG.endIndex, _int(m.end)


_CUE_PROPERTIES = {
    "sender": SCHEMA.sender,
    "recipient": SCHEMA.recipient,
    "date": SCHEMA.dateSent,
    "place": KG.placeOfWriting,
}


def editorial_parts(letter: Letter) -> list[tuple[str, TextSpan]]:
    """The stretches of the text an editor or a website wrote, in text order."""
    parts = [("heading", letter.heading)] if letter.heading is not None else []
    parts += [("introduction", s) for s in letter.introduction]
    parts += [("colophon", s) for s in letter.edition_matter]
    parts += [("note", s) for s in letter.notes]
    if letter.colophon is not None:
        parts.append(("colophon", letter.colophon))
    return sorted(((k, s) for k, s in parts if s is not None), key=lambda p: p[1].start)


def _cue_triples(L: URIRef, result: LetterResult, ent_iri: dict[str, URIRef]) -> Iterator[Triple]:
    """Why the letter's sender, recipient, date and place are stated: one Assertion each."""
    letter = result.letter
    labels = {str(ent_iri[e.key]): e.label for e in result.entities}
    values: dict[str, URIRef | Literal | None] = {
        "sender": ent_iri.get(result.sender) if result.sender else None,
        "recipient": ent_iri.get(result.recipient) if result.recipient else None,
        "date": Literal(letter.date.iso, datatype=DATE_TYPES[letter.date.precision])
        if letter.date is not None
        else None,
        "place": ent_iri.get(result.place) if result.place else None,
    }
    for cue in result.cues:
        value = values.get(cue.field)
        if value is None:
            continue
        p = _CUE_PROPERTIES[cue.field]
        a = iris.assertion_iri(L, str(L), str(p), str(value))
        yield from _assertion(a, L, L, p, value, cue.confidence, cue.rule)
        if cue.evidence is not None:
            yield a, KG.evidence, Literal(cue.evidence.text)
            yield a, KG.beginIndex, _int(cue.evidence.start)
            yield a, KG.endIndex, _int(cue.evidence.end)
        else:  # encoded by an editor (TEI correspDesc): the value itself is the evidence
            yield a, KG.evidence, Literal(labels.get(str(value), str(value)))


def _assertion(
    a: URIRef,
    L: URIRef,
    s: URIRef,
    p: URIRef,
    o: URIRef | Literal,
    confidence: float,
    rule: str,
) -> Iterator[Triple]:
    yield a, RDF.type, KG.Assertion
    yield a, RDF.type, RDF.Statement
    yield a, RDF.subject, s
    yield a, RDF.predicate, p
    yield a, RDF.object, o
    yield a, KG.confidence, _decimal(confidence)
    yield a, KG.rule, Literal(rule)
    yield a, PROV.wasDerivedFrom, L


def _letter_label(result: LetterResult, by_key: dict[str, Entity]) -> str:
    parts = ["Letter"]
    if result.sender:
        parts.append(f"from {by_key[result.sender].label}")
    if result.recipient:
        parts.append(f"to {by_key[result.recipient].label}")
    if result.letter.date is not None:
        parts.append(f"of {result.letter.date.iso}")
    return " ".join(parts) if len(parts) > 1 else f"Letter {result.letter.source.name}"


def bind_prefixes(graph: Graph, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("res", base, override=True, replace=True)


def graph_triples(results: Iterable[LetterResult], base: BaseIRI) -> Iterator[Triple]:
    """The triples of all letters as one graph (the default graph), as Turtle and N-Triples
    want it.

    A thing keeps one ``rdfs:label``: the first letter's. One IRI may be labelled otherwise
    in a later letter ("Zoë", then "Zoe"); that label becomes a ``schema:alternateName``."""
    labels: dict[Node, Node] = {}
    for result in results:
        for s, p, o in letter_triples(result, base):
            if p == RDFS.label and labels.setdefault(s, o) != o:
                p = SCHEMA.alternateName
            yield s, p, o


def prefixed(base: str) -> Graph:
    """An empty graph with kgraph's prefixes bound (``res:`` being ``base``)."""
    graph = Graph()
    bind_prefixes(graph, BaseIRI(base))
    return graph


def to_graph(results: Iterable[LetterResult], base: str) -> Graph:
    """All letters in one graph (see ``graph_triples``). ``base`` a str is checked here; a
    BaseIRI (``Settings.base``) is taken as it is."""
    base = BaseIRI(base)
    graph = prefixed(base)
    for triple in graph_triples(results, base):
        graph.add(triple)
    return graph


def to_dataset(results: Iterable[LetterResult], base: str) -> Dataset:
    """One named graph per letter (the letter's IRI), for N-Quads, TriG and stores."""
    base = BaseIRI(base)  # a no-op for a BaseIRI
    dataset = Dataset()
    bind_prefixes(dataset, base)
    for result in results:
        named = dataset.graph(iris.letter_iri(base, result.letter))
        for triple in letter_triples(result, base):
            named.add(triple)
    return dataset
