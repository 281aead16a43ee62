"""Round 11 of entity rules: a name the tagger cut short of the place word that makes it a
place ("Kentish Town", "Cook's Strait", "Fort Mandan", "St. Peter's"; ``nlp/place_names.py``,
with the "'s" a saint's church keeps in ``extract/mentions.py``)."""

from __future__ import annotations

import pytest

from kgraph.corpus.runner import Processor
from kgraph.settings import Settings
from kgraph.text.reading import read_text


@pytest.fixture(scope="module")
def types(processor: Processor) -> dict[str, str]:
    body = (
        "We lodged a week in Kentish Town, and then sailed through Cook's Strait. "
        "In the spring we wintered at the Lake of the Hills and then at Fort Mandan. "
        "At Rome I walked to St. Peter's yesterday; tonight I read St. Paul's epistle."
    )
    text = f"Dear Tom,\n\n{body}\n\nYour affectionate friend,\nHarold Blake\n"
    result = processor.process([read_text(text, "ent11")])[0]
    return {e.label: e.type for e in result.entities}


@pytest.fixture(scope="module")
def processor() -> Processor:
    return Processor(Settings(link="none"))


def test_a_place_word_after_the_name_is_part_of_the_place(types: dict[str, str]) -> None:
    assert types.get("Kentish Town") == "Place"
    assert types.get("Cook's Strait") == "Place"
    assert "Cook" not in types


def test_a_place_word_before_the_name_is_part_of_the_place(types: dict[str, str]) -> None:
    assert types.get("Fort Mandan") == "Place"
    assert types.get("Lake of the Hills") == "Place"


def test_a_saints_church_keeps_its_possessive(types: dict[str, str]) -> None:
    assert types.get("St. Peter's") == "Place"
    assert "St. Paul's" not in types  # the saint's epistle, not a place
