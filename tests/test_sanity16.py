"""Values that no letter's metadata can have (session 16), on letters written for these
tests in shapes real editions print: a weekday after the town on the address line, a card's
"Address:" field naming the addressee, an invocation over the letter, the words of a
command paper's title page, and a greeting that names an office, not a person. Built with
the spaCy model and the knowledge base, as users build."""

from __future__ import annotations

from typing import Any

import pytest

from kgraph.api import process
from kgraph.model import LetterResult
from kgraph.settings import Settings
from tests.helpers import label_of

WEEKDAY = """\
Letter from Thomas Moore to Samuel Rogers

Bath Wednesday
14th March 1817

My dear Rogers

The proofs came last night and I sat up with them till two. Murray wants the rest by
Lady Day, which I cannot promise him.

Ever yours
Thomas Moore
"""

CARD = """\
POSTCARDS OF THE WORPSWEDE PAINTERS
Catalogue of the exhibition - Room 2

No. 17
Paula Modersohn-Becker to Clara Westhoff
[9 June 1900]

Picture postcard, pencil, 9 x 14 cm
Address: "Frau Clara Westhoff | Bremen"
Text (translated from the German):

"Worpswede, Saturday.
Dear Clara, the birches are out and the moor is all silver in the evenings. Come on
Tuesday if you can; Otto has promised us the boat.
Your Paula"
"""

INVOCATION = """\
Hail Mary, Joseph and Jesus!

Most Reverend Father Guardian:

My dear Father,

The ship from San Blas arrived at last with flour and cloth, and we have begun to
plant the new fields by the river. The soldiers are few and the Indians are friendly.

Your humble servant,
Fray Francisco Palóu
"""

OFFICE = """\
Autun, 2 septembre 1843.

My dear Inspector,

The scaffolding on the west front came down yesterday and the tympanum is cleaner
than I had hoped. I shall send you the drawings by the next diligence.

Your devoted
A. Lenoir.
"""


@pytest.fixture(scope="module")
def built() -> dict[str, LetterResult]:
    names = ("weekday", "card", "invocation", "office")
    letters = [WEEKDAY, CARD, INVOCATION, OFFICE]
    results = process(letters, Settings(link="none"))
    return dict(zip(names, results, strict=True))


def test_a_weekday_after_the_town_is_not_part_of_the_place(
    built: dict[str, LetterResult],
) -> None:
    assert label_of(built["weekday"], built["weekday"].place) == "Bath"


def test_a_cards_address_field_names_the_addressee_not_the_place_of_writing(
    built: dict[str, LetterResult],
) -> None:
    card = built["card"]
    assert card.letter.date is not None and card.letter.date.iso == "1900-06-09"
    assert label_of(card, card.place) in (None, "Worpswede")  # never "Frau Clara Westhoff"


def test_an_invocation_over_the_letter_is_no_address(built: dict[str, LetterResult]) -> None:
    assert built["invocation"].place is None


@pytest.mark.parametrize("name", ["RELATING TO THE", "Respecting your Orders", "From Whom"])
def test_words_of_closed_classes_name_no_place(processor: Any, name: str) -> None:
    assert not processor.place_sense(name)  # a command paper's title: "… RELATING TO THE …"


@pytest.mark.parametrize("name", ["Stratford upon Avon", "Via Nassa", "Bath"])
def test_a_places_own_small_words_still_pass(processor: Any, name: str) -> None:
    assert processor.place_sense(name)


def test_a_large_place_is_no_greeting_but_a_town_named_like_a_woman_may_be(
    processor: Any,
) -> None:
    assert processor.place_sense.is_large_place("LONDON")
    assert not processor.place_sense.is_large_place("Florence")


def test_a_greeting_that_names_an_office_names_no_recipient(
    built: dict[str, LetterResult],
) -> None:
    office = built["office"]
    assert office.recipient is None
    assert label_of(office, office.place) == "Autun"


BLOG = """\
---
layout: post
title: "A letter from the hanging of the 1889 exhibition"
date: 2022-04-17
tags: [letters, painting]
---

*Posted on 17 April 2022*

Today a short letter the painter wrote to his sister while the 1889 exhibition was
being hung.

> Dear Anna,
>
> The hall is finished at last and my pictures hang in the good light by the windows.
> Father would have laughed to see me in a collar.
>
> Your brother,
> Carl
"""


def test_a_pages_modern_date_is_not_the_date_of_a_much_older_letter() -> None:
    (result,) = process([BLOG], Settings(link="none"))
    assert result.letter.date is None  # "2022-04-17" is the blog's, not the letter's


def test_a_modern_letter_keeps_its_date() -> None:
    letter = """\
Oslo, 3 March 1995

Dear Ingrid,

The committee met on Tuesday and agreed to the new catalogue.

Yours,
Per
"""
    (result,) = process([letter], Settings(link="none"))
    assert result.letter.date is not None and result.letter.date.iso == "1995-03-03"
