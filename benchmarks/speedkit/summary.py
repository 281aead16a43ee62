"""The summary of a run (medians, ratios, targets) and its printed tables. Every script
summarises what it measured with the same code, so the numbers keep one shape (that of the
single ``speed.json`` before the benchmark was split) and stay comparable."""

from __future__ import annotations

import os
from typing import Any

from speedkit.runner import fmt, median, ok

TARGETS = {
    "kgraph_jobs1_vs_raw_1proc": 0.85,  # at least
    "kgraph_jobs2_vs_jobs1": 1.7,  # at least
    "kgraph_jobs2_vs_raw_nproc2": 1.5,  # at least
    "peak_rss_jobs1_full_vs_tenth": 1.1,  # at most ("flat": about 1)
    "help_seconds": 0.3,  # at most
}
BUILD_KEYS = (
    "raw_1proc",
    "raw_nproc2",
    "kgraph_jobs1",
    "kgraph_jobs2",
    "kgraph_jobs1_tenth",
    "kgraph_nq_jobs2",
)
RDF_STEPS = (
    "parse_nq_s",
    "serialize_nq_s",
    "serialize_trig_s",
    "parse_nt_s",
    "query_triples_s",
    "serialize_ttl_s",
)


def _idle_estimate(run: dict[str, Any]) -> float:
    """Seconds the timed window would take on an otherwise idle machine if it were bound by
    CPU alone: its CPU time spread over the cores it can use (one process: its CPU time)."""
    own, workers = run["self_cpu_s"], run["children_cpu_s"]
    cores = min(2, os.cpu_count() or 1)
    if not workers:
        return own
    return max(own, (own + workers) / cores)


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    runs = results["runs"]

    def med(key: str, field: str) -> float | None:
        return median([r[field] for r in ok(runs.get(key, [])) if field in r])

    summary: dict[str, Any] = {}
    keys = ("raw_1proc", "raw_nproc2", "kgraph_jobs1", "kgraph_jobs2", "kgraph_jobs1_tenth")
    for key in (*keys, "kgraph_nq_jobs2"):
        good = ok(runs.get(key, []))
        if not good:
            continue
        entry: dict[str, Any] = {
            "runs": len(good),
            "letters": good[0].get("letters", good[0].get("docs")),
            "words": good[0]["words"],
            "words_per_s": med(key, "words_per_s"),
            "seconds": med(key, "pipe_s" if key.startswith("raw") else "build_s"),
            "wall_s": med(key, "wall_s"),
            "self_maxrss_mib": med(key, "self_maxrss_mib"),
            "children_maxrss_mib": med(key, "children_maxrss_mib"),
            "tree_peak_rss_mib": med(key, "tree_peak_rss_mib"),
            "tree_peak_pss_mib": med(key, "tree_peak_pss_mib"),
            "cpu_s": med(key, "cpu_s"),
            "words_per_cpu_s": median([r["words"] / r["cpu_s"] for r in good if r.get("cpu_s")]),
            "others_cores": med(key, "others_cores"),
            "window_cpu_s": median([r["self_cpu_s"] + r["children_cpu_s"] for r in good]),
            "idle_estimate_words_per_s": median([r["words"] / _idle_estimate(r) for r in good]),
        }
        if key.startswith("raw"):
            entry["model_load_s"] = med(key, "model_load_s")
        else:
            entry["startup_s"] = median([median(r["startup_s"]) or 0.0 for r in good])
            entry["startup_critical_s"] = med(key, "startup_critical_s")
            entry["failures"] = max(r["failures"] for r in good)
            words = good[0]["words"]
            seconds = median([r["build_s"] - r["startup_critical_s"] for r in good])
            entry["words_per_s_after_startup"] = words / seconds if seconds else None
        summary[key] = entry
    startup = ok(runs.get("startup", []))
    if startup:
        summary["startup"] = {
            k: median([r[k] for r in startup])
            for k in startup[0]
            if k.endswith("_s") and isinstance(startup[0][k], float)
        }
    for lib in ("oxigraph", "rdflib"):
        done = ok(runs.get(lib, []))
        if done:
            inner = done[0]["runs"]
            summary[lib] = {
                k: median([r[k] for r in inner]) for k in inner[0] if isinstance(inner[0][k], float)
            }
            summary[lib].update(
                {
                    "quads": inner[0]["quads"],
                    "triples": inner[0]["triples"],
                    "rows": inner[0]["rows"],
                    "runs": len(inner),
                    "self_maxrss_mib": done[0]["self_maxrss_mib"],
                }
            )
        elif runs.get(lib):
            summary[lib] = {"error": runs[lib][0].get("error")}
    ladder: dict[int, dict[str, Any]] = {}
    for entry in runs.get("query_nq", []):
        row = ladder.setdefault(entry["letters"], {"letters": entry["letters"]})
        row["quads"] = entry["quads"]
        if "error" in entry:
            row[entry["library"]] = entry["error"]
        else:
            row[entry["library"]] = {k: entry[k] for k in ("parse_nq_s", "query_s", "rows")}
    if ladder:
        summary["people_query_on_nquads"] = [ladder[k] for k in sorted(ladder)]
    if runs.get("help_s"):
        times = runs["help_s"][0]["seconds"]
        summary["help"] = {"median_s": median(times), "min_s": min(times), "max_s": max(times)}

    def get(key: str, field: str) -> float | None:
        value = summary.get(key, {}).get(field)
        return value if isinstance(value, int | float) else None

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    ratios = {
        "kgraph_jobs1_vs_raw_1proc": ratio(
            get("kgraph_jobs1", "words_per_s"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs2_vs_jobs1": ratio(
            get("kgraph_jobs2", "words_per_s"), get("kgraph_jobs1", "words_per_s")
        ),
        "kgraph_jobs2_vs_raw_nproc2": ratio(
            get("kgraph_jobs2", "words_per_s"), get("raw_nproc2", "words_per_s")
        ),
        "raw_nproc2_vs_raw_1proc": ratio(
            get("raw_nproc2", "words_per_s"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs1_vs_raw_1proc_after_startup": ratio(
            get("kgraph_jobs1", "words_per_s_after_startup"), get("raw_1proc", "words_per_s")
        ),
        "kgraph_jobs2_vs_jobs1_after_startup": ratio(
            get("kgraph_jobs2", "words_per_s_after_startup"),
            get("kgraph_jobs1", "words_per_s_after_startup"),
        ),
        "idle_estimate_kgraph_jobs1_vs_raw_1proc": ratio(
            get("kgraph_jobs1", "idle_estimate_words_per_s"),
            get("raw_1proc", "idle_estimate_words_per_s"),
        ),
        "idle_estimate_kgraph_jobs2_vs_jobs1": ratio(
            get("kgraph_jobs2", "idle_estimate_words_per_s"),
            get("kgraph_jobs1", "idle_estimate_words_per_s"),
        ),
        "idle_estimate_kgraph_jobs2_vs_raw_nproc2": ratio(
            get("kgraph_jobs2", "idle_estimate_words_per_s"),
            get("raw_nproc2", "idle_estimate_words_per_s"),
        ),
        "peak_rss_jobs1_full_vs_tenth": ratio(
            get("kgraph_jobs1", "self_maxrss_mib"), get("kgraph_jobs1_tenth", "self_maxrss_mib")
        ),
        "peak_pss_jobs1_full_vs_tenth": ratio(
            get("kgraph_jobs1", "tree_peak_pss_mib"),
            get("kgraph_jobs1_tenth", "tree_peak_pss_mib"),
        ),
    }
    for what in RDF_STEPS:
        ratios[f"rdflib_vs_oxigraph_{what}"] = ratio(get("rdflib", what), get("oxigraph", what))
    summary["ratios"] = ratios
    help_s = summary.get("help", {}).get("median_s")
    summary["targets"] = {
        name: {
            "target": f"{'<=' if name.startswith(('peak', 'help')) else '>='} {limit}",
            "value": help_s if name == "help_seconds" else ratios.get(name),
            "met": None
            if (help_s if name == "help_seconds" else ratios.get(name)) is None
            else (
                (help_s if name == "help_seconds" else ratios[name]) <= limit
                if name.startswith(("peak", "help"))
                else ratios[name] >= limit  # type: ignore[operator]
            ),
        }
        for name, limit in TARGETS.items()
    }
    return summary


def print_table(results: dict[str, Any]) -> None:
    s = results["summary"]
    corpus = results["corpus"]
    what = f"{corpus['letters']} letters, {corpus['words']:,} words; " if corpus["letters"] else ""
    print(
        f"\n{'Corpus: ' + what if what else ''}repeat {results['settings']['repeat']}, heavy "
        f"repeat {results['settings']['heavy_repeat']}; medians\n"
    )
    builds = [key for key in BUILD_KEYS if s.get(key)]
    if builds:
        header = (
            f"{'run':<20}{'words/s':>9}{'seconds':>9}{'start-up':>9}{'idle est':>9}{'others':>8}"
            f"{'self peak':>10}{'tree RSS':>9}{'tree PSS':>9}"
        )
        print(header)
        print("-" * len(header))
        for key in builds:
            e = s[key]
            start = e.get("model_load_s", e.get("startup_critical_s"))
            print(
                f"{key:<20}{fmt(e.get('words_per_s'), 0):>9}{fmt(e.get('seconds'), 1):>9}"
                f"{fmt(start, 1):>9}{fmt(e.get('idle_estimate_words_per_s'), 0):>9}"
                f"{fmt(e.get('others_cores'), 2):>8}{fmt(e.get('self_maxrss_mib'), 0):>10}"
                f"{fmt(e.get('tree_peak_rss_mib'), 0):>9}{fmt(e.get('tree_peak_pss_mib'), 0):>9}"
            )
        print(
            "(start-up: model load for raw spaCy, excluded; pipeline start-up for kgraph, included."
        )
        print(
            " idle est: words/s from the CPU time of the timed window spread over the cores, i.e."
        )
        print(" what an otherwise idle machine would give if the run were CPU-bound;")
        print(" others: cores other processes kept busy meanwhile (the machine has")
        print(
            f" {results['machine']['cpu_count']}); memory in MiB: self peak = RUSAGE_SELF maxrss,"
        )
        print(" tree = the process and its workers, sampled)")
    if "oxigraph" in s or "rdflib" in s:
        print(f"\n{'RDF (seconds)':<24}{'pyoxigraph':>12}{'rdflib':>12}{'rdflib/ox':>11}")
        for what in RDF_STEPS:
            a = s.get("oxigraph", {}).get(what)
            b = s.get("rdflib", {}).get(what)
            print(
                f"{what:<24}{fmt(a, 3):>12}{fmt(b, 3):>12}{fmt(b / a if a and b else None, 1):>11}"
            )
        ox, rl = s.get("oxigraph", {}), s.get("rdflib", {})
        print(
            f"(quads {ox.get('quads', rl.get('quads'))}, union triples "
            f"{ox.get('triples', rl.get('triples'))}, query rows ox {ox.get('rows')} / rdflib "
            f"{rl.get('rows')}; peak RSS ox {fmt(ox.get('self_maxrss_mib'), 0)} MiB, rdflib "
            f"{fmt(rl.get('self_maxrss_mib'), 0)} MiB)"
        )
    if s.get("people_query_on_nquads"):
        print("\npeople query on N-Quads, union of the letters' graphs with duplicates (seconds)")
        print(
            f"{'letters':>9}{'quads':>10}{'ox parse':>10}{'ox query':>10}{'rdflib parse':>14}"
            f"{'rdflib query':>14}"
        )
        for row in s["people_query_on_nquads"]:
            cells = []
            for lib in ("oxigraph", "rdflib"):
                got = row.get(lib)
                if isinstance(got, dict):
                    cells += [fmt(got["parse_nq_s"], 2), fmt(got["query_s"], 2)]
                else:
                    cells += ["—", "timeout" if got and "timed out" in got else "skipped"]
            print(
                f"{row['letters']:>9}{row['quads']:>10}{cells[0]:>10}{cells[1]:>10}"
                f"{cells[2]:>14}{cells[3]:>14}"
            )
    if s.get("startup"):
        print("\nOne worker's start-up, in a fresh process (seconds)")
        for name, value in s["startup"].items():
            print(f"  {name:<44}{fmt(value, 3):>8}")
    if s.get("help"):
        h = s["help"]
        print(
            f"\nkgraph --help: median {fmt(h['median_s'], 3)} s "
            f"(min {fmt(h['min_s'], 3)}, max {fmt(h['max_s'], 3)})"
        )
    print("\nRatios (of what this run measured)")
    for name, value in s["ratios"].items():
        if value is not None:
            print(f"  {name:<44}{fmt(value, 2):>8}")
    print("\nTargets")
    for name, t in s["targets"].items():
        if t["value"] is None:
            continue
        met = {True: "met", False: "NOT met", None: "not measured"}[t["met"]]
        print(f"  {name:<32}{t['target']:>8}  measured {fmt(t['value'], 3):>8}  {met}")
