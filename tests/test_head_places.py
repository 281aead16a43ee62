"""Where a letter was written, as real editions set it above the letter: a dateline on two
lines whose place line ends with a comma, a trial's record around the letter, the sides of
a postcard, a catalogue's record with the parties' life dates and a site's letter number.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import hashlib

import pytest

from kgraph.model import Source
from kgraph.text.letters import parse_letter


def source(text: str) -> Source:
    return Source("test-letter", text, hashlib.sha256(text.encode()).hexdigest())


def place_of(text: str) -> str | None:
    letter = parse_letter(source(text))
    return None if letter.place is None else text[letter.place.start : letter.place.end]


TRIAL = """114                 TRIAL OF JOHN WARD                  [1795

   Mr. Serjeant Adair.--My Lord, the next paper was found in the prisoner's desk.

   Lord Chief Baron Macdonald.--Let it be read.

   The following letter was then read:

              "To Mr. Holt, Bookseller, Newark.

                            "London, No. 14, Fleet Street,
                                        "May 2, 1793.
   "DEAR SIR,

   "Your parcel came safe, and the pamphlets are already sold.

   "I am, your friend,
   "J. WARD."
"""


def test_a_trials_speakers_are_no_address_and_the_place_above_the_date_counts() -> None:
    letter = parse_letter(source(TRIAL))
    assert letter.date is not None and letter.date.iso == "1793-05-02"
    assert place_of(TRIAL) == "London"
    assert letter.address is None or "Baron" not in letter.address.text


@pytest.mark.parametrize(
    ("above", "place"),
    [
        ("Rose Villa, Keswick,", "Keswick"),
        ("Elm Grove, Bristol,", "Bristol"),
        ("Bath,", "Bath"),
    ],
)
def test_a_dateline_on_two_lines(above: str, place: str) -> None:
    body = "My dear Anne,\n\nWe came home on Tuesday.\n\nYours ever,\nJ. Bell\n"
    text = f"{above}\nJune 3rd, 1850.\n\n{body}"
    assert place_of(text) == place


POSTCARD = """[picture side]
Harbour at Whitby

[address side]
Miss Ada Holt,
12 Mill Lane,
Leeds.

[message side]
Whitby,
Aug. 4. 1911.

Dear Ada, the sea is grand and the rain has stopped at last. Love, Kit
"""


def test_a_postcards_sides_keep_the_addressees_town_out_of_the_place() -> None:
    letter = parse_letter(source(POSTCARD))
    assert place_of(POSTCARD) != "Leeds"
    assert letter.address is None or "Leeds" not in letter.address.text


RECORD = """from Hale, Edward, 1822-1909 to Lowell, James, 1819-1891

Letter No. EH0212

Letter from Edward Hale to James Lowell

Address: none given

Dear Lowell,

The proofs came back yesterday with your marks, and I have sent them on.

Yours ever,
E. E. Hale
"""


def test_a_catalogues_parties_line_and_a_letter_number_give_no_place() -> None:
    letter = parse_letter(source(RECORD))
    assert place_of(RECORD) is None
    assert letter.address is None
