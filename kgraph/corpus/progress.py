"""A one-line progress bar for long builds, on stderr, only when it is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Letters done, words per second and time left, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.perf_counter()
        self.interval = interval
        self.last = 0.0

    def __call__(self, done: int, total: int, words: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < self.interval and done < total:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = words / elapsed
        left = (total - done) * elapsed / done if done else 0.0
        width = 24
        filled = int(width * done / total) if total else width
        bar = "█" * filled + "·" * (width - filled)
        line = f"\r{bar} {done}/{total} letters · {rate:,.0f} words/s · ETA {_clock(left)}"
        self.stream.write(line)
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
