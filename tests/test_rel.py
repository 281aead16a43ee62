"""Relation recall: "here" as the place of writing, leaving a place, and the recipient's town
in an editor's heading. The letters are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.model import LetterResult
from tests.helpers import Triple, labelled

HERE = """\
Leeds, 4 June 1850.

My dear Mrs. Varley,

Mr. Lowe was here on Sunday, and Mr. Tennant arrived here last night. We left York on the \
third. We have lived here these ten years. Mr. Dunmore is here now.

Your friend,
Martha Gill
"""

HEADING = """\
TO OSWALD KERR, IN GLASGOW

Bristol, 2 May 1861.

My dear Kerr,

The parcel went by the morning coach.

Ever yours,
Alfred Penrose
"""

PLACE_OF_WRITING = """\
To Mrs. Ferrar, Bath, 3 May 1824.

Dear Madam,

The parcel went by the morning coach.

Your servant,
Alfred Penrose
"""


@pytest.fixture(scope="module")
def here(run: Callable[[str], LetterResult]) -> set[Triple]:
    return labelled(run(HERE))


@pytest.mark.parametrize(
    "triple",
    [
        ("Mr. Lowe", "visited", "Leeds"),  # "was here": the place of writing
        ("Mr. Tennant", "visited", "Leeds"),  # "arrived here"
        ("Martha Gill", "visited", "York"),  # "we left York"
        ("Martha Gill", "livesIn", "Leeds"),  # "we have lived here"
    ],
)
def test_here_and_leaving_give_places(here: set[Triple], triple: Triple) -> None:
    assert triple in here


def test_being_here_now_is_no_visit(here: set[Triple]) -> None:
    assert not any(s == "Mr. Dunmore" and p == "visited" for s, p, _ in here)


def test_heading_gives_the_recipient_his_town(run: Callable[[str], LetterResult]) -> None:
    found = labelled(run(HEADING))
    assert ("Oswald Kerr", "livesIn", "Glasgow") in found
    assert not any(p == "livesIn" and o == "Bristol" for _, p, o in found)


def test_heading_place_followed_by_a_date_is_not_the_recipients(
    run: Callable[[str], LetterResult],
) -> None:
    found = labelled(run(PLACE_OF_WRITING))
    assert not any(s == "Mrs. Ferrar" and p == "livesIn" for s, p, _ in found)


SPOUSES = """\
THOMAS WARD TO HIS WIFE

Lyons, 9 October 1866.

My dearest Ellen,

The roads are bad but the inn is warm.

Your devoted husband,
Thomas Ward
"""


def test_closing_and_heading_give_spouses(run: Callable[[str], LetterResult]) -> None:
    found = labelled(run(SPOUSES))
    assert ("Ellen", "spouseOf", "Thomas Ward") in found or (
        "Thomas Ward",
        "spouseOf",
        "Ellen",
    ) in found


OUR_GIRLS = """\
Lyons, 9 October 1866.

My dearest Ellen,

Kiss our daughter Agnes for me.

Your devoted husband,
Thomas Ward
"""


def test_our_child_is_the_child_of_both_spouses(run: Callable[[str], LetterResult]) -> None:
    found = labelled(run(OUR_GIRLS))
    assert ("Agnes", "childOf", "Thomas Ward") in found
    assert ("Agnes", "childOf", "Ellen") in found
