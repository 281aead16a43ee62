"""Round 7 of entity rules: a capitalised English noun after a quantifier or an adjective
that letters do not set before names is no name; feasts that date a letter and titles of
office alone are no names (``data/patterns/not-names.txt``)."""

from __future__ import annotations

from tests.helpers import Entities


def test_noun_after_a_plain_adjective_or_a_quantifier(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nThe farmer told me that a raw Kettle had been left by the road, and "
        "that he feared any Mischief from it.\n\nYour friend,\nAnn Grey\n"
    )
    labels = {label for label, _ in entities(text)}
    assert not labels & {"Kettle", "Mischief"}


def test_noun_after_an_epithet_stays_a_name(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nPoor Kettle was ill again this week; I saw Kettle at the mill and told "
        "him to rest.\n\nYour friend,\nAnn Grey\n"
    )
    assert ("Kettle", "Person") in entities(text)


def test_feasts_and_offices_are_no_names(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nWe hope to be at Bath by Michaelmas, and the Aldermen have met twice "
        "since Whitsun. His Eminence has written, and the Superintendent came to dinner."
        "\n\nYour friend,\nAnn Grey\n"
    )
    labels = {label for label, _ in entities(text)}
    assert ("Bath", "Place") in entities(text)
    assert not labels & {"Michaelmas", "Aldermen", "Whitsun", "Eminence", "Superintendent"}
