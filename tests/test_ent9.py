"""Round 9 of entity rules: a party who signs with initials is the one person named in full
outside the letter's body whose name they spell (``kgraph/extract/signed_initials.py``)."""

from __future__ import annotations

import pytest

from kgraph.corpus.runner import Processor
from kgraph.settings import Settings
from kgraph.text.reading import read_text


@pytest.fixture(scope="module")
def processor() -> Processor:
    return Processor(Settings(link="none"))


def _signer(processor: Processor, text: str) -> tuple[str | None, list[str]]:
    result = processor.process([read_text(text, "ent9")])[0]
    by_key = {e.key: e for e in result.entities}
    sender = by_key.get(result.sender) if result.sender else None
    if sender is None:
        return None, []
    return sender.label, sorted(m.text for m in sender.mentions)


LETTER = (
    "Dear Tom,\n\nThe barley is in, and the roof of the barn is mended at last.[1] {body}\n\n"
    "Your affectionate friend,\nH. R. B.\n\n"
    "[1] {note} The barn was sold in the spring of the next year.\n"
)


def test_signed_initials_join_the_full_name_in_the_notes(processor: Processor) -> None:
    text = LETTER.format(
        body="Send the seed when you can.",
        note="Harold Richard Blake farmed at Upton until 1890.",
    )
    label, forms = _signer(processor, text)
    assert label == "Harold Richard Blake"
    assert "H. R. B." in forms


def test_initials_of_a_name_only_in_the_body_are_not_joined(processor: Processor) -> None:
    text = LETTER.format(
        body="Henry Robert Bell came to see the barn on Monday.",
        note="The barn stood at Upton until 1890.",
    )
    label, _ = _signer(processor, text)
    assert label == "H. R. B."


def test_two_names_with_the_same_initials_are_not_joined(processor: Processor) -> None:
    text = LETTER.format(
        body="Send the seed when you can.",
        note="Harold Richard Blake farmed at Upton. Herbert Ralph Brown kept the mill there.",
    )
    label, _ = _signer(processor, text)
    assert label == "H. R. B."
