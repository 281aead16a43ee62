"""Stage 5, ``resolve``: one entity per real thing in a letter.

Mentions join when the authority file knows them as one entry; when their normalised names
are equal; when a short personal name ("Kropotkin", the vocative "Peter", "Mrs. Carlyle") is
the surname or first name of exactly one fuller name in the letter; and when the letter's
structure says they are one person (the signature and the heading's sender are the sender;
the salutation's name and the heading's recipient are the recipient). The canonical label is
the authority's label, else the fullest form seen. The name matching (honorifics, the
fullest form, the authority lookup) is in ``name_match``; this module does the clustering.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kgraph.extract.initials import add_initials
from kgraph.extract.name_match import (
    HONORIFICS,
    Lookup,
    bare,
    fullest,
    is_female,
    name_words,
    natural_order,
    other_given_names,
    without_title,
)
from kgraph.extract.place_of_writing import place_of_writing
from kgraph.extract.places import split_qualified_places
from kgraph.extract.signed_initials import join_signed_initials
from kgraph.extract.surnames import fold_surnames, full_name, settle_one_words, settle_titles
from kgraph.extract.tagged import entry_for, merge_by_refs, ref_suffix, refs_conflict, same_as
from kgraph.knowledge.authority import Authority, normalise
from kgraph.knowledge.place_sense import PlaceSense
from kgraph.model import Entity, EntityType, Letter, Mention
from kgraph.text.headings import given_names, women_names

PRIORITY = {"Periodical": 3, "Place": 2, "Organization": 1}
SENDER_ROLES = ("signature", "heading_sender", "byline")
RECIPIENT_ROLES = ("heading_recipient", "recipient_name")
# a man's honorifics: "Lord Lytton" is not the letter's "Constance Lytton"
MALE = frozenset({"mr", "sir", "lord", "earl", "duke", "marquis", "marquess", "baron", "herr"})


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    sender: str | None
    recipient: str | None
    place: str | None


def resolve(
    letter: Letter,
    mentions: tuple[Mention, ...],
    authority: Authority,
    settlements: Callable[[str], bool] | None = None,
    place_sense: PlaceSense | None = None,
) -> Resolution:
    """The letter's entities, its parties and its place of writing (``settlements`` tells a
    town from a house in the writer's address, and ``place_sense`` a name that can be a place
    from a record's label, when a knowledge base is there)."""
    year = int(letter.date.iso[:4]) if letter.date is not None else None
    lookup = Lookup(authority, year)
    groups: dict[str, list[Mention]] = {}
    types: dict[str, EntityType] = {}
    for m in mentions:
        entry = entry_for(m, lookup.find(m), authority)  # an editor's tag and ids win
        if entry is not None and not (m.source == "structure" and entry.type != m.type):
            key = f"auth:{entry.id}"
            types[key] = entry.type
        else:
            name = normalise(m.text)
            if m.type == "Person":  # "Mr. Herbert" is Herbert; "Mrs. Herbert" is someone else
                name = ("mrs " if is_female([m]) else "") + " ".join(bare(m.text))
            key = f"{m.type}:{name}{ref_suffix(m)}"
            if _other_party(groups.get(key, []), m):
                key += "#2"  # "from Governor GREY to the Right Hon. EARL GREY": two people
            types.setdefault(key, m.type)
        groups.setdefault(key, []).append(m)
    for keep, drop in merge_by_refs(groups, list(groups)):  # one identifier, one thing
        if drop.startswith("auth:") and not keep.startswith("auth:"):
            keep, drop = drop, keep  # the authority's entry (and label) wins over a short form
        _join(groups, types, keep, drop)
    split_qualified_places(letter.source.text, groups, types, lookup)  # "London, Canada"
    for roles in (SENDER_ROLES, RECIPIENT_ROLES):
        _merge_roles(groups, types, roles)
    join = functools.partial(_join, groups, types)
    # "Lister has come" after "Joseph Lister": the person, not a town
    fold_surnames(letter.source.text, groups, types, lookup.by_id, join)
    # "at Kelso" and a "Kelso" the tagger called a person: one place
    settle_one_words(letter.source.text, groups, types, join)
    settle_titles(groups, types, join)  # "my Ulvhild" and "Ulvhild is finished": the work
    _merge_short_names(groups, types, lookup)
    _merge_same_names(groups, types)
    _merge_short_titles(groups, types)
    # "W. E. G." signs the letter of the "William Ewart Gladstone" the notes name
    join_signed_initials(groups, types, lambda k: _auth_label(k, lookup), join)
    add_initials(letter, groups, types)  # "CD", "J. S. H." for the letter's parties
    _drop_bare_initials(groups, types)  # "E. J." nobody in the letter answers to
    entities = []
    for key, ms in groups.items():
        entry = lookup.by_id.get(key[5:]) if key.startswith("auth:") else None
        forms = list(dict.fromkeys(m.text for m in ms))
        if types[key] == "Person":  # "Miss Ann Lee" is Ann Lee; "Gauss, C. F." is C. F. Gauss
            more = [n for f in forms for n in (without_title(f), natural_order(f)) if n]
            forms = list(dict.fromkeys([*forms, *more]))
        label = entry.label if entry else " ".join(fullest(forms).split())  # one line
        entities.append(
            Entity(
                key=key,
                type=types[key],
                label=label,
                alternate_names=tuple(sorted(f for f in forms if f != label)),
                mentions=tuple(sorted(ms, key=lambda m: (m.start, m.end))),
                authority_id=entry.id if entry else None,
                same_as=same_as(r for m in ms for r in m.refs),
            )
        )
    entities.sort(key=lambda e: (e.mentions[0].start, e.key))
    sender = _entity_with_role(entities, SENDER_ROLES)
    # "LONDON:" taken for a greeting (a title page's imprint) greets no one
    recipient = _entity_with_role(entities, RECIPIENT_ROLES, _a_place(place_sense))
    recipient = recipient if recipient != sender else None  # conflicting cues: neither
    parties = [e for e in entities if e.key in (sender, recipient)]
    return Resolution(
        entities=tuple(entities),
        sender=sender,
        recipient=recipient,
        place=place_of_writing(entities, lookup, letter, settlements, place_sense, parties),
    )


