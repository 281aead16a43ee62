"""The place of writing on shapes real editions print (session 15), on letters written for
these tests: a feast written for the date ("St. Swithin's Day"), a house and a quarter of a
town before the town, and a newspaper letter dated at its foot with the address on the line
above the date. Built with the spaCy model and the knowledge base, as users build."""

from __future__ import annotations

import pytest

from kgraph.api import process
from kgraph.model import LetterResult
from kgraph.settings import Settings

FEAST = """\
> 12 Cable Street
> St. Swithin's Day, July 15, 1935
>
> Dear Agnes —
>
> The soup kitchen opened on Monday and we fed sixty men before noon. Tom says
> we shall need a second kettle by the autumn.
>
> Yours in haste,
> Mary
"""

HOUSE = """\
                     Lantern Hill, Malabar Point, Bombay.
                                           Nov. 3rd, 1884.

MY DEAR MR. HARGREAVES,—

The parcel of books came by the last mail and I have read half of them already. The
monsoon is over and the town is full of visitors again.

Yours ever,
E. Holloway.
"""

FOOT = """\
THE NORTHERN ECHO, WEDNESDAY, MAY 7, 1890.                    3

                    CORRESPONDENCE.
                        ———
           THE NEW BRIDGE AND THE TOLLS.
        TO THE EDITOR OF THE NORTHERN ECHO.

  Sir,—In your issue of Monday a correspondent says that the tolls on the new bridge
will be lifted within the year. Permit me to doubt it.
  The trustees told the council otherwise.—I am, Sir, yours faithfully,
                                   JOHN ASHWORTH.
  Reform Club, Manchester,
      May 5, 1890.
"""


@pytest.fixture(scope="module")
def built() -> dict[str, LetterResult]:
    names = ("feast", "house", "foot")
    results = process([FEAST, HOUSE, FOOT], Settings(link="none"))
    return dict(zip(names, results, strict=True))


def _place(result: LetterResult) -> str | None:
    entity = next((e for e in result.entities if e.key == result.place), None)
    return entity.label if entity else None


def test_a_feast_written_for_the_date_is_no_place_and_the_street_above_is(
    built: dict[str, LetterResult],
) -> None:
    assert built["feast"].letter.date is not None
    assert built["feast"].letter.date.iso == "1935-07-15"
    assert _place(built["feast"]) == "Cable Street"


def test_a_house_and_a_quarter_nobody_knows_give_the_town_after_them(
    built: dict[str, LetterResult],
) -> None:
    assert _place(built["house"]) == "Bombay"


def test_a_letter_dated_at_its_foot_takes_the_town_on_the_line_above_the_date(
    built: dict[str, LetterResult],
) -> None:
    assert built["foot"].letter.date is not None
    assert built["foot"].letter.date.iso == "1890-05-05"
    assert _place(built["foot"]) == "Manchester"


def test_washington_with_its_district_is_the_capital_not_the_state() -> None:
    letter = """\
NATIONAL ARCHIVES COUNCIL
Washington, D. C.

March 3, 1936

My dear Mr. Hale:

The committee meets on Friday and I hope you will come.

Sincerely yours,
Ruth Porter
"""
    (result,) = process([letter], Settings(link="none"))
    assert _place(result) == "Washington, D.C."
