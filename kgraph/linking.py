"""Stage 7, ``link``: Wikidata identifiers for entities, or none (no link beats a wrong link).

One linker, two places to ask, the same SPARQL: the offline extract in ``data/wikidata/``
loaded into an embedded pyoxigraph store (the default), or any SPARQL endpoint with
Wikidata-shaped data through :class:`~kgraph.wikidata_client.SparqlClient`. Per letter it
sends at most two queries: the candidates of all its names (one ``VALUES`` of
language-tagged labels), then the facts of those candidates (classes, countries, dates,
sitelinks). Candidates are scored on name, type, time and context; popularity only breaks
ties. The only module that knows Wikidata.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from .authority import Authority, AuthorityEntry, normalise
from .errors import ConfigError, LinkError
from .model import ENTITY_TYPES, Entity, EntityType, Link
from .settings import Settings

logger = logging.getLogger(__name__)

WD = "http://www.wikidata.org/entity/"
LANGUAGES = ("en", "fr", "de", "it", "es", "ru")
QID = re.compile(r"Q[1-9][0-9]{0,11}")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
MAX_ROWS = 10_000  # a candidate answer this long may be cut off: then trust no label match
MAX_ITEMS = 2_000
MAX_FORMS = 24  # names sent per entity
FailureMode = Literal["error", "skip"]

# Scores are in points (hundredths of confidence), so that thresholds compare exactly.
NAME_LABEL, NAME_ALIAS, NAME_DATED = 45, 40, 35
TYPE_STRONG, TYPE_WEAK = 35, 15
CONTEXT, DATES_AGREE = 15, 10
ACCEPT, MARGIN = 70, 15
POPULARITY_RATIO = 10  # sitelinks a tied candidate needs over each rival to win the tie
LABEL_CAP, AUTHORITY_CONFIDENCE = 90, 95
WORK_LEAD = 5  # years a work may be named before its publication (drafts, books in progress)
# Facts asked for every candidate: the key is what the rows call them.
FACTS = {
    "P31": "wdt:P31",  # instance of
    "P279": "wdt:P31/wdt:P279",  # one step up the class tree
    "P17": "wdt:P17",  # country
    "P131": "wdt:P131",  # located in the administrative territorial entity
    "P569": "wdt:P569",  # date of birth
    "P570": "wdt:P570",  # date of death
    "P571": "wdt:P571",  # inception
    "P577": "wdt:P577",  # publication date
    "P580": "wdt:P580",  # start time
    "P585": "wdt:P585",  # point in time
    "sitelinks": "wikibase:sitelinks",
}
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


# -- queries ---------------------------------------------------------------------------------


def sparql_literal(value: str, language: str | None = None) -> str:
    """``value`` as a SPARQL string literal that no input can break out of.

    Quotes, backslashes and line breaks get their short escapes; other control characters,
    braces and characters beyond the Basic Multilingual Plane become 8-digit ``\\U``
    escapes (unambiguous for parsers that expand escapes before parsing, as SPARQL 1.1
    allows); a ``u`` after an escaped backslash is escaped too, so that no ``\\u`` sequence
    reaches such a parser. Lone surrogates become U+FFFD.
    """
    if _PLAIN.fullmatch(value):  # nothing to escape: the common case, kept fast
        literal = f'"{value}"'
        return literal if language is None else f"{literal}@{checked_language(language)}"
    out: list[str] = []
    previous_backslash = False
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            char, code = "\ufffd", 0xFFFD
        if char in "uU" and previous_backslash:
            piece = f"\\U{code:08X}"
        elif char in _SHORT_ESCAPES:
            piece = _SHORT_ESCAPES[char]
        elif char in "{}" or code > 0xFFFF or unicodedata.category(char) == "Cc":
            piece = f"\\U{code:08X}"
        else:
            piece = char
        previous_backslash = char == "\\"
        out.append(piece)
    literal = '"' + "".join(out) + '"'
    if language is not None:
        literal += "@" + checked_language(language)
    return literal


_PLAIN = re.compile(r'[^\\"{}\x00-\x1f\x7f-\x9f\ud800-\udfff\U00010000-\U0010ffff]*')
_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def checked_language(tag: str) -> str:
    if not LANGUAGE_TAG.fullmatch(tag):
        raise ConfigError(f"{tag!r} is not a language tag", "use tags such as en, fr, de-ch")
    return tag


def checked_qid(qid: str) -> str:
    if not QID.fullmatch(qid):
        raise LinkError(
            f"{qid!r} is not a Wikidata item identifier", "expected Q followed by digits"
        )
    return qid


def candidate_query(names: Iterable[str], languages: Sequence[str] = LANGUAGES) -> str:
    """Items whose label or alias is one of ``names`` in one of ``languages``.

    Wikidata's labels are language-tagged, so each name is sent once per language: a join on
    a bound object that the real Wikidata Query Service answers from its index, as do
    embedded stores. ``?label`` tells a label match from an alias match.
    """
    tags = [checked_language(t) for t in languages]
    rows = "\n    ".join(
        f"({sparql_literal(name, tag)})" for name in sorted(set(names)) for tag in tags
    )
    return f"""{PREFIXES}SELECT DISTINCT ?name ?item ?label WHERE {{
  VALUES (?name) {{
    {rows}
  }}
  ?item rdfs:label|skos:altLabel ?name .
  FILTER(STRSTARTS(STR(?item), "{WD}Q"))
  BIND(EXISTS {{ ?item rdfs:label ?name }} AS ?label)
}}
LIMIT {MAX_ROWS}"""


def facts_query(qids: Iterable[str]) -> str:
    """Classes, places, dates and sitelinks of items: one UNION branch per fact, so that
    many-valued facts add rows instead of multiplying them."""
    items = " ".join(f"wd:{checked_qid(q)}" for q in sorted(set(qids)))
    branches = "\n  UNION ".join(
        f'{{ ?item {path} ?value . BIND("{key}" AS ?fact) }}' for key, path in FACTS.items()
    )
    return f"""{PREFIXES}SELECT ?item ?fact ?value WHERE {{
  VALUES ?item {{ {items} }}
  {branches}
}}"""


# -- where to ask ------------------------------------------------------------------------------


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


# -- scoring ---------------------------------------------------------------------------------


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


def _facts(rows: list[dict[str, str]]) -> dict[str, Facts]:
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


def _start(kind: str, facts: Facts) -> int | None:
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


def _too_late(kind: str, start: int | None, year: int | None) -> bool:
    """Whether something of ``kind`` that began in ``start`` cannot be named in ``year``."""
    if start is None or year is None or kind in ("Place", "Group", "Concept"):
        return False
    return start > year + (WORK_LEAD if kind == "Work" else 0)


@dataclass(frozen=True)
class Scored:
    qid: str
    points: int
    sitelinks: int | None
    method: str


class Linker:
    """Links the entities of one letter at a time; holds the store, authority and classes."""

    def __init__(
        self,
        store: Store | None,
        authority: Authority,
        classes: dict[str, EntityType] | None = None,
        failures: FailureMode = "error",
        languages: Sequence[str] = LANGUAGES,
    ) -> None:
        self.store = store
        self.authority = authority
        self.classes = dict(classes or {})
        self.failures = failures
        self.languages = tuple(checked_language(t) for t in languages)
        self.by_id = authority.by_id()
        self.by_qid: dict[str, list[AuthorityEntry]] = {}
        for entry in authority.entries:
            if entry.wikidata:
                self.by_qid.setdefault(entry.wikidata, []).append(entry)
        self.unavailable = False  # set after a failure in "skip" mode: ask no more
        self.dated: dict[str, list[tuple[int, AuthorityEntry]]] = {}  # name without year
        for entry in authority.entries:
            if entry.type == "Event":
                for name in entry.names:
                    if (found := _dated_name(normalise(name))) is not None:
                        self.dated.setdefault(found[0], []).append((found[1], entry))

    def link(self, entities: Sequence[Entity], year: int | None = None) -> tuple[Link, ...]:
        """A Link per entity that has an item or candidates; ``year`` is the letter's."""
        if self.store is None or not entities:
            return ()
        direct = {e.key: entry for e in entities if (entry := self._direct(e)) is not None}
        forms: dict[str, set[str]] = {}
        for e in entities:
            if e.key not in direct:
                for form in name_forms(e, self.by_id.get(e.authority_id or "")):
                    forms.setdefault(form, set()).add(e.key)
        matches: dict[str, dict[str, Scored]] = {e.key: {} for e in entities}
        facts: dict[str, Facts] = {}
        try:
            if forms and not self.unavailable:
                self._match(forms, matches)
            for e in entities:
                if e.key not in direct:
                    for qid in self._dated(e, year):
                        matches[e.key].setdefault(qid, Scored(qid, NAME_DATED, None, "dated-name"))
            items = {q for m in matches.values() for q in m}
            items |= {entry.wikidata for entry in direct.values() if entry.wikidata}
            if len(items) > MAX_ITEMS:
                logger.warning("%d candidate items; linking only through the authority", len(items))
                matches = {k: {} for k in matches}
            elif items and not self.unavailable:
                facts = _facts(self.store.select(facts_query(items)))
        except LinkError:
            if self.failures == "error":
                raise
            logger.warning("Wikidata linking skipped", exc_info=True)
            self.unavailable = True
            matches, facts = {k: {} for k in matches}, {}
        context = {e.key: self._context(e, direct.get(e.key), facts) for e in entities}
        links = []
        for e in entities:
            others = set().union(*(c for k, c in context.items() if k != e.key))
            if e.key in direct:
                link = self._link_direct(e, direct[e.key], year)
            else:
                link = self._choose(e, matches[e.key], facts, year, others)
            if link is not None:
                links.append(link)
        return tuple(links)

    # -- the authority path ----------------------------------------------------------------

    def _direct(self, e: Entity) -> AuthorityEntry | None:
        """The authority entry of ``e`` when it carries a (verified) Wikidata identifier."""
        entry = self.by_id.get(e.authority_id or "")
        return entry if entry is not None and entry.wikidata else None

    def _present(self, qid: str) -> bool:
        known = self.store.known if self.store is not None else None
        return known is None or qid in known

    def _link_direct(self, e: Entity, entry: AuthorityEntry, year: int | None) -> Link | None:
        qid = entry.wikidata or ""
        if not QID.fullmatch(qid) or not self._present(qid):
            return None
        if _too_late(entry.type, entry.start, year):
            return None
        confidence = AUTHORITY_CONFIDENCE / 100
        return Link(e.key, qid, confidence, ((qid, confidence),), "authority")

    def _dated(self, e: Entity, year: int | None) -> list[str]:
        """An event named without its year ("the Russian Revolution") means the one dated
        form of that name in the authority file that had begun by the letter's year, if
        exactly one had."""
        if e.type != "Event" or year is None or e.authority_id:
            return []
        keys = {normalise(n) for n in (e.label, *e.alternate_names)} - {""}
        hits: dict[str, AuthorityEntry] = {}
        for key in keys:
            for named, entry in self.dated.get(key, ()):
                if (entry.start or named) <= year:
                    hits[entry.id] = entry
        if len(hits) != 1:
            return []
        (entry,) = hits.values()
        return [entry.wikidata] if entry.wikidata and self._present(entry.wikidata) else []

    # -- the label path --------------------------------------------------------------------

    def _match(self, forms: dict[str, set[str]], matches: dict[str, dict[str, Scored]]) -> None:
        assert self.store is not None
        rows = self.store.select(candidate_query(forms, self.languages))
        if len(rows) >= MAX_ROWS:
            logger.warning("candidate answer cut at %d rows; no label links", MAX_ROWS)
            return
        for row in rows:
            qid = row.get("item", "")[len(WD) :]
            if not QID.fullmatch(qid) or not self._present(qid):
                continue
            points = NAME_LABEL if row.get("label") in ("true", "1") else NAME_ALIAS
            for key in forms.get(row.get("name", ""), ()):
                old = matches[key].get(qid)
                if old is None or old.points < points:
                    matches[key][qid] = Scored(qid, points, None, "label")

    def _context(
        self, e: Entity, entry: AuthorityEntry | None, facts: dict[str, Facts]
    ) -> set[str]:
        """Items an entity puts in the letter's context: its own item, the places that
        contain it (authority ``within`` chain) and its item's country and region."""
        entry = entry or self.by_id.get(e.authority_id or "")
        if entry is None:
            return set()
        found = self._within(entry)
        if entry.wikidata:
            found.add(entry.wikidata)
            found |= facts.get(entry.wikidata, EMPTY).places
        return found

    def _within(self, entry: AuthorityEntry) -> set[str]:
        found: set[str] = set()
        seen = {entry.id}
        while entry.within and entry.within not in seen and entry.within in self.by_id:
            seen.add(entry.within)
            entry = self.by_id[entry.within]
            if entry.wikidata:
                found.add(entry.wikidata)
        return found

    def _score(
        self, e: Entity, c: Scored, facts: dict[str, Facts], year: int | None, others: set[str]
    ) -> int | None:
        """Points for candidate ``c`` of ``e``, or None when it cannot be ``e``."""
        f = facts.get(c.qid, EMPTY)
        entries = self.by_qid.get(c.qid, [])
        if e.authority_id and entries and e.authority_id not in {x.id for x in entries}:
            return None  # the authority file says this item is another entity
        kinds = {self.classes[k] for k in f.classes if k in self.classes}
        kinds |= {x.type for x in entries}
        lived = f.first("P569", "P570") is not None
        if kinds:
            if e.type not in kinds:
                return None
            points = TYPE_STRONG
        elif lived:
            if e.type != "Person":
                return None
            points = TYPE_WEAK
        else:
            points = TYPE_WEAK if e.type == "Place" and f.places else 0
        if _too_late(e.type, _start(e.type, f), year):
            return None
        if any(_too_late(x.type, x.start, year) for x in entries):
            return None
        own = self.by_id.get(e.authority_id or "")
        agree = _agree(e.type, f, own)
        if agree is False:
            return None
        points += DATES_AGREE if agree else 0
        places = f.places | {q for x in entries for q in self._within(x)}
        own_places = self._within(own) if own is not None else set()
        if (places | {c.qid}) & others or places & own_places:
            points += CONTEXT
        if e.type == "Event" and year is None:
            return min(c.points + points, ACCEPT - 1)  # an undated letter: whose revolution?
        return c.points + points

    def _choose(
        self,
        e: Entity,
        found: dict[str, Scored],
        facts: dict[str, Facts],
        year: int | None,
        others: set[str],
    ) -> Link | None:
        ranked = []
        for c in found.values():
            points = self._score(e, c, facts, year, others)
            if points is not None:
                sitelinks = facts.get(c.qid, EMPTY).sitelinks
                ranked.append(Scored(c.qid, points, sitelinks, c.method))
        if not ranked:
            return None
        ranked.sort(key=lambda s: (-s.points, -(s.sitelinks or 0), int(s.qid[1:])))
        best = ranked[0]
        rivals = [s for s in ranked[1:] if best.points - s.points < MARGIN]
        candidates = tuple((s.qid, min(s.points, 100) / 100) for s in ranked[:3])
        if best.points >= ACCEPT and not rivals:
            confidence = min(best.points, LABEL_CAP) / 100
            return Link(e.key, best.qid, confidence, candidates, best.method)
        if best.points >= ACCEPT and best.sitelinks and _more_popular(best, rivals):
            return Link(e.key, best.qid, ACCEPT / 100, candidates, f"{best.method}+popularity")
        return Link(e.key, None, candidates[0][1], candidates, best.method)


