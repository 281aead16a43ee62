"""Profile: where ``kgraph build --jobs 1`` spends its time, stage by stage.

Builds ``--letters`` synthetic letters (default 200) twice: once with each stage and each
pipeline component timed by wrappers (no profiler, so little distortion), once under
cProfile, whose cumulative times are grouped by function (``speedkit/profiling.py``
names them by file). Method and options: ``speedkit/__init__.py``.

    .venv/bin/python benchmarks/speed_profile.py [--letters 200]
    .venv/bin/python benchmarks/speed_profile.py --letters 20 --quiet-wait 0

Writes ``benchmarks/results/speed-profile.json`` and ``speed-profile.txt`` (``--json``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from speedkit.profiling import analyse_profile, profile_report
from speedkit.runner import log, save, shown
from speedkit.session import Session, options, parse

NAME = "speed-profile"


def main() -> int:
    args = parse(options(__doc__.splitlines()[0], NAME, letters=200), NAME)
    out_json = Path(args.json)
    out_txt = out_json.with_suffix(".txt")
    with Session(args, "benchmarks/speed_profile.py") as session:
        work = session.work
        spec = {"folder": str(session.letters), "output": str(work / "out")}
        log("instrumented run")
        stages = session.child("stages", spec)
        shutil.rmtree(work / "out", ignore_errors=True)
        log("cProfile run")
        stats = str(work / "build.prof")
        prof = session.child("cprofile", {**spec, "stats": stats})
        analysis = analyse_profile(stats, 40) if "error" not in prof else {}
        result = {
            "command": session.results["command"],
            "machine": session.results["machine"],
            "code": session.results["code"],
            "corpus": session.results["corpus"],
            "instrumented": stages,
            "cprofile_run": prof,
            "cprofile": analysis,
        }
        save(out_json, result, work)
    lines = profile_report(result)
    out_txt.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nwrote {shown(out_json)} and {shown(out_txt)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
