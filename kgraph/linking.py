"""Stage 7, ``link``: Wikidata identifiers for entities, or none (no link beats a wrong link).

Offline (the default) asks the extract in ``data/wikidata/`` loaded into an embedded
pyoxigraph store; the same SPARQL serves a live endpoint. The only module that knows Wikidata.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .authority import Authority, normalise
from .errors import ConfigError
from .model import Entity, Link

WD = "http://www.wikidata.org/entity/"
# Wikidata classes (P31 values) that tell an item's kg type; only verified identifiers.
CLASS_TYPES = {"Q5": "Person", "Q515": "Place"}
ACCEPT = 0.5


def sparql_literal(value: str) -> str:
    """``value`` as a SPARQL string literal that no input can break out of."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def candidate_query(names: Sequence[str]) -> str:
    values = " ".join(sparql_literal(n) for n in sorted(set(names)))
    return f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?key ?item ?class WHERE {{
  VALUES ?key {{ {values} }}
  ?item rdfs:label|skos:altLabel ?name .
  FILTER(LCASE(STR(?name)) = ?key)
  OPTIONAL {{ ?item wdt:P31 ?class }}
}}"""


@dataclass(frozen=True)
class Candidate:
    qid: str
    classes: frozenset[str]


class OfflineStore:
    """The offline extract in an embedded store, loaded once per process."""

    def __init__(self, extract: Path) -> None:
        import pyoxigraph

        if not extract.exists():
            raise ConfigError(f"Wikidata extract {extract} does not exist", "pass --link none")
        self.store = pyoxigraph.Store()
        self.store.bulk_load(path=str(extract), format=pyoxigraph.RdfFormat.TURTLE)
        self.known = {
            str(s.value)[len(WD) :]
            for s in self.store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")  # type: ignore[union-attr]
            for s in [s["s"]]
            if str(s.value).startswith(WD)
        }

    def select(self, query: str) -> list[dict[str, str]]:
        result: Any = self.store.query(query)
        names = [v.value for v in result.variables]
        return [
            {name: str(row[name].value) for name in names if row[name] is not None}
            for row in result
        ]


def lookup_key(text: str) -> str:
    return " ".join(normalise(text).split()) if text else ""


def link_entities(
    entities: Sequence[Entity], authority: Authority, store: Any | None
) -> tuple[Link, ...]:
    """A Link per entity that has one; entities with no acceptable candidate get none."""
    if store is None:
        return ()
    by_id = authority.by_id()
    names = {e.key: {e.label.lower(), *(n.lower() for n in e.alternate_names)} for e in entities}
    rows = store.select(candidate_query([n for ns in names.values() for n in ns])) if names else []
    found: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        qid = row["item"][len(WD) :]
        found.setdefault(row["key"], {}).setdefault(qid, set())
        if "class" in row:
            found[row["key"]][qid].add(row["class"][len(WD) :])
    links = []
    for e in entities:
        entry = by_id.get(e.authority_id) if e.authority_id else None
        if entry is not None and entry.wikidata and entry.wikidata in store.known:
            links.append(Link(e.key, entry.wikidata, 0.95, ((entry.wikidata, 0.95),), "authority"))
            continue
        scores: dict[str, float] = {}
        for name in names[e.key]:
            for qid, classes in found.get(name, {}).items():
                kinds = {CLASS_TYPES[c] for c in classes if c in CLASS_TYPES}
                score = 0.8 if e.type in kinds else 0.0 if kinds else 0.4  # unknown kind: no link
                scores[qid] = max(scores.get(qid, 0.0), score)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked:
            continue
        best_qid, best = ranked[0]
        unique = len(ranked) == 1 or ranked[1][1] < best
        if best >= ACCEPT and unique:
            links.append(Link(e.key, best_qid, best, tuple(ranked[:5]), "label"))
        else:
            links.append(Link(e.key, None, best, tuple(ranked[:5]), "label"))
    return tuple(links)
