"""The authority file: what kgraph knows of the world beyond spaCy's model, as data.

Every ``*.tsv`` under the authority folder holds rows of
``id, type, label, variants, start, end, within, wikidata, description``
(see ``data/authority/README.md``). One source feeds the entity ruler and the linker.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.model import ENTITY_TYPES, EntityType

COLUMNS = ("id", "type", "label", "variants", "start", "end", "within", "wikidata", "description")


@dataclass(frozen=True)
class AuthorityEntry:
    id: str
    type: EntityType
    label: str
    variants: tuple[str, ...]
    start: int | None = None
    end: int | None = None
    within: str | None = None
    wikidata: str | None = None
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True)
class Authority:
    entries: tuple[AuthorityEntry, ...]

    def by_id(self) -> dict[str, AuthorityEntry]:
        return {e.id: e for e in self.entries}

    def by_name(self) -> dict[str, tuple[AuthorityEntry, ...]]:
        """Normalised name → entries carrying it (more than one when a name is ambiguous)."""
        index: dict[str, list[AuthorityEntry]] = {}
        for entry in self.entries:
            for name in dict.fromkeys(normalise(n) for n in entry.names):
                index.setdefault(name, []).append(entry)
        return {k: tuple(v) for k, v in index.items()}


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for matching names."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in stripped)
    words = cleaned.split()
    if words and words[0] in ("the", "le", "la", "les", "l", "il", "der", "die", "das"):
        words = words[1:]
    return " ".join(words)


def _year(value: str, where: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(
            f"{where}: year {value!r} is not a number", "write a year like 1842"
        ) from exc


def load_authority(folder: Path) -> Authority:
    """Read every ``*.tsv`` in ``folder`` (sorted, so the result is deterministic)."""
    entries: list[AuthorityEntry] = []
    seen: set[str] = set()
    if not folder.is_dir():
        raise ConfigError(f"authority folder {folder} does not exist", "pass --authority DIR")
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header[: len(COLUMNS)]) != COLUMNS:
                raise ConfigError(
                    f"{path}: header is not {' '.join(COLUMNS)}", "fix the first line"
                )
            for number, row in enumerate(reader, start=2):
                if not row or not "".join(row).strip() or row[0].startswith("#"):
                    continue
                where = f"{path}:{number}"
                if len(row) < len(COLUMNS):
                    row = row + [""] * (len(COLUMNS) - len(row))
                ident, kind, label, variants, start, end, within, qid, desc = row[: len(COLUMNS)]
                if kind not in ENTITY_TYPES:
                    raise ConfigError(
                        f"{where}: unknown type {kind!r}", f"use one of {ENTITY_TYPES}"
                    )
                if ident in seen:
                    raise ConfigError(f"{where}: id {ident!r} is used twice", "make ids unique")
                seen.add(ident)
                entries.append(
                    AuthorityEntry(
                        id=ident,
                        type=kind,
                        label=label.strip(),
                        variants=tuple(v.strip() for v in variants.split("|") if v.strip()),
                        start=_year(start, where),
                        end=_year(end, where),
                        within=within.strip() or None,
                        wikidata=qid.strip() or None,
                        description=desc.strip(),
                    )
                )
    return Authority(tuple(entries))
