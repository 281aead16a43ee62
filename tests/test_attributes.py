"""kgraph's compiled attribute ruler (``kgraph.nlp.attributes``) annotates exactly as the
model's own ``attribute_ruler``: same part of speech, tag, morphology and lemma for every
token of the sample and development letters and of generated text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.nlp.attributes import compile_ruler
from kgraph.nlp.pipeline import load_model
from kgraph.settings import project_root

ROOT = project_root()
LETTERS = [
    ROOT / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt",
    *sorted((ROOT / "benchmarks" / "letters").glob("*.txt")),
]
CONTRACTIONS = (
    "Y'all ain't gonna believe it; we gotta go. Let's c'mon, there is nothin' here, "
    "there were two. He gets it, she got it, I'd have done it had I known.\n\n  Done."
)
MODEL = load_model(None)
RULER = MODEL.get_pipe("attribute_ruler")
COMPILED = compile_ruler(RULER)


def annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def both(texts: list[str]) -> tuple[list[Any], list[Any]]:
    """Each text after the model's attribute_ruler, and after the compiled one."""
    assert COMPILED is not None
    with MODEL.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(MODEL.pipe(texts))
    ours = [doc.copy() for doc in parsed]
    for doc in ours:
        COMPILED.apply(doc, COMPILED.matches(doc))
    theirs = [RULER(doc) for doc in parsed]
    lemmatizer = MODEL.get_pipe("lemmatizer")  # lemmas depend on what the ruler set
    return [lemmatizer(d) for d in theirs], [lemmatizer(d) for d in ours]


def test_the_model_ruler_compiles() -> None:
    assert COMPILED is not None
    assert len(COMPILED.multi) > 0 and COMPILED.by_tag and COMPILED.by_lower


@pytest.mark.slow  # every development letter, two pipelines
def test_letters_are_annotated_alike() -> None:
    texts = [p.read_text(encoding="utf-8") for p in LETTERS] + [CONTRACTIONS]
    theirs, ours = both(texts)
    changed = 0
    for a, b in zip(theirs, ours, strict=True):
        assert annotations(a) == annotations(b)
        changed += sum(t.pos_ != "" for t in a)
    assert changed > 5_000  # the ruler did set parts of speech on these letters


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "I",
                "you",
                "he",
                "we",
                "y'",
                "all",
                "ai",
                "n't",
                "gon",
                "na",
                "got",
                "ta",
                "let",
                "'s",
                "c'm",
                "on",
                "nothin'",
                "there",
                "is",
                "are",
                "was",
                "were",
                "had",
                "has",
                "do",
                "does",
                "did",
                "'d",
                "have",
                "the",
                "a",
                "that",
                "which",
                "Mr.",
                "Paris",
                ",",
                ".",
                ";",
                "—",
                "\n",
                "\n\n",
                "1908",
                "gets",
                "got",
                "quantmod",
                "to",
            ]
        ),
        min_size=1,
        max_size=40,
    ).map(" ".join)
)
def test_generated_text_is_annotated_alike(text: str) -> None:
    theirs, ours = both([text])
    assert annotations(theirs[0]) == annotations(ours[0])
