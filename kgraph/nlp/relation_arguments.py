"""What the argument tokens of a relation rule's match stand for (``kgraph.nlp.relations``).

An argument token becomes the name (doc entity) that contains it. A relative pronoun ("which
I founded") stands for the nearest name of a fitting type before its clause, a common noun in
apposition ("the paper you edit") for the name beside it, "his" or "her" for the name it is
coordinated with ("Lucy Stone and her husband"); other "he", "him", "his", "she" and "her"
are kept for ``relate`` to resolve (``kgraph.extract.relate_arguments``). The conjuncts of an
argument ("Sasha and I") are arguments too, unless the caller takes the argument alone. "I"
and "you" forms are kept for ``relate`` to map to the sender and the recipient, "we" forms
only where the rule allows them, and none of them inside quoted speech. "here" as an adverb
("Mr. Lowe was here on Sunday") is kept for ``relate`` to map to the place of writing.
Anything else is dropped.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from kgraph.nlp.relation_rules import Rule

FIRST = frozenset({"i", "me", "my", "mine", "myself"})
SECOND = frozenset({"you", "your", "yours", "yourself", "thou", "thee", "thy", "thine"})
WE = frozenset({"we", "us", "our", "ours", "ourselves"})
RELATIVE = frozenset({"which", "who", "whom", "that"})
THIRD_POSSESSIVE = frozenset({"his", "her"})
THIRD = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
THEIR = "their"
HERE = "here"
LIST_JOINS = frozenset({"and", "&", "or"})
OPEN_QUOTES = frozenset("“«")
CLOSE_QUOTES = frozenset("”»")


def arguments(
    doc: Doc,
    i: int,
    ents: dict[int, Span],
    rule: Rule,
    types: list[str] | None,
    alone: bool,
) -> list[tuple[int, int]]:
    """Character spans the argument at token ``i`` stands for (with its conjuncts unless
    ``alone``) whose label (pronouns count as Person) is one of ``types``."""
    found: list[tuple[int, int]] = []
    for token in (doc[i],) if alone else (doc[i], *doc[i].conjuncts):
        for arg in _argument(doc, token, ents, rule, types, depth=0):
            if (types is None or arg[2] in types) and arg[:2] not in found:
                found.append(arg[:2])
    return found


def _argument(
    doc: Doc,
    token: Token,
    ents: dict[int, Span],
    rule: Rule,
    types: list[str] | None,
    depth: int,
) -> list[tuple[int, int, str]]:
    if token.i in ents:
        ent = ents[token.i]
        return [(ent.start_char, ent.end_char, ent.label_)]
    lower = token.lower_
    if lower in FIRST or lower in SECOND or (rule.we and lower in WE):
        if quoted(doc, token):
            return []
        return [(token.idx, token.idx + len(token.text), "Person")]
    if lower == HERE and token.dep_ == "advmod":  # the place of writing, mapped by relate
        return [] if quoted(doc, token) else [(token.idx, token.idx + len(token.text), "Place")]
    if depth > 2:
        return []
    if lower in RELATIVE and token.tag_ in ("WDT", "WP"):
        antecedent = _antecedent(doc, token, ents, types)
        if antecedent is not None:
            return _argument(doc, antecedent, ents, rule, types, depth + 1)
    elif (
        lower in THIRD_POSSESSIVE
        and token.dep_ == "poss"
        and token.head.dep_ == "conj"
        and token.head.head.i in ents
    ):  # "Lucy Stone and her husband": her is the name the noun is coordinated with
        return _argument(doc, token.head.head, ents, rule, types, depth + 1)
    if lower in THIRD and not quoted(doc, token):  # kept for relate to resolve
        return [(token.idx, token.idx + len(token.text), "Person")]
    if rule.their and lower == THEIR and token.dep_ == "poss" and not quoted(doc, token):
        # "Tom Hale and his wife, with their son Ned": kept for relate to resolve
        return [(token.idx, token.idx + len(token.text), "Person")]
    if lower in RELATIVE or lower in THIRD:
        return []
    if token.pos_ == "NOUN":
        if token.dep_ == "appos" and token.head.i in ents:
            return _argument(doc, token.head, ents, rule, types, depth + 1)
        for child in token.children:
            if child.dep_ == "appos" and child.i in ents:  # "my sons Joseph and William"
                return [
                    arg
                    for name in (child, *child.conjuncts)
                    for arg in _argument(doc, name, ents, rule, types, depth + 1)
                ]
    return []


def listed_after(doc: Doc, i: int, ents: dict[int, Span]) -> list[int]:
    """The first token of each name listed after the name at token ``i`` ("Tom, Ned and Will",
    "Tom & Ned", "Tom or Ned"), each of the same label, set off by a comma, "and", "&" or
    "or"; the list ends after the name that follows "and", "&" or "or"."""
    found: list[int] = []
    if i not in ents:
        return found
    ent = ents[i]
    while True:
        j, joined = ent.end, False
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ in LIST_JOINS:
            j, joined = j + 1, True
        if j == ent.end or j not in ents or ents[j].label_ != ent.label_ or ents[j].start != j:
            return found
        found.append(j)
        ent = ents[j]
        if joined:
            return found


def _antecedent(
    doc: Doc, pronoun: Token, ents: dict[int, Span], types: list[str] | None
) -> Token | None:
    """The name a relative pronoun stands for: the nearest name of a fitting type before its
    clause, back to the verb before it ("the Council of Women at Washington last spring, at
    which you spoke": the Council for an event), else the noun the clause hangs from."""
    clause = pronoun
    while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl"):
        return None
    i = clause.left_edge.i - 1
    while i >= clause.sent.start and doc[i].pos_ not in ("VERB", "AUX"):
        ent = ents.get(i)
        if ent is not None and (types is None or ent.label_ in types):
            return doc[i]
        i -= 1
    return clause.head


def quoted(doc: Doc, token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened earlier in its text."""
    marks = doc.user_data.get("kgraph.quotes")
    if marks is None:  # where the quotation marks are, found once per doc
        text = doc.text
        marks = (
            [i for i, c in enumerate(text) if c == '"'],
            [i for i, c in enumerate(text) if c in OPEN_QUOTES],
            [i for i, c in enumerate(text) if c in CLOSE_QUOTES],
        )
        doc.user_data["kgraph.quotes"] = marks
    straight, opening, closing = (bisect.bisect_left(m, token.idx) for m in marks)
    return straight % 2 == 1 or opening - closing > 0
