"""Same input, same bytes, in every format: also across processes, whose string hashes (and
so rdflib's set orders) differ."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LETTER = """London, 2 March 1890.

Dear Ada Brede,

I was at Kew with Cyril Ashdown last week, and we spoke of the journal.

Yours ever,
Emil Farrow
"""


@pytest.mark.slow  # two fresh Python processes load spaCy
@pytest.mark.parametrize("fmt", ["jsonld", "trig"])  # the formats rdflib writes itself
def test_two_processes_with_other_hash_seeds_write_the_same_bytes(tmp_path: Path, fmt: str) -> None:
    letter = tmp_path / "farrow-to-brede-1890-03-02.txt"
    letter.write_text(LETTER, encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed / f"letter.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "kgraph", "build", str(letter), "-o", str(out), "-f", fmt],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"farrow-to-brede-1890-03-02" in outputs[0]
