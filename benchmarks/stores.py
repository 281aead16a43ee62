"""Store benchmark: load and query a corpus of a million triples through kgraph's store path
(``kgraph.store.load_store`` into pyoxigraph on disk, then ``kgraph.query.query(store=…)``),
next to rdflib's in-memory ``Dataset`` parsing the same file and running the same SPARQL.

The corpus is synthetic, in kgraph's vocabulary and shaped like its output: invented letters,
one named graph each (letter metadata, entities with labels and alternate names, mentions with
offsets, relation assertions, Wikidata links to invented items), written as N-Quads. Entities
are drawn from large pools, so one recurs in two or three letters on average; every letter
repeats the type and label of each entity it names, as kgraph writes them.

Measured: load, the named ``people`` query, and a count of mentions. kgraph runs several
times, each on a new store; rdflib (about a minute a run) twice; medians are reported. Both
must give the same answers. Results go to a JSON file and a table.

    .venv/bin/python benchmarks/stores.py [--letters 5500] [--repeats 3] [--rdflib-repeats 2]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from kgraph.query import named_queries, query
from kgraph.settings import project_root
from kgraph.store import load_store

ROOT = project_root()
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "stores.json"
TARGET = 10.0  # kgraph's store path must be at least this many times faster than rdflib
KG = "https://w3id.org/kgraph/ontology#"
RES = "https://w3id.org/kgraph/resource/"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
WD = "http://www.wikidata.org/entity/"
COUNT_MENTIONS = f"SELECT (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{ ?m <{KG}mentionOf> ?e }}"
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


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = run()
    return time.perf_counter() - started, value


def kgraph_run(corpus: Path, people: str, work: Path) -> dict[str, Any]:
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    load, report = timed(lambda: load_store([corpus], store))
    q_people, rows = timed(lambda: query(people, store=store).values())
    q_count, counted = timed(lambda: query(COUNT_MENTIONS, store=store).values())
    reload, again = timed(lambda: load_store([corpus], store))
    assert len(again.unchanged) == len(report.graphs) and not again.written
    return {
        "load": load,
        "people": q_people,
        "count": q_count,
        "total": load + q_people + q_count,
        "reload_unchanged": reload,
        "answers": (rows, counted),
        "triples": report.triples,
    }


def rdflib_run(corpus: Path, people: str) -> dict[str, Any]:
    from rdflib import Dataset

    def value(term: Any) -> str | None:
        return None if term is None else str(term)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset(default_union=True)
        load, _ = timed(lambda: dataset.parse(corpus, format="nquads"))
        q_people, rows = timed(lambda: [tuple(map(value, r)) for r in dataset.query(people)])
        q_count, counted = timed(
            lambda: [tuple(map(value, r)) for r in dataset.query(COUNT_MENTIONS)]
        )
    return {
        "load": load,
        "people": q_people,
        "count": q_count,
        "total": load + q_people + q_count,
        "answers": (rows, counted),
    }


def medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    keys = [k for k, v in runs[0].items() if isinstance(v, float)]
    return {k: statistics.median(run[k] for run in runs) for k in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=5500, help="invented letters (5500)")
    parser.add_argument("--repeats", type=int, default=3, help="kgraph runs (3)")
    parser.add_argument("--rdflib-repeats", type=int, default=2, help="rdflib runs (2)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="results file")
    args = parser.parse_args(argv)
    people = named_queries()["people"].read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="kgraph-stores-") as folder:
        work = Path(folder)
        corpus = work / "corpus.nq"
        quads = write_corpus(corpus, args.letters)
        size = corpus.stat().st_size
        print(f"corpus: {args.letters:,} letters, {quads:,} quads, {size / 1e6:.0f} MB", flush=True)
        ours = []
        for n in range(args.repeats):
            ours.append(kgraph_run(corpus, people, work))
            print(f"kgraph run {n + 1}: {ours[-1]['total']:.1f} s", flush=True)
        theirs = []
        for n in range(args.rdflib_repeats):
            theirs.append(rdflib_run(corpus, people))
            print(f"rdflib run {n + 1}: {theirs[-1]['total']:.1f} s", flush=True)
    same = all(run["answers"] == theirs[0]["answers"] for run in ours + theirs)
    k, r = medians(ours), medians(theirs)
    ratio = {key: r[key] / k[key] for key in ("load", "people", "count", "total")}
    results = {
        "benchmark": "stores",
        "corpus": {
            "letters": args.letters,
            "quads": quads,
            "bytes": size,
            "entity_pools": POOLS,
            "format": "N-Quads, one named graph per letter",
        },
        "measured": "load + named query 'people' + COUNT(DISTINCT mentions); seconds",
        "kgraph": {"path": "kgraph.store.load_store + kgraph.query.query(store=…)"},
        "rdflib": {"path": "rdflib.Dataset(default_union=True).parse + Dataset.query"},
        "repeats": {"kgraph": args.repeats, "rdflib": args.rdflib_repeats},
        "median_seconds": {"kgraph": k, "rdflib": r},
        "runs": {
            "kgraph": [{a: b for a, b in run.items() if a != "answers"} for run in ours],
            "rdflib": [{a: b for a, b in run.items() if a != "answers"} for run in theirs],
        },
        "speedup": ratio,
        "notes": [
            "rdflib runs twice by default (one run takes about a minute): its median is a mean",
            "every kgraph run loads into a new, empty store folder",
            "re-load: the same corpus loaded again into the filled store (all unchanged)",
        ],
        "target": TARGET,
        "target_met": ratio["total"] >= TARGET,
        "same_answers": same,
        "people_rows": len(ours[0]["answers"][0]),
        "mentions": ours[0]["answers"][1][0][0],
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": __import__("os").cpu_count(),
        },
        "versions": {d: version(d) for d in ("pyoxigraph", "rdflib")},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{'seconds (median)':<18}{'kgraph store':>14}{'rdflib':>10}{'speed-up':>10}")
    for key in ("load", "people", "count", "total"):
        print(f"{key:<18}{k[key]:>14.2f}{r[key]:>10.2f}{ratio[key]:>9.1f}×")
    print(f"{'re-load, unchanged':<18}{k['reload_unchanged']:>14.2f}")
    print(f"\nsame answers: {same}; target {TARGET:.0f}× met: {results['target_met']}")
    print(f"wrote {args.json}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
