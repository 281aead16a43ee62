"""Speed benchmark, every question in one run: throughput, scaling, memory, serialisation,
start-up (each also a script of its own: ``speed_throughput.py``, ``speed_scaling.py``,
``speed_memory.py``, ``speed_serialisation.py``, ``speed_startup.py``; where the time goes:
``speed_profile.py``).

One run measures, in this order and each in a fresh child process: one worker's start-up;
raw spaCy in one process and with ``n_process=2`` and kgraph ``--jobs 1`` and ``--jobs 2``
on the whole corpus, alternating (``--heavy-repeat`` rounds); ``--jobs 1`` on a tenth of it
(memory); the corpus's N-Quads with pyoxigraph and rdflib and the people query on N-Quads
of growing size; ``kgraph --help``. All share one code snapshot and one synthetic corpus,
and the results keep the shape of earlier ``speed.json`` files. Method and options:
``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed.py [--letters 2000] [--repeat 3] [--heavy-repeat 1]
    .venv/bin/python benchmarks/speed.py --quick             # a small smoke run
    .venv/bin/python benchmarks/speed.py --profile 200       # = speed_profile.py --letters 200

Writes ``benchmarks/results/speed.json`` (``--json``).
"""

from __future__ import annotations

import sys

import speed_memory
import speed_serialisation
import speed_startup
from speedkit.session import Session, options, parse

NAME = "speed"


def main() -> int:
    if "--profile" in sys.argv:  # the old spelling of speed_profile.py --letters N
        import speed_profile

        at = sys.argv.index("--profile")
        sys.argv[at : at + 1] = ["--letters"]
        return speed_profile.main()
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed.py") as session:
        speed_startup.measure_startup(session)
        session.interleaved(["raw_1proc", "raw_nproc2", "kgraph_jobs1", "kgraph_jobs2"])
        speed_memory.measure(session, whole=False)
        speed_serialisation.measure(session)
        speed_startup.measure_help(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
