"""The relation component: dependency rules from ``data/patterns/relations.jsonl``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc


@Language.factory("kgraph_relations", default_config={})
class RelationMatcher:
    """Dependency patterns (``relations.jsonl``) that tie two names, or a pronoun and a name,
    with a kg relation. Nodes named ``subject`` and ``object`` mark the arguments."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = DependencyMatcher(nlp.vocab, validate=True)
        self.rules: dict[str, dict[str, Any]] = {}

    def initialize(
        self,
        get_examples: Callable[[], Any] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: Path | None = None,
    ) -> None:
        path = (data_dir or Path()) / "relations.jsonl"
        if not path.exists():
            return
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                rule = json.loads(line)
                self.rules[rule["id"]] = rule
                self.matcher.add(rule["id"], [rule["pattern"]])

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        found = []
        for match_id, token_ids in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            names = [node["RIGHT_ID"] for node in rule["pattern"]]
            roles = dict(zip(names, token_ids, strict=True))
            subj, obj = self._argument(doc, roles["subject"]), self._argument(doc, roles["object"])
            sent = doc[roles["object"]].sent
            found.append(
                {
                    "predicate": rule["predicate"],
                    "subject": subj,
                    "object": obj,
                    "sentence": (sent.start_char, sent.end_char),
                    "rule": rule["id"],
                    "confidence": rule.get("confidence", 0.5),
                }
            )
        return sorted(found, key=lambda r: (r["sentence"], r["subject"], r["object"], r["rule"]))

    @staticmethod
    def _argument(doc: Doc, i: int) -> tuple[int, int]:
        token = doc[i]
        for ent in doc.ents:
            if ent.start <= i < ent.end:
                return ent.start_char, ent.end_char
        return token.idx, token.idx + len(token.text)

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        doc.user_data["kgraph.relations"] = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
