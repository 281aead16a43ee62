"""Stage 6, ``relate``: relations between a letter's entities, each with its evidence.

Three sources, all described in ``data/patterns/relations.jsonl``: the candidates of the NLP
stage's sentence rules, whose arguments are mapped to entities ("I", and "we" where the rule
allows it, to the sender; "you" to the recipient; "he" and "her" to the one person named just
before, ``relate_arguments``); letter-level rules over the parts of the
letter (salutation, address, superscription, "To the Editor of X", "Your loving father"); and
entity-level rules over a name that contains a place name ("the Toulouse congress").

Every relation fits the domain and range of its predicate (SIGNATURES, kept within the
ontology's by a test), carries the confidence its rule was calibrated to, and is kept once
per (subject, predicate, object): the most confident evidence wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kgraph.extract.address_chain import beyond_house, chain_links, editorial
from kgraph.extract.evidence import sentence_of
from kgraph.extract.place_regions import place_and_region
from kgraph.extract.relate_arguments import Arguments
from kgraph.extract.relate_parties import (
    WE,
    addressed,
    kinship,
    recipient_places,
    shared_children,
    town,
)
from kgraph.model import (
    Analysis,
    Entity,
    Letter,
    Mention,
    Relation,
    TextSpan,
)
from kgraph.settings import data_dir

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
SYMMETRIC = frozenset({"correspondsWith", "spouseOf"})
RULES_FILE = data_dir() / "patterns" / "relations.jsonl"
NOT_RULES = ("set", "guard")
_OF_PLACE = r"(?:of|de|di|du|d'|d’|von|van)\s+(?:the\s+|la\s+|le\s+)?"
_EDITOR = re.compile(r"\beditors?\b", re.I)


@lru_cache(maxsize=8)
def rule_table(path: Path = RULES_FILE) -> dict[str, dict[str, Any]]:
    """The rule rows of the rules file (every kind but word sets and guards), by id."""
    from kgraph.knowledge.files import read_jsonl

    return {r["id"]: r for r in read_jsonl(path) if "id" in r and r.get("kind") not in NOT_RULES}


def relate(
    letter: Letter,
    analysis: Analysis,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
    place: str | None,
    min_confidence: float = 0.0,
    rules_file: Path = RULES_FILE,
    is_region: Callable[[str], bool] | None = None,
) -> tuple[Relation, ...]:
    """The letter's relations: the best evidence for each triple, at least ``min_confidence``.

    A weak rule ("my *Apostolato*") yields to another relation between the same two names
    ("which I edited"): the possessive only says that the two belong together."""
    table = rule_table(rules_file)
    every = proposals(letter, analysis, entities, sender, recipient, place, rules_file)
    if is_region is not None:  # "at Partney, Lincolnshire"
        every += [
            r
            for inner, outer, span in place_and_region(letter, entities, is_region)
            if (r := _make(table, "text:place-region", inner, outer, span)) is not None
        ]
    weak = {r for r in every if table.get(r.rule, {}).get("weak")}
    strong = {(frozenset((r.subject, r.object)), r.predicate) for r in every if r not in weak}
    found: dict[tuple[str, str, str], Relation] = {}
    for r in every:
        pair = frozenset((r.subject, r.object))
        if r in weak and any(p == pair and pred != r.predicate for p, pred in strong):
            continue
        s, o = sorted((r.subject, r.object)) if r.predicate in SYMMETRIC else (r.subject, r.object)
        best = found.get((s, r.predicate, o))
        if best is None or (r.confidence, -r.evidence.start) > (
            best.confidence,
            -best.evidence.start,
        ):
            found[(s, r.predicate, o)] = r
    kept = [r for r in found.values() if r.confidence >= min_confidence]
    return tuple(sorted(kept, key=lambda r: (r.evidence.start, r.predicate, r.subject, r.object)))


def proposals(
    letter: Letter,
    analysis: Analysis,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
    place: str | None,
    rules_file: Path = RULES_FILE,
) -> list[Relation]:
    """Every relation any rule proposes (repeats included) that fits its predicate's domain
    and range: what ``relate`` chooses from and what the calibration counts."""
    by_key = {e.key: e for e in entities}
    table = rule_table(rules_file)
    raw: list[Relation | None] = [
        *_letter_relations(letter, entities, sender, recipient, place, table),
        *_entity_relations(letter, analysis, entities, table),
    ]
    args = Arguments(letter, analysis, entities, (sender, recipient, place), rules_file)
    raw += [r for c in analysis.candidates for r in args.relations(c)]
    ours = [
        args.relation(c)
        for c in analysis.candidates
        if c.predicate == "childOf" and c.object.text.lower() in WE
    ]
    found = [r for r in raw if r is not None and _fits(r, by_key)]
    shared = shared_children(found, [r for r in ours if r is not None], sender)
    return found + [r for r in shared if _fits(r, by_key)]


def _fits(r: Relation, by_key: dict[str, Entity]) -> bool:
    s, o = by_key.get(r.subject), by_key.get(r.object)
    domain, range_ = SIGNATURES.get(r.predicate, (frozenset(), frozenset()))
    return s is not None and o is not None and s != o and s.type in domain and o.type in range_


def _make(
    table: dict[str, dict[str, Any]], rule: str, s: str, o: str, evidence: TextSpan
) -> Relation | None:
    row = table.get(rule)
    confidence = float(row.get("confidence", 0.5)) if row else 0.0
    return Relation(s, row["predicate"], o, evidence, confidence, rule) if row else None


def _inside(m: Mention, span: TextSpan | None) -> bool:
    return span is not None and span.start <= m.start and m.end <= span.end


def _letter_relations(
    letter: Letter,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
    place: str | None,
    table: dict[str, dict[str, Any]],
) -> Iterator[Relation | None]:
    if sender and recipient:
        named = letter.salutation if letter.recipient_name is not None else None
        evidence = named or letter.addressee or letter.heading or letter.salutation
        evidence = evidence or letter.signature
        if evidence is not None:
            yield _make(table, "letter:sender-recipient", sender, recipient, evidence)
    yield from _address_relations(letter, entities, sender, recipient, place, table)
    words = table.get("letter:address", {}).get("address_words", [])
    streets = frozenset(w.lower() for w in words)
    for home, line in recipient_places(letter, entities, recipient, place, streets):
        yield _make(table, "letter:recipient-place", recipient or "", home, line)
    if sender:
        for span in (letter.heading, letter.addressee):
            if span is not None and _EDITOR.search(span.text):
                for e in entities:
                    if e.type == "Periodical" and any(_inside(m, span) for m in e.mentions):
                        yield _make(table, "letter:to-the-editor", sender, e.key, span)
    if sender and recipient:
        words = table.get("letter:kinship-closing", {}).get("words", {})
        for role, about_sender, span in kinship(letter, words):
            if role == "spouse":  # "Your devoted husband", "My dearest wife"
                yield _make(table, "letter:spouse-closing", sender, recipient, span)
                continue
            child = sender if (role == "child") == about_sender else recipient
            parent = recipient if child == sender else sender
            yield _make(table, "letter:kinship-closing", child, parent, span)


def _address_relations(
    letter: Letter,
    entities: tuple[Entity, ...],
    sender: str | None,
    recipient: str | None,
    place: str | None,
    table: dict[str, dict[str, Any]],
) -> Iterator[Relation | None]:
    """livesIn from the writer's address (or a superscription's, for the recipient) and
    locatedIn between the steps of an address or dateline. A one-line address without a
    house number or an address word ("Soho, Tuesday.") reads as a bare dateline: no livesIn.
    An address that opens with a titled name ("Mrs. Lowe, Mill Lane, Leeds") is the
    recipient's; the recipient lives at its town (``relate_parties.town``)."""
    row = table.get("letter:address", {})
    skip = {w.lower() for w in row.get("not_words", [])}
    streets = frozenset(w.lower() for w in row.get("address_words", []))
    titles = frozenset(w.lower() for w in row.get("addressee_titles", []))
    inside = letter.addressee if letter.addressee and "\n" in letter.addressee.text else None
    for span in (letter.address, letter.dateline, inside):
        if span is None:
            continue
        places = sorted(
            (
                (m, e)
                for e in entities
                if e.type == "Place"
                for m in e.mentions
                if _inside(m, span)
                and m.text.split()[0].lower().rstrip(".") not in titles
                and not editorial(letter.source.text, m, span.start)  # "[Footnote: … Bath.]"
            ),
            key=lambda pair: pair[0].start,
        )
        links = table.get("letter:address-chain", {}).get("link_words", [])
        text = letter.source.text
        chain = list(chain_links(text, places, streets, frozenset(skip), links))
        for inner, outer in chain:
            yield _make(table, "letter:address-chain", inner, outer, span)
        words = set(re.findall(r"[^\W\d_]+", span.text.lower()))
        homes = [e.key for m, e in places if not set(m.text.lower().split()) & skip]
        if not homes:
            continue
        superscription = span is letter.address and (
            addressed(span, titles)  # "Miss Ann Lowe, Mill Lane, Leeds."
            or (
                letter.addressee is not None
                and letter.signature is not None
                and letter.signature.start < letter.addressee.start <= span.start
            )
        )
        if span is inside or superscription:  # "Col. G. E. Gouraud, / Little Menlo, …, London"
            kept = [(m, e) for m, e in places if not set(m.text.lower().split()) & skip]
            named = span is inside or addressed(span, titles)
            home = town(kept, span, streets, named)
            if recipient and home:
                yield _make(table, "letter:superscription", recipient, home, span)
        elif sender and (
            words & streets
            or (span is letter.address and ("\n" in span.text or re.search(r"\d", span.text)))
        ):
            home = place if place in homes else homes[-1]
            home = beyond_house(text, home, places, chain, streets)  # "Lamb House, Rye"
            yield _make(table, "letter:address", sender, home, span)


