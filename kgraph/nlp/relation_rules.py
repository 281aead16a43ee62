"""The rules of the relation component (``kgraph.nlp.relations``) as plain data, and the
helpers that read them from the rows of ``data/patterns/relations.jsonl``.

A ``set`` row names a word list that other rows use as ``"$name"``; a ``guard`` row lists
token attributes that, found on an argument, beside it (``child``) or above it (``head``),
veto a match; ``dependency`` and ``token`` rows are the rules (:class:`Rule`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

SPAN_RULES = frozenset({"dependency", "token"})
ARGUMENT_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "thou",
        "thee",
        "thy",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "here",
    ]
)


@dataclass
class Rule:
    id: str
    predicate: str
    confidence: float
    kind: str
    we: bool
    guards: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)  # allowed labels per argument
    patterns: list[list[dict[str, Any]]] = field(default_factory=list)
    subject: int = 0  # token rules: pattern element of each argument
    object: int = 0
    listed: bool = False  # token rules: the subject with the names listed after it
    their: bool = False  # "their" may stand for the two people named before it


def expand(value: Any, sets: dict[str, list[str]]) -> Any:
    """``value`` with every ``"$name"`` string replaced by the word list of set ``name``."""
    if isinstance(value, str) and value.startswith("$"):
        return sets[value[1:]]
    if isinstance(value, list):
        return [expand(v, sets) for v in value]
    if isinstance(value, dict):
        return {k: expand(v, sets) for k, v in value.items()}
    return value


def read_guard(row: dict[str, Any], sets: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """The token attributes of a ``guard`` row, by where they are looked for."""
    return {where: expand(row.get(where, []), sets) for where in ("self", "child", "head")}


def read_rule(row: dict[str, Any], kind: str, sets: dict[str, list[str]]) -> Rule:
    """The rule of a ``dependency`` or ``token`` row, its word sets expanded."""
    patterns = expand(row.get("patterns") or [row["pattern"]], sets)
    return Rule(
        id=row["id"],
        predicate=row["predicate"],
        confidence=float(row.get("confidence", 0.5)),
        kind=kind,
        we=bool(row.get("we", True)),
        guards=row.get("guards", {}),
        types=row.get("types", {}),
        patterns=patterns,
        subject=int(row.get("subject", 0)),
        object=int(row.get("object", 0)),
        listed=bool(row.get("list", False)),
        their=bool(row.get("their", False)),
    )


def token_matches(token: Token, attrs: dict[str, Any]) -> bool:
    """Whether ``token`` has the attributes ``attrs`` (a subset of Matcher syntax)."""
    values = {
        "LOWER": token.lower_,
        "LEMMA": token.lemma_.lower(),
        "DEP": token.dep_,
        "TAG": token.tag_,
        "POS": token.pos_,
        "ENT_TYPE": token.ent_type_,
        "ORTH": token.text,
    }
    for key, want in attrs.items():
        have = values[key]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
        elif have != want:
            return False
    return True


def trigger_words(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """For each node of ``pattern`` fixed by lemma or form, the words it may be: a text
    lacking one of them cannot match, so the rule is not tried there."""
    needs = []
    for node in pattern:
        for attr in ("LEMMA", "LOWER", "ORTH", "TEXT"):
            value = node.get("RIGHT_ATTRS", {}).get(attr)
            if isinstance(value, str):
                needs.append(frozenset({value}))
            elif isinstance(value, dict) and list(value) == ["IN"]:
                needs.append(frozenset(value["IN"]))
    return tuple(needs)
