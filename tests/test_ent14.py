"""Names as editions print them (helper ent14): firms the tagger calls people or places,
and an editor's footnote markers the tagger takes into a name."""

from __future__ import annotations

import pytest

from tests.helpers import Run, entity_types, family_letter


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        ("Send the parcel to Ormsby & Co., who will forward it.", "Ormsby & Co"),
        ("I dined with Tolland & Brothers' agent.", "Tolland & Brothers"),
        ("The manuscript went to Farrow & Bligh, who liked it.", "Farrow & Bligh"),
    ],
)
def test_a_firm_is_an_organization(run: Run, body: str, firm: str) -> None:
    types = entity_types(run(family_letter(body)))
    assert types.get(firm, types.get(firm + ".")) == "Organization"


def test_two_given_names_joined_by_and_sign_are_no_firm(run: Run) -> None:
    types = entity_types(run(family_letter("Maggie & Caddy went down to the river with me.")))
    assert types.get("Maggie & Caddy") != "Organization"


@pytest.mark.parametrize(
    ("body", "name", "debris"),
    [
        ("I saw Fenwick[3] at the library; he is copying the charters.", "Fenwick", "Fenwick[3"),
        ("Remember me to Mr. Tollard{12} when you see him.", "Mr. Tollard", "Mr. Tollard{12"),
        ("My love to Pyotr Stepanovich,214 and thank him for the books.",
         "Pyotr Stepanovich", "Pyotr Stepanovich,214"),
    ],
)  # fmt: skip
def test_a_footnote_marker_is_no_part_of_a_name(
    run: Run, body: str, name: str, debris: str
) -> None:
    labels = {e.label for e in run(family_letter(body)).entities}
    assert debris not in labels
    assert name in labels


@pytest.mark.parametrize(
    ("body", "office"),
    [
        ("I called on Herr Hofrath this morning, but he was out.", "Herr Hofrath"),
        ("The General Manager wrote to say the line will open in May.", "General Manager"),
        ("A note came from General Headquarters late last night.", "General Headquarters"),
        ("The Lieutenant Colonel has gone home on leave.", "Lieutenant Colonel"),
    ],
)
def test_an_office_without_a_name_is_no_person(run: Run, body: str, office: str) -> None:
    labels = {e.label for e in run(family_letter(body)).entities}
    assert office not in labels


def test_a_title_before_a_surname_stays_a_person(run: Run) -> None:
    types = entity_types(run(family_letter("I called on Herr Brandauer this morning.")))
    assert types.get("Herr Brandauer") == "Person"


def test_a_language_is_no_person(run: Run) -> None:
    body = (
        "The boy plays all day by the harbour and has learned to count to ten in Gaelic, "
        "which his grandmother finds a great joke."
    )
    types = entity_types(run(family_letter(body)))
    assert types.get("Gaelic") not in ("Person", "Place")
