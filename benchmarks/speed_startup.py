"""Start-up: what one worker builds once (a ``Processor``: pipeline, authority, linker),
step by step in a fresh process, and the wall time of ``kgraph --help``.

The start-up runs ``--repeat`` times; ``kgraph --help`` ``--help-runs`` times (target: at
most 0.3 s). No corpus is needed. Method and options: ``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_startup.py [--repeat 3] [--help-runs 10]

Writes ``benchmarks/results/speed-startup.json`` (``--json``).
"""

from __future__ import annotations

import sys

from speedkit.runner import log, time_help
from speedkit.session import Session, options, parse

NAME = "speed-startup"


def measure_startup(session: Session) -> None:
    session.measure("startup", "startup", {}, session.args.repeat)


def measure_help(session: Session) -> None:
    log("kgraph --help")
    session.runs["help_s"] = [{"seconds": time_help(session.args.help_runs)}]


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME), NAME)
    with Session(args, "benchmarks/speed_startup.py", corpus=False) as session:
        measure_startup(session)
        measure_help(session)
        session.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
