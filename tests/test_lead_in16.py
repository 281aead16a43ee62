"""The addressee a biographer's narrative names as it leads into a quoted letter (session 16):
a few words that say who the addressee was ("his old pupil and friend X"), a name that the
sentence runs on after in small words ("writing to Dr. X as warmly as ever"), and never a
town after "his wife at"; and a place with the county or state after its comma (locatedIn).
On letters written for these tests, most in the shape of a scanned "Life and Letters";
built with the spaCy model, as users build."""

from __future__ import annotations

import pytest

from kgraph.api import process
from kgraph.model import LetterResult
from kgraph.settings import Settings
from tests.helpers import label_of

RUNS_ON = """\
212                THE LIFE OF HUGH MILLER.

the quarry was never quite the refuge he had hoped
for. Within a week of his return he was writing to
Dr. John Kerr as warmly as ever he had written from
Cromarty :—

                    " Leith, May 4th, 1841.

" MY DEAR DOCTOR,—The fossils came safe, and I have
spent two evenings over them with a lamp and a lens.
The scales are better than any I have seen.

" Ever yours,
" HUGH MILLER."
"""

DESCRIBED = """\
88                 LETTERS OF CHARLES BURNEY.

and the winter passed in teaching. The following, written
from Bath to his old pupil and friend Samuel Wesley at
Bristol, is the longest he wrote that year :—

                    " Bath, Jan. 12, 1790.

" DEAR FRIEND,—The organ at the Octagon is mended at last,
and I played it on Sunday to a full chapel.

" Yours ever,
" CHAS. BURNEY."
"""

NO_NAME = """\
140                MEMOIR OF JOHN SMEATON.

the pier was finished before the gales, and he wrote in
haste to his wife at Dover, in words that show his relief :—

                    " Plymouth, Oct. 9, 1759.

" MY DEAREST LOVE,—The last stone is set and the light
burns. I shall be home within the week.

" Your own,
" J. SMEATON."
"""


@pytest.fixture(scope="module")
def built() -> dict[str, LetterResult]:
    results = process([RUNS_ON, DESCRIBED, NO_NAME], Settings(link="none"))
    return dict(zip(("runs_on", "described", "no_name"), results, strict=True))


def test_a_name_the_sentence_runs_on_after_is_the_addressee(
    built: dict[str, LetterResult],
) -> None:
    assert label_of(built["runs_on"], built["runs_on"].recipient) == "John Kerr"


def test_words_that_say_who_the_addressee_was_come_before_the_name(
    built: dict[str, LetterResult],
) -> None:
    assert label_of(built["described"], built["described"].recipient) == "Samuel Wesley"


def test_a_town_after_his_wife_at_is_no_addressee(built: dict[str, LetterResult]) -> None:
    assert label_of(built["no_name"], built["no_name"].recipient) != "Dover"


def test_a_place_and_the_region_after_its_comma_give_located_in() -> None:
    letter = """\
Chicago, June 2, 1885.

Dear Sister,

The show closes here on Saturday and we go on to Omaha. Lulu and the girls are at home on
the ranch at North Platte, Nebraska, and I long to be with them. We played Bombay, Bengal
and Madras in my dreams last night, and Paris, Lyon, Nantes and Lille.

Your loving brother,
Will
"""
    (result,) = process([letter], Settings(link="none"))
    labels = {e.key: e.label for e in result.entities}
    located = {
        (labels[r.subject], labels[r.object])
        for r in result.relations
        if r.predicate == "locatedIn"
    }
    assert ("North Platte", "Nebraska") in located
    assert not {pair for pair in located if pair[0] in ("Paris", "Lyon", "Mumbai", "Bombay")}
