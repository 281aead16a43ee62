"""A county, a colony or a land after a smaller place is not the place of writing (session
15), on letters written for these tests: the sheep station over "Queensland", the harbour
before "Labrador", the house before "Suffolk" ("region-names.txt" holds the regions the place
list does not know as such). Built with the spaCy model and the knowledge base."""

from __future__ import annotations

import pytest

from kgraph.api import process
from kgraph.model import LetterResult
from kgraph.settings import Settings

STATION = """\
Glenbrook Station,
Queensland, 4th June, 1875.

My dear Father,

The shearing is over and the wool went down to Brisbane on Monday.

Your affectionate son,
Henry Marsh
"""

HARBOUR = """\
Seal Harbour, Labrador, Aug. 3, 1899.

Dear Mr. Grant,

The schooner came in this morning with the mail and the doctor's stores.

Yours faithfully,
W. Thomas
"""

HOUSE = """\
Morton Grange, Suffolk, 3 June 1790.

Dear Sir,

The turnips are in and the new drill has done well on the heavy land.

Your obedient servant,
A. Cole
"""


@pytest.fixture(scope="module")
def places() -> list[str | None]:
    results = process([STATION, HARBOUR, HOUSE], Settings(link="none"))
    return [_place(r) for r in results]


def _place(result: LetterResult) -> str | None:
    entity = next((e for e in result.entities if e.key == result.place), None)
    return entity.label if entity else None


def test_a_station_over_its_colony_is_the_place(places: list[str | None]) -> None:
    assert places[0] == "Glenbrook Station"


def test_a_harbour_before_its_land_is_the_place(places: list[str | None]) -> None:
    assert places[1] == "Seal Harbour"


def test_a_house_before_its_county_is_the_place_never_the_county(
    places: list[str | None],
) -> None:
    assert places[2] == "Morton Grange"
