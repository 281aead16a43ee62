"""The relation component: rules from ``data/patterns/relations.jsonl`` that tie two names, or
a pronoun and a name, with a kg relation inside one sentence.

Two kinds of rule run here (the file's header documents the format): ``dependency`` rules are
spaCy DependencyMatcher patterns whose nodes named ``subject`` and ``object`` are the
arguments; ``token`` rules are spaCy Matcher patterns whose ``subject`` and ``object`` fields
give the index of the pattern element that matches each argument. ``letter`` and ``entity``
rows are rules of ``kgraph.relate``; this component only skips them.

An argument token becomes the name (doc entity) that contains it. A relative pronoun ("which
I founded") stands for the nearest name of a fitting type before its clause, a common noun in
apposition ("the paper you edit") for the name beside it, "his" or "her" only for the name it
is coordinated with ("Lucy Stone and her husband"), and the conjuncts of an argument ("Sasha
and I") are arguments too, unless the argument governs another node of the match ("the
*Temps Nouveaux* and the *Réveille* of Geneva": only the *Réveille* is of Geneva). "I" and
"you" forms are kept for ``relate`` to map to the sender and the recipient, "we" forms only
where the rule allows them, and none of them inside quoted speech. Anything else is dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token

from .depmatch import DocIndex, Pattern, compile_pattern, find
from .pipeline import read_jsonl

FIRST = frozenset({"i", "me", "my", "mine", "myself"})
SECOND = frozenset({"you", "your", "yours", "yourself", "thou", "thee", "thy", "thine"})
WE = frozenset({"we", "us", "our", "ours", "ourselves"})
RELATIVE = frozenset({"which", "who", "whom", "that"})
THIRD_POSSESSIVE = frozenset({"his", "her"})
OPEN_QUOTES = frozenset("“«")
CLOSE_QUOTES = frozenset("”»")
SPAN_RULES = frozenset({"dependency", "token"})


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


def expand(value: Any, sets: dict[str, list[str]]) -> Any:
    """``value`` with every ``"$name"`` string replaced by the word list of set ``name``."""
    if isinstance(value, str) and value.startswith("$"):
        return sets[value[1:]]
    if isinstance(value, list):
        return [expand(v, sets) for v in value]
    if isinstance(value, dict):
        return {k: expand(v, sets) for k, v in value.items()}
    return value


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


@Language.factory("kgraph_relations", default_config={})
class RelationMatcher:
    """Relation rules over the dependency parse and the tokens of each sentence."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)  # validates patterns
        self.by_trigger: list[tuple[tuple[frozenset[str], ...], Pattern]] = []  # (needs, plan)
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.rules: dict[str, Rule] = {}
        self.keys: dict[str, tuple[Rule, list[dict[str, Any]]]] = {}
        self.guards: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
    ) -> None:
        path = (data_dir or Path()) / "relations.jsonl"
        if path.exists():
            self.add_rows(read_jsonl(path))

    def add_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        sets: dict[str, list[str]] = {}
        for row in rows:
            kind = row.get("kind", "dependency")
            if kind == "set":
                sets[row["id"]] = list(row["words"])
            elif kind == "guard":
                self.guards[row["id"]] = {
                    where: expand(row.get(where, []), sets) for where in ("self", "child", "head")
                }
            elif kind in SPAN_RULES:
                patterns = expand(row.get("patterns") or [row["pattern"]], sets)
                rule = Rule(
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
                )
                self.rules[rule.id] = rule
                for n, pattern in enumerate(patterns):
                    key = f"{rule.id}#{n}"
                    self.keys[key] = (rule, pattern)
                    try:
                        if kind == "dependency":
                            self.dependency.add(key, [pattern])
                            plan = compile_pattern(key, pattern)
                            self.by_trigger.append((trigger_words(pattern), plan))
                        else:
                            self.tokens.add(key, [pattern])
                    except ValueError as exc:
                        raise ValueError(f"relation rule {key}: {exc}") from exc

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        found: dict[tuple[Any, ...], dict[str, Any]] = {}
        bindings: list[tuple[Rule, int, int, dict[str, int]]] = []
        for key, token_ids in self._dependency_matches(doc):
            rule, pattern = self.keys[key]
            roles = {n["RIGHT_ID"]: i for n, i in zip(pattern, token_ids, strict=True)}
            bindings.append((rule, roles["subject"], roles["object"], roles))
        tokens: list[Any] = self.tokens(doc, with_alignments=True) if len(self.tokens) else []
        for match_id, start, _end, align in tokens:
            rule = self.keys[doc.vocab.strings[match_id]][0]
            subj = start + align.index(rule.subject)
            obj = start + align.index(rule.object)
            bindings.append((rule, subj, obj, {"subject": subj, "object": obj}))
        for rule, subj, obj, roles in bindings:
            if not self._guards_pass(doc, rule, roles):
                continue
            sent = doc[obj].sent
            # A conjunct shares what governs an argument, not what the argument governs
            # ("the *Temps Nouveaux* and the *Réveille* of Geneva"): arguments that head
            # another node of the match, and token-rule arguments, are taken alone.
            heads = {doc[i].head.i for i in roles.values() if doc[i].head.i != i}
            alone = rule.kind == "token"
            subjects = self._arguments(
                doc, subj, ents, rule, rule.types.get("subject"), alone or subj in heads
            )
            objects = self._arguments(
                doc, obj, ents, rule, rule.types.get("object"), alone or obj in heads
            )
            for s in subjects:
                for o in objects:
                    if s == o:
                        continue
                    found[(s, o, rule.id)] = {
                        "predicate": rule.predicate,
                        "subject": s,
                        "object": o,
                        "sentence": (sent.start_char, sent.end_char),
                        "rule": rule.id,
                        "confidence": rule.confidence,
                    }
        return sorted(
            found.values(), key=lambda r: (r["sentence"], r["subject"], r["object"], r["rule"])
        )

    def _dependency_matches(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """(rule key, token per node) of the dependency rules in ``doc``, trying only the rules
        whose fixed words all occur in it, and none where nothing is named (every rule needs
        a name or a pronoun among its arguments)."""
        found: list[tuple[str, list[int]]] = []
        index = DocIndex(doc)
        words = index.words()
        if not doc.ents and ARGUMENT_PRONOUNS.isdisjoint(index.column("LOWER")):
            return found
        for needs, plan in self.by_trigger:
            if all(not need.isdisjoint(words) for need in needs):
                found.extend((plan.key, ids) for ids in find(plan, index))
        return found

    def _guards_pass(self, doc: Doc, rule: Rule, roles: dict[str, int]) -> bool:
        for node, names in rule.guards.items():
            if node not in roles:
                continue  # the guard belongs to another pattern of the rule
            token = doc[roles[node]]
            for name in names:
                guard = self.guards[name]
                near = {
                    "self": [token],
                    "child": list(token.children),
                    "head": [token.head] if token.head.i != token.i else [],
                }
                for where, tokens in near.items():
                    if any(token_matches(t, a) for t in tokens for a in guard[where]):
                        return False
        return True

    def _arguments(
        self,
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
            for arg in self._argument(doc, token, ents, rule, types, depth=0):
                if (types is None or arg[2] in types) and arg[:2] not in found:
                    found.append(arg[:2])
        return found

    def _argument(
        self,
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
        if depth > 2:
            return []
        if lower in RELATIVE and token.tag_ in ("WDT", "WP"):
            antecedent = _antecedent(doc, token, ents, types)
            if antecedent is not None:
                return self._argument(doc, antecedent, ents, rule, types, depth + 1)
        elif lower in THIRD_POSSESSIVE and token.dep_ == "poss":
            # "Lucy Stone and her husband": her is the name the noun is coordinated with
            noun = token.head
            if noun.dep_ == "conj" and noun.head.i in ents:
                return self._argument(doc, noun.head, ents, rule, types, depth + 1)
        elif token.pos_ == "NOUN":
            if token.dep_ == "appos" and token.head.i in ents:
                return self._argument(doc, token.head, ents, rule, types, depth + 1)
            for child in token.children:
                if child.dep_ == "appos" and child.i in ents:  # "my sons Joseph and William"
                    return [
                        arg
                        for name in (child, *child.conjuncts)
                        for arg in self._argument(doc, name, ents, rule, types, depth + 1)
                    ]
        return []

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        doc.user_data["kgraph.relations"] = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


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
    ]
)


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
