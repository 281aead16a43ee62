"""Relation recall, fourth round: an address block that opens with a titled name is the
addressee's, and the recipient lives at its town, not at the state or the country after it.
The letters are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.extract.relate_parties import addressed
from kgraph.model import LetterResult, TextSpan
from tests.helpers import Triple, labelled

HEADED = """\
TO JOHN HALE

Bristol, May 3rd 1852

My dear Sir,

The parcel came safely and the children are well.

Very truly yours
Martha Gill

John Hale Esq.
High Street, Hull.
"""

BELOW = """\
Boston, April 2, 1860.

Dear Mr. Hale,

I send the papers you asked for by this post.

Yours truly,
Henry Barrow

Mr. Edward Hale,
Hartford, Connecticut.
"""


@pytest.fixture(scope="module")
def headed(run: Callable[[str], LetterResult]) -> set[Triple]:
    return labelled(run(HEADED))


@pytest.fixture(scope="module")
def below(run: Callable[[str], LetterResult]) -> set[Triple]:
    return labelled(run(BELOW))


def test_an_address_opening_with_a_titled_name_is_the_recipients(headed: set[Triple]) -> None:
    homes = {(s, o) for s, p, o in headed if p == "livesIn"}
    assert not {o for s, o in homes if s == "Martha Gill" and o == "Hull"}
    assert any(o == "Hull" and "Hale" in s for s, o in homes)


def test_the_recipient_lives_at_the_town_not_the_state(below: set[Triple]) -> None:
    homes = {(s, o) for s, p, o in below if p == "livesIn" and "Hale" in s}
    assert {o for _, o in homes} == {"Hartford"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mrs. Ann Lowe, Mill Lane, Leeds.", True),
        ("John Hale Esq. / High Street, Hull", True),
        ("4 Castle Street, Bristol", False),
        ("The Grange, Down, Kent", False),
    ],
)
def test_a_block_is_addressed_by_its_first_line(line: str, expected: bool) -> None:
    titles = frozenset({"mr", "mrs", "miss", "dr"})
    assert addressed(TextSpan(0, len(line), line), titles) is expected
