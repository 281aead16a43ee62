"""What the tests of letters' shapes and relations share: a source made of a letter's text,
the text a part's span covers, and a result's relations by their entities' labels."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from kgraph.model import LetterResult, Source

Triple = tuple[str, str, str]
Run = Callable[[str], LetterResult]  # the conftest's ``run``: a letter's text to its result
# the ``entities`` fixture: a letter given as text to the (label, type) of its entities
Entities = Callable[[str], set[tuple[str, str]]]


def source(text: str, name: str = "test-letter") -> Source:
    return Source(name, text, hashlib.sha256(text.encode()).hexdigest())


def spoken(text: str, span: object) -> str | None:
    if span is None:
        return None
    return text[span.start : span.end]  # type: ignore[attr-defined]


def labelled(result: LetterResult) -> set[Triple]:
    label = {e.key: e.label for e in result.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in result.relations}


def label_of(result: LetterResult, key: str | None) -> str | None:
    """The label of the entity ``key`` names (the result's sender, recipient or place)."""
    return next((e.label for e in result.entities if e.key == key), None)


def entity_types(result: LetterResult) -> dict[str, str]:
    """Each entity's label and type."""
    return {e.label: e.type for e in result.entities}


def family_letter(body: str) -> str:
    """A short letter to a sister around ``body``."""
    return f"Dear Margaret,\n\n{body}\n\nYour affectionate brother,\nWalter\n"
