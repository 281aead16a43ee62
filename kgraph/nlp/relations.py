"""The relation component: rules from ``data/patterns/relations.jsonl`` that tie two names, or
a pronoun and a name, with a kg relation inside one sentence.

Two kinds of rule run here (the file's header documents the format): ``dependency`` rules are
spaCy DependencyMatcher patterns whose nodes named ``subject`` and ``object`` are the
arguments; ``token`` rules are spaCy Matcher patterns whose ``subject`` and ``object`` fields
give the index of the pattern element that matches each argument. ``letter`` and ``entity``
rows are rules of ``kgraph.extract.relate``; this component only skips them. The rules as data, and
how a row is read, are in ``kgraph.nlp.relation_rules``.

An argument token becomes the name (doc entity) that contains it, or the name a pronoun or a
common noun stands for (``kgraph.nlp.relation_arguments``: "which I founded", "the paper you
edit", "Lucy Stone and her husband"). The conjuncts of an argument ("Sasha and I") are
arguments too, unless the argument governs another node of the match ("the *Temps Nouveaux*
and the *Réveille* of Geneva": only the *Réveille* is of Geneva). "I" and "you" forms are kept
for ``relate`` to map to the sender and the recipient, "we" forms only where the rule allows
them, "he", "his", "she" and "her" for ``relate`` to resolve, and none of them inside quoted
speech. Anything else is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from kgraph.knowledge.files import read_jsonl
from kgraph.nlp.depmatch import DocIndex, Pattern, compile_pattern, find
from kgraph.nlp.relation_arguments import arguments, listed_after
from kgraph.nlp.relation_rules import (
    ARGUMENT_PRONOUNS,
    SPAN_RULES,
    Rule,
    read_guard,
    read_rule,
    token_matches,
    trigger_words,
)


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
                self.guards[row["id"]] = read_guard(row, sets)
            elif kind in SPAN_RULES:
                rule = read_rule(row, kind, sets)
                self.rules[rule.id] = rule
                for n, pattern in enumerate(rule.patterns):
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
            subjects = arguments(
                doc, subj, ents, rule, rule.types.get("subject"), alone or subj in heads
            )
            if rule.listed:  # "my boys, Tom, Ned and Will": each name of the list
                for i in listed_after(doc, subj, ents):
                    subjects += arguments(doc, i, ents, rule, rule.types.get("subject"), True)
            objects = arguments(
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

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        doc.user_data["kgraph.relations"] = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