def _join(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], keep: str, drop: str
) -> None:
    if keep != drop and keep in groups and drop in groups:
        if refs_conflict(groups[keep], groups[drop]):  # an editor told them apart
            return
        if _opposite_parties(groups[keep], groups[drop]):  # "M. FARADAY" to Margaret Faraday
            return
        groups[keep].extend(groups.pop(drop))
        types.pop(drop)


def _opposite_parties(a: list[Mention], b: list[Mention]) -> bool:
    """One group signs or heads the letter as its writer, the other receives it: the writer
    is not the addressee, however alike their names."""
    roles_a, roles_b = {m.role for m in a}, {m.role for m in b}
    return bool(
        (roles_a & set(SENDER_ROLES) and roles_b & set(RECIPIENT_ROLES))
        or (roles_b & set(SENDER_ROLES) and roles_a & set(RECIPIENT_ROLES))
    )


def _merge_roles(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], roles: tuple[str, ...]
) -> None:
    """The signature and the heading's sender are one person (likewise for the recipient)."""
    keys = [k for k in groups if types[k] == "Person" and any(m.role in roles for m in groups[k])]
    if len(keys) < 2:
        return
    keep = max(
        keys,
        key=lambda k: (k.startswith("auth:"), len(bare(fullest([m.text for m in groups[k]]))), k),
    )
    for key in keys:
        _join(groups, types, keep, key)


def _merge_short_names(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], lookup: Lookup
) -> None:
    """Fold one-word (or honorific + surname) person names into the one fuller name they fit,
    or the authority's full name (a signed "Hector" is the "Berlioz" it knows in full)."""
    people = [k for k, t in types.items() if t == "Person"]
    full = {k: max((bare(m.text) for m in groups[k]), key=len) for k in people}
    known = {k: full_name(groups[k], k, lookup.by_id) for k in people}
    # Full names that share a surname and a first initial ("Pëtr Kropotkin", "Peter Kropotkin").
    keys = [k for k in people if len(full[k]) > 1]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            same = full[a][-1] == full[b][-1] and full[a][0][:1] == full[b][0][:1]
            if (
                a in groups
                and b in groups
                and same
                and not other_given_names(full[a][0], full[b][0])  # John and Janet McCrae
                and not (a.startswith("auth:") and b.startswith("auth:"))
            ):
                keep, drop = (b, a) if b.startswith("auth:") else (a, b)
                _join(groups, types, keep, drop)
    firsts = {
        k: {bare(m.text)[0] for m in groups.get(k, []) if len(bare(m.text)) > 1}
        | ({known[k][0]} if len(known[k]) > 1 else set())
        for k in people
    }
    for key in sorted(people, key=lambda k: (len(full[k]), k)):
        words = full[key]
        if len(words) != 1 or key not in groups:
            continue
        female = is_female(groups[key])
        targets = [
            k
            for k in people
            if k != key
            and k in groups
            and len(known[k]) > 1
            and (words[0] == known[k][-1] or words[0] in firsts[k])
        ]
        # "Mrs. Hooker" is not Hooker: an honorific's gender must agree with the fuller name's
        if female:  # a woman's honorific, or a woman's given name: "Julia Margaret Cameron"
            targets = [k for k in targets if is_female(groups[k]) or known[k][0] in women_names()]
        elif any(set(name_words(m.text)) & HONORIFICS for m in groups[key]):
            male = any(set(name_words(m.text)) & MALE for m in groups[key])  # "Lord Lytton"
            targets = [
                k
                for k in targets
                if not is_female(groups[k]) and not (male and known[k][0] in women_names())
            ]
        surnames = [k for k in targets if known[k][-1] == words[0]]
        if words[0] in given_names() and any(m.role in SENDER_ROLES for m in groups[key]):
            surnames = []  # a writer signs "Albert": the given name, not "Hans Albert"'s end
            targets = [k for k in targets if words[0] in firsts[k]]
        chosen = surnames if surnames else targets
        if len(chosen) == 1:
            _join(groups, types, chosen[0], key)


