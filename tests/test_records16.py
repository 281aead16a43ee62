"""Records that describe a letter before, or instead of, a transcription that kgraph could not
read as a letter on its own (session 16), on letters written for these tests in shapes real
sites and sales print: a digital collection's record under its breadcrumb with the letter's
line breaks shown as " / ", an auction's lot under a header of middle dots, a calendar's
record opened by its number, a lot addressed to a name with an accented capital, a
museum's record whose date field gives a two-digit year its century, an editor's bracketed
day under the heading, a greeting of six words under a convent's address, a museum's
purchase year under an inscription, and a greeting with no stop under a dateline without its
year. Built with the spaCy model and the knowledge base, as users build."""

from __future__ import annotations

import pytest

from kgraph.api import process
from kgraph.model import LetterResult
from kgraph.settings import Settings
from tests.helpers import label_of

COLLECTION = """\
Digital Collections › Manuscripts and Archives › Woman Suffrage Correspondence › Item 0412

Title: Letter from Anna Howard Shaw to Carrie Chapman Catt, May 9, 1912
Creator: Shaw, Anna Howard, 1847-1919
Recipient: Catt, Carrie Chapman, 1859-1947
Date: 1912-05-09
Type: Correspondence
Format: Typescript, 1 leaf
Rights: No known copyright restrictions.

Transcription (line breaks shown as /):

Moylan, May 9th, 1912 / Mrs. Carrie Chapman Catt, / 2 West 86th Street, / New York. / \
My dear Mrs. Catt: / The parade committee has asked me to walk at the head of the / \
state delegations, and I have said yes, though my feet are not what they were. / \
I hope you will walk with me. / Affectionately yours,

Note: Unsigned carbon copy.
"""

LOT = """\
BRANDT & OSGOOD AMERICANA · Sale 118 · Autographs, Letters and Manuscripts · 2 June 2015

Lot 77
JEFFERSON DAVIS WRITES OF HIS RELEASE

Estimate: $3,000 – 4,000
Sold for: $4,200

DAVIS, JEFFERSON. Autograph letter signed ("Jeff. Davis"), 2 pages, 8vo, Richmond, \
May 20, 1867, to his friend Francis P. Blair at Silver Spring, Maryland. Light folds.

In part: "My dear Sir, | The bail was given on Monday and I am free to go where I please. \
| I shall go first to Canada to see my children. | Yours truly | Jeff. Davis"

Provenance: The Blair family.
"""

CALENDAR = """\
CALENDAR OF THE LETTERS OF SOFIA KOVALEVSKAYA
Part I: Letters to German correspondents, 1870-1891
----------------------------------------------------------------------
No.          I.42
Date         14 Feb. 1874 [from the postmark]
Place        Göttingen
From         Sofia Kovalevskaya
To           Karl Weierstrass, Berlin
Type         ALS, 2 pp., 8vo
Language     German
----------------------------------------------------------------------
Summary.
She reports that the faculty has accepted her three papers and that the
degree will be given without an examination.
"""

ACCENTED = """\
Lot 305

Autograph letter signed ("Berthe") to the painter Édouard Manet, in French, 2 pages, \
8vo, Passy, 3 June 1870, small tear.

In part: "My dear friend, the picture has come back from the Salon unhurt."
"""


@pytest.fixture(scope="module")
def built() -> dict[str, LetterResult]:
    names = ("collection", "lot", "calendar", "accented")
    results = process([COLLECTION, LOT, CALENDAR, ACCENTED], Settings(link="none"))
    return dict(zip(names, results, strict=True))


def test_a_collections_record_under_its_breadcrumb_gives_the_parties_and_the_date(
    built: dict[str, LetterResult],
) -> None:
    record = built["collection"]
    assert label_of(record, record.sender) == "Anna Howard Shaw"
    assert label_of(record, record.recipient) == "Carrie Chapman Catt"
    assert record.letter.date is not None and record.letter.date.iso == "1912-05-09"


def test_line_breaks_shown_as_slashes_give_the_dateline_its_place(
    built: dict[str, LetterResult],
) -> None:
    record = built["collection"]
    assert label_of(record, record.place) == "Moylan"


def test_a_lot_under_a_header_of_middle_dots_gives_what_its_description_says(
    built: dict[str, LetterResult],
) -> None:
    lot = built["lot"]
    assert lot.letter.date is not None and lot.letter.date.iso == "1867-05-20"
    assert label_of(lot, lot.place) == "Richmond"
    assert label_of(lot, lot.recipient) == "Francis P. Blair"
    assert lot.sender is not None and "Davis" in (label_of(lot, lot.sender) or "")


