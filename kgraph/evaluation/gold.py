"""Gold files for evaluation (``docs/gold-format.md``): their plain data and how they are read.

:func:`load_gold` reads a gold file and checks it, raising DataError that names the file and
the problem. :func:`name_keys` is the normalised name set by which ``kgraph.evaluation.evaluate``
matches gold and predicted entities.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgraph.errors import DataError
from kgraph.knowledge.authority import normalise
from kgraph.model import ENTITY_TYPES

PREDICATES = (
    "visited", "livesIn", "locatedIn", "authorOf", "editorOf", "contributorTo", "publishedIn",
    "heldIn", "memberOf", "founderOf", "participatedIn", "correspondsWith", "spouseOf", "childOf",
)  # fmt: skip
SYMMETRIC = frozenset({"correspondsWith", "spouseOf"})
FIELDS = ("sender", "recipient", "date", "place")


def name_keys(names: Any) -> frozenset[str]:
    """The non-empty normalised forms of ``names``."""
    return frozenset(key for key in (normalise(str(n)) for n in names) if key)


@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    forms: tuple[str, ...]
    wikidata: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        return name_keys((self.label, *self.forms))


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Gold:
    letter: str  # file name of the letter
    metadata: tuple[tuple[str, str | None], ...]  # (field, value) for each of FIELDS
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    def field(self, name: str) -> str | None:
        return dict(self.metadata)[name]


def _check(ok: bool, where: object, problem: str, hint: str = "see docs/gold-format.md") -> None:
    if not ok:
        raise DataError(f"{where}: {problem}", hint)


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    _check(key in data, where, f"missing key {key!r}")
    _check(isinstance(data[key], kind), where, f"{key!r} has the wrong type")
    return data[key]


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; DataError names the file and the problem."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{p} does not exist", "check the path of the gold file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{p} cannot be read ({exc})", "check the file") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"{p}:{exc.lineno}: not valid JSON ({exc.msg})", "fix the file") from exc
    _check(isinstance(data, dict), p, "not a JSON object")
    meta = _get(data, "metadata", dict, str(p))
    metadata = tuple((f, _get(meta, f, (str, type(None)), f"{p} metadata")) for f in FIELDS)
    entities: list[GoldEntity] = []
    for n, raw in enumerate(_get(data, "entities", list, str(p)), start=1):
        where = f"{p} entity {n}"
        _check(isinstance(raw, dict), where, "not a JSON object")
        kind, qid = _get(raw, "type", str, where), raw.get("wikidata")
        _check(kind in ENTITY_TYPES, where, f"unknown type {kind!r}")
        _check(qid is None or re.fullmatch(r"Q\d+", str(qid)) is not None, where, "bad QID")
        forms = tuple(str(f) for f in _get(raw, "forms", list, where))
        entities.append(GoldEntity(_get(raw, "label", str, where), kind, forms, qid))
    labels = {e.label for e in entities}
    _check(len(labels) == len(entities), p, "two entities share a label")
    relations: list[GoldRelation] = []
    for n, raw in enumerate(_get(data, "relations", list, str(p)), start=1):
        where = f"{p} relation {n}"
        _check(isinstance(raw, dict), where, "not a JSON object")
        s, pred, o = (_get(raw, k, str, where) for k in ("subject", "predicate", "object"))
        _check(pred in PREDICATES, where, f"unknown predicate {pred!r}")
        _check(s in labels and o in labels, where, "subject or object is not an entity label")
        relations.append(GoldRelation(s, pred, o))
    for field, value in metadata:
        ok = field == "date" or value is None or value in labels
        _check(ok, p, f"metadata {field} {value!r} is not an entity label")
    return Gold(_get(data, "letter", str, str(p)), metadata, tuple(entities), tuple(relations))
