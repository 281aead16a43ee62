"""Where the linker asks, offline: the Wikidata extract in an embedded store, and the class table.

:class:`Store` is what the linker needs of any place to ask (rows of ``{variable: value}``);
:class:`OfflineStore` is the offline extract in ``data/wikidata/`` loaded into an embedded
pyoxigraph store, and :class:`~kgraph.link.client.SparqlClient` the online one.
:func:`load_classes` reads which Wikidata classes tell an item's kg type.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Protocol

from kgraph.errors import ConfigError
from kgraph.link.queries import QID, WD
from kgraph.model import ENTITY_TYPES, EntityType


class Store(Protocol):
    """Anything that answers SELECT queries with ``{variable: value}`` rows."""

    known: frozenset[str] | None  # identifiers it holds, or None when it cannot tell

    def select(self, query: str) -> list[dict[str, str]]: ...


class OfflineStore:
    """The offline extract in an embedded store, loaded once per process."""

    def __init__(self, extract: Path) -> None:
        import pyoxigraph

        if not extract.is_file():
            raise ConfigError(f"Wikidata extract {extract} does not exist", "pass --link none")
        self.store = pyoxigraph.Store()
        try:
            self.store.bulk_load(path=str(extract), format=pyoxigraph.RdfFormat.TURTLE)
        except (OSError, SyntaxError, ValueError) as error:
            raise ConfigError(f"Wikidata extract {extract}: {error}", "fix the file") from error
        subjects = self.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")
        self.known: frozenset[str] | None = frozenset(
            r["s"][len(WD) :] for r in subjects if QID.fullmatch(r["s"][len(WD) :])
        )

    def select(self, query: str) -> list[dict[str, str]]:
        result: Any = self.store.query(query)
        names = [v.value for v in result.variables]
        return [
            {name: str(row[name].value) for name in names if row[name] is not None}
            for row in result
        ]


def load_classes(path: Path) -> dict[str, EntityType]:
    """Wikidata classes (``P31`` values) that tell an item's kg type, from ``classes.tsv``."""
    classes: dict[str, EntityType] = {}
    if not path.is_file():
        raise ConfigError(f"Wikidata class table {path} does not exist", "restore it from git")
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#") or row[0] == "qid":
                continue
            qid, kind = [*row, ""][:2]
            if not QID.fullmatch(qid) or kind not in ENTITY_TYPES:
                raise ConfigError(
                    f"{path}:{number}: expected a Q-identifier and a kg type, got {row[:2]}",
                    f"use one of {', '.join(ENTITY_TYPES)}",
                )
            classes[qid] = kind
    return classes
