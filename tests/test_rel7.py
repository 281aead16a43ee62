"""Relation precision, seventh round: the steps of an address chain (kgraph/extract/
address_chain.py). Two places are steps only with nothing but separators or a house number
between; a known town before a street holds the street; the writer lives past a house or a
street in the town the chain leads to. The letters are written for these tests."""

from __future__ import annotations

from tests.helpers import Run, labelled

BODY = """

Dear Mr. Hale,

The parcel of seeds came safely on Tuesday, and I have sown half of them already.

Yours truly,
Martha Gill
"""


def places(run: Run, head: str, predicate: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in labelled(run(head + BODY)) if p == predicate}


def test_a_town_before_its_street_holds_the_street(run: Run) -> None:
    found = places(run, "London, 14 Gower Street, June 2, 1861.", "locatedIn")
    assert ("Gower Street", "London") in found
    assert ("London", "Gower Street") not in found


def test_near_between_two_places_is_no_step_of_the_chain(run: Run) -> None:
    found = places(run, "Ashcombe Farm, near Taunton,\nJune 2, 1861.", "locatedIn")
    assert ("Ashcombe Farm", "Taunton") not in found


def test_the_writer_lives_in_the_town_past_a_numbered_house(run: Run) -> None:
    found = places(run, "39, Fernlea, Hampstead,\nJune 2, 1861.", "livesIn")
    assert ("Martha Gill", "Hampstead") in found
    assert ("Martha Gill", "Fernlea") not in found
