"""A dependency-pattern matcher for the relation rules, equivalent to spaCy's
``DependencyMatcher`` on the patterns kgraph uses, and much cheaper on them.

spaCy's matcher first runs a token matcher for every node of every pattern over the whole
document, then joins the candidates; nodes with loose attributes (``{"DEP": "prep"}``) match
most tokens, so its cost grows with the text, not with the matches. Here a pattern is searched
from its anchor (first) node: the anchor's candidates come from a per-document index of forms
and lemmas when the anchor names its words, and each later node is looked for only among the
tokens its operator allows (children, head, ancestors, descendants) of the token already bound
to its ``LEFT_ID`` node. Matches are the same as spaCy's: every assignment of tokens to nodes
that satisfies all attributes and relations (tokens need not be distinct, as in spaCy).

Supported: operators ``>``, ``<``, ``>>``, ``<<`` and attributes ORTH, TEXT, LOWER, LEMMA, POS,
TAG, DEP, ENT_TYPE with a string, ``{"IN": [...]}`` or ``{"NOT_IN": [...]}``; anything else is
refused when the pattern is added (``tests/test_relations.py`` compares both matchers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

ATTRIBUTES: dict[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
OPERATORS = frozenset({">", "<", ">>", "<<"})
WORD_ATTRIBUTES = ("ORTH", "TEXT", "LOWER", "LEMMA")


@dataclass(frozen=True)
class Test:
    """One attribute condition: the attribute's value is one of ``values`` (``kind`` "in") or
    none of them ("not_in")."""

    attribute: str
    kind: str
    values: frozenset[str]


@dataclass(frozen=True)
class Node:
    tests: tuple[Test, ...]
    left: int  # index of the node this one hangs from; -1 for the anchor
    op: str


@dataclass(frozen=True)
class Pattern:
    key: str
    nodes: tuple[Node, ...]
    anchor: Test | None  # the anchor's test that the doc index answers fastest


def compile_tests(attrs: dict[str, Any], where: str) -> tuple[Test, ...]:
    tests = []
    for attribute, want in attrs.items():
        if attribute not in ATTRIBUTES:
            raise ValueError(f"{where}: attribute {attribute!r} is not supported")
        if isinstance(want, str):
            tests.append(Test(attribute, "in", frozenset({want})))
        elif isinstance(want, dict) and len(want) == 1 and set(want) <= {"IN", "NOT_IN"}:
            kind, values = next(iter(want.items()))
            tests.append(Test(attribute, kind.lower(), frozenset(values)))
        else:
            raise ValueError(f"{where}: value {want!r} of {attribute} is not supported")
    return tuple(tests)


def compile_pattern(key: str, pattern: Sequence[dict[str, Any]]) -> Pattern:
    """The search plan of a DependencyMatcher pattern (a list of node dicts)."""
    ids: dict[str, int] = {}
    nodes: list[Node] = []
    for n, spec in enumerate(pattern):
        where = f"{key} node {n}"
        tests = compile_tests(spec.get("RIGHT_ATTRS", {}), where)
        if n == 0:
            left, op = -1, ""
        else:
            if spec.get("LEFT_ID") not in ids:
                raise ValueError(f"{where}: LEFT_ID must name an earlier node")
            left, op = ids[spec["LEFT_ID"]], spec.get("REL_OP", "")
            if op not in OPERATORS:
                raise ValueError(f"{where}: operator {op!r} is not supported")
        ids[spec["RIGHT_ID"]] = n
        nodes.append(Node(tests, left, op))
    usable = [t for t in nodes[0].tests if t.kind == "in"]
    usable.sort(key=lambda t: t.attribute not in WORD_ATTRIBUTES)  # words are the rarest
    return Pattern(key, tuple(nodes), usable[0] if usable else None)


class DocIndex:
    """What the patterns ask of one doc, read from spaCy once: each attribute as a column of
    strings (built on first use), tokens by value of an attribute, heads and children."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = list(doc)
        self.heads = [t.head.i for t in self.tokens]
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self._columns: dict[str, list[str]] = {}
        self._tables: dict[str, dict[str, list[int]]] = {}

    def column(self, attribute: str) -> list[str]:
        name = "ORTH" if attribute == "TEXT" else attribute
        if name not in self._columns:
            get = ATTRIBUTES[name]
            self._columns[name] = [get(t) for t in self.tokens]
        return self._columns[name]

    def table(self, attribute: str) -> dict[str, list[int]]:
        name = "ORTH" if attribute == "TEXT" else attribute
        if name not in self._tables:
            table: dict[str, list[int]] = {}
            for i, value in enumerate(self.column(name)):
                table.setdefault(value, []).append(i)
            self._tables[name] = table
        return self._tables[name]

    def words(self) -> set[str]:
        return {*self.column("ORTH"), *self.column("LOWER"), *self.column("LEMMA")}

    def accepts(self, node: Node, i: int) -> bool:
        for test in node.tests:
            if (self.column(test.attribute)[i] in test.values) == (test.kind == "not_in"):
                return False
        return True

    def related(self, i: int, op: str) -> list[int]:
        if op == ">":
            return self.children[i]
        if op == "<":
            return [self.heads[i]] if self.heads[i] != i else []
        if op == "<<":
            found = []
            while self.heads[i] != i:
                i = self.heads[i]
                found.append(i)
            return found
        below, stack = [], list(self.children[i])  # ">>": every descendant
        while stack:
            j = stack.pop()
            below.append(j)
            stack.extend(self.children[j])
        return sorted(below)

    def anchors(self, pattern: Pattern) -> list[int]:
        if pattern.anchor is None:
            return list(range(len(self.tokens)))
        table = self.table(pattern.anchor.attribute)
        return sorted(i for value in table.keys() & pattern.anchor.values for i in table[value])


def find(pattern: Pattern, index: DocIndex) -> list[list[int]]:
    """Every binding of ``pattern``'s nodes to token indices of the indexed doc."""
    nodes = pattern.nodes
    found: list[list[int]] = []
    bound: list[int] = []

    def extend(n: int) -> None:
        if n == len(nodes):
            found.append(list(bound))
            return
        node = nodes[n]
        for j in index.related(bound[node.left], node.op):
            if index.accepts(node, j):
                bound.append(j)
                extend(n + 1)
                bound.pop()

    for i in index.anchors(pattern):
        if index.accepts(nodes[0], i):
            bound.append(i)
            extend(1)
            bound.pop()
    return found
