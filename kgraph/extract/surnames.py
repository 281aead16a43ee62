"""A person's surname that the statistical tagger read as a place or a body.

A small model often labels a lone surname a place ("Lister has come") or an organisation
("I saw Hooker today"), most of all a surname that is also a town somewhere or an English
word. When the same letter names exactly one person in full with that surname ("Joseph
Lister", "Sir William Hooker", or a name the authority file gives in full), the lone word is
that person: ``resolve`` folds it into the person's group before it merges short names.

Only the tagger's guesses are changed: never a name the authority file, a cue or the letter's
structure typed, never a word after a preposition of place ("a house at Lister", "the Bishop
of Lister") unless an "'s" follows it ("dinner at Lister's"), and only when exactly one
person of the letter has that surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from kgraph.extract.name_match import bare, name_words
from kgraph.knowledge.authority import AuthorityEntry
from kgraph.model import EntityType, Mention

__all__ = ["fold_surnames", "full_name", "settle_one_words", "settle_titles"]

RETYPED: frozenset[str] = frozenset({"Place", "Organization"})
# the word before a name that makes it a place ("at Lister", "the Bishop of Lister"), unless
# an "'s" follows ("at Lister's", "in Lister's hand": the person's house, hand)
_LOCATIVE = re.compile(r"(?i)\b(?:at|in|near|via|of)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s?\b")


def fold_surnames(
    text: str,
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
    by_id: Mapping[str, AuthorityEntry],
    join: Callable[[str, str], None],
) -> None:
    """Fold each lone surname the tagger typed a place or a body into the one person of the
    letter named with it ("Joseph Lister", "Dr. Lister"), in place. A person's name is its
    fullest form, or its authority label (``by_id``) when that is fuller."""
    people = [k for k in groups if types[k] == "Person"]
    names = {k: full_name(groups[k], k, by_id) for k in people}
    for key in [k for k in groups if types[k] in RETYPED and not k.startswith("auth:")]:
        ms = groups.get(key, [])
        if not ms or not all(_lone_guess(text, m) for m in ms):
            continue
        word = bare(ms[0].text)  # "Mittag-Leffler" is two words to match
        owners = [
            k
            for k in people
            if names[k][-len(word) :] == word
            and (len(names[k]) > len(word) or any(_titled(m.text) for m in groups[k]))
        ]
        if len(owners) != 1 or owners[0] not in groups:
            continue
        groups[key] = [replace(m, type="Person") for m in ms]
        types[key] = "Person"
        join(owners[0], key)


def full_name(ms: list[Mention], key: str, by_id: Mapping[str, AuthorityEntry]) -> list[str]:
    """The most name words of a person's mentions, or of its authority label (a group keyed
    "auth:ID")."""
    entry = by_id.get(key[5:]) if key.startswith("auth:") else None
    names = [bare(m.text) for m in ms] + ([bare(entry.label)] if entry is not None else [])
    return max(names, key=len)


def _titled(text: str) -> bool:
    """A name with a title before it ("Dr. Lister", "Captain Wilkes")."""
    return len(name_words(text)) > len(bare(text))


def _located(text: str, m: Mention) -> bool:
    """After a preposition of place, and no "'s" after it ("at Lister", not "at Lister's")."""
    before = _LOCATIVE.search(text[max(0, m.start - 16) : m.start]) is not None
    return before and _POSSESSIVE.match(text, m.end) is None


def _lone_guess(text: str, m: Mention, located_too: bool = False) -> bool:
    """One capitalised word of the tagger's, not after a preposition of place (unless
    ``located_too``)."""
    return (
        m.source == "ner"
        and not m.refs
        and len(m.text.split()) == 1
        and len(m.text) > 2
        and m.text[:1].isupper()
        and not m.text.isupper()
        and (located_too or not _located(text, m))
    )


def settle_one_words(
    text: str,
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
    join: Callable[[str, str], None],
) -> None:
    """One word the tagger read once as a person and once as a place or a body is one thing
    (in place): a place when a preposition of place stands before it anywhere ("we stayed
    at Kelso", "the people of Kelso"); else whichever reading has more mentions, a person
    on a tie ("tell Ormond" and "Ormond has come"). A person the letter's structure names
    (a signature, a salutation) stays a person."""
    by_word: dict[str, list[str]] = {}
    for key, ms in groups.items():
        if not key.startswith("auth:") and len(ms[0].text.split()) == 1:
            by_word.setdefault(" ".join(bare(ms[0].text)), []).append(key)
    for keys in by_word.values():
        person = [k for k in keys if types[k] == "Person"]
        other = [k for k in keys if types[k] in RETYPED]
        if len(person) != 1 or len(other) != 1:
            continue
        p, o = person[0], other[0]
        if not all(_lone_guess(text, m, located_too=True) for m in groups[o]):
            continue
        guessed = all(m.source == "ner" for m in groups[p])
        located = any(_located(text, m) for m in groups[p] + groups[o])
        if guessed and (located or len(groups[o]) > len(groups[p])):
            groups[p] = [replace(m, type=types[o]) for m in groups[p]]
            join(o, p)
        else:
            groups[o] = [replace(m, type="Person") for m in groups[o]]
            join(p, o)


def settle_titles(
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
    join: Callable[[str, str], None],
) -> None:
    """A name read once as a work (by its context: "my Ulvhild", "five pages of Ulvhild") and
    elsewhere only guessed a person by the tagger ("Ulvhild is finished") is the work: a
    book or an opera named after its hero is named so throughout a letter (in place)."""
    by_name: dict[str, list[str]] = {}
    for key, ms in groups.items():
        if not key.startswith("auth:"):
            by_name.setdefault(" ".join(bare(ms[0].text)), []).append(key)
    for keys in by_name.values():
        works = [k for k in keys if types[k] == "Work"]
        people = [k for k in keys if types[k] == "Person"]
        if len(works) != 1 or not people:
            continue
        if not all(m.source == "ner" and not m.refs for k in people for m in groups[k]):
            continue  # a signature, a salutation, an editor's tag: a person
        for key in people:
            groups[key] = [replace(m, type="Work") for m in groups[key]]
            join(works[0], key)