def test_a_calendars_record_opened_by_its_number_gives_its_fields(
    built: dict[str, LetterResult],
) -> None:
    entry = built["calendar"]
    assert label_of(entry, entry.sender) == "Sofia Kovalevskaya"
    assert label_of(entry, entry.recipient) == "Karl Weierstrass"  # not "…, Berlin"
    assert entry.letter.date is not None and entry.letter.date.iso == "1874-02-14"
    assert label_of(entry, entry.place) == "Göttingen"


def test_a_lot_addressed_to_a_name_with_an_accented_capital(
    built: dict[str, LetterResult],
) -> None:
    lot = built["accented"]
    assert label_of(lot, lot.recipient) == "Édouard Manet"


MUSEUM = """\
HARDANGER FOLK MUSEUM — COLLECTIONS ONLINE

Object no.:      HFM.B.1987:112
Object type:     Postcard, correspondence
Title:           Postcard from Edvard Grieg to Nina Grieg, Bergen
Date:            1887 [postmark]
Maker:           Grieg, Edvard (1843–1907), sender
Recipient:       Grieg, Nina (1845–1935), the composer's wife
Acquisition:     Gift, 1987

Transcription, with English translation by museum staff:

Bergen d. 3 mai 87.

Dear Nina, the rehearsal went well and the orchestra is better than I feared. Home on
Friday with the early boat.

Your Edvard
"""


def test_a_records_date_field_gives_a_two_digit_year_its_century() -> None:
    (result,) = process([MUSEUM], Settings(link="none"))
    assert result.letter.date is not None
    assert result.letter.date.iso == "1887-05-03"  # not 1987, the year of the museum's gift


EDITORS_DAY = """\
LETTER 12

JOHN HORNE TOOKE TO THE REV. WILLIAM TOOKE

[22 November 1794]

The letter has neither date nor place; Tooke wrote it on the evening of his acquittal at
the Old Bailey, as his nephew's endorsement says.

Saturday night, late.

My dear William,

It is over, and the jury took eight minutes. I am too tired to write more.

J. H. T.
"""

CONVENT = """\
158. To Mother Mary Aikenhead
Cork

                                        Convent, Gardiner Street
                                        Tuesday, March 10th [1835]

My ever dear Reverend Mother

Your kind letter came by the Cork coach this morning, and I answer it at once.

Believe me always your affectionate
M. Ball
"""


def test_an_editors_bracketed_day_under_the_heading_dates_the_letter() -> None:
    (result,) = process([EDITORS_DAY], Settings(link="none"))
    assert result.letter.date is not None and result.letter.date.iso == "1794-11-22"


def test_a_greeting_of_six_words_over_the_letter_and_a_convent_over_its_street() -> None:
    (result,) = process([CONVENT], Settings(link="none"))
    assert result.letter.salutation is not None
    assert result.letter.salutation.text == "My ever dear Reverend Mother"
    assert result.letter.date is not None and result.letter.date.iso == "1835-03-10"
    assert label_of(result, result.place) == "Gardiner Street"  # not "Convent"


INSCRIBED = """\
Collection Online

Hans Heysen letter to Lionel Lindsay
1907

pen and ink on folded paper
Place/s of Execution
Hahndorf, South Australia
inscribed in ink: The Cedars / Hahndorf / 9 June / Dear Lin / The wattle is out along the creek \
and I have begun the big gum at last. / Come up in the spring. / Yours / Hans

Credit Line
Purchased, 1974
"""

NO_STOP = """\
Correspondence of the Lyell Circle · Calendar and Texts

Lyell, Charles to Horner, Leonard
12 Feb [1838]

London | Hart Street
Monday 12 Feb.

My dear Horner
I have been at the Society all day and have not read your paper yet. Mary sends her love.

Ever yours
C. Lyell
"""


def test_a_museums_purchase_year_under_the_letter_is_not_its_year() -> None:
    (result,) = process([INSCRIBED], Settings(link="none"))
    assert result.letter.date is not None and result.letter.date.iso == "1907-06-09"


def test_a_greeting_with_no_stop_under_a_dateline_without_its_year() -> None:
    (result,) = process([NO_STOP], Settings(link="none"))
    assert result.letter.salutation is not None
    assert result.letter.salutation.text == "My dear Horner"
    assert label_of(result, result.recipient) is not None
