"""Shapes of session eleven, second part: an auction's sale line split by " | ", a lot whose
addressee is described at length, a radiogram's record over the telegram's own lines, a
village "near" a town, a postcard's cover under a style ("Herrn"), a radical's "Citizen," and
"Health and fraternity,", a newspaper's quoted letter closed by its addressee, a ship's
dateline off a town, a cover's "Mrs X" without a stop.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

from collections.abc import Callable

from kgraph.model import LetterResult
from kgraph.text.lead_in_names import catalogue_lot
from kgraph.text.letters import parse_letter
from tests.helpers import label_of, source, spoken

Process = Callable[[str], LetterResult]  # the conftest's ``processed``


SALE = """FINE MUSIC AND MANUSCRIPTS
Paris | 3 June 2011 | Sale PF1107

Lot 41

ROSSI, LUIGI (1790-1850)
Autograph letter signed ("Luigi Rossi"), in Italian, to his old friend and music publisher \
Carlo Bassi in Milan, 1 page, 4to, Naples, 2 March 1831, light browning

Provenance: by descent.
"""


def test_an_auctions_sale_line_gives_no_date_and_a_lots_addressee_is_read_at_length() -> None:
    letter = parse_letter(source(SALE))
    assert letter.date is not None and letter.date.iso == "1831-03-02"
    assert spoken(SALE, letter.heading_recipient) == "Carlo Bassi"
    line = SALE.splitlines()[6]
    found = catalogue_lot(line)
    assert found is not None and line[slice(*found[1])] == "Carlo Bassi"


RADIO = """Title: Radiogram, Lincoln Ellsworth to Harold Vance, reporting the landing
Date: 1935-12-05

RADIOGRAM                                        NO 12   PRESS

FROM KFZ DUNDEE ISLAND   DEC 5 1935

RECD NEW YORK STATION DEC 5 1935 0900 AM

HAROLD VANCE
NEW YORK

LANDED SAFELY ALL WELL STOP

ELLSWORTH
"""


def test_a_telegrams_record_names_the_parties_and_its_receipt_is_no_dateline() -> None:
    letter = parse_letter(source(RADIO))
    assert spoken(RADIO, letter.heading_sender) == "Lincoln Ellsworth"
    assert spoken(RADIO, letter.heading_recipient) == "Harold Vance"
    assert letter.dateline is None or "RECD" not in letter.dateline.text


NEAR = """Sir,—Some friends have sent me a cutting which says that I have left England.

Yours respectfully,
                       MARY HOLT.

  Abinger, near Dorking, May 4th, 1853.
"""


def test_a_village_near_a_town_is_the_place(processed: Process) -> None:
    result = processed(NEAR)
    assert label_of(result, result.place) == "Abinger"


CARD = """88. To Karl Weiss

Herrn
Karl Weiss
4 Mount Street
London W 1

Dear friend,
the proofs came today.
Your old
Ernst Falk
"""


def test_a_postcards_cover_under_a_style_is_the_addressees_not_the_place(
    processed: Process,
) -> None:
    result = processed(CARD)
    assert result.place is None or label_of(result, result.place) not in ("Herrn", "London")


TRIAL = """  [It was then read, as follows:]

  "Norfolk Street, Strand, May 2, 1794.

  "Citizen,

  "The resolutions go with this.

  "Health and fraternity,
  "W. CLARKE.

  "To Citizen Adams, No. 4, Strand."
"""


def test_a_radicals_citizen_and_health_and_fraternity(processed: Process) -> None:
    letter = parse_letter(source(TRIAL))
    assert spoken(TRIAL, letter.salutation) == "Citizen,"
    assert letter.signature is not None and "CLARKE" in letter.signature.text
    assert letter.address is None or "read" not in letter.address.text


QUOTED = """We print the following letter, addressed to that gentleman by Mr. Carr:—
" Stony Creek, 3rd April, 1861.
"Dear Sir—I start to-morrow with all the horses.
" I remain, dear Sir, yours truly,
" JOHN CARR.
" Henry Lyle, Esq., Gawler."
"""


def test_a_quoted_letters_dash_salutation_and_closing_quote() -> None:
    letter = parse_letter(source(QUOTED))
    assert letter.salutation is not None and letter.salutation.text.startswith("Dear Sir")
    assert spoken(QUOTED, letter.place) == "Stony Creek"


SHIP = """Commander Bell, R.N., to Lord Grey.--(Received June 3.)

H.M. Steam-vessel "Hecla," off Lokoja,
    River Benue, March 4, 1842.

MY LORD,

I have the honour to report our arrival.
"""


def test_a_ships_dateline_off_a_town_is_the_town(processed: Process) -> None:
    result = processed(SHIP)
    assert label_of(result, result.place) == "Lokoja"


COVER = """Letter from John Reed to Mary Reed

Mrs Reed
      Thornby near Louth
            Lincolnshire

