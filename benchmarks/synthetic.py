"""A synthetic corpus for the store benchmark, in kgraph's vocabulary and shaped like its output.

Invented letters, one named graph each (letter metadata, entities with labels and alternate
names, mentions with offsets, relation assertions, Wikidata links to invented items), written
as N-Quads. Entities are drawn from large pools, so one recurs in two or three letters on
average; every letter repeats the type and label of each entity it names, as kgraph writes
them, so the union of the graphs holds those triples several times. The same seed gives the
same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

KG = "https://w3id.org/kgraph/ontology#"
RES = "https://w3id.org/kgraph/resource/"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
WD = "http://www.wikidata.org/entity/"
POOLS = {"Person": 20_000, "Place": 6_000, "Organization": 2_000}  # entities per type
GIVEN = ("Ada", "Berit", "Cyril", "Dagny", "Emil", "Freya", "Gideon", "Hedda", "Ivo", "Jorun")
FAMILY = ("Ashdown", "Brede", "Corvin", "Dalby", "Eskholt", "Farrow", "Gansey", "Holm", "Ingle")
PREDICATES = ("visited", "livesIn", "memberOf", "correspondsWith")


def entity(kind: str, n: int) -> tuple[str, str]:
    """(IRI, label) of the n-th invented entity of a type."""
    if kind == "Person":
        label = f"{GIVEN[n % len(GIVEN)]} {FAMILY[n // len(GIVEN) % len(FAMILY)]} {n}"
    else:
        label = f"{kind} {n}"
    return f"{RES}{kind.lower()}/synthetic-{n}", label


def letter_quads(i: int, rnd: random.Random) -> list[str]:
    """The N-Quads lines of the i-th invented letter (about 200 triples)."""
    letter = f"{RES}letter/synthetic-{i:05d}"
    g = f"<{letter}>"
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} <{p}> {o} {g} .\n")

    def lit(text: str, datatype: str | None = None) -> str:
        return f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'

    picks = [("Person", rnd.randrange(POOLS["Person"])) for _ in range(6)]
    picks += [("Place", rnd.randrange(POOLS["Place"])) for _ in range(3)]
    picks.append(("Organization", rnd.randrange(POOLS["Organization"])))
    ents = [(kind, *entity(kind, n)) for kind, n in dict.fromkeys(picks)]
    date = f"{1850 + i % 60}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    L = f"<{letter}>"
    add(L, RDF + "type", f"<{KG}Letter>")
    add(L, RDFS + "label", lit(f"Letter {i} of {date}"))
    for prop, value in (
        (KG + "sourceChecksum", f"{rnd.getrandbits(128):032x}"),
        (KG + "nlpModel", "en_core_web_sm 3.8.0"),
        (KG + "generator", "kgraph synthetic"),
        (SCHEMA + "name", f"Letter {i}"),
        (KG + "dateText", date),
        (KG + "address", f"{i} High Street"),
        (KG + "salutation", "Dear friend,"),
        (KG + "valediction", "Yours ever,"),
        (KG + "signature", ents[0][2]),
    ):
        add(L, prop, lit(value))
    add(L, SCHEMA + "dateSent", lit(date, XSD + "date"))
    add(L, SCHEMA + "sender", f"<{ents[0][1]}>")
    add(L, SCHEMA + "recipient", f"<{ents[1][1]}>")
    places = [e for e in ents if e[0] == "Place"]
    add(L, KG + "placeOfWriting", f"<{places[0][1]}>")
    offset = 40
    for k, (kind, iri, label) in enumerate(ents):
        add(L, SCHEMA + "mentions", f"<{iri}>")
        add(f"<{iri}>", RDF + "type", f"<{KG}{kind}>")
        add(f"<{iri}>", RDFS + "label", lit(label))
        if k % 2:
            add(f"<{iri}>", SCHEMA + "alternateName", lit(label.split()[0]))
        for _ in range(1 + (k < 2)):  # sender and recipient are named twice
            m = f"<{letter}#char={offset},{offset + len(label)}>"
            add(m, RDF + "type", f"<{KG}Mention>")
            add(m, KG + "mentionOf", f"<{iri}>")
            add(m, KG + "inLetter", L)
            add(m, KG + "anchorOf", lit(label))
            add(m, KG + "beginIndex", lit(str(offset), XSD + "integer"))
            add(m, KG + "endIndex", lit(str(offset + len(label)), XSD + "integer"))
            offset += len(label) + rnd.randrange(20, 200)
    claims = [(ents[j][1], KG + PREDICATES[j % 4], places[j % len(places)][1]) for j in range(4)]
    # invented Wikidata items (Q9999…), never written to any file the project ships
    claims += [(e[1], OWL_SAME_AS, f"{WD}Q9999{e[1].rsplit('-', 1)[1]:0>6}") for e in ents[:3]]
    for j, (s, p, o) in enumerate(claims):
        add(f"<{s}>", p, f"<{o}>")
        a = f"<{letter}#assertion-{j}>"
        for prop, value in (
            (RDF + "type", f"<{KG}Assertion>"),
            (RDF + "type", f"<{RDF}Statement>"),
            (RDF + "subject", f"<{s}>"),
            (RDF + "predicate", f"<{p}>"),
            (RDF + "object", f"<{o}>"),
            (KG + "confidence", lit(f"0.{50 + j}", XSD + "decimal")),
            (KG + "rule", lit(f"rule-{j}")),
            (PROV_DERIVED, L),
            (KG + "evidence", lit(f"Sentence {j} of letter {i}.")),
        ):
            add(a, prop, value)
    return lines


def write_corpus(path: Path, letters: int, seed: int = 1908) -> int:
    """Write the corpus as N-Quads; the number of quads (every line is a distinct quad)."""
    rnd = random.Random(seed)
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(letters):
            lines = letter_quads(i, rnd)
            quads += len(lines)
            out.writelines(lines)
    return quads
