"""Shared parts of the speed benchmarks (``benchmarks/speed_*.py``), one question a script.

How every script measures:

- Children. Each measurement runs in a fresh child process (``child.py``), which imports a
  copy of the package taken at the start (``runner.snapshot_code``: ``kgraph``, ``data``,
  ``queries``, ``ontology``), so one run measures one version even while the working tree
  is being edited (``--no-snapshot``: the working tree). The results name the commit, the
  uncommitted files and a digest of what was copied, and whether the tree changed meanwhile.
- Memory. Every child is watched every 0.25 s through ``/proc``: the sum of the resident
  set sizes (RSS) of the child and all its descendants (worker processes), and the sum of
  their proportional set sizes (PSS, which shares copy-on-write pages between forked
  workers). The child also reports ``getrusage(RUSAGE_SELF).ru_maxrss`` (its own peak RSS,
  exact) and ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (its largest terminated worker).
- Other load. Before each child the script waits (``--quiet-wait``, at most) until other
  processes use fewer than ``--quiet-cores`` cores, and records for every run the cores
  they kept busy meanwhile (``others_cores``). The CPU time of each timed window also gives
  an "idle estimate": the words per second on an otherwise idle machine if CPU-bound.
- Corpus. ``corpus.build_synthetic_corpus``: ``--letters`` files made from the sample
  letter (other senders, recipients, dates, places, a random subset of its paragraphs).
  Words are counted as kgraph counts them: ``len(text.split())`` of every letter file.

Timings are medians over ``--repeat`` repetitions (``--heavy-repeat`` for corpus-wide runs).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "benchmarks" / "results"
