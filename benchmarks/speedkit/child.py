"""The child process of a measurement: ``python child.py SPEC.json`` runs the task the spec
names and writes its result where the spec says. It imports kgraph from ``PYTHONPATH``
(the code snapshot) and the benchmark's own parts from ``benchmarks/``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# benchmarks/ instead of this folder (whose module names could hide others): for speedkit
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from speedkit import children, profiling  # noqa: E402

CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "raw": children.child_raw,
    "kgraph": children.child_kgraph,
    "startup": children.child_startup,
    "oxigraph": children.child_oxigraph,
    "rdflib": children.child_rdflib,
    "query_nq": children.child_query_nq,
    "stages": profiling.child_stages,
    "cprofile": profiling.child_cprofile,
}


def main(spec_file: str) -> int:
    spec = json.loads(Path(spec_file).read_text())
    result = CHILDREN[spec["task"]](spec)
    import kgraph

    result["kgraph_imported_from"] = str(Path(kgraph.__file__).parent)
    Path(spec["result"]).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