def _merge_same_names(groups: dict[str, list[Mention]], types: dict[str, EntityType]) -> None:
    """One name, one thing: "the *Dial*" read once as a book and once as a paper is one
    entity (the authority's type, else the type most of its mentions have)."""
    by_name: dict[str, list[str]] = {}
    for key, ms in groups.items():
        by_name.setdefault(normalise(ms[0].text), []).append(key)
    for keys in by_name.values():
        kinds = {types[k] for k in keys}
        if len(keys) < 2 or ("Person" in kinds and len(kinds) > 1):
            continue
        keep = max(
            keys,
            key=lambda k: (k.startswith("auth:"), len(groups[k]), PRIORITY.get(types[k], 0), k),
        )
        for key in keys:
            _join(groups, types, keep, key)


def _merge_short_titles(groups: dict[str, list[Mention]], types: dict[str, EntityType]) -> None:
    """ "the Congress" after "the Congress of Vienna": the one longer name it heads."""
    kinds = ("Organization", "Event", "Periodical")
    words = {
        k: [w for w in normalise(groups[k][0].text).split() if w not in ("of", "de")]
        for k in groups
    }
    for key in sorted(groups, key=lambda k: (len(words[k]), k)):
        if key not in groups or types[key] not in kinds or len(words[key]) != 1:
            continue
        targets = [
            k
            for k in groups
            if k != key
            and types[k] in kinds
            and len(words[k]) > 1
            and words[key][0] in (words[k][0], words[k][-1])
        ]
        if len(targets) == 1:
            _join(groups, types, targets[0], key)


# a name of one or two initials alone: "E. J.", "A. M." (three are a monogram: "R. V. W.")
BARE_INITIALS = re.compile(r"(?:[A-Z]\.\s*){1,2}")


def _drop_bare_initials(groups: dict[str, list[Mention]], types: dict[str, EntityType]) -> None:
    """A person named only by initials that no fuller name, no party and no authority entry
    took in ("E. J." of a signature's run, "P. M." of a time, "D. C." of a town): no one the
    letter can name. Signed initials stay (the writer, even unnamed)."""
    for key in [k for k, t in types.items() if t == "Person" and not k.startswith("auth:")]:
        ms = groups[key]
        if all(BARE_INITIALS.fullmatch(m.text.strip()) for m in ms) and not any(
            m.source == "structure" or m.role in SENDER_ROLES + RECIPIENT_ROLES for m in ms
        ):
            del groups[key]
            del types[key]


def _auth_label(key: str, lookup: Lookup) -> list[str]:
    entry = lookup.by_id.get(key[5:]) if key.startswith("auth:") else None
    return [entry.label] if entry else []


def _other_party(group: list[Mention], m: Mention) -> bool:
    """``m`` names one party of the letter and ``group`` the other under another style
    ("Governor GREY" writes to "EARL GREY"): the writer is never the addressee."""
    for roles, others in ((SENDER_ROLES, RECIPIENT_ROLES), (RECIPIENT_ROLES, SENDER_ROLES)):
        if m.role in roles and any(
            x.role in others and normalise(x.text) != normalise(m.text) for x in group
        ):
            return True
    return False


def _entity_with_role(
    entities: list[Entity],
    roles: tuple[str, ...],
    unlikely: Callable[[Entity], bool] | None = None,
) -> str | None:
    for role in roles:
        for e in entities:
            found = e.type == "Person" and any(m.role == role for m in e.mentions)
            if found and (unlikely is None or not unlikely(e)):
                return e.key
    return None


def _a_place(sense: PlaceSense | None) -> Callable[[Entity], bool]:
    """Whether a party found only in the greeting is a large place's name and nobody's."""

    def place(e: Entity) -> bool:
        greeted = all(m.role == "recipient_name" for m in e.mentions)
        return sense is not None and greeted and sense.is_large_place(e.label)

    return place
