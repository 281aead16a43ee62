"""What the entity ruler takes from the offline knowledge base (:mod:`kgraph.knowledge.kb`):
the one source the linker asks also helps to find and type names.

- :class:`PlaceNames`: a place by its exact name, the most populous of that name (or the most
  populous in a country the letter names), and the countries a letter names. Places are
  asked one name at a time through the knowledge base's index (and its cache), so start-up
  reads only the labels of countries, US states and places of a million people.
- :func:`user_people`: the full names of the people a user imported (``<kb>/user/*.tsv``),
  for the ruler's phrase patterns: the label and aliases of two words or more, written as
  names, not inverted ("Goldman, Emma") and not initials ("E. G.").

No spaCy here: the NLP stage decides when a name is in a place's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kgraph.knowledge.authority import normalise
from kgraph.knowledge.kb import KnowledgeBase
from kgraph.knowledge.kb_build import user_files
from kgraph.knowledge.kb_import import read_user_file

__all__ = ["PlaceHit", "PlaceNames", "user_people"]

PLACE_LEVELS = frozenset({"city", "country", "state", "continent"})
CONTEXT_POPULATION = 1_000_000  # a place this large tells the letter's country
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class PlaceHit:
    """The place a name most likely means, as far as the knowledge base can tell."""

    ref: str  # "geonames:2988507"
    label: str
    country: str  # ISO 3166 alpha-2, "" for a continent
    population: int  # 0 when unknown (a US state)
    level: str  # "city", "country", "state" or "continent"


class PlaceNames:
    """Places of the knowledge base by exact (normalised) name."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.country_names: dict[str, frozenset[str]] = {}
        # labels only: the names table has no index by item, and a scan of it costs a second
        rows = kb.db.execute(
            "SELECT label, country FROM items WHERE type = 'Place' AND country != ''"
            " AND (level IN ('country', 'state') OR (level = 'city' AND population >= ?))"
            " ORDER BY id",
            (CONTEXT_POPULATION,),
        )
        found: dict[str, set[str]] = {}
        for label, country in rows:
            key = normalise(str(label))
            if len(key) >= 4:
                found.setdefault(key, set()).add(str(country))
        for name, codes in _country_aliases().items():
            found.setdefault(name, set()).update(codes)
        self.country_names = {k: frozenset(v) for k, v in found.items()}
        self.longest = max((len(k.split()) for k in self.country_names), default=1)

    def best(self, name: str, countries: frozenset[str] = frozenset()) -> PlaceHit | None:
        """The most populous place called ``name``, or in one of ``countries`` when one is
        there; None when no place has that name."""
        items = [
            i
            for i in self.kb.lookup(normalise(name))
            if i.type == "Place" and i.level in PLACE_LEVELS
        ]
        if not items:
            return None
        local = [i for i in items if i.country in countries]
        pool = local or items
        # most populous first; a country or state before a town of its name; then the file order
        top = max(pool, key=lambda i: (i.level in ("country", "state"), i.population or 0))
        return PlaceHit(top.ref, top.label, top.country, top.population or 0, top.level)

    def countries(self, text: str) -> frozenset[str]:
        """The countries ``text`` names: by a country's or US state's name, or a place of a
        million people (its capitalised words, up to three in a row)."""
        words = [m.group() for m in _WORD.finditer(text)]
        found: set[str] = set()
        for i, word in enumerate(words):
            if not word[0].isupper():
                continue
            for n in range(1, min(self.longest, 3) + 1):
                codes = self.country_names.get(normalise(" ".join(words[i : i + n])))
                if codes:
                    found |= codes
        return frozenset(found)


def _country_aliases() -> dict[str, frozenset[str]]:
    """Lands a letter names that GeoNames files under another name ("England", "Bohemia",
    "Van Diemen's Land"): ``data/patterns/country-names.tsv``."""
    from kgraph.settings import data_dir

    found: dict[str, frozenset[str]] = {}
    path = data_dir() / "patterns" / "country-names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, codes = line.split("\t")
        found[normalise(name)] = frozenset(c.strip() for c in codes.split(","))
    return found


class Settlements:
    """Whether the knowledge base knows a name as a town or a village (a GeoNames populated
    place): "Frimley" is one, "One Oak" and "High Elms" (houses) are not."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, name: str) -> bool:
        """Whether ``name`` is a town somewhere and no country, state or region anywhere
        ("Cuba", "Florida" and "Midlothian" are towns too, but name the larger place first)."""
        places = [i for i in self.kb.lookup(normalise(name)) if i.type == "Place"]
        return bool(places) and all(i.level == "city" for i in places)


def user_people(kb_dir: Path) -> list[tuple[str, str]]:
    """(full name as written, knowledge base ref) of every person a user imported, in file
    and line order."""
    found: list[tuple[str, str]] = []
    for path in user_files(kb_dir):
        for number, row in enumerate(read_user_file(path), start=2):
            if row.type != "Person":
                continue
            ref = f"user:{path.stem}:{number}"
            for name in dict.fromkeys((row.label, *row.aliases)):
                if _full_name(name):
                    found.append((name, ref))
    return found


def _full_name(name: str) -> bool:
    """Two words or more, each a capitalised word of two letters or more (particles such as
    "von" and "de" allowed inside), no comma: "Emma Goldman", not "Goldman, Emma" or "E. G."."""
    words = name.split()
    if len(words) < 2 or "," in name:
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(len(w.rstrip(".")) >= 2 and not w.endswith(".") for w in words)