def _entity_relations(
    letter: Letter,
    analysis: Analysis,
    entities: tuple[Entity, ...],
    table: dict[str, dict[str, Any]],
) -> Iterator[Relation | None]:
    """Relations between a name and a place name inside it: a place mention nested in the
    mention, or a place the letter names whose form stands inside it as whole words."""
    places = [e for e in entities if e.type == "Place"]
    for rule, row in table.items():
        if row.get("kind") != "entity":
            continue
        containers = set(row.get("container", ()))
        tail = row.get("position") == "of"
        for outer in entities:
            if outer.type not in containers:
                continue
            for m in outer.mentions:
                spans = {p.key: _place_in(m, p, tail) for p in places if p.key != outer.key}
                for key, span in spans.items():
                    # "New York Exhibition" is not held in York
                    if span is not None and not any(
                        o is not None and o != span and o[0] <= span[0] and span[1] <= o[1]
                        for o in spans.values()
                    ):
                        evidence = sentence_of(letter, analysis, m)
                        yield _make(table, rule, outer.key, key, evidence)


def _place_in(m: Mention, place: Entity, tail: bool) -> tuple[int, int] | None:
    """Where a form of ``place`` stands as whole words inside mention ``m`` (for ``tail``,
    only in a closing "of / de PLACE"), as offsets into ``m.text``; None if nowhere."""
    for form in sorted({pm.text for pm in place.mentions} | {place.label}, key=len, reverse=True):
        words = r"\s+".join(re.escape(w) for w in form.split())
        pattern = rf"{_OF_PLACE}({words})$" if tail else rf"(?<!\w)({words})(?!\w)"
        found = re.search(pattern, m.text) if form != m.text else None
        if found:
            return found.start(1), found.end(1)
    return None
