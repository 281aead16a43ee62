"""Round 5 of entity rules: a people's word used as a language or an adjective is no group;
a dateline's place that runs on from the address above is that town's region."""

from __future__ import annotations

from kgraph.corpus.runner import Processor
from kgraph.text.reading import read_text
from tests.helpers import Entities


def test_languages_are_no_group(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nThe note that follows is translated from the French. Ann checks my "
        "French each week, and Paul reads a little Spanish and some "
        "German. She took up her studies in Latin, Greek and botany.\n\nYours,\nMary Hale\n"
    )
    groups = {label for label, kind in entities(text) if kind == "Group"}
    assert not groups & {"French", "Spanish", "German", "Greek", "Latin"}


def test_a_people_stays_a_group(entities: Entities) -> None:
    text = "Dear Tom,\n\nThe French are pressing hard at the river.\n\nYours,\nMary Hale\n"
    assert ("French", "Group") in entities(text)


def test_dateline_running_on_from_the_address(unlinked: Processor) -> None:
    text = (
        "                                   Mill Cottage, Easterby,\n"
        "DEAR SIR,                          Wessex, May 4, 1850.\n\n"
        "I write to thank you for the seeds, which came safely.\n\n"
        "Your obedient servant,\nJohn Marsh\n"
    )
    result = unlinked.process([read_text(text, "ent5")])[0]
    places = {e.key: e.label for e in result.entities}
    assert result.place is not None and places.get(result.place) == "Easterby"


def test_a_name_spoken_to_is_a_person(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nI have spoken to Hartley, and he will help us. Please mention nothing "
        "to Maitland until the spring, and give my love to Ferris. We drove to Leeds on "
        "Monday.\n\n"
        "Yours,\nMary Hale\n"
    )
    found = entities(text)
    assert {("Hartley", "Person"), ("Maitland", "Person"), ("Ferris", "Person")} <= found
    assert ("Leeds", "Place") in found


def test_a_place_greeted_stays_a_place(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nGive my love to the children, and to Fairhaven, where I hope you have "
        "the sea to comfort you.\n\nYours,\nMary Hale\n"
    )
    assert ("Fairhaven", "Place") in entities(text)


def test_a_kinship_word_alone_is_no_name(entities: Entities) -> None:
    text = (
        "Dear Kate,\n\nMamma is much better to-day, and Papa has gone to the town for "
        "the post. Uncle will come on Sunday.\n\nYour loving sister,\nJane\n"
    )
    labels = {label for label, _ in entities(text)}
    assert not labels & {"Mamma", "Papa", "Uncle"}


def test_a_bare_head_word_or_direction_is_no_place(entities: Entities) -> None:
    text = (
        "Dear Kate,\n\nThe banks have failed since the panic in the East, and the ice on "
        "the Lake is too thin for skating. We rode to Lake Placid on Monday.\n\n"
        "Your loving sister,\nJane\n"
    )
    labels = {label for label, kind in entities(text) if kind == "Place"}
    assert not labels & {"East", "Lake"}
