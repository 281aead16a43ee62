"""kgraph's folders in the user's home: where a build caches what it asked the network."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """kgraph's folder in the user's cache directory (XDG_CACHE_HOME, else ~/.cache)."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "kgraph" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kgraph"
