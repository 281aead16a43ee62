"""The SPARQL that reads a collection out of one pyoxigraph store (with the default graph as
the union of all graphs) into the values of ``kgraph.export.views``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from kgraph.export.views import (
    ENTITY_TYPES,
    KG,
    WD,
    Collection,
    EntityView,
    LetterView,
    MentionView,
    RelationView,
)

__all__ = ["read_store"]

_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


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


def read_store(store: ox.Store) -> Collection:
    """Every letter of ``store`` with its mentions and relations, and every entity."""
    parts: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for letter, b, e, kind in _select(
        store,
        "SELECT DISTINCT ?l ?b ?e ?k WHERE { ?l kg:editorialPart ?p ."
        " ?p kg:beginIndex ?b ; kg:endIndex ?e ; kg:partKind ?k }",
    ):
        if letter is not None and b is not None and e is not None and kind is not None:
            parts[letter].append((int(b), int(e), kind))
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
                editorial=tuple(sorted(set(parts.get(iri, ())))),
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
        f' FILTER (STRSTARTS(STR(?p), "{KG}") && ?p != kg:placeOfWriting)'  # not the cues
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
