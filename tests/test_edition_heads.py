"""Letters as editions print them, more shapes of the top of a letter: a running head and a
chapter number over "TO X, 1873.", a synopsis and a bracketed note before a year-less
dateline, and what each gives the letter's metadata.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import hashlib

from kgraph.model import Source
from kgraph.text.headings import writer_year
from kgraph.text.letters import parse_letter


def source(text: str, name: str = "test-letter") -> Source:
    return Source(name, text, hashlib.sha256(text.encode()).hexdigest())


def spoken(text: str, span: object) -> str | None:
    if span is None:
        return None
    return text[span.start : span.end]  # type: ignore[attr-defined]


TRAVEL_BOOK = """                 A SUMMER AMONG THE FELLS.                 41

                              IV.

                  TO MARGARET HOLME, 1861.

Wastwater—The Inn—A Guide called Tyson—Scafell in Mist.

[The writer had walked over from Keswick the day before; her sister kept
these letters and gave them to the printer in 1870.]

WASDALE HEAD, CUMBERLAND, June 14.

I have found a bed at the little inn, and the landlord, Mr. Tyson, has
promised to take me up Scafell if the mist lifts. Keswick seems a city
after this valley.

Your loving sister,
E. H.
"""


def test_a_bracketed_note_is_not_where_the_letter_starts() -> None:
    letter = parse_letter(source(TRAVEL_BOOK))
    assert letter.date is not None and letter.date.iso == "1861-06-14"  # the heading's year
    assert spoken(TRAVEL_BOOK, letter.place) == "WASDALE HEAD"
    assert spoken(TRAVEL_BOOK, letter.heading_recipient) == "MARGARET HOLME"
    assert letter.heading_sender is None  # "TO MARGARET HOLME, 1861." names no writer


def test_a_to_line_with_a_year_names_no_writer() -> None:
    assert writer_year("TO MARGARET HOLME, 1861.") is None
    assert writer_year("Flora Tristan 1843") is not None
