"""Stage 5, ``resolve``: one entity per real thing in a letter.

Mentions join when the authority file knows them as one entry; when their normalised names
are equal; when a short personal name ("Kropotkin", the vocative "Peter", "Mrs. Carlyle") is
the surname or first name of exactly one fuller name in the letter; and when the letter's
structure says they are one person (the signature and the heading's sender are the sender;
the salutation's name and the heading's recipient are the recipient). The canonical label is
the authority's label, else the fullest form seen.
"""

from __future__ import annotations

import difflib
import re
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
        "esq",
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
PRIORITY = {"Periodical": 3, "Place": 2, "Organization": 1}
SENDER_ROLES = ("signature", "heading_sender", "byline")
RECIPIENT_ROLES = ("heading_recipient", "recipient_name")
FUZZY_TYPES = frozenset({"Periodical", "Work", "Organization", "Event", "Place"})
FUZZY_MIN = 8
TITLE_KINDS = {"Work": ("Work", "Periodical"), "Periodical": ("Periodical", "Work")}
FUZZY_RATIO = 0.88
STREET = re.compile(
    r"\b(?:street|road|row|square|lane|place|terrace|gardens|avenue|house|hall|hospital|"
    r"hotel|hôtel|court|park|strasse|straße|rue|via|quai|boulevard|river)\b",
    re.I,
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


class _Index:
    """The authority's names indexed for lookup: built once per authority, read only."""

    def __init__(self, authority: Authority) -> None:
        self.by_id = authority.by_id()
        self.by_name = authority.by_name()
        self.by_surname: dict[str, list[AuthorityEntry]] = {}
        self.fuzzy: dict[tuple[str, str], list[tuple[str, AuthorityEntry]]] = {}
        for entry in authority.entries:
            if entry.type in FUZZY_TYPES:
                for name in {normalise(n) for n in entry.names}:
                    if len(name) >= FUZZY_MIN:
                        self.fuzzy.setdefault((entry.type, name[0]), []).append((name, entry))
            if entry.type == "Person" and len(words := bare(entry.label)) > 1:
                self.by_surname.setdefault(words[-1], []).append(entry)


_INDEXES: dict[int, tuple[Authority, _Index]] = {}  # id → (the authority itself, its index)


def _index(authority: Authority) -> _Index:
    """The index of ``authority``, built on first use (rebuilding it for every letter cost
    more than all the other stages together)."""
    cached = _INDEXES.get(id(authority))
    if cached is not None and cached[0] is authority:
        return cached[1]
    if len(_INDEXES) >= 4:
        _INDEXES.clear()
    index = _Index(authority)
    _INDEXES[id(authority)] = (authority, index)
    return index


class Lookup:
    """Authority entries by normalised name, and people by surname for "C. Darwin"."""

    def __init__(self, authority: Authority, year: int | None = None) -> None:
        index = _index(authority)
        self.year = year
        self.by_id = index.by_id
        self.by_name = index.by_name
        self.by_surname = index.by_surname
        self.fuzzy = index.fuzzy

    def find(self, m: Mention) -> AuthorityEntry | None:
        entry = self._find(m)
        too_late = entry is not None and entry.start is not None and self.year is not None
        if too_late and entry.start > self.year:  # type: ignore[operator,union-attr]
            return None  # born, founded or written after the letter
        return entry

    def _find(self, m: Mention) -> AuthorityEntry | None:
        if m.authority_id and m.authority_id in self.by_id:
            return self.by_id[m.authority_id]
        entries = self.by_name.get(normalise(m.text), ())
        same_type = [e for e in entries if e.type == m.type]
        if len(same_type) == 1:
            return same_type[0]
        if len(entries) == 1 and m.source == "ner":
            return entries[0]
        if m.type == "Person":
            return self._by_initials(m.text)
        return self._close(m)

    def _close(self, m: Mention) -> AuthorityEntry | None:
        """A misspelt title or place ("Tempes Nouveau"): the one close authority name."""
        key = normalise(m.text)
        if m.type not in FUZZY_TYPES or len(key) < FUZZY_MIN:
            return None
        found = {
            entry.id: entry
            for kind in TITLE_KINDS.get(m.type, (m.type,))  # a title may be a book or a paper
            for name, entry in self.fuzzy.get((kind, key[0]), [])
            if abs(len(name) - len(key)) <= 3 and _close_enough(key, name)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_initials(self, text: str) -> AuthorityEntry | None:
        """ "C. Darwin", "Th: Jefferson", "Joseph Mazzini": the one known person with that
        surname whose first name starts the same way."""
        words = bare(text)
        if len(words) < 2:
            return None
        matches = [
            e
            for e in self.by_surname.get(words[-1], [])
            if any(
                bare(n)[0].startswith(words[0]) or words[0].startswith(bare(n)[0])
                for n in e.names
                if len(bare(n)) > 1
            )
        ]
        return matches[0] if len(matches) == 1 else None


def resolve(letter: Letter, mentions: tuple[Mention, ...], authority: Authority) -> Resolution:
    year = int(letter.date.iso[:4]) if letter.date is not None else None
    lookup = Lookup(authority, year)
    groups: dict[str, list[Mention]] = {}
    types: dict[str, EntityType] = {}
    for m in mentions:
        entry = lookup.find(m)
        if entry is not None and not (m.source == "structure" and entry.type != m.type):
            key = f"auth:{entry.id}"
            types[key] = entry.type
        else:
            name = normalise(m.text)
            if m.type == "Person":  # "Mr. Herbert" is Herbert; "Mrs. Herbert" is someone else
                name = ("mrs " if _female([m]) else "") + " ".join(bare(m.text))
            key = f"{m.type}:{name}"
            types.setdefault(key, m.type)
        groups.setdefault(key, []).append(m)
    for roles in (SENDER_ROLES, RECIPIENT_ROLES):
        _merge_roles(groups, types, roles)
    _merge_short_names(groups, types)
    _merge_same_names(groups, types)
    _merge_short_titles(groups, types)
    entities = []
    for key, ms in groups.items():
        entry = lookup.by_id.get(key[5:]) if key.startswith("auth:") else None
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
        sender=_entity_with_role(entities, SENDER_ROLES),
        recipient=_entity_with_role(entities, RECIPIENT_ROLES),
        place=_place_of_writing(entities, lookup),
    )


def _fullest(forms: list[str]) -> str:
    def score(form: str) -> tuple[int, int, int, int, str]:
        words = bare(form)
        return (
            len(words),
            -sum(len(w) == 1 for w in words),
            -sum(w in HONORIFICS for w in name_words(form)),
            -int(form.isupper()),
            form,
        )

    best = max(forms, key=score)
    if (
        best.isupper() and len(best) > 3
    ):  # "MILLICENT GARRETT FAWCETT" → "Millicent Garrett Fawcett"
        best = " ".join(w.capitalize() if len(w) > 2 else w for w in best.split())
    return best


def _join(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], keep: str, drop: str
) -> None:
    if keep != drop and keep in groups and drop in groups:
        groups[keep].extend(groups.pop(drop))
        types.pop(drop)


