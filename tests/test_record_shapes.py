"""Record shapes of session nine: a blog's "Addressed to" line above the letter, a letters
project's "[Translation]" label and its "Letter details" under the letter, a blue book's
heading that opens with "Sir", a paper's citation line, and the post's dates (a postmark
above the letter, an envelope's in a lot) that are not the letter's.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import kgraph
from kgraph.text.headings import parties
from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken

ADDRESSED = """Transcription

Addressed to Mrs. Elisha Hunt, Providence, Rhode Island

Camp Sprague, Washington D. C.
July 2d 1861

My Dear Mary,

We are in tents at last and the drums go all day.

Your loving
Elisha
"""


def test_an_addressed_to_line_above_the_letter_is_the_addressee_not_the_place() -> None:
    letter = parse_letter(source(ADDRESSED))
    assert spoken(ADDRESSED, letter.addressee) is not None
    assert "Addressed to" in (spoken(ADDRESSED, letter.addressee) or "")
    result = kgraph.process([ADDRESSED], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is not None and "Elisha" not in label[result.place]


PROJECT = """Letters Project

From Augustin Pyramus Morel   9 May 1861

Genève

9 Mai 1861

[Translation]

My dear Sir

I have your book on the orchids and thank you for it.

Believe me, my dear Sir, | your very devoted | A. P. Morel

Letter details
Letter no. LP-212
From Morel, Augustin Pyramus
To Lyell, C.
Sent from Geneva
"""


def test_a_projects_translation_label_and_letter_details() -> None:
    letter = parse_letter(source(PROJECT))
    assert spoken(PROJECT, letter.place) != "Translation"
    assert spoken(PROJECT, letter.heading_recipient) == "Lyell, C."
    result = kgraph.process([PROJECT], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.recipient is not None and label[result.recipient] == "C. Lyell"


BLUE_BOOK = """                                   No. 7.

            Sir R. Alcock to Earl Russell.—(Received May 2.)

My Lord,                                          Yedo, March 3, 1862.

  I HAVE the honour to report the arrival of the mail.

                                          I have, &c.
                                    (Signed)      RUTHERFORD ALCOCK.
"""


def test_a_blue_book_heading_that_opens_with_sir_is_no_salutation() -> None:
    letter = parse_letter(source(BLUE_BOOK))
    assert spoken(BLUE_BOOK, letter.heading_recipient) == "Earl Russell"
    assert letter.date is not None and letter.date.iso == "1862-03-03"
    assert spoken(BLUE_BOOK, letter.place) == "Yedo"


PAPER = """Article image

Wanganui Herald , Issue 4120, 9 June 1884, Page 2

THE HARBOUR BOARD.

TO THE EDITOR.

Sir,—The board has spent the rate and has nothing to show for it.

I am, &c.,
John Ballance.
Wanganui, 6th June, 1884.
"""

POSTMARKED = """LETTER 41

TOM HOOD TO JOHN REYNOLDS

[P.M. June 3, 1830.]

Dear Reynolds,--I send the proofs back by the coach.

Yours ever,
T. HOOD.
Winchmore Hill, 2nd June, 1830.
"""


def test_a_papers_citation_and_a_postmark_yield_to_the_writers_date() -> None:
    for text, iso, place in ((PAPER, "1884-06-06", "Wanganui"), (POSTMARKED, "1830-06-02", None)):
        letter = parse_letter(source(text))
        assert letter.date is not None and letter.date.iso == iso
        if place is not None:
            assert spoken(text, letter.place) == place


LOT = """Lot 12

{LOT}

"... I send the proofs back by the coach ..."
""".replace(
    "{LOT}",
    'HOOD, THOMAS (1799-1845). Autograph letter signed ("T. Hood") to John Reynolds, 2 pages, '
    "8vo, Winchmore Hill, [envelope postmarked 3 June 1830], on proofs.",  # one paragraph
)


def test_a_lots_envelope_date_is_not_the_letters() -> None:
    letter = parse_letter(source(LOT))
    assert letter.date is None or letter.date.iso != "1830-06-03"


ARCHIVE_PAGE = """Socialist Texts Archive  |  Letters  |  Nadezhda Krupskaya Internet Archive

Nadezhda Krupskaya

Letter to G. V. Plekhanov

Written: 4 May 1905
Source: Letters, Moscow 1970;

Geneva, Thursday

Dear comrade,

The parcel came and I have sent the pamphlets on.

Yours,
N. K.
"""


def test_a_sites_letter_to_line_names_the_addressee_but_not_an_office() -> None:
    letter = parse_letter(source(ARCHIVE_PAGE))
    assert spoken(ARCHIVE_PAGE, letter.heading_recipient) == "G. V. Plekhanov"
    mayor = "A LETTER TO THE MAYOR.\n\nDear Mr Hale,—Thank you.\n\nYours,\nJ. Marsh\n"
    assert parse_letter(source(mayor)).heading_recipient is None  # an office names no one


def test_a_blue_books_copy_of_a_despatch_from_a_peer_to_a_peer() -> None:
    heading = "COPY of a DESPATCH from the Earl of DURHAM and KENT to LORD GLENELG."
    spans = parties(heading)
    assert spans is not None
    assert [heading[a:b] for a, b in spans] == ["Earl of DURHAM and KENT", "LORD GLENELG"]
    assert parties("Smith and Jones to Brown") is None  # a firm, not a peer's title


NUMBERED_PARAGRAPHS = """Lady Mary Coke to Lord Bute, 4 May 1770

Castle, Edinburgh
May 4th – 1770

[1] My dear Lord – you bid me tell you every thing, & so I shall.

[2] The Assembly is full & the ladies are civil but shy.

[3] ever yours
M. Coke
"""


def test_an_editions_paragraph_numbers_and_a_dash_before_the_year() -> None:
    letter = parse_letter(source(NUMBERED_PARAGRAPHS))
    assert spoken(NUMBERED_PARAGRAPHS, letter.salutation) is not None  # "[1]" hid it
    assert letter.date is not None and letter.date.iso == "1770-05-04"
    assert "Edinburgh" in (spoken(NUMBERED_PARAGRAPHS, letter.address) or "")


def test_a_name_broken_over_two_printed_lines_is_labelled_on_one() -> None:
    text = (
        "Leeds, May 2, 1850.\n\nDear Sir,\n\nI went to hear Dr. Thomas\nHarlow preach, and "
        "Dr. Thomas\nHarlow was at his best.\n\nYours truly,\nJ. Penn\n"
    )
    result = kgraph.process([text], kgraph.Settings(link="none"))[0]
    labels = [e.label for e in result.entities]
    assert any("Harlow" in label for label in labels)
    assert not any("\n" in label for label in labels)


def test_footnotes_numbered_in_brackets_stay_footnotes() -> None:
    text = (
        "Leeds, May 4, 1850.\n\nDear Sir,\n\nI saw Mr. Hale[1] and Mr. Penn[2] at the "
        "Hall[3] on Friday.\n\nYours truly,\nJ. Marsh\n\n[1] A wool merchant.\n\n"
        "[2] His partner.\n\n[3] The Cloth Hall.\n"
    )
    letter = parse_letter(source(text))
    assert spoken(text, letter.sender_name) == "J. Marsh"
    assert any("[1] A wool merchant." in (spoken(text, n) or "") for n in letter.notes)
