"""Memory: whether a build's peak memory stays flat as the corpus grows (``--jobs 1`` on a
tenth of the corpus and on all of it).

The "flat" target compares the ``RUSAGE_SELF`` peaks of the two ``--jobs 1`` runs, where
one process does everything; the process tree's sampled RSS and PSS are reported too, and
the words per second at both sizes. The whole corpus runs ``--heavy-repeat`` times, the
tenth ``--repeat`` times. Method and options: ``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_memory.py [--letters 2000]
    .venv/bin/python benchmarks/speed_memory.py --letters 20 --repeat 1 --quiet-wait 0

Writes ``benchmarks/results/speed-memory.json`` (``--json``).
"""

from __future__ import annotations

import sys

from speedkit.session import Session, options, parse

NAME = "speed-memory"


def measure(session: Session, whole: bool = True) -> None:
    """``whole``: also build all letters (``speed.py`` has done so already)."""
    if whole:
        session.interleaved(["kgraph_jobs1"])
    session.measure(
        "kgraph_jobs1_tenth", *session.build_task("kgraph_jobs1_tenth"), session.args.repeat
    )


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed_memory.py") as session:
        measure(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