def _more_popular(best: Scored, rivals: list[Scored]) -> bool:
    return all(
        r.sitelinks is not None and (best.sitelinks or 0) >= POPULARITY_RATIO * max(r.sitelinks, 1)
        for r in rivals
    )


def _agree(kind: str, facts: Facts, own: AuthorityEntry | None) -> bool | None:
    """Whether the item's dates agree (within a year) with the entity's authority entry."""
    if own is None or kind in ("Place", "Group", "Concept"):
        return None
    pairs = [(own.start, _start(kind, facts))]
    if kind == "Person":
        pairs.append((own.end, facts.first("P570")))
    compared = [abs(a - b) <= 1 for a, b in pairs if a is not None and b is not None]
    return all(compared) if compared else None


def _dated_name(name: str) -> tuple[str, int] | None:
    """A name with a year, split into the name without it and the year: "x of 1905",
    "1905 x"."""
    match = re.fullmatch(r"(.+?) (?:of |in )?(\d{4})|(\d{4}) (.+)", name)
    if match is None:
        return None
    base, number = (match[1], match[2]) if match[1] else (match[4], match[3])
    return base, int(number)


def clean_name(text: str) -> str:
    """A name as sent: Unicode NFC, runs of white space (line breaks too) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_forms(entity: Entity, entry: AuthorityEntry | None = None) -> list[str]:
    """The names to look up for an entity: as written, the authority's names for it, and
    their article, case and accent variants (Wikidata writes concepts in lower case)."""
    raw = [entity.label, *entity.alternate_names, *(entry.names if entry else ())]
    forms: dict[str, None] = {}
    for text in raw:
        name = clean_name(text)
        if len(normalise(name)) < 2:
            continue
        variants = [name]
        if name[:4].lower() == "the ":
            variants.append(name[4:])
        elif entity.type != "Person":
            variants.append(f"The {name}")  # titles: Wikidata keeps the article
        if entity.type in ("Concept", "Group"):
            variants.append(name.lower())
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        variants.append(unicodedata.normalize("NFC", stripped))
        for variant in variants:
            forms.setdefault(variant, None)
    return list(forms)[:MAX_FORMS]


# -- entry points --------------------------------------------------------------------------


def open_linker(settings: Settings, authority: Authority) -> Linker:
    """The linker a build's settings ask for (``--link``, ``--endpoint``, ``--cache``)."""
    store: Store | None = None
    if settings.link == "offline":
        store = OfflineStore(settings.wikidata_extract)
    elif settings.link == "online":
        from .wikidata_client import SparqlClient

        store = SparqlClient(settings.endpoint, settings.cache_dir, settings.link_timeout)
    classes = load_classes(settings.wikidata_classes) if store is not None else {}
    return Linker(store, authority, classes, settings.link_failures)


def link_entities(
    entities: Sequence[Entity],
    authority: Authority,
    store: Store | None,
    year: int | None = None,
    classes: dict[str, EntityType] | None = None,
    failures: FailureMode = "error",
) -> tuple[Link, ...]:
    """A Link per entity that has one; entities with no acceptable candidate get none."""
    return Linker(store, authority, classes, failures).link(entities, year)