Recd. Octr 2d. 1805                No 4

                        Port Royal, Jamaica
                                        Jany 28. 1805

    I have this morning learned, my dear, that a ship sails for home in
three days, and the master has kindly offered to carry letters; so I sit
down to tell thee that I am well, and that the fever has left the island.

John Reed
"""


def test_a_covers_mrs_without_a_stop_and_a_receipt_line(processed: Process) -> None:
    result = processed(COVER)
    assert label_of(result, result.place) == "Port Royal"
    assert result.letter.date is not None and result.letter.date.iso == "1805-01-28"


BIOGRAPHY = """pupils of the first year none wrote to him more often than Miss Jane Fell, and it
is to his letters to her that we owe the best picture of the school. On May 3, 1886, a
few days after the term began, he wrote to her from his house at Upper Norwood :—

  "You ask how the new boys look. They look very young."
"""


def test_a_lead_ins_date_before_he_wrote_and_his_house_at_a_town() -> None:
    letter = parse_letter(source(BIOGRAPHY))
    assert letter.date is not None and letter.date.iso == "1886-05-03"
    assert spoken(BIOGRAPHY, letter.place) == "Upper Norwood"


RECORD = """Postcard from Nora Bell to Edith Vane, 9 July 1912

Object number: 2001.4.12
Date: 1912 (postmarked)

Transcription
Dear Edith, I am settled at last and can work in the mornings.
Nora
"""


def test_a_records_year_gives_way_to_the_headings_day() -> None:
    letter = parse_letter(source(RECORD))
    assert letter.date is not None and letter.date.iso == "1912-07-09"


UNDER = """Title: To James Monroe from William Thornton, 2 May 1809

          Dear Sir
            Georgetown May 2d. 1809.
          I have the drawings of the new bridge, and will bring them on Friday.
          I am with great respect your obedient servant
          William Thornton
"""


def test_a_dateline_under_a_bare_greeting_is_the_letters() -> None:
    letter = parse_letter(source(UNDER))
    assert spoken(UNDER, letter.salutation) == "Dear Sir"
    assert spoken(UNDER, letter.place) == "Georgetown"


def test_a_towns_department_in_brackets_is_no_part_of_it() -> None:
    text = "                    Vézelay (Yonne),\n                    Tuesday, 4 July 1893.\n\n"
    text += "Dear friend,\nThe garden is full of roses.\nYours, Paul\n"
    letter = parse_letter(source(text))
    assert spoken(text, letter.place) == "Vézelay"


SLOOP = """His Majesty's Sloop Fury, Baffin's Bay,
    July 30, 1822.

SIR,

I have the honour to report our position.

W. HOOPER.
"""


def test_his_majestys_sloop_is_where_it_lay_not_the_place(processed: Process) -> None:
    result = processed(SLOOP)
    assert label_of(result, result.place) != "His Majesty's Sloop Fury"


def test_a_fellow_citizen_greeted_names_no_one() -> None:
    text = "Edinburgh, 2 May 1794.\n\nDear Sir and Fellow-Citizen,\n\n"
    text += "The meeting is on Monday.\n\nJ. Gray.\n"
    letter = parse_letter(source(text))
    assert letter.salutation is not None and letter.recipient_name is None


CAPS_LOT = """Lot 88

FIELD, JOHN (1782-1837)

AUTOGRAPH LETTER SIGNED ("John Field") TO HIS PUBLISHER JAMES LONGMAN, ON THE NEW NOCTURNES

in English, 2 pages, 4to, integral address leaf, Moscow, 3 April 1822, small tear at seal

"... the nocturnes are done and go to you by the next courier ..."
"""


def test_a_lot_in_capitals_and_its_date_on_the_line_under_it(processed: Process) -> None:
    result = processed(CAPS_LOT)
    assert label_of(result, result.recipient) == "James Longman"
    assert result.letter.date is not None and result.letter.date.iso == "1822-04-03"
    assert label_of(result, result.place) == "Moscow"


def test_a_dealers_quoted_headline_in_brackets_opens_the_lot() -> None:
    line = (
        "[‘The proofs are a disgrace’: Hale scolds his printer.] Autograph Letter Signed "
        "(‘Hale’) to Thomas Grant of Grant & Sons, on the proofs of his new book."
    )
    found = catalogue_lot(line)
    assert found is not None and line[slice(*found[1])] == "Thomas Grant"


WRAPPED = """Sale 2210 · Lot 61

STAINER, John (1840-1901). Organist. Autograph Letter Signed ("John
Stainer") to A. J. Hipkins ("Dear Hipkins"), 2 pages 8vo, Amen Court,
6 June [1889]; with the envelope.

"…the new organ is a wonder and the choir is pleased …"
"""


def test_a_lots_description_wrapped_over_lines_is_read_whole() -> None:
    letter = parse_letter(source(WRAPPED))
    assert spoken(WRAPPED, letter.heading_recipient) == "A. J. Hipkins"
    assert letter.date is not None and letter.date.iso == "1889-06-06"
