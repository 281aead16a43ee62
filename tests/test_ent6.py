"""Round 6 of entity rules: a title of office or rank before a surname, a "Mc" surname after
a title, a known place inside a longer place name, and two towns in a list that are not a
town qualified by its country."""

from __future__ import annotations

from tests.helpers import Entities


def test_titles_before_surnames(entities: Entities) -> None:
    text = (
        "Dear Anna,\n\nI put the matter before Gov. Pellham on Monday. Brother Oakes "
        "preached twice, and Commander Ridley will sail on Friday. Mr. McAllister has "
        "paid the bill.\n\nYours ever,\nJohn Fenn\n"
    )
    people = {label for label, kind in entities(text) if kind == "Person"}
    assert {"Gov. Pellham", "Brother Oakes", "Commander Ridley", "Mr. McAllister"} <= people
    assert not people & {"Pellham", "Oakes", "Ridley", "McAllister"}


def test_known_place_inside_a_longer_name(entities: Entities) -> None:
    text = (
        "Dear Anna,\n\nWe went up the White Nile for a week, and the agent will go on to "
        "West Africa in the spring.\n\nYours ever,\nJohn Fenn\n"
    )
    places = {label for label, kind in entities(text) if kind == "Place"}
    assert {"White Nile", "West Africa"} <= places
    assert not places & {"Nile", "Africa"}


def test_towns_in_a_list_are_not_qualified(entities: Entities) -> None:
    text = (
        "Dear Anna,\n\nThe cloth goes every week to Florence, Turin, and the small towns, "
        "and Dr. Pyne of London, Canada, called on us.\n\nYours ever,\nJohn Fenn\n"
    )
    places = {label for label, kind in entities(text) if kind == "Place"}
    assert {"Florence", "Turin", "London, Canada"} <= places
    assert "Florence, Turin" not in places


def test_two_given_names_with_one_initial_are_two_people(entities: Entities) -> None:
    text = (
        "Dear Mother,\n\nColonel Joseph Varley came to the lines today, and he asks to be "
        "remembered to Julia Varley.\n\nYour loving son,\nTom\n"
    )
    people = {label for label, kind in entities(text) if kind == "Person"}
    assert {"Joseph Varley", "Julia Varley"} <= people


def test_a_known_place_before_an_event_stays(entities: Entities) -> None:
    text = (
        "Dear Anna,\n\nI hope to speak at the Chicago Exhibition in the summer.\n\n"
        "Yours ever,\nJohn Fenn\n"
    )
    assert ("Chicago", "Place") in entities(text)
