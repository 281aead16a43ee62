"""An address's places on an editor's bracketed note or on a line of prose are no part of it
(``kgraph.extract.address_chain.editorial``)."""

from __future__ import annotations

from kgraph.extract.address_chain import editorial
from kgraph.model import Mention
from tests.helpers import Run, labelled


def _mention(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "Place", "test")


def test_a_place_in_a_bracketed_note_is_editorial() -> None:
    text = "[Note 3: the painter had been at Arles\nfor the winter.]\nVilla Rosa, Nice,\n"
    assert editorial(text, _mention(text, "Arles"), 0)
    assert not editorial(text, _mention(text, "Nice"), 0)


def test_a_place_on_a_line_of_prose_is_editorial() -> None:
    text = "Sheet 7 was read out by the clerk of the court at Dover:\n4 Quay Row, Hythe,\n"
    assert editorial(text, _mention(text, "Dover"), 0)
    assert not editorial(text, _mention(text, "Hythe"), 0)
    dateline = "Berlin, den 3. Mai 1890.\n"
    assert not editorial(dateline, _mention(dateline, "Berlin"), 0)


def test_a_tent_here_at_a_place_is_a_home(run: Run) -> None:
    text = (
        "Leeds, May 3rd, 1902.\n\nDear Mr. Hale,\n\n"
        "The rains have come, and I write in my own tent here at Kuru.\n\n"
        "Yours truly,\nMartha Gill\n"
    )
    assert ("Martha Gill", "livesIn", "Kuru") in labelled(run(text))
