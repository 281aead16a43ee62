"""Stage 5, ``resolve``: one entity per real thing in a letter.

Mentions join when the authority file knows them as one entry, when their normalised names
are equal, or when a short personal name ("Kropotkin", the vocative "Peter", "Mrs. Carlyle")
is the surname or first name of exactly one fuller name in the letter. The canonical label
is the authority's label, else the fullest form seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .authority import Authority, AuthorityEntry, normalise
from .model import Entity, EntityType, Letter, Mention

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "dr",
        "prof",
        "professor",
        "sir",
        "lady",
        "lord",
        "madame",
        "mme",
        "mlle",
        "monsieur",
        "m",
        "herr",
        "frau",
        "signor",
        "signora",
        "citizen",
        "comrade",
        "general",
        "colonel",
        "captain",
        "rev",
        "reverend",
        "count",
        "countess",
        "prince",
        "princess",
        "baron",
        "baroness",
        "dear",
    ]
)
FEMALE = frozenset(
    [
        "mrs",
        "miss",
        "ms",
        "lady",
        "madame",
        "mme",
        "mlle",
        "frau",
        "signora",
        "countess",
        "princess",
        "baroness",
    ]
)


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    sender: str | None
    recipient: str | None
    place: str | None


def name_words(text: str) -> list[str]:
    return normalise(text).split()


def bare(text: str) -> list[str]:
    """Normalised words of a personal name without honorifics."""
    return [w for w in name_words(text) if w not in HONORIFICS]


def _authority_for(
    m: Mention, index: dict[str, tuple[AuthorityEntry, ...]]
) -> AuthorityEntry | None:
    entries = index.get(normalise(m.text), ())
    same_type = [e for e in entries if e.type == m.type]
    if len(same_type) == 1:
        return same_type[0]
    if len(entries) == 1 and m.source == "ner" and m.role not in ("signature", "heading"):
        return entries[0]
    return None


def resolve(letter: Letter, mentions: tuple[Mention, ...], authority: Authority) -> Resolution:
    index = authority.by_name()
    by_id = authority.by_id()
    groups: dict[str, list[Mention]] = {}
    types: dict[str, EntityType] = {}
    for m in mentions:
        entry = by_id.get(m.authority_id) if m.authority_id else _authority_for(m, index)
        if entry is not None and not (m.source == "structure" and entry.type != m.type):
            key = f"auth:{entry.id}"
            types[key] = entry.type
        else:
            key = f"{m.type}:{' '.join(bare(m.text)) if m.type == 'Person' else normalise(m.text)}"
            types.setdefault(key, m.type)
        groups.setdefault(key, []).append(m)
    _merge_short_names(groups, types)
    entities = []
    for key, ms in groups.items():
        entry = by_id.get(key[5:]) if key.startswith("auth:") else None
        forms = list(dict.fromkeys(m.text for m in ms))
        label = entry.label if entry else _fullest(forms)
        entities.append(
            Entity(
                key=key,
                type=types[key],
                label=label,
                alternate_names=tuple(sorted(f for f in forms if f != label)),
                mentions=tuple(sorted(ms, key=lambda m: (m.start, m.end))),
                authority_id=entry.id if entry else None,
            )
        )
    entities.sort(key=lambda e: (e.mentions[0].start, e.key))
    return Resolution(
        entities=tuple(entities),
        sender=_entity_with_role(entities, ("signature", "heading_sender", "byline")),
        recipient=_entity_with_role(entities, ("heading_recipient", "recipient_name")),
        place=_place_of_writing(entities),
    )


def _fullest(forms: list[str]) -> str:
    def score(form: str) -> tuple[int, int, int, str]:
        words = bare(form)
        return (len(words), -sum(w in HONORIFICS for w in name_words(form)), len(form), form)

    return max(forms, key=score)


def _merge_short_names(groups: dict[str, list[Mention]], types: dict[str, EntityType]) -> None:
    """Fold one-word (or honorific + surname) person names into the one fuller name they fit."""
    people = [k for k, t in types.items() if t == "Person"]
    full = {k: bare(groups[k][0].text) for k in people}
    # Full names that share a surname and a first initial ("Pëtr Kropotkin", "Peter Kropotkin").
    keys = [k for k in people if k in groups and len(full[k]) > 1]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if (
                a in groups
                and b in groups
                and full[a][-1] == full[b][-1]
                and full[a][0][0] == full[b][0][0]
            ):
                keep, drop = (
                    (a, b) if a.startswith("auth:") or not b.startswith("auth:") else (b, a)
                )
                groups[keep].extend(groups.pop(drop))
                types.pop(drop)
    for key in sorted(people, key=lambda k: len(full[k])):
        words = full[key]
        if len(words) != 1 or key not in groups:
            continue
        female = {w for m in groups[key] for w in name_words(m.text)} & FEMALE
        targets = [
            k
            for k in people
            if k != key
            and k in groups
            and len(full[k]) > 1
            and words[0] in (full[k][0], full[k][-1])
        ]
        if female:
            targets = [k for k in targets if not any("mr" in name_words(m.text) for m in groups[k])]
        surnames = [k for k in targets if full[k][-1] == words[0]]
        chosen = surnames if surnames else targets
        if len(chosen) == 1:
            groups[chosen[0]].extend(groups.pop(key))
            types.pop(key)


def _entity_with_role(entities: list[Entity], roles: tuple[str, ...]) -> str | None:
    for role in roles:
        for e in entities:
            if e.type == "Person" and any(m.role == role for m in e.mentions):
                return e.key
    return None


def _place_of_writing(entities: list[Entity]) -> str | None:
    for e in entities:
        if e.type == "Place" and any(m.role == "place" for m in e.mentions):
            return e.key
    in_address = [
        (m.start, e.key)
        for e in entities
        if e.type == "Place"
        for m in e.mentions
        if m.role == "address"
    ]
    return max(in_address)[1] if in_address else None


def mention_counts(entities: tuple[Entity, ...]) -> Counter[str]:
    return Counter({e.key: len(e.mentions) for e in entities})
