"""The model's ``attribute_ruler`` (tag → part of speech, morphology and lemma exceptions),
compiled: the same rules, the same annotations, about a fifth of the time.

spaCy's ruler runs a token ``Matcher`` over every token with all of its ~180 patterns, which
costs as much as the parser. Nearly all of them are one token with exact values, so here
each is filed under its exact ``LOWER`` or ``TAG`` value and a token is checked only against
the patterns filed under its own values (plus the few with neither); patterns of several
tokens still go through a small ``Matcher``. Matches are then applied as spaCy applies them:
sorted by rule number, so later rules win. Any condition this module cannot compile leaves
the model's ruler in place (``compile_ruler`` returns ``None``); ``tests/test_attributes.py``
checks that both give identical annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

MEMO_LIMIT = 100_000  # remembered (tag, form, dependency, space) combinations
SLOTS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # a token's values, read once


def _values(token: Token) -> tuple[str, str, str, bool]:
    return token.tag_, token.lower_, token.dep_, token.is_space


@dataclass(frozen=True)
class Condition:
    attribute: str
    kind: str  # "is", "in", "not_in", "regex"
    value: Any

    def holds(self, values: tuple[str, str, str, bool]) -> bool:
        have = values[SLOTS[self.attribute]]
        if self.kind == "is":
            return bool(have == self.value)
        if self.kind == "in":
            return have in self.value
        if self.kind == "not_in":
            return have not in self.value
        return bool(self.value.search(have))


@dataclass(frozen=True)
class Rule:
    number: int
    conditions: tuple[Condition, ...]


def _condition(attribute: str, want: Any) -> Condition | None:
    if attribute not in SLOTS:
        return None
    if isinstance(want, (str, bool)):
        return Condition(attribute, "is", want)
    if isinstance(want, dict) and len(want) == 1:
        kind, value = next(iter(want.items()))
        if kind in ("IN", "NOT_IN") and isinstance(value, list):
            return Condition(attribute, kind.lower(), frozenset(value))
        if kind == "REGEX" and isinstance(value, str):
            return Condition(attribute, "regex", re.compile(value))
    return None


class CompiledRuler:
    """Applies the rules of a spaCy ``AttributeRuler`` with indexed single-token rules."""

    def __init__(self, ruler: Any) -> None:
        self.attrs: list[dict[int, Any]] = ruler.attrs
        self.indices: list[int] = ruler.indices
        self.by_lower: dict[str, list[Rule]] = {}
        self.by_tag: dict[str, list[Rule]] = {}
        self.others: list[Rule] = []
        self.multi = Matcher(ruler.vocab)
        self._memo: dict[tuple[str, str, str, bool], tuple[int, ...]] = {}

    def add(self, number: int, patterns: list[list[dict[str, Any]]]) -> bool:
        """File rule ``number``; False when a condition cannot be compiled."""
        for pattern in patterns:
            if len(pattern) != 1:
                self.multi.add(str(number), [pattern])
                continue
            conditions = [_condition(k, v) for k, v in pattern[0].items()]
            if any(c is None for c in conditions) or "OP" in pattern[0]:
                return False
            rule = Rule(number, tuple(c for c in conditions if c is not None))
            self._file(rule)
        return True

    def _file(self, rule: Rule) -> None:
        """File ``rule`` under its most selective exact value: its form, else its tag."""
        for attribute, table in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            for c in rule.conditions:
                if c.attribute == attribute and c.kind in ("is", "in"):
                    for value in [c.value] if c.kind == "is" else sorted(c.value):
                        table.setdefault(value, []).append(rule)
                    return
        self.others.append(rule)

    def _rules_for(self, values: tuple[str, str, str, bool]) -> tuple[int, ...]:
        """The single-token rules a token with ``values`` matches (they depend on nothing
        else, so the answer is remembered)."""
        return tuple(
            rule.number
            for rules in (
                self.by_lower.get(values[1], []),
                self.by_tag.get(values[0], []),
                self.others,
            )
            for rule in rules
            if all(c.holds(values) for c in rule.conditions)
        )

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule number, start, end) of every match, sorted as spaCy's ruler sorts them."""
        found: list[tuple[int, int, int]] = []
        memo = self._memo
        for i, token in enumerate(doc):
            values = _values(token)
            numbers = memo.get(values)
            if numbers is None:
                numbers = self._rules_for(values)
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                memo[values] = numbers
            found.extend((number, i, i + 1) for number in numbers)
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                found.append((int(doc.vocab.strings[match_id]), start, end))
        found.sort()
        return found

    def apply(self, doc: Doc, found: list[tuple[int, int, int]]) -> None:
        for number, start, end in found:
            token = doc[start] if end - start == 1 else doc[start:end][self.indices[number]]
            set_token_attrs(token, self.attrs[number])


def compile_ruler(ruler: Any) -> CompiledRuler | None:
    """A compiled copy of spaCy ``AttributeRuler`` ``ruler``, or None when one of its
    patterns uses something this module does not compile."""
    compiled = CompiledRuler(ruler)
    for number, row in enumerate(ruler.patterns):
        if not compiled.add(number, row["patterns"]):
            return None
    return compiled


@Language.factory("kgraph_attribute_ruler", default_config={})
class AttributeRulerComponent:
    """Stands in for the model's ``attribute_ruler`` with the same rules (``initialize``
    takes them from it)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.compiled: CompiledRuler | None = None

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        compiled: CompiledRuler | None = None,
    ) -> None:
        self.compiled = compiled

    def __call__(self, doc: Doc) -> Doc:
        if self.compiled is not None:
            self.compiled.apply(doc, self.compiled.matches(doc))
        return doc


def use_compiled_ruler(nlp: Language) -> bool:
    """Replace the model's ``attribute_ruler`` by its compiled copy, where it compiles."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    compiled = compile_ruler(nlp.get_pipe("attribute_ruler"))
    if compiled is None:
        return False
    component: Any = nlp.add_pipe("kgraph_attribute_ruler", after="attribute_ruler")
    component.initialize(lambda: [], nlp=nlp, compiled=compiled)
    nlp.remove_pipe("attribute_ruler")
    return True
