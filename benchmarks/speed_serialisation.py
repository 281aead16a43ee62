"""Serialisation: RDF of the whole corpus with pyoxigraph against rdflib, and the people
query on N-Quads as the corpus grows.

1. kgraph writes the corpus's N-Quads (``build_corpus(..., corpus.nq, "nq", jobs=2)``);
2. pyoxigraph and rdflib each parse them and serialise them to N-Quads and TriG; parse the
   union of their graphs (the triples, once each: what a folder of Turtle files loads
   into), run ``queries/people.rq`` on it and serialise it to Turtle (with the prefixes of
   one of kgraph's own Turtle files);
3. the people query on the N-Quads themselves as ``kgraph query`` runs it (default graph =
   union of the named graphs, duplicates kept) on the first 1 %, 10 % and 100 % of the
   letters, each under ``--query-timeout`` (this query's work grows with a power of the
   number of letters naming one person, so the larger sizes may time out; a library that
   timed out is not asked again at a larger size).

pyoxigraph runs ``--repeat`` times, rdflib ``--heavy-repeat`` times. Method and options:
``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_serialisation.py [--letters 2000]
    .venv/bin/python benchmarks/speed_serialisation.py --letters 20 --repeat 1 --quiet-wait 0

Writes ``benchmarks/results/speed-serialisation.json`` (``--json``).
"""

from __future__ import annotations

import sys
from typing import Any

from speedkit.children import first_graphs
from speedkit.runner import log
from speedkit.session import Session, options, parse

NAME = "speed-serialisation"


def measure(session: Session) -> None:
    args, work, runs = session.args, session.work, session.runs
    log("nq build (jobs 2)")
    nq = work / "corpus.nq"
    runs["kgraph_nq_jobs2"] = [
        session.child("kgraph", session.kgraph_spec(jobs=2, format="nq", output=str(nq)))
    ]
    # one ttl file of kgraph's, for the prefixes the RDF libraries should write
    sample_ttl = work / "sample-ttl"
    one = session.letter_list("one", session.files[:1])
    session.child("kgraph", session.kgraph_spec(jobs=1, list=one, output=str(sample_ttl)))
    turtle = next(iter(sorted(sample_ttl.glob("*.ttl"))), None)
    rdf = {
        "nq": str(nq),
        "nt": str(work / "union.nt"),
        "turtle_sample": str(turtle) if turtle else None,
    }
    if not nq.exists():
        return
    log("pyoxigraph")
    runs["oxigraph"] = [session.child("oxigraph", {**rdf, "repeat": args.repeat})]
    log("rdflib")
    runs["rdflib"] = [
        session.child("rdflib", {**rdf, "repeat": args.heavy_repeat}, args.rdflib_timeout)
    ]
    sizes = sorted({max(1, args.letters // 100), max(1, args.letters // 10), args.letters})
    given_up: set[str] = set()
    runs["query_nq"] = []
    for size in sizes:
        part = work / f"first-{size}.nq"
        quads = first_graphs(nq, part, size)
        for library in ("oxigraph", "rdflib"):
            entry: dict[str, Any]
            if library in given_up:
                entry = {"error": "skipped: a smaller corpus timed out"}
            else:
                log(f"people query on the N-Quads of {size} letters: {library}")
                entry = session.child(
                    "query_nq", {"nq": str(part), "library": library}, args.query_timeout
                )
                if "error" in entry:
                    given_up.add(library)
            runs["query_nq"].append({"letters": size, "quads": quads, "library": library, **entry})
        session.save_partial()


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed_serialisation.py") as session:
        measure(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
