"""A user's own authority for the knowledge base: their collection's people, places and other
things, from a TSV/CSV file of their own or from a Wikidata SPARQL result they downloaded
(JSON or CSV, the query in ``docs/wikidata-extract.md``).

Every value is checked once, here, where it enters: a bad row is a one-line error naming the
file, the line (or result) and the problem, and nothing is imported. An imported file is kept
in ``<kb>/user/NAME.tsv`` in one normal form (:data:`COLUMNS`), from which the knowledge base
is rebuilt. Identifiers in a user's file are the user's responsibility.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.knowledge.authority_ids import SCHEMES, canonical_iri
from kgraph.model import ENTITY_TYPES, EntityType

__all__ = ["COLUMNS", "UserRow", "read_user_file", "user_tsv"]

ID_COLUMNS = ("gnd", "viaf", "geonames", "lc", "bnf", "ndl")
COLUMNS = ("label", "type", "aliases", "qid", *ID_COLUMNS, "birth", "death", "country")
OPTIONAL = frozenset({"description"})
# the names a Wikidata SPARQL result gives some columns (the documented query's variables)
RENAMED = {"item": "qid", "itemlabel": "label", "itemaltlabel": "aliases", "wikidata": "qid"}
WD = "http://www.wikidata.org/entity/"
QID = re.compile(r"Q[1-9][0-9]{0,11}")
YEAR = re.compile(r"([+-]?)0*([0-9]{1,4})(?:-[0-9]{2}-[0-9]{2}(?:T[0-9:]+Z?)?)?")
COUNTRY = re.compile(r"[A-Z]{2}")
TYPES = {t.lower(): t for t in ENTITY_TYPES}


@dataclass(frozen=True)
class UserRow:
    """One checked row of a user's authority."""

    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    ids: tuple[tuple[str, str], ...] = ()  # (scheme, bare id)
    birth: int | None = None
    death: int | None = None
    country: str = ""


def read_user_file(path: Path) -> tuple[UserRow, ...]:
    """The rows of a user's file: ``.json`` is a SPARQL JSON result, ``.csv`` comma-separated,
    anything else tab-separated; the first line (or the result's variables) names the
    columns."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"{path}: cannot read it ({error})", "pass a UTF-8 TSV, CSV or JSON file"
        ) from error
    records = _json_records(path, text) if path.suffix.lower() == ".json" else _table(path, text)
    rows = [_row(f"{path}:{where}", record) for where, record in records]
    if not rows:
        raise ConfigError(f"{path}: no rows", "add one row a person, place or other thing")
    return tuple(rows)


def _table(path: Path, text: str) -> Iterator[tuple[str, dict[str, str]]]:
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_column(path, h) for h in next(reader, [])]
    for number, cells in enumerate(reader, start=2):
        if not "".join(cells).strip() or cells[0].startswith("#"):
            continue
        if len(cells) > len(header):
            raise ConfigError(
                f"{path}:{number}: {len(cells)} cells but {len(header)} columns",
                "quote cells that hold the separator",
            )
        yield str(number), dict(zip(header, (c.strip() for c in cells), strict=False))


def _json_records(path: Path, text: str) -> Iterator[tuple[str, dict[str, str]]]:
    try:
        data = json.loads(text)
        names = [_column(path, v) for v in data["head"]["vars"]]
        bindings = data["results"]["bindings"]
        assert isinstance(bindings, list)
    except (ValueError, KeyError, TypeError, AssertionError) as error:
        raise ConfigError(
            f"{path}: not a SPARQL JSON result ({error})", "download the result as JSON"
        ) from error
    variables = dict(zip(data["head"]["vars"], names, strict=True))
    for number, binding in enumerate(bindings, start=1):
        yield (
            f"result {number}",
            {variables[k]: str(v.get("value", "")).strip() for k, v in binding.items()},
        )


def _column(path: Path, name: str) -> str:
    key = name.strip().lower()
    key = RENAMED.get(key, key)
    if key not in COLUMNS and key not in OPTIONAL:
        raise ConfigError(
            f"{path}: unknown column {name!r}", f"use the columns {', '.join(COLUMNS)}"
        )
    return key


def _row(where: str, cells: dict[str, str]) -> UserRow:
    label = cells.get("label", "")
    if not label or "\t" in label or "\n" in label:
        raise ConfigError(f"{where}: no label", "give every row a name in the label column")
    kind = TYPES.get(cells.get("type", "").strip().lower())
    if kind is None:
        raise ConfigError(
            f"{where}: type {cells.get('type', '')!r} is not a kgraph type",
            f"use one of {', '.join(ENTITY_TYPES)}",
        )
    qid = cells.get("qid", "").removeprefix(WD) or None
    if qid is not None and not QID.fullmatch(qid):
        raise ConfigError(
            f"{where}: {qid!r} is not a Wikidata id", "write it as Q followed by digits"
        )
    ids = []
    for scheme in ID_COLUMNS:
        for value in _split(cells.get(scheme, "")):
            iri = canonical_iri(value, scheme)
            if iri is None:
                raise ConfigError(
                    f"{where}: {value!r} is not a {scheme} id",
                    f"write the bare id or its URI (Wikidata {SCHEMES[scheme].wikidata_property})",
                )
            bare = iri.removeprefix(SCHEMES[scheme].prefix).removesuffix(SCHEMES[scheme].suffix)
            ids.append((scheme, bare))
    birth, death = _year(where, cells.get("birth", "")), _year(where, cells.get("death", ""))
    if birth is not None and death is not None and death < birth:
        raise ConfigError(f"{where}: death {death} before birth {birth}", "swap or fix the years")
    country = cells.get("country", "").strip().upper()
    if country and not COUNTRY.fullmatch(country):
        raise ConfigError(f"{where}: country {country!r} is not an ISO code", "write e.g. FR")
    aliases = tuple(a for a in dict.fromkeys(_split(cells.get("aliases", ""))) if a != label)
    return UserRow(label, kind, aliases, qid, tuple(sorted(set(ids))), birth, death, country)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip() and "\t" not in v]


def _year(where: str, value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    match = YEAR.fullmatch(value)
    if match is None:
        raise ConfigError(f"{where}: {value!r} is not a year or date", "write 1842 or 1842-12-09")
    return int(match[2]) * (-1 if match[1] == "-" else 1)


def user_tsv(rows: tuple[UserRow, ...]) -> str:
    """The rows in the knowledge base's normal form: a TSV with :data:`COLUMNS`."""
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        ids = dict(row.ids)
        by_scheme = {s: "|".join(v for k, v in row.ids if k == s) for s in ids}
        cells = [
            row.label,
            row.type,
            "|".join(row.aliases),
            row.qid or "",
            *(by_scheme.get(s, "") for s in ID_COLUMNS),
            "" if row.birth is None else str(row.birth),
            "" if row.death is None else str(row.death),
            row.country,
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
