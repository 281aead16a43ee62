"""What the tests of letters' shapes and relations share: a source made of a letter's text,
the text a part's span covers, and a result's relations by their entities' labels."""

from __future__ import annotations

import hashlib

from kgraph.model import LetterResult, Source

Triple = tuple[str, str, str]


def source(text: str, name: str = "test-letter") -> Source:
    return Source(name, text, hashlib.sha256(text.encode()).hexdigest())


def spoken(text: str, span: object) -> str | None:
    if span is None:
        return None
    return text[span.start : span.end]  # type: ignore[attr-defined]


def labelled(result: LetterResult) -> set[Triple]:
    label = {e.key: e.label for e in result.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in result.relations}
