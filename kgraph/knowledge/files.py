"""kgraph's JSON-lines pattern files (``data/patterns/*.jsonl``): one JSON object a line,
``//`` comment lines and blank lines skipped. Word lists are read by
``kgraph.settings.read_words``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kgraph.errors import ConfigError

__all__ = ["read_jsonl"]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of ``path`` (none when it does not exist); a bad line is a ConfigError."""
    rows: list[dict[str, Any]] = []
    if not path.exists():
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: {exc.msg}", "fix the JSON line") from exc
    return rows