def _merge_roles(
    groups: dict[str, list[Mention]], types: dict[str, EntityType], roles: tuple[str, ...]
) -> None:
    """The signature and the heading's sender are one person (likewise for the recipient)."""
    keys = [k for k in groups if types[k] == "Person" and any(m.role in roles for m in groups[k])]
    if len(keys) < 2:
        return
    keep = max(
        keys,
        key=lambda k: (k.startswith("auth:"), len(bare(_fullest([m.text for m in groups[k]]))), k),
    )
    for key in keys:
        _join(groups, types, keep, key)


def _merge_short_names(groups: dict[str, list[Mention]], types: dict[str, EntityType]) -> None:
    """Fold one-word (or honorific + surname) person names into the one fuller name they fit."""
    people = [k for k, t in types.items() if t == "Person"]
    full = {k: max((bare(m.text) for m in groups[k]), key=len) for k in people}
    # Full names that share a surname and a first initial ("Pëtr Kropotkin", "Peter Kropotkin").
    keys = [k for k in people if len(full[k]) > 1]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            same = full[a][-1] == full[b][-1] and full[a][0][:1] == full[b][0][:1]
            if (
                a in groups
                and b in groups
                and same
                and not (a.startswith("auth:") and b.startswith("auth:"))
            ):
                keep, drop = (b, a) if b.startswith("auth:") else (a, b)
                _join(groups, types, keep, drop)
    firsts = {
        k: {bare(m.text)[0] for m in groups.get(k, []) if len(bare(m.text)) > 1} for k in people
    }
    for key in sorted(people, key=lambda k: (len(full[k]), k)):
        words = full[key]
        if len(words) != 1 or key not in groups:
            continue
        female = _female(groups[key])
        targets = [
            k
            for k in people
            if k != key
            and k in groups
            and len(full[k]) > 1
            and (words[0] == full[k][-1] or words[0] in firsts[k])
        ]
        # "Mrs. Hooker" is not Hooker: an honorific's gender must agree with the fuller name's
        if female:
            targets = [k for k in targets if _female(groups[k])]
        elif any(set(name_words(m.text)) & HONORIFICS for m in groups[key]):
            targets = [k for k in targets if not _female(groups[k])]
        surnames = [k for k in targets if full[k][-1] == words[0]]
        chosen = surnames if surnames else targets
        if len(chosen) == 1:
            _join(groups, types, chosen[0], key)


def _female(mentions: list[Mention]) -> bool:
    return any(set(name_words(m.text)) & FEMALE for m in mentions)


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


def _entity_with_role(entities: list[Entity], roles: tuple[str, ...]) -> str | None:
    for role in roles:
        for e in entities:
            if e.type == "Person" and any(m.role == role for m in e.mentions):
                return e.key
    return None


def _place_of_writing(entities: list[Entity], lookup: Lookup) -> str | None:
    """The settlement named in the dateline or the writer's address."""
    best: tuple[tuple[int, int, int, int], str] | None = None
    for e in entities:
        if e.type != "Place":
            continue
        for m in e.mentions:
            if m.role not in ("place", "dateline", "address"):
                continue
            entry = lookup.by_id.get(e.authority_id) if e.authority_id else None
            score = (
                int(m.role == "place"),
                int(not STREET.search(m.text)),
                int(entry is not None and entry.within is not None),
                m.start,
            )
            if best is None or score > best[0]:
                best = (score, e.key)
    return best[1] if best else None


def _close_enough(key: str, name: str) -> bool:
    """Whether difflib's similarity ratio of ``key`` and ``name`` reaches FUZZY_RATIO; its
    cheap upper bounds rule most names out first."""
    matcher = difflib.SequenceMatcher(None, key, name)
    return (
        matcher.real_quick_ratio() >= FUZZY_RATIO
        and matcher.quick_ratio() >= FUZZY_RATIO
        and matcher.ratio() >= FUZZY_RATIO
    )
