"""One reader of a built collection for every export: RDF files, an embedded store or a SPARQL
endpoint become plain, frozen Python values in a deterministic order.

The data is always brought into one in-memory pyoxigraph store first (files through
``kgraph.rdf.datafiles``; an endpoint's quads through one SELECT over its named graphs and its
default graph), or the on-disk store is opened read-only; the reader's own SPARQL then runs
with the default graph as the union of all graphs, so it does not matter whether a letter's
triples sit in a named graph (N-Quads, TriG, stores) or in the default graph (Turtle).

An entity named in several letters has one IRI; its alternate names and authority IRIs are
merged over all letters (its label is the same in each; the smallest is taken if not).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import DataError
from kgraph.rdf.datafiles import load_data

__all__ = [
    "ENTITY_TYPES",
    "Collection",
    "EntityView",
    "LetterView",
    "MentionView",
    "RelationView",
    "read_collection",
]

KG = "https://w3id.org/kgraph/ontology#"
WD = "http://www.wikidata.org/entity/"
ENTITY_TYPES = (
    "Person",
    "Place",
    "Organization",
    "Periodical",
    "Work",
    "Event",
    "Group",
    "Concept",
)
_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


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


@dataclass(frozen=True)
class Collection:
    letters: tuple[LetterView, ...]  # sorted by iri
    entities: Mapping[str, EntityView]  # by IRI; a dict, to be treated as read-only


def read_collection(
    data: Sequence[str | Path] = (),
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> Collection:
    """The collection in RDF files or folders (``data``), an embedded store folder (``store``)
    or at a SPARQL endpoint URL (``endpoint``): exactly one of the three."""
    if isinstance(data, str | Path):
        data = [data]
    given = sum((bool(data), store is not None, endpoint is not None))
    if given != 1:
        raise DataError(
            "name exactly one source: RDF files or folders, a store or an endpoint",
            "e.g. output/, or --store store/, or --endpoint http://127.0.0.1:7878/query",
        )
    if store is not None:
        from kgraph.store.embedded import open_store

        where = str(store)
        oxstore = open_store(store, read_only=True)
    elif endpoint is not None:
        where = endpoint
        oxstore = _endpoint_store(endpoint)
    else:
        where = ", ".join(str(d) for d in data)
        oxstore = load_data(data)
    collection = _read(oxstore)
    if not collection.letters:
        raise DataError(f"{where}: no kg:Letter in this data", "build letters first: kgraph build")
    return collection


def _endpoint_store(url: str) -> ox.Store:
    from kgraph.store.endpoint import query_endpoint

    result = query_endpoint(
        url,
        "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }",
    )
    lines = []
    for g, s, p, o in result.rows:
        if s is None or p is None or o is None or p.kind != "iri":
            continue
        graph = f" {g.ntriples()}" if g is not None and g.kind == "iri" else ""
        lines.append(f"{s.ntriples()} {p.ntriples()} {o.ntriples()}{graph} .\n")
    oxstore = ox.Store()
    try:
        oxstore.load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise DataError(f"{url}: the endpoint's data cannot be read ({err})") from None
    return oxstore


def _select(store: ox.Store, body: str) -> Iterator[tuple[str | None, ...]]:
    solutions = store.query(_PREFIXES + body, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield tuple(None if row[n] is None else row[n].value for n in names)


_LETTER_PROPS = {
    "https://schema.org/name": "name",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "https://schema.org/sender": "sender",
    "https://schema.org/recipient": "recipient",
    "https://schema.org/dateSent": "date",
    f"{KG}placeOfWriting": "place",
    f"{KG}address": "address",
    f"{KG}text": "text",
    f"{KG}salutation": "salutation",
    f"{KG}valediction": "valediction",
    f"{KG}signature": "signature",
    f"{KG}dateText": "date_text",
}


def _read(store: ox.Store) -> Collection:
    entities = _entities(store)
    values: dict[str, dict[str, str]] = defaultdict(dict)
    for letter, prop, value in _select(store, "SELECT ?l ?p ?o WHERE { ?l a kg:Letter ; ?p ?o }"):
        assert letter is not None and prop is not None and value is not None
        fields = values[letter]  # a letter with none of the properties still counts
        field = _LETTER_PROPS.get(prop)
        if field is not None:  # several values (never written by kgraph): keep the smallest
            old = fields.get(field)
            fields[field] = value if old is None else min(old, value)
    graphs: dict[str, str] = {}
    for g, letter in _select(store, "SELECT ?g ?l WHERE { GRAPH ?g { ?l a kg:Letter } }"):
        assert g is not None and letter is not None
        graphs[letter] = min(graphs.get(letter, g), g)
    editions: dict[str, str] = {}
    for letter, name in _select(
        store,
        "SELECT ?l ?n WHERE { ?l a kg:Letter ; kg:sourceEdition ?e . ?e schema:name ?n }",
    ):
        assert letter is not None and name is not None
        editions[letter] = min(editions.get(letter, name), name)
    mentions = _mentions(store)
    relations = _relations(store)
    letters = []
    for iri in sorted(values):
        v = values[iri]
        label = v.get("label") or v.get("name") or iri
        letters.append(
            LetterView(
                iri=iri,
                name=v.get("name") or label,
                label=label,
                sender=v.get("sender"),
                recipient=v.get("recipient"),
                date=v.get("date"),
                place=v.get("place"),
                address=v.get("address"),
                text=v.get("text"),
                source_edition=editions.get(iri),
                mentions=tuple(sorted(set(mentions.get(iri, ())), key=_mention_key)),
                relations=tuple(sorted(set(relations.get(iri, ())), key=_relation_key)),
                graph=graphs.get(iri, iri),
                salutation=v.get("salutation"),
                valediction=v.get("valediction"),
                signature=v.get("signature"),
                date_text=v.get("date_text"),
            )
        )
    return Collection(letters=tuple(letters), entities=entities)


def _entities(store: ox.Store) -> dict[str, EntityView]:
    types = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
    # Each letter's graph repeats an entity's type and label, so over the union graph a join
    # of the two gives (letters naming it)² rows: read each part distinct, join in Python.
    kinds: dict[str, set[str]] = defaultdict(set)
    query = f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }}"
    for e, t in _select(store, query):
        assert e is not None and t is not None
        kinds[e].add(t[len(KG) :])
    labels: dict[str, tuple[str, str]] = {}
    for e, label in _select(store, "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"):
        assert e is not None and label is not None
        for t in kinds.get(e, ()):
            candidate = (t, label)
            labels[e] = min(labels.get(e, candidate), candidate)
    names: dict[str, set[str]] = defaultdict(set)
    for e, name in _select(store, "SELECT DISTINCT ?e ?n WHERE { ?e schema:alternateName ?n }"):
        assert e is not None and name is not None
        names[e].add(name)
    same: dict[str, set[str]] = defaultdict(set)
    for e, iri in _select(
        store, "SELECT DISTINCT ?e ?i WHERE { ?e schema:sameAs ?i FILTER isIRI(?i) }"
    ):
        assert e is not None and iri is not None
        same[e].add(iri)
    qids: dict[str, str] = {}
    for e, item in _select(
        store,
        f'SELECT DISTINCT ?e ?w WHERE {{ ?e owl:sameAs ?w FILTER STRSTARTS(STR(?w), "{WD}") }}',
    ):
        assert e is not None and item is not None
        qid = item[len(WD) :]
        qids[e] = min(qids.get(e, qid), qid)
    return {
        e: EntityView(
            iri=e,
            type=t,
            label=label,
            alternate_names=tuple(sorted(names.get(e, set()) - {label})),
            wikidata=qids.get(e),
            same_as=tuple(sorted(same.get(e, ()))),
        )
        for e, (t, label) in sorted(labels.items())
    }


def _mentions(store: ox.Store) -> dict[str, list[MentionView]]:
    found: dict[str, list[MentionView]] = defaultdict(list)
    for letter, e, anchor, b, x in _select(
        store,
        "SELECT ?l ?e ?a ?b ?x WHERE { ?m a kg:Mention ; kg:inLetter ?l ; kg:mentionOf ?e ;"
        " kg:anchorOf ?a ; kg:beginIndex ?b ; kg:endIndex ?x }",
    ):
        assert letter is not None and e is not None and anchor is not None
        assert b is not None and x is not None
        found[letter].append(MentionView(int(b), int(x), anchor, e))
    return found


def _relations(store: ox.Store) -> dict[str, list[RelationView]]:
    found: dict[str, list[RelationView]] = defaultdict(list)
    for letter, s, p, o, ev, b, x, c, rule in _select(
        store,
        "SELECT ?l ?s ?p ?o ?ev ?b ?x ?c ?r WHERE { ?a a kg:Assertion ; rdf:subject ?s ;"
        " rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?l ."
        f' FILTER STRSTARTS(STR(?p), "{KG}")'
        " OPTIONAL { ?a kg:evidence ?ev } OPTIONAL { ?a kg:beginIndex ?b }"
        " OPTIONAL { ?a kg:endIndex ?x } OPTIONAL { ?a kg:confidence ?c }"
        " OPTIONAL { ?a kg:rule ?r } }",
    ):
        assert letter is not None and s is not None and p is not None and o is not None
        found[letter].append(
            RelationView(
                subject=s,
                predicate=p[len(KG) :],
                object=o,
                evidence=ev,
                begin=None if b is None else int(b),
                end=None if x is None else int(x),
                confidence=None if c is None else float(c),
                rule=rule,
            )
        )
    return found


def _mention_key(m: MentionView) -> tuple[int, int, str, str]:
    return (m.begin, m.end, m.entity, m.anchor)


def _relation_key(r: RelationView) -> tuple[int, int, str, str, str, str]:
    begin = -1 if r.begin is None else r.begin
    end = -1 if r.end is None else r.end
    return (begin, end, r.subject, r.predicate, r.object, r.rule or "")
