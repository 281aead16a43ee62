"""The recipient a letter greets only as kin, named by the editor's text in another tongue's
word for that kin (session 15), on letters written for these tests: "Dear Mama" under a
narrative that says "his mother, Céleste", "Caro Padre" under "his father, Matteo"."""

from __future__ import annotations

from kgraph.text.kin_names import kin_named
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

MAMA = """\
By the spring Lucien had been a month at the conservatoire in Brussels and was lonely. His
mother, Céleste, was ill that winter, and most of his letters ask after her.

Lucien Marchal to his mother

Brussels, 4 April 1861.

Dear Mama,

The examination is over and I passed it, though the old professor frowned at my fugue.

Your Lucien
"""


def test_a_greeting_in_another_word_for_the_kin_finds_the_name_the_narrative_gives() -> None:
    found = kin_named("In May he wrote to his father, Matteo, at Lucca.", "Caro Padre,—")
    assert found is not None
    assert "In May he wrote to his father, Matteo, at Lucca."[found[0] : found[1]] == "Matteo"


def test_a_heading_to_his_mother_and_dear_mama_name_the_mother_of_the_narrative() -> None:
    letter = parse_letter(read_text(MAMA))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Céleste"


def test_a_kin_word_that_is_not_the_greetings_names_no_one() -> None:
    assert kin_named("In May he wrote to his brother, Matteo, at Lucca.", "Caro Padre,—") is None
