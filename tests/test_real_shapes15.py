"""Letter metadata on shapes real editions print (session 15), on letters written for these
tests: a digital edition's navigation to the letters before and after, with their ISO dates,
over a German dateline written "d: 12t"; an ebook's header ("Release date: …") over a
heading in capitals that opens with "MADAME"; an edition's "To X" heading with the date set
at the right margin, over a source note that records the postmark; a weekday dateline that two
of the narrative's years fit."""

from __future__ import annotations

from kgraph.text.datelines import without_region
from kgraph.text.dates import find_date
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text


def _date_place(text: str) -> tuple[str | None, str | None]:
    """The ISO date and the place as written that kgraph reads in ``text``."""
    letter = parse_letter(read_text(text))
    return (
        letter.date.iso if letter.date else None,
        letter.place.text if letter.place else None,
    )


NAVIGATION = """\
HARTMANN EDITION ONLINE  |  Letters  |  English translation

Ludwig Hartmann to Sophie Keller in Weimar
Leipzig, Tuesday, 8 May 1821

Context
  Preceding: 1821-04-30: to Mendel · 1821-05-03: from Keller
  Following: 1821-05-14: to Keller · 1821-05-20: from Wieck

                                        Leipzig d: 8t May 1821.

Dearest Sophie!

Your parcel came on Sunday with the music and the gloves, and I have worn the
gloves to church and played the music to nobody, which is how it should be.

Your Ludwig
"""

EBOOK = """\
The Free Shelf eBook of The Letters of Madame Duval to Pierre Leroux

Title: The Letters of Madame Duval to Pierre Leroux
Translator: Helen T. Ward
Release date: March 2, 2012 [eBook #41877]
Language: English

*** START OF THE FREE SHELF EBOOK THE LETTERS OF MADAME DUVAL ***

                              LETTER IX.

                  MADAME DUVAL TO PIERRE LEROUX.

                                            Lyon, ce 12 mars 1832.

The cholera is in Paris and you are still there, and I am told to be calm. I am
not calm. Write to me every day, if it is only one line.

                                            ADÈLE DUVAL.
"""

MARGIN = """\
To LORD HAVERSHAM                          Dover, Thursday, 9 October 1851

Text: MS Haversham Papers, box 4   Address: The Right Honble | The Lord Haversham |
Melbury Court | Sherborne | Dorset   Postmark: Dover; OC 10 1851

Dover Thursday

My dear Lord Haversham

The chapel roof is on at last and the glass will follow before Christmas. I shall
come down to Melbury as soon as the scaffolding is struck.

Your Lordship's faithful servant
J. Pellow
"""

NARRATIVE = """\
CHAPTER XI

THE CROSSING

Of the first day of the crossing, 1 July 1894, he left two accounts. Since their
marriage in 1883 he had written to her on every voyage, and she kept every letter. The one
he wrote on the second day is the shorter:

"Monday, 2nd July.

"Dearest Kate,

"The sea is flat and the captain is cheerful, which he tells me is a bad sign.

"Ever your loving husband,
"W. B."
"""


def test_a_german_day_cut_short_is_read_and_the_editions_navigation_is_no_dateline() -> None:
    assert find_date("Leipzig d: 8t May 1821.") is not None
    assert _date_place(NAVIGATION) == ("1821-05-08", "Leipzig")


def test_an_ebooks_release_date_is_no_dateline_and_a_heading_in_capitals_no_salutation() -> None:
    assert _date_place(EBOOK) == ("1832-03-12", "Lyon")
    letter = parse_letter(read_text(EBOOK))
    assert letter.salutation is None
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "PIERRE LEROUX"


def test_a_heading_with_the_date_at_the_margin_beats_the_postmark_in_the_source_note() -> None:
    assert _date_place(MARGIN) == ("1851-10-09", "Dover")
    letter = parse_letter(read_text(MARGIN))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "LORD HAVERSHAM"


def test_a_weekday_that_two_years_fit_takes_the_year_the_narrative_gives_its_month() -> None:
    # 2 July fell on a Monday in 1883 and in 1894; the narrative's "1 July 1894" decides
    letter = parse_letter(read_text(NARRATIVE))
    assert letter.date is not None and letter.date.iso == "1894-07-02"


NUMBERED = """\
118   To Mrs Agnes Fletcher                                  [3 March 1902]

12 ALBANY CHAMBERS
KING ST. W.C.
Tuesday night

Dearest A.

The committee met at last and the report goes to the printer on Friday. I am too tired
to write more than this.

Yours,
H.
"""


def test_an_editions_number_and_to_heading_with_the_date_at_the_margin_is_no_running_head() -> None:
    letter = parse_letter(read_text(NUMBERED))
    assert letter.date is not None and letter.date.iso == "1902-03-03"
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Mrs Agnes Fletcher"


