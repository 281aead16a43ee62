"""The place of writing is a name that can be a place (session 14): a record's label, a season,
an office or a phrase that stands where a dateline or an address stands is no place of writing,
and neither is the name of one of the letter's parties; a name of common words followed by
the letter's date is still a dateline's place. On letters written for these tests, with the
real knowledge base and the word classes of the real spaCy model's lemmatizer."""

from __future__ import annotations

from typing import Any

import pytest

from kgraph.knowledge.place_sense import PlaceSense


def _place(result: Any) -> str | None:
    if result.place is None:
        return None
    label: str = next(e for e in result.entities if e.key == result.place).label
    return label


@pytest.fixture(scope="module")
def sense(processor) -> PlaceSense:  # type: ignore[no-untyped-def]
    assert isinstance(processor.place_sense, PlaceSense)
    return processor.place_sense


@pytest.mark.parametrize(
    "name", ["Summary", "Translation", "Transcription completed", "Winter Quarters", "Summer"]
)
def test_labels_seasons_and_offices_are_no_places(sense: PlaceSense, name: str) -> None:
    assert not sense(name)


@pytest.mark.parametrize(
    "name",
    ["London", "Reading", "Bath", "Frimley", "Kentish Town", "Lower Sydenham", "Järvenpää"],
)
def test_towns_pass_even_where_their_names_are_words(sense: PlaceSense, name: str) -> None:
    assert sense(name)


def test_a_label_over_the_letter_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Message\n\nDear Tom,\n\nThe harvest is in, and the new school opens on Monday.\n\n"
        "Your loving sister,\nAda Crane\n"
    )
    assert _place(run(text, "record-label")) is None


def test_an_office_over_a_day_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Winter Quarters,\nMay 3rd.\n\nDear Tom,\n\nThe ice has held for a week and the "
        "dogs are fit.\n\nYour loving sister,\nAda Crane\n"
    )
    assert _place(run(text, "winter-quarters")) is None  # no year: the date is no anchor


def test_the_senders_surname_alone_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Crane\n\nDear Tom,\n\nThe harvest is in, and the new school opens on Monday.\n\n"
        "Your loving sister,\nAda Crane\n"
    )
    assert _place(run(text, "surname-top")) is None


SEASON = """\
[Summer 1861]

Dear Mrs. Ward,

The proofs came this morning and I return them with a few marks. The printer has done
well by us.

Yours sincerely,
Agnes Hale
"""


def test_a_season_in_the_editors_date_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    assert _place(run(SEASON, "season")) is None


CAMP = """\
In Camp, 12th December.

My dear Nell,

We moved up yesterday and the men are in good heart. The rain has stopped at last.

Your loving husband,
Edward
"""


def test_a_phrase_opening_with_in_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    assert _place(run(CAMP, "in-camp")) is None


OFFICE = """\
Foreign Office, July 16, 1870.

My Lord,

I have received your Lordship's despatch of the 12th and have laid it before the Queen.

I am, &c.
GRANVILLE.
"""


def test_an_office_followed_by_the_date_is_the_place(run) -> None:  # type: ignore[no-untyped-def]
    assert _place(run(OFFICE, "office-dateline")) == "Foreign Office"


CHAMBER = """\
To Margaret Lane

Senate Chamber,
Washington, 3d Feb. 1850.

My dear Wife,

The debate goes on, and I have come here to write while the Chamber is quiet.

Your devoted husband,
Thomas Lane
"""


def test_a_room_over_the_dateline_is_no_town_of_the_address(run) -> None:  # type: ignore[no-untyped-def]
    assert _place(run(CHAMBER, "senate-chamber")) == "Washington"


NUMBERED_STREET = """\
29, Linden Terrace,
Hanover Square, W.
November 17, 1891.

My dear Louis,

Your book came this morning, and I have read half of it already.

Ever yours,
Edmund Gale
"""


def test_a_numbered_street_over_a_square_is_the_place(run) -> None:  # type: ignore[no-untyped-def]
    assert _place(run(NUMBERED_STREET, "numbered-street")) == "Linden Terrace"


def test_a_state_after_a_town_no_one_knows_is_no_place(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "HALE, WINSLOW. Autograph Letter Signed to the collector Thomas Clark, on the progress "
        "of a painting. 4 pages, 8vo, folded sheet. Scarboro, Maine, 18 November 1892.\n\n"
        "Dear Mr. Clark,\n\nThe picture went off to you by express this morning.\n\n"
        "Yours truly,\nWinslow Hale\n"
    )
    assert _place(run(text, "state-after-village")) is None


def test_a_state_is_not_region_where_a_large_city_bears_its_name(sense: PlaceSense) -> None:
    assert sense.is_region("Maine") and not sense.is_region("New York")
