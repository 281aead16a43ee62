"""Entity typing from a name's context (``kgraph.nlp.place_cues``): places the small model
calls people or bodies, and names it runs into the next words."""

from __future__ import annotations

import pytest

from tests.helpers import Run, entity_types, family_letter


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # after "at" or "in", a name of two words is where, not who
        ("My aunt is staying at Mossgiel Tofts for the summer.", "Mossgiel Tofts"),
        # "the hills of X": a noun of what a place has before "of"
        ("The hills of Tanjorra are blue in the evening.", "Tanjorra"),
        # a verb of leaving before "for"
        ("Our guide and I set out for Kolabunga at dawn on Monday.", "Kolabunga"),
    ],
)
def test_place_contexts_type_a_place(run: Run, body: str, name: str) -> None:
    assert entity_types(run(family_letter(body))).get(name) == "Place"


def test_a_body_after_in_stays_a_body_without_a_place_word(run: Run) -> None:
    types = entity_types(
        run(family_letter("My cousin has worked in the Colonial Office for ten years."))
    )
    assert types.get("Colonial Office") == "Organization"


def test_your_letter_from_names_where_it_was_written(run: Run) -> None:
    body = "Your long letter from Glenmorvan reached me only on my return to town."
    assert entity_types(run(family_letter(body))).get("Glenmorvan") == "Place"


def test_a_name_run_into_the_writer_ends_before_and_i(run: Run) -> None:
    body = "We had a long ride since we left the mill at Pennwick, & I was glad of my bed."
    labels = {e.label for e in run(family_letter(body)).entities}
    assert "Pennwick" in labels  # not "Pennwick, & I"


def test_a_capitalised_noun_after_a_is_no_name(run: Run) -> None:
    body = (
        "My brother has bought a Telescope and is very proud of it. He says any friend "
        "of his must be either a Poet or a Scoundrel."
    )
    labels = {e.label for e in run(family_letter(body)).entities}
    assert not labels & {"Telescope", "Scoundrel"}
