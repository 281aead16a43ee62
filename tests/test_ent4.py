"""Places the small model calls people, read from their context (``kgraph.nlp.place_cues``,
``kgraph.nlp.person_of``): where one goes to, leaves or reaches, a person's "of", a parish's
or settlement's "of", and a list that starts at a place. The letters are written for the
tests; each name is one the tagger calls a person there."""

from __future__ import annotations

import pytest

from tests.helpers import Run, entity_types, family_letter


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # "to" after a verb of motion, whatever the knowledge base knows of the name
        ("The carter goes down to Tadley on Friday with the trunks.", "Tadley"),
        # the object of a verb of leaving or reaching
        ("The caravan left Kitunda on the 3rd of May with forty porters.", "Kitunda"),
        ("I fear the snow will be deep before we reach Glenmoriston.", "Glenmoriston"),
        # a person "of" a name the tagger also took for a person
        ("Dr. Treloar of Lanivet attended her through the fever.", "Lanivet"),
        # a settlement's "of"
        ("The settlement of Umvoti is thriving now.", "Umvoti"),
        # listed right after a place that follows "at"
        ("I have lectured at Glasgow and Kilsyth since I last wrote.", "Kilsyth"),
    ],
)
def test_a_place_in_a_place_context(run: Run, body: str, name: str) -> None:
    assert entity_types(run(family_letter(body))).get(name) == "Place"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name stays who one leaves
        ("I left Margaret at home with the children.", "Margaret"),
        # a comma alone after a place: a person in apposition, not a list
        ("A young comrade from Kiev, Ulyanov, has been with us for a week.", "Ulyanov"),
    ],
)
def test_a_person_stays_a_person(run: Run, body: str, name: str) -> None:
    assert entity_types(run(family_letter(body))).get(name) != "Place"


def test_a_town_in_a_dateline_stays_a_place(run: Run) -> None:
    text = "AUGUSTA, GEORGIA, May 3, 1864.\n\n" + family_letter("The roads are dry at last.")
    types = {label.lower(): kind for label, kind in entity_types(run(text)).items()}
    assert types.get("georgia") == "Place"


def test_a_body_one_reaches_is_no_place(run: Run) -> None:
    types = entity_types(
        run(family_letter("The news reached this Court only in the last days of May."))
    )
    assert types.get("Court") != "Place"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name the tagger took for a town, in no place's context
        ("Charlotte and the boys go back to school on Monday.", "Charlotte"),
        ("Ask whether Amelia has had my parcel.", "Amelia"),
    ],
)
def test_a_given_name_is_a_person(run: Run, body: str, name: str) -> None:
    assert entity_types(run(family_letter(body))).get(name) == "Person"


def test_a_catalogue_word_is_no_name(run: Run) -> None:
    head = 'BELL, WILLIAM (1790-1861), surveyor. Autograph letter signed ("W. Bell") to a cousin.'
    text = head + "\n\n" + family_letter("The roads are dry at last.")
    assert "Autograph" not in entity_types(run(text))
