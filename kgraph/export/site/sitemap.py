"""Where each letter's and entity's page is, and links to them from any page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kgraph.export.collection import Collection, LetterView, MentionView, RelationView
from kgraph.export.site.html import entity_path, esc, letter_path, local_href

__all__ = ["SiteMap", "site_map"]


@dataclass(frozen=True)
class SiteMap:
    collection: Collection
    letters: dict[str, str]  # letter IRI -> page path from the root
    entities: dict[str, str]  # entity IRI -> page path from the root
    # entity IRI -> its mentions, letter by letter; and the relations it is part of
    mentions: dict[str, list[tuple[LetterView, MentionView]]] = field(default_factory=dict)
    relations: dict[str, list[tuple[LetterView, RelationView]]] = field(default_factory=dict)
    _links: dict[tuple[str, str], str] = field(default_factory=dict)  # (IRI, root) -> <a>

    def label(self, iri: str | None) -> str:
        if iri is None:
            return ""
        view = self.collection.entities.get(iri)
        return iri if view is None else view.label

    def entity_type(self, iri: str) -> str:
        view = self.collection.entities.get(iri)
        return "Entity" if view is None else view.type

    def entity_link(self, iri: str | None, root: str, fragment: str | None = None) -> str:
        """A link to the entity's page, its label as text (the IRI when it has no page)."""
        if iri is None:
            return ""
        if fragment is None and (iri, root) in self._links:
            return self._links[(iri, root)]
        path = self.entities.get(iri)
        if path is None:
            return esc(iri)
        link = f'<a href="{local_href(root + path, fragment)}">{esc(self.label(iri))}</a>'
        if fragment is None:
            self._links[(iri, root)] = link
        return link

    def letter_link(self, letter: LetterView, root: str, fragment: str | None = None) -> str:
        key = (letter.iri, root)
        if key not in self._links:
            href = local_href(root + self.letters[letter.iri])
            self._links[key] = f'<a href="{href}">{esc(letter.name or letter.label)}</a>'
        link = self._links[key]
        if fragment is None:
            return link
        return link.replace('">', local_href("", fragment) + '">', 1)


def site_map(collection: Collection) -> SiteMap:
    letters = {
        letter.iri: letter_path(letter.iri, letter.name or letter.label)
        for letter in collection.letters
    }
    entities = {iri: entity_path(iri, view.label) for iri, view in collection.entities.items()}
    mentions: dict[str, list[tuple[LetterView, MentionView]]] = defaultdict(list)
    relations: dict[str, list[tuple[LetterView, RelationView]]] = defaultdict(list)
    for letter in collection.letters:
        for mention in letter.mentions:
            mentions[mention.entity].append((letter, mention))
        for relation in letter.relations:
            relations[relation.subject].append((letter, relation))
            if relation.object != relation.subject:
                relations[relation.object].append((letter, relation))
    return SiteMap(collection, letters, entities, dict(mentions), dict(relations))
