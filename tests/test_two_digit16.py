"""A dateline's two-digit year (session 16), on letters written for these tests: the century
most of the page's years lie in, whatever an edition's later year says, and a site's year
over the letter when the subtitle's span of years says nothing of it. Built with the spaCy
model, as users build."""

from __future__ import annotations

from kgraph.api import process
from kgraph.settings import Settings

EDITION_YEAR = """\
31. To William Allingham

                                        Chelsea,
                                        Oct. 4, '67.

Dear Allingham,—The proofs are back and I have struck out half the commas.¹ Come on
Sunday if the weather holds; my wife sends her love.

Yours ever,
T. C.

¹ The essay appeared in 1867 in Fraser's Magazine, which Froude edited from 1860 to 1874.

Source: Letters from Cheyne Row, 1860–1875, ed. Anne Harker (Lindsey Press, 1971), p. 88.
"""

SITE_YEAR = """\
The Hokkaido Letters Project
Letters of a Sapporo schoolteacher to her family, 1876–1912

Home · The Letters · People · Chronology

The Letters › 1879 › Letter 12

‹ Previous: 2 May 1879          Next: 30 May 1879 ›

Letter 12. Kato Ine to Kato Shin

Transcription

Sapporo, May 17th, 79. | Saturday night.

My dear Brother,

The snow is gone at last and the school opens on Monday with forty girls.

Your sister,
Ine
"""


def test_a_two_digit_year_takes_the_century_of_most_of_the_pages_years() -> None:
    (result,) = process([EDITION_YEAR], Settings(link="none"))
    assert result.letter.date is not None and result.letter.date.iso == "1867-10-04"


def test_a_sites_year_completes_a_two_digit_year_the_subtitle_says_nothing_of() -> None:
    (result,) = process([SITE_YEAR], Settings(link="none"))
    assert result.letter.date is not None and result.letter.date.iso == "1879-05-17"
