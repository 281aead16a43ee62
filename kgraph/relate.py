"""Stage 6, ``relate``: relations between a letter's entities, each with its evidence.

Two sources: letter-level rules (the sender corresponds with the recipient; the writer's
address says where the sender lives) and the dependency-rule candidates of the NLP stage,
whose arguments are mapped to entities (first person to the sender, second to the recipient)
and checked against the domain and range of their predicate.
"""

from __future__ import annotations

from .model import Analysis, Entity, Letter, Relation, RelationCandidate, Sentence, TextSpan

ANY = frozenset(
    {"Person", "Place", "Organization", "Periodical", "Work", "Event", "Group", "Concept"}
)
AGENTS = frozenset({"Person", "Group", "Organization"})
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # predicate: (allowed subject types, allowed object types); a test keeps this within the
    # rdfs:domain and rdfs:range the ontology declares.
    "visited": (frozenset({"Person"}), frozenset({"Place"})),
    "livesIn": (frozenset({"Person"}), frozenset({"Place"})),
    "locatedIn": (ANY - {"Person", "Concept"}, frozenset({"Place"})),
    "authorOf": (frozenset({"Person"}), frozenset({"Work", "Periodical"})),
    "editorOf": (frozenset({"Person"}), frozenset({"Work", "Periodical"})),
    "contributorTo": (frozenset({"Person"}), frozenset({"Work", "Periodical"})),
    "publishedIn": (frozenset({"Work", "Periodical"}), frozenset({"Place"})),
    "heldIn": (frozenset({"Event"}), frozenset({"Place"})),
    "memberOf": (frozenset({"Person"}), frozenset({"Organization", "Group"})),
    "founderOf": (frozenset({"Person"}), frozenset({"Organization", "Periodical", "Group"})),
    "participatedIn": (AGENTS, frozenset({"Event"})),
    "correspondsWith": (frozenset({"Person"}), frozenset({"Person"})),
    "spouseOf": (frozenset({"Person"}), frozenset({"Person"})),
    "childOf": (frozenset({"Person"}), frozenset({"Person"})),
}


def relate(
    letter: Letter,
    analysis: Analysis,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
    place: str | None,
    min_confidence: float = 0.0,
) -> tuple[Relation, ...]:
    by_key = {e.key: e for e in entities}
    found: dict[tuple[str, str, str], Relation] = {}

    def add(relation: Relation) -> None:
        s, o = by_key[relation.subject], by_key[relation.object]
        domain, range_ = SIGNATURES[relation.predicate]
        if s.key == o.key or s.type not in domain or o.type not in range_:
            return
        if relation.confidence < min_confidence:
            return
        key = (relation.subject, relation.predicate, relation.object)
        best = found.get(key)
        if best is None or (relation.confidence, -relation.evidence.start) > (
            best.confidence,
            -best.evidence.start,
        ):
            found[key] = relation

    if sender and recipient:
        evidence = letter.heading or letter.salutation or letter.signature
        if evidence is not None:
            add(
                Relation(
                    sender, "correspondsWith", recipient, evidence, 0.95, "letter:sender-recipient"
                )
            )
    if sender and place and letter.address is not None:
        add(Relation(sender, "livesIn", place, letter.address, 0.7, "letter:address"))
    for candidate in analysis.candidates:
        relation = _from_candidate(letter, candidate, entities, sender, recipient)
        if relation is not None:
            add(relation)
    return tuple(
        sorted(found.values(), key=lambda r: (r.evidence.start, r.predicate, r.subject, r.object))
    )


def _entity_at(span: TextSpan, entities: tuple[Entity, ...]) -> str | None:
    for e in entities:
        for m in e.mentions:
            if m.start < span.end and span.start < m.end:
                return e.key
    return None


def _argument(
    span: TextSpan, entities: tuple[Entity, ...], sender: str | None, recipient: str | None
) -> str | None:
    word = span.text.lower()
    if word in ("i", "me", "my", "mine", "myself"):
        return sender
    if word in ("you", "your", "yours", "yourself", "thou", "thee", "thy", "thine"):
        return recipient
    return _entity_at(span, entities)


def _from_candidate(
    letter: Letter,
    c: RelationCandidate,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
) -> Relation | None:
    if c.predicate not in SIGNATURES:
        return None
    subject = _argument(c.subject, entities, sender, recipient)
    obj = _argument(c.object, entities, sender, recipient)
    if subject is None or obj is None:
        return None
    return Relation(
        subject, c.predicate, obj, sentence_span(letter, c.sentence), c.confidence, c.rule
    )


def sentence_span(letter: Letter, sentence: Sentence) -> TextSpan:
    text = letter.source.text
    start, end = sentence.start, sentence.end
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end, text[start:end])
