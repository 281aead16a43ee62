"""Linking through the offline knowledge base (:mod:`kgraph.knowledge.kb`): GeoNames ids for
places, and the ids (Wikidata, GND, VIAF, GeoNames, LC, BnF, NDL) of the user's own authority.

It runs after the Wikidata path, the same way whether that path asked the offline extract or
an endpoint, and only adds: authority ids as ``Entity.same_as`` and, for a user's item with a
Wikidata id, a link where the Wikidata path found none. An item whose Wikidata id contradicts
the link already made is dropped, ids and all. No link beats a wrong link:

- **Places from GeoNames.** The candidates are the places one of whose names (label or
  alternate name, normalised) is one of the entity's names. Where the letter's other places
  (or the authority's ``within`` chain) name countries, places in those countries are
  preferred. The most populous candidate is taken only when it has at least
  :data:`MIN_POPULATION` people (:data:`MIN_IN_LETTER` in a country the letter's other
  places name, :data:`MIN_IN_AUTHORITY` in the country of the authority row) and
  :data:`RATIO` times as many as the next; a US state counts as :data:`STATE_POPULATION`.
  A saint's name alone ("St. Paul") more often names a church, a square or the saint, and
  gets no id from the letter's context alone. Otherwise there is no id.
- **A user's items.** Of the items of the entity's type one of whose names matches, those
  that cannot be meant are dropped: born (or founded) after the letter, or dead before it
  when the letter is from or to them. One left is taken; of several, the only one matched by
  its label; else none, and those with Wikidata ids become link candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kgraph.knowledge.authority import Authority, AuthorityEntry
from kgraph.knowledge.kb import KBItem, KnowledgeBase, name_keys
from kgraph.model import Entity, Link

__all__ = ["KBLinker"]

MIN_POPULATION, MIN_IN_LETTER, MIN_IN_AUTHORITY, RATIO = 100_000, 50_000, 15_000, 10
SAINTS = frozenset({"st", "saint", "ste", "sainte", "san", "santa", "sankt", "sao"})
STATE_POPULATION = 1_000_000
LIVING_ROLES = frozenset({"signature", "salutation", "addressee", "byline", "valediction"})
USER_CONFIDENCE, CANDIDATE_SCORE = 0.9, 0.5


class KBLinker:
    """Authority ids (and a user's Wikidata ids) for the entities of one letter."""

    def __init__(self, kb: KnowledgeBase, authority: Authority) -> None:
        self.kb = kb
        self.by_id = authority.by_id()

    def apply(
        self, entities: Sequence[Entity], links: Sequence[Link], year: int | None
    ) -> tuple[tuple[Entity, ...], tuple[Link, ...]]:
        """The entities with their authority ids, and the links with the KB's added."""
        found = {e.key: self._candidates(e) for e in entities}
        chosen: dict[str, KBItem] = {}
        undecided: dict[str, list[KBItem]] = {}
        for e in entities:  # first the user's items and the places that need no context
            item, rest = self._decide(e, found[e.key], year, None)
            if item is not None:
                chosen[e.key] = item
            elif rest:
                undecided[e.key] = rest
        for e in entities:  # then places in the light of the countries the others name
            if e.key in undecided and e.key not in chosen and e.type == "Place":
                context = {c.country for k, c in chosen.items() if k != e.key and c.country}
                item, _ = self._decide(e, found[e.key], year, context)
                if item is not None:
                    chosen[e.key] = item
        by_key = {link.entity: link for link in links}
        for key, item in list(chosen.items()):
            old = by_key.get(key)
            if item.qid and old is not None and old.qid is not None and old.qid != item.qid:
                del chosen[key]  # the KB and the Wikidata path disagree: trust neither
            elif item.qid and (old is None or old.qid is None):
                by_key[key] = Link(
                    key, item.qid, USER_CONFIDENCE, ((item.qid, USER_CONFIDENCE),), "kb"
                )
        for key, rest in undecided.items():
            qids = sorted({c.qid for c in rest if c.qid and c.source.startswith("user:")})
            if key not in chosen and key not in by_key and qids:
                by_key[key] = Link(
                    key, None, CANDIDATE_SCORE, tuple((q, CANDIDATE_SCORE) for q in qids[:3]), "kb"
                )
        new_entities = tuple(
            replace(e, same_as=tuple(sorted({*e.same_as, *chosen[e.key].same_as})))
            if e.key in chosen
            else e
            for e in entities
        )
        order = {e.key: i for i, e in enumerate(entities)}
        new_links = tuple(sorted(by_key.values(), key=lambda link: order.get(link.entity, 0)))
        return new_entities, new_links

    # -- candidates --------------------------------------------------------------------------

    def _entry(self, e: Entity) -> AuthorityEntry | None:
        return self.by_id.get(e.authority_id or "")

    def _candidates(self, e: Entity) -> list[KBItem]:
        names = [e.label, *e.alternate_names]
        if (entry := self._entry(e)) is not None:
            names += entry.names
        items: dict[str, KBItem] = {}
        for name in names:
            for key in name_keys(name, e.type):
                for item in self.kb.lookup(key):
                    if item.type == e.type:
                        old = items.get(item.ref)
                        items[item.ref] = item if old is None or item.by_label else old
        return [items[ref] for ref in sorted(items)]

    # -- choosing ----------------------------------------------------------------------------

    def _decide(
        self, e: Entity, items: list[KBItem], year: int | None, context: set[str] | None
    ) -> tuple[KBItem | None, list[KBItem]]:
        user = [i for i in items if i.source.startswith("user:")]
        if user:
            return self._decide_user(e, user, year)
        if e.type != "Place" or not items:
            return None, []
        return self._decide_place(e, items, context), items

    def _decide_user(
        self, e: Entity, items: list[KBItem], year: int | None
    ) -> tuple[KBItem | None, list[KBItem]]:
        living = any(m.role in LIVING_ROLES for m in e.mentions)
        possible = [i for i in items if _possible(i, year, living)]
        if len(possible) == 1:
            return possible[0], possible
        labelled = [i for i in possible if i.by_label]
        return (labelled[0] if len(labelled) == 1 else None), possible

    def _decide_place(
        self, e: Entity, items: list[KBItem], context: set[str] | None
    ) -> KBItem | None:
        entry = self._entry(e)
        if entry is not None and "district" in entry.description.lower():
            return None  # a city's district ("Soho"): other cities have one of that name
        own = self._own_countries(e)
        if own:
            pool, floor = [i for i in items if i.country in own], MIN_IN_AUTHORITY
            if not pool:
                return None  # the authority places it in a country where no candidate lies
        elif any(_saint(n) for n in (e.label, *e.alternate_names)):
            return None
        else:
            near = [i for i in items if context and i.country in context]
            pool, floor = (near, MIN_IN_LETTER) if near else (items, MIN_POPULATION)
        ranked = sorted(pool, key=lambda i: (-_population(i), i.ref))
        best = ranked[0]
        second = _population(ranked[1]) if len(ranked) > 1 else 0
        if _population(best) >= floor and _population(best) >= RATIO * second:
            return best
        return None

    def _own_countries(self, e: Entity) -> set[str]:
        """The countries the authority's ``within`` chain puts the entity in."""
        entry, seen, found = self._entry(e), set(), set()
        while entry is not None and entry.within and entry.within not in seen:
            seen.add(entry.within)
            entry = self.by_id.get(entry.within)
            if entry is None:
                break
            for name in entry.names:
                for key in name_keys(name, "Place"):
                    found |= {i.country for i in self.kb.lookup(key) if i.level == "country"}
        return found


def _saint(name: str) -> bool:
    words = name_keys(name, "Place")[0].split() if name_keys(name, "Place") else []
    return len(words) == 2 and words[0] in SAINTS


def _population(item: KBItem) -> int:
    if item.level == "state":
        return STATE_POPULATION
    return item.population or 0


def _possible(item: KBItem, year: int | None, living: bool) -> bool:
    """Whether the item can be what a letter of ``year`` names (``living``: the letter is
    from or to the entity)."""
    if year is None:
        return True
    if item.birth is not None and item.birth > year:
        return False
    return not (living and item.type == "Person" and item.death is not None and item.death < year)