REPORT = """\
88            TRANSACTIONS OF THE NORTHERN ANTIQUARIAN SOCIETY.        [MARCH 2, 1871.

  Fourth Meeting, March 2nd, 1871.
  SIR JOHN HALDANE, BART., PRESIDENT, in the Chair.

  The PRESIDENT said that he had received by the last steamer a letter addressed to
himself by Mr. Thomas Orr, who was then digging at the old fort above Tromsø at his own
cost:—

        “Tromsø, 9th January, 1871.

  “MY DEAR SIR JOHN,—The frost has stopped the digging, but not before we found the
second hearth and a comb of bone with a rune on its back.

  “Believe me, ever yours faithfully,
                                   “THOMAS ORR.”
"""


def test_a_letter_a_report_quotes_opens_after_the_sentence_leading_into_it() -> None:
    letter = parse_letter(read_text(REPORT))
    assert letter.salutation is not None
    assert letter.salutation.text.startswith("MY DEAR SIR JOHN")
    assert letter.date is not None and letter.date.iso == "1871-01-09"
    assert letter.place is not None and letter.place.text == "Tromsø"


BIOGRAPHY_DATED = """\
1844.]                 THE HARVEST AT ASHBY.                 131

the rain had held off at last, and he was in high spirits when he wrote to his brother:

"The wheat is in and the barley will follow on Monday, and I have not had so good a year
since we came here. Tell Mary the new cow is a success. . . ."

The letter is dated from Ashby on the 3rd of September. His brother's answer has not been
kept.
"""

RECORD_DATED = """\
Hallin Letters Digital · English translations

HL N 0217. Letter to Greta Hallin. Dated 14.06.1902.

Explanation of signs: [ ] editorial addition · ‹ › uncertain reading · … illegible

p. 1

Bergen 14/6 02

Dear Greta

The boat leaves on Thursday and I shall be in Bergen by the end of the week.

Your Nils
"""

NOTE_DATED = """\
Ashby, Monday.

Dear Tom,

The wheat is in at last.

Your brother,
John

1. His brother had written of the cow in a letter dated 3 May 1844.
"""


def test_the_editors_the_letter_is_dated_gives_day_place_and_the_running_heads_year() -> None:
    assert _date_place(BIOGRAPHY_DATED) == ("1844-09-03", "Ashby")


def test_a_records_dated_line_gives_the_date() -> None:
    letter = parse_letter(read_text(RECORD_DATED))
    assert letter.date is not None and letter.date.iso == "1902-06-14"


def test_a_notes_letter_dated_is_another_letters_date() -> None:
    assert parse_letter(read_text(NOTE_DATED)).date is None


LOT = """\
A LETTER ON THE NEW ORGAN AT BATH

Autograph letter signed ("W. Herschel"), to the organ builder John Snetzler ("Dear Sir"), in English

asking for the estimate of a swell organ for the Octagon Chapel and reporting that the
subscription is nearly full; he will pay half on delivery and half at Michaelmas.

""" + (
    '2 pages, 4to, integral address leaf ("Mr Snetzler, Organ Builder, London"), '
    "Bath, 3 May 1779, small tear at seal, light browning\n"
)


def test_a_lots_sheet_line_under_a_paragraph_gives_place_and_date() -> None:
    assert _date_place(LOT) == ("1779-05-03", "Bath")


def test_the_surname_a_lot_says_the_letter_is_signed_with_is_the_writer() -> None:
    # no signature is transcribed, so the lot's 'signed ("Herschel")' names the writer
    letter = parse_letter(read_text(LOT.replace('("W. Herschel")', '("Herschel")')))
    assert letter.heading_sender is not None
    assert letter.heading_sender.text == "Herschel"


CAMP = """\
Camp near Warrenton Va Nov 12th 1862

Dear Mother

We marched all day and the roads are bad. I am well and so is Charley.

Your affectionate son
Wm. Haskell
"""


def test_a_states_abbreviation_without_its_stop_is_cut_off_the_town() -> None:
    assert _date_place(CAMP) == ("1862-11-12", "Warrenton")


def test_a_telegrams_land_after_the_town_without_a_comma_is_cut_off() -> None:
    assert without_region("PERTH WESTERN AUSTRALIA ") == "PERTH "
    assert without_region("HALIFAX NOVA SCOTIA") == "HALIFAX"
    assert without_region("FORT CUMBERLAND ") == "FORT CUMBERLAND "  # a fort's name, no land
    assert without_region("Maidstone Kent ") == "Maidstone Kent "  # a telegram's capitals only
