"""kgraph: turn letters into linked open data.

>>> import kgraph
>>> graph = kgraph.build("data/letters/kropotkin-to-berkman-1908-11-20.txt")

The heavy parts (spaCy) are imported only when a build needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.errors import KGraphError
from kgraph.settings import Settings
from kgraph.version import __version__

if TYPE_CHECKING:
    from kgraph.api import build, build_files, process
    from kgraph.store.query import query

__all__ = ["KGraphError", "Settings", "__version__", "build", "build_files", "process", "query"]


def __getattr__(name: str) -> Any:
    if name in ("build", "build_files", "process"):
        from kgraph import api

        return getattr(api, name)
    if name == "query":
        from kgraph.store.query import query

        return query
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
