"""How the linker weighs Wikidata candidates: what the facts say of an item, and the points.

:func:`parse_facts` reads the answer of the facts query into one :class:`Facts` per item;
the date rules (:func:`start_year`, :func:`too_late`, :func:`dates_agree`) say whether an
item can be what a letter of a given year names; :func:`places_within` gives the places
around an authority entry, for context; :func:`decide` turns scored candidates
into a :class:`~kgraph.model.Link`, or into none when no candidate is clearly best.
Scores are in points (hundredths of confidence), so that thresholds compare exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kgraph.knowledge.authority import AuthorityEntry
from kgraph.link.queries import WD
from kgraph.model import Link

NAME_LABEL, NAME_ALIAS, NAME_DATED = 45, 40, 35
TYPE_STRONG, TYPE_WEAK = 35, 15
CONTEXT, DATES_AGREE = 15, 10
ACCEPT, MARGIN = 70, 15
POPULARITY_RATIO = 10  # sitelinks a tied candidate needs over each rival to win the tie
LABEL_CAP, AUTHORITY_CONFIDENCE = 90, 95
WORK_LEAD = 5  # years a work may be named before its publication (drafts, books in progress)


@dataclass
class Facts:
    """What the facts query says of one item."""

    classes: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # P17 and P131 values
    years: dict[str, list[int]] = field(default_factory=dict)
    sitelinks: int | None = None

    def first(self, *props: str) -> int | None:
        values = [y for p in props for y in self.years.get(p, ())]
        return min(values) if values else None


EMPTY = Facts()
DATE = re.compile(r"(-?)0*(\d{1,9})-")


def parse_facts(rows: list[dict[str, str]]) -> dict[str, Facts]:
    """The rows of :func:`~kgraph.link.queries.facts_query`'s answer, by item."""
    facts: dict[str, Facts] = {}
    for row in rows:
        qid, fact, value = row.get("item", "")[len(WD) :], row.get("fact"), row.get("value", "")
        if not fact:
            continue
        f = facts.setdefault(qid, Facts())
        if fact in ("P31", "P279") and value.startswith(WD):
            f.classes.add(value[len(WD) :])
        elif fact in ("P17", "P131") and value.startswith(WD):
            f.places.add(value[len(WD) :])
        elif fact == "sitelinks" and value.isdigit():
            f.sitelinks = int(value)
        elif match := DATE.match(value):  # "1842-12-09T00:00:00Z"; unknown values are IRIs
            year = int(match[2]) * (-1 if match[1] else 1)
            f.years.setdefault(fact, []).append(year)
    return facts


# -- dates -----------------------------------------------------------------------------------


def start_year(kind: str, facts: Facts) -> int | None:
    """The year an item of this kind began to exist, from Wikidata's dates."""
    if kind == "Person":
        return facts.first("P569")
    if kind == "Event":
        return facts.first("P580", "P585", "P571")
    if kind == "Work":
        return facts.first("P577", "P571")
    if kind in ("Organization", "Periodical"):
        return facts.first("P571")
    return None  # places: an inception often dates today's state, not the land named


def too_late(kind: str, start: int | None, year: int | None) -> bool:
    """Whether something of ``kind`` that began in ``start`` cannot be named in ``year``."""
    if start is None or year is None or kind in ("Place", "Group", "Concept"):
        return False
    return start > year + (WORK_LEAD if kind == "Work" else 0)


def dates_agree(kind: str, facts: Facts, own: AuthorityEntry | None) -> bool | None:
    """Whether the item's dates agree (within a year) with the entity's authority entry."""
    if own is None or kind in ("Place", "Group", "Concept"):
        return None
    pairs = [(own.start, start_year(kind, facts))]
    if kind == "Person":
        pairs.append((own.end, facts.first("P570")))
    compared = [abs(a - b) <= 1 for a, b in pairs if a is not None and b is not None]
    return all(compared) if compared else None


def dated_name(name: str) -> tuple[str, int] | None:
    """A name with a year, split into the name without it and the year: "x of 1905",
    "1905 x"."""
    match = re.fullmatch(r"(.+?) (?:of |in )?(\d{4})|(\d{4}) (.+)", name)
    if match is None:
        return None
    base, number = (match[1], match[2]) if match[1] else (match[4], match[3])
    return base, int(number)


def places_within(by_id: Mapping[str, AuthorityEntry], entry: AuthorityEntry) -> set[str]:
    """The Wikidata items of the places that contain ``entry`` (its authority ``within``
    chain, ``by_id`` being the authority's entries by id)."""
    found: set[str] = set()
    seen = {entry.id}
    while entry.within and entry.within not in seen and entry.within in by_id:
        seen.add(entry.within)
        entry = by_id[entry.within]
        if entry.wikidata:
            found.add(entry.wikidata)
    return found


# -- choosing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    qid: str
    points: int
    sitelinks: int | None
    method: str


def decide(key: str, scored: Sequence[Scored]) -> Link | None:
    """The Link of entity ``key`` from its possible candidates: the best one when it reaches
    ``ACCEPT`` with no rival within ``MARGIN`` (or when it is far more popular than every
    rival), else a Link with no item that keeps the top candidates."""
    if not scored:
        return None
    ranked = sorted(scored, key=lambda s: (-s.points, -(s.sitelinks or 0), int(s.qid[1:])))
    best = ranked[0]
    rivals = [s for s in ranked[1:] if best.points - s.points < MARGIN]
    candidates = tuple((s.qid, min(s.points, 100) / 100) for s in ranked[:3])
    if best.points >= ACCEPT and not rivals:
        confidence = min(best.points, LABEL_CAP) / 100
        return Link(key, best.qid, confidence, candidates, best.method)
    if best.points >= ACCEPT and best.sitelinks and more_popular(best, rivals):
        return Link(key, best.qid, ACCEPT / 100, candidates, f"{best.method}+popularity")
    return Link(key, None, candidates[0][1], candidates, best.method)


def more_popular(best: Scored, rivals: list[Scored]) -> bool:
    return all(
        r.sitelinks is not None and (best.sitelinks or 0) >= POPULARITY_RATIO * max(r.sitelinks, 1)
        for r in rivals
    )
