"""Stage 7, ``link``: Wikidata identifiers for entities, or none (no link beats a wrong link).

One linker, two places to ask, the same SPARQL: the offline extract in ``data/wikidata/``
loaded into an embedded pyoxigraph store (the default, :mod:`kgraph.link.offline`), or any
SPARQL endpoint with Wikidata-shaped data through :class:`~kgraph.link.client.SparqlClient`.
Per letter it sends at most two queries (:mod:`kgraph.link.queries`): the candidates of
all its names (one ``VALUES`` of language-tagged labels), then the facts of those candidates
(classes, countries, dates, sitelinks). Candidates are scored on name, type, time and context
(:mod:`kgraph.link.scoring`); popularity only breaks ties. With those three helpers, the
only module that knows Wikidata; it re-exports the names its callers import from it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Literal

from kgraph.errors import LinkError
from kgraph.knowledge.authority import Authority, AuthorityEntry, normalise
from kgraph.knowledge.kb import KnowledgeBase
from kgraph.link.kb_link import KBLinker
from kgraph.link.offline import OfflineStore, Store, load_classes
from kgraph.link.queries import (
    LANGUAGES,
    MAX_ROWS,
    QID,
    WD,
    candidate_query,
    checked_language,
    checked_qid,
    clean_name,
    facts_query,
    name_forms,
    sparql_literal,
)
from kgraph.link.scoring import (
    ACCEPT,
    AUTHORITY_CONFIDENCE,
    CONTEXT,
    DATES_AGREE,
    EMPTY,
    NAME_ALIAS,
    NAME_DATED,
    NAME_LABEL,
    TYPE_STRONG,
    TYPE_WEAK,
    Facts,
    Scored,
    dated_name,
    dates_agree,
    decide,
    parse_facts,
    places_within,
    start_year,
    too_late,
)
from kgraph.model import Entity, EntityType, Link
from kgraph.settings import Settings

__all__ = [
    "LANGUAGES",
    "QID",
    "WD",
    "Facts",
    "FailureMode",
    "Linker",
    "OfflineStore",
    "Store",
    "candidate_query",
    "checked_language",
    "checked_qid",
    "clean_name",
    "facts_query",
    "link_entities",
    "load_classes",
    "name_forms",
    "open_linker",
    "sparql_literal",
]

logger = logging.getLogger(__name__)

MAX_ITEMS = 2_000
FailureMode = Literal["error", "skip"]


class Linker:
    """Links the entities of one letter at a time; holds the store, authority and classes."""

    def __init__(
        self,
        store: Store | None,
        authority: Authority,
        classes: dict[str, EntityType] | None = None,
        failures: FailureMode = "error",
        languages: Sequence[str] = LANGUAGES,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.store = store
        self.kb = KBLinker(kb, authority) if kb is not None else None
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
                    if (found := dated_name(normalise(name))) is not None:
                        self.dated.setdefault(found[0], []).append((found[1], entry))

    def link_letter(
        self, entities: Sequence[Entity], year: int | None = None
    ) -> tuple[tuple[Entity, ...], tuple[Link, ...]]:
        """The entities with their authority ids (``same_as``) from the knowledge base, and
        their links: Wikidata's path first, then the knowledge base's (see ``kb_link``)."""
        links = self.link(entities, year)
        if self.kb is None:
            return tuple(entities), links
        return self.kb.apply(entities, links, year)

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
                facts = parse_facts(self.store.select(facts_query(items)))
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
        if too_late(entry.type, entry.start, year):
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
        found = places_within(self.by_id, entry)
        if entry.wikidata:
            found.add(entry.wikidata)
            found |= facts.get(entry.wikidata, EMPTY).places
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
        if too_late(e.type, start_year(e.type, f), year):
            return None
        if any(too_late(x.type, x.start, year) for x in entries):
            return None
        own = self.by_id.get(e.authority_id or "")
        agree = dates_agree(e.type, f, own)
        if agree is False:
            return None
        points += DATES_AGREE if agree else 0
        places = f.places | {q for x in entries for q in places_within(self.by_id, x)}
        own_places = places_within(self.by_id, own) if own is not None else set()
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
        return decide(e.key, ranked)


# -- entry points --------------------------------------------------------------------------


def open_linker(settings: Settings, authority: Authority) -> Linker:
    """The linker a build's settings ask for (``--link``, ``--endpoint``, ``--cache``)."""
    store: Store | None = None
    if settings.link == "offline":
        store = OfflineStore(settings.wikidata_extract)
    elif settings.link == "online":
        from kgraph.link.client import SparqlClient

        store = SparqlClient(settings.endpoint, settings.cache_dir, settings.link_timeout)
    classes = load_classes(settings.wikidata_classes) if store is not None else {}
    kb = None
    if store is not None and settings.kb_dir is not None:
        from kgraph.knowledge.kb_build import ensure_kb

        kb = KnowledgeBase(ensure_kb(settings.kb_dir))
    return Linker(store, authority, classes, settings.link_failures, kb=kb)


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
