"""Round 10 of entity rules: a relative clause after "X of <place>" is X's, not the place's
(``extract/mentions.py``); "<part> of X" makes a work of the tagger's organisation too
(``nlp/types.py``); a title after a person's "'s" (``nlp/owned_titles.py``); the other end of
"from A to B" (``nlp/place_cues.py``); "go back to X" (``nlp/contexts.py``)."""

from __future__ import annotations

import pytest

from kgraph.corpus.runner import Processor
from kgraph.settings import Settings
from kgraph.text.reading import read_text


@pytest.fixture(scope="module")
def processor() -> Processor:
    return Processor(Settings(link="none"))


def _types(processor: Processor, body: str) -> dict[str, str]:
    text = f"Dear Tom,\n\n{body}\n\nYour affectionate friend,\nHarold Blake\n"
    result = processor.process([read_text(text, "ent10")])[0]
    return {e.label: e.type for e in result.entities}


def test_the_relative_clause_after_a_place_of_a_person_is_the_persons(
    processor: Processor,
) -> None:
    types = _types(processor, PERSON_OF_PLACE)
    assert types.get("Halifax") == "Place"


def test_a_part_of_a_work_the_tagger_called_a_body(processor: Processor) -> None:
    types = _types(processor, PART_OF_WORK)
    assert types.get("Zoraida") == "Work"


def test_a_title_after_a_persons_possessive(processor: Processor) -> None:
    types = _types(processor, OWNED_WORK)
    assert types.get("Wallenstein") == "Work"


def test_the_far_end_of_a_route_is_a_place(processor: Processor) -> None:
    types = _types(processor, ROUTE)
    assert types.get("Wagga") == "Place"


def test_to_after_an_adverb_of_a_verb_of_motion(processor: Processor) -> None:
    types = _types(processor, GO_BACK_TO)
    assert types.get("Kilnsey") == "Place"


PERSON_OF_PLACE = "We had a call from Mr. Briggs of Halifax, whose mill burned last year."
PART_OF_WORK = "I have used the summer to finish the third act of Zoraida, which frightens me."
OWNED_WORK = "We have been reading Schiller's Wallenstein aloud after supper."
ROUTE = "The new telegraph is open from Goulburn to Wagga since May."
GO_BACK_TO = "Next month I must go back to Kilnsey for the harvest."
