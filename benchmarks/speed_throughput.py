"""Throughput: how fast kgraph builds letters against raw spaCy, in one process.

Raw spaCy is the ceiling: the model kgraph uses (``load_model(None)``) over the same letter
texts with ``nlp.pipe(texts, batch_size=B)`` (words per second; the model load is timed
apart and not counted). kgraph is ``build_corpus(folder, out/, "ttl", Settings(), jobs=1,
incremental=False)``, the library call behind ``kgraph build DIR``; its time includes
building the pipeline, which is also reported on its own. The two alternate
(``--heavy-repeat`` rounds). Method and options: ``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_throughput.py [--letters 2000] [--heavy-repeat 2]
    .venv/bin/python benchmarks/speed_throughput.py --letters 20 --repeat 1 --quiet-wait 0

Writes ``benchmarks/results/speed-throughput.json`` (``--json``).
"""

from __future__ import annotations

import sys

from speedkit.session import Session, options, parse

NAME = "speed-throughput"


def measure(session: Session) -> None:
    session.interleaved(["raw_1proc", "kgraph_jobs1"])


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed_throughput.py") as session:
        measure(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
