"""Scaling: what a second worker gives, kgraph ``--jobs 2`` against ``--jobs 1`` and against
raw spaCy with ``n_process=2``.

kgraph is ``build_corpus(folder, out/, "ttl", Settings(), jobs=N, incremental=False)`` (the
call behind ``kgraph build DIR --jobs N``), its time including the pipeline's start-up in
every worker; raw spaCy is the same model's ``nlp.pipe(texts, n_process=2)``. The three
alternate (``--heavy-repeat`` rounds). Method and options: ``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_scaling.py [--letters 2000] [--heavy-repeat 2]
    .venv/bin/python benchmarks/speed_scaling.py --letters 20 --repeat 1 --quiet-wait 0

Writes ``benchmarks/results/speed-scaling.json`` (``--json``).
"""

from __future__ import annotations

import sys

from speedkit.session import Session, options, parse

NAME = "speed-scaling"


def measure(session: Session) -> None:
    session.interleaved(["raw_nproc2", "kgraph_jobs1", "kgraph_jobs2"])


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed_scaling.py") as session:
        measure(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
