"""Record shapes of session ten: a dealer's item page whose description opens with the
subject in brackets, a biography whose running head under the quoted letter names its
subject, a digital collection's record over a telegram (no salutation), a sale's price
line with its date.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import kgraph
from kgraph.extract.mentions import address_places
from kgraph.text.dates import find_date
from kgraph.text.head_lines import SITE_MATTER
from kgraph.text.headings import addressee_name, writer_year
from kgraph.text.lead_in_names import catalogue_lot, lot_dateline
from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken

DEALER = """MARSH & HOLT · RARE MANUSCRIPTS
Home > Subjects > Music > Item 2210

[Ethel Smyth, composer.] Autograph Letter Signed ('Ethel Smyth') to her friend Henry \
Brewster, written from Woking on the eve of a rehearsal, with news of her opera.

Author:
Ethel Smyth (1858-1944), composer
Publication details:
Coign, Woking. 'Sunday' [1902].
£1,200.00

2pp., 8vo. Folded once. Addressed 'Dear H. B.' and signed in full.
"""


def test_a_dealers_bracketed_subject_opens_the_lots_description() -> None:
    line = DEALER.splitlines()[3]
    found = catalogue_lot(line)
    assert found is not None
    writer, addressee = found
    assert writer is not None and line[writer[0] : writer[1]] == "Ethel Smyth"
    assert line[addressee[0] : addressee[1]] == "Henry Brewster"


BIOGRAPHY = """1861.]                 THE NEW PARISH.                 93

which he had feared would never come. The bishop had at last agreed to the change, and the
news found Holloway at his sister's house, so that he wrote the same evening to Pell:—

"You will be glad to hear that the thing is settled. . . . I go down on Monday to see the
churchwardens, and shall want your advice on the school before the month is out."

The answer came by return of post.

94                 LIFE OF EDWARD HOLLOWAY.                 [CHAP. VI.
"""


def test_the_running_head_under_a_quoted_letter_names_the_he_who_wrote() -> None:
    letter = parse_letter(source(BIOGRAPHY))
    assert spoken(BIOGRAPHY, letter.heading_sender) == "EDWARD HOLLOWAY"
    assert spoken(BIOGRAPHY, letter.heading_recipient) == "Pell"


RECORD = """Harbour Museum Digital Collections
Home / Collections / Marlow Family Papers / Item

Title: Cablegram, Ada Marlow to Thomas Marlow, 1911 March 3
Creator: Marlow, Ada, 1870-1940
Recipient: Marlow, Thomas, 1841-1915
Date: 1911-03-03
Type: Text; telegrams
Description: Sent from Hobart to her father in Liverpool on the day the ship sailed; \
the form is torn at the fold.
Identifier: MFP-01-009

Transcription:

EASTERN TELEGRAPH
RECEIVED 4 MAR 1911
= MARLOW ROCK FERRY LIVERPOOL =
SAILED TODAY ALL WELL LETTER FOLLOWS = ADA +
"""


def test_a_records_fields_over_a_telegram_name_its_parties_and_date() -> None:
    letter = parse_letter(source(RECORD))
    assert letter.date is not None and letter.date.iso == "1911-03-03"
    assert spoken(RECORD, letter.heading_sender) == "Ada Marlow"
    assert spoken(RECORD, letter.heading_recipient) == "Thomas Marlow"
    result = kgraph.process([RECORD], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is None or "Collections" not in label[result.place]


def test_a_sales_price_line_is_the_sites_not_the_letters_date() -> None:
    assert SITE_MATTER.search("Sold for £9,375 on 14 November 2019")
    assert SITE_MATTER.search("Price realised: $4,000 on 2 May 2012")
    assert not SITE_MATTER.search("Sold the farm in May 1850")


PAPER = (
    "Colonial Papers Online\n"
    "Gazette, Volume IV, Issue 212, 3 May 1871, Page 2\n\n"
    "THE NEW BRIDGE AT RIVERTON. TO THE EDITOR OF THE GAZETTE. Sir,—Your reporter has "
    "written of the bridge as though the Board had spent the whole vote upon it, and I must "
    "ask for a little space to correct him. Not half of the money has gone on the piers; the "
    "rest waits for the ironwork, which is now on the water from Glasgow and should reach "
    "the port before the winter. The Board will lay its accounts before the ratepayers at "
    "the next meeting, and I shall be glad to answer any question there.—I am, &c., "
    "WALTER BRENT. Riverton, April 30, 1871.\n"
)


def test_a_papers_letter_run_into_one_paragraph_is_signed_and_dated_at_its_end() -> None:
    result = kgraph.process([PAPER], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.sender is not None and label[result.sender] == "Walter Brent"
    assert result.recipient is None  # "the Editor of the Gazette" is an office, not a name
    assert result.letter.date is not None and result.letter.date.iso == "1871-04-30"
    assert result.place is not None and label[result.place] == "Riverton"


KIN_LEAD = """Hale had been six weeks at Leipzig, and the town had begun to please him. The
following, to his brother Walter, then living at Bristol, tells how he spent his days:

                                        LEIPZIG, March 3, 1851.

MY DEAR BROTHER:

The concerts here are the best I have heard, and I go to all of them.

Your affectionate
H.
"""


def test_the_lead_in_names_the_kin_the_salutation_greets_by_a_given_name() -> None:
    letter = parse_letter(source(KIN_LEAD))
    assert spoken(KIN_LEAD, letter.heading_recipient) == "Walter"


def test_a_to_heading_with_a_dash_before_the_town_names_the_addressee() -> None:
    line = "TO PAOLO RANIERI — FERRARA"
    found = addressee_name(line)
    assert found is not None and line[found[0] : found[1]] == "PAOLO RANIERI"


NEAR = """12. To Mark Denby, [3 June 1921]

Orchard Cottage, Castle Combe, nr. Chippenham, Wilts.
Friday

My dear Mark,

The roses are out at last and the bees are mad with them.

Yours ever,
Tom
"""


def test_a_village_nr_a_town_is_the_place_of_writing() -> None:
    result = kgraph.process([NEAR], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is not None and label[result.place] == "Castle Combe"


SITE_FROM = """Botanists' Letters Online
Home | Letters | Correspondents | Search

From Hermann Kessel   4 March [1871]1

Blumenau, Brazil,
4. März.

Honoured Sir!

The seeds you sent came safely and are already in the ground.

With the greatest respect, yours
Hermann Kessel.
"""


def test_a_sites_from_heading_with_its_date_is_no_dateline() -> None:
    letter = parse_letter(source(SITE_FROM))
    assert spoken(SITE_FROM, letter.heading_sender) == "Hermann Kessel"
    assert letter.place is None or "Kessel" not in (spoken(SITE_FROM, letter.place) or "")
    assert writer_year("April 1892.") is None  # a blue book's date line names no writer


PENCIL = """                                                        To Walter Hume
[Pencil; envelope postmarked 9 May 1917]

Pte J. Carver 40112
C Coy 2nd Bn.
B.E.F. France

Dear Mr Hume,

The books came and I read them in the line by a stub of candle.

Yours sincerely
John Carver
"""


def test_an_editors_note_of_the_medium_names_no_place() -> None:
    result = kgraph.process([PENCIL], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is None or label[result.place] != "Pencil"


ARCHIVIO = """Archivio di lettere — Scheda

Data: 14 05 1888
Mittente: Fattori Giovanni
Luogo Mittente: Livorno
Destinatario: Signorini Telemaco
Luogo Destinatario: Firenze

Dear Telemaco,

The sea has been grey all week and I have painted nothing but the boats.

Your Fattori
"""


def test_a_records_fields_in_italian_give_date_place_and_parties() -> None:
    letter = parse_letter(source(ARCHIVIO))
    assert letter.date is not None and letter.date.iso == "1888-05-14"
    assert spoken(ARCHIVIO, letter.place) == "Livorno"
    assert spoken(ARCHIVIO, letter.heading_sender) == "Fattori Giovanni"
    assert spoken(ARCHIVIO, letter.heading_recipient) == "Signorini Telemaco"


def test_a_danish_month_in_a_dateline() -> None:
    found = find_date("Aarhus d. 3. Marts 1902.")
    assert found is not None and found.iso == "1902-03-03"


LOT_BEFORE = (
    'HALE, EDWARD EVERETT (1822-1909). Autograph Letter Signed ("Edward E. Hale"), 2 pages, '
    '8vo, on "South Congregational Church" letterhead, Boston, March 3, 1885, to Horace '
    "Scudder. Light folds; fine."
)


def test_a_lot_gives_the_place_and_date_before_the_addressee() -> None:
    found = catalogue_lot(LOT_BEFORE)
    assert found is not None
    assert LOT_BEFORE[found[1][0] : found[1][1]] == "Horace Scudder"
    dated = lot_dateline(LOT_BEFORE)
    assert dated is not None and LOT_BEFORE[dated[0] : dated[1]] == "Boston, March 3, 1885"


def _place_label(text: str) -> str | None:
    result = kgraph.process([text], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    return label[result.place] if result.place is not None else None


def test_a_republic_after_the_town_is_not_the_place_of_writing() -> None:
    letter = (
        "                      Pretoria, Transvaal, June 2, 1878.\n\n"
        "Sir,\n\n"
        "I have the honour to report that the roads are open again.\n\n"
        "I have, &c.,\nOWEN LANYON.\n"
    )
    assert _place_label(letter) == "Pretoria"


def test_a_name_after_the_houses_number_is_its_street_not_the_place() -> None:
    letter = (
        "12, Heathside, Hampstead, N.W.\n\nMarch 4th, 1890.\n\nDear Mr. Lang,\n\n"
        "The proofs came this morning and I have marked them.\n\nYours sincerely,\nAnn Ward\n"
    )
    assert _place_label(letter) == "Hampstead"


UNSIGNED = """LETTER IV.

The Ice.—A Sleigh Journey.

                                    Oak Hill, January 9, 1834.

MY DEAREST SISTER,

The lake froze on Christmas night, and we have driven over it twice to the mill.

[Editor's note: Susanna Moodie wrote these letters to her sister, Agnes Strickland, at
Reydon Hall.]
"""


def test_an_editors_note_under_an_unsigned_letter_names_its_parties() -> None:
    letter = parse_letter(source(UNSIGNED))
    assert spoken(UNSIGNED, letter.heading_sender) == "Susanna Moodie"
    assert spoken(UNSIGNED, letter.heading_recipient) == "Agnes Strickland"


TO_YOUR = """TO PIETRO ROMANI, FLORENCE

Paris, 3 maggio 1831.

My dear Romani,

The rehearsals go badly, and the tenor has a cold.

Greet all our friends at the café, and write soon to your

Rossetti

Translated from the Italian. The composer spent the spring of 1831 in Paris.
"""


def test_a_name_under_a_closing_that_ends_with_your_signs() -> None:
    letter = parse_letter(source(TO_YOUR))
    assert spoken(TO_YOUR, letter.sender_name) == "Rossetti"


WRITTEN_FROM = """grew colder with every week. Brand, who had gone north to meet the
committee, wrote of the scheme as his own. Foster's answer, written
from Leeds on 4 March 1851, is worth quoting:

     My dear Sir,—I have your letter of Monday. The design was mine.

     I remain, dear Sir,
          Yours truly,
               J. FOSTER.
"""


def test_a_lead_in_says_where_and_when_the_letter_was_written() -> None:
    letter = parse_letter(source(WRITTEN_FROM))
    assert letter.date is not None and letter.date.iso == "1851-03-04"
    assert spoken(WRITTEN_FROM, letter.place) == "Leeds"


def test_a_street_after_the_houses_number_in_a_dateline_gives_way_to_the_town() -> None:
    letter = "78, Threadneedle, London,\nMarch 2nd, 1851.\n\nDear Sir,\n\nThe bill is paid.\n\n" + (
        "Yours faithfully,\nJohn Harker\n"
    )
    assert _place_label(letter) == "London"


def test_a_town_of_three_letters_after_a_house_is_a_part_of_the_address() -> None:
    text = "To Mary Lowe.\n\nSeafield House, Ayr.\nMay 3rd, 1899.\n\nDearest Mary,\n\n" + (
        "The sea is grey again.\n\nYours ever,\nKate\n"
    )
    parts = {m.text for m in address_places(parse_letter(source(text)))}
    assert "Ayr" in parts
    assert _place_label(text) == "Ayr"
    pte = "Pte J. Carver 40112\nB.E.F. France\n\nDear Mr Hume,\n\nAll well.\n\nJ. Carver\n"
    assert "Pte" not in {m.text for m in address_places(parse_letter(source(pte)))}


def test_the_strand_is_a_street_of_the_town_after_it() -> None:
    letter = "4, Essex Court, Strand, London, W.C.\n\nJune 2nd, 1910.\n\nDear Sir,\n\n" + (
        "The meeting is on Friday.\n\nYours faithfully,\nJ. Brand\n"
    )
    assert _place_label(letter) == "London"


ONE_OF_THEM = """32                    MARY HALE

long winter, and within a month she had found a room of her own. Of these first
months Mary wrote often to her old friend, Edwin Rowe of Boston, who had sent her
abroad. One of these letters runs:

                                       FLORENCE, March 3, 1856.

   DEAR MR. ROWE: . . . The light here is all they promised me.
"""


def test_a_lead_in_that_points_back_names_the_writer_of_the_sentence_before() -> None:
    letter = parse_letter(source(ONE_OF_THEM))
    assert spoken(ONE_OF_THEM, letter.heading_sender) == "Mary"
    assert spoken(ONE_OF_THEM, letter.heading_recipient) == "Edwin Rowe"


LOT_PAGE = (
    "88\n"
    "WEST (BENJAMIN, 1738-1820, American-born painter, President of the Royal Academy). "
    'Autograph letter signed ("Benj. West") to Joseph Farington ("Dear Sir"), n.d. '
    "[London], 1 page 4to.\n\n"
    "A short note on the hanging of the exhibition.\n"
)


def test_a_lot_under_a_page_number_with_a_described_writer_names_its_parties() -> None:
    letter = parse_letter(source(LOT_PAGE))
    assert spoken(LOT_PAGE, letter.heading_sender) == "WEST"
    assert spoken(LOT_PAGE, letter.heading_recipient) == "Joseph Farington"


def test_a_middle_name_the_authority_does_not_know_is_another_person() -> None:
    from kgraph.extract.name_match import Lookup
    from kgraph.knowledge.authority import load_authority
    from kgraph.model import Mention

    lookup = Lookup(load_authority(kgraph.Settings().authority_dir), 1850)
    son = lookup.find(Mention(0, 11, "John Ruskin", "Person", "ner", None, "body"))
    father = lookup.find(Mention(0, 17, "John James Ruskin", "Person", "ner", None, "body"))
    assert son is not None and son.id == "john-ruskin"
    assert father is None  # the critic's father, not the critic


SURGEON = """412                    MEDICINE AND ITS HISTORIANS                    [Vol. 9

   The speed with which the method spread is clearer from the private letters than from
the papers. Within a month he was writing from Leeds to his brother, Thomas Hey, at
York, about cases not yet written up:

   My dear Brother,—The wound is clean on the eleventh day.
"""


def test_was_writing_from_a_town_places_the_letter_and_the_speed_is_no_one() -> None:
    letter = parse_letter(source(SURGEON))
    assert spoken(SURGEON, letter.place) == "Leeds"
    assert letter.heading_sender is None  # "The speed …" opens the paragraph: no name
    assert spoken(SURGEON, letter.heading_recipient) == "Thomas Hey"


PAPER_MAST = """Historic Newspapers Online · Page 4

THE EVENING HERALD: BOSTON, TUESDAY, JUNE 12, 1888.

A LETTER FROM LONDON.

To the Editor of The Herald:

The meetings here have been larger than I dared to hope.

MARY HOLT.

London, England, May 29, 1888.
"""


def test_a_papers_masthead_is_not_the_letters_date_and_london_lies_in_england() -> None:
    result = kgraph.process([PAPER_MAST], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.letter.date is not None and result.letter.date.iso == "1888-05-29"
    assert result.place is not None and label[result.place] == "London"


RECORD_HEADED = """Correspondence Database › Holst, Gustav › Outgoing › 1913

Record 1913/22
Postcard, Gustav Holst to Edwin Evans, 4 May 1913
Type: picture postcard, autograph, ink

[Message:]

Dear Evans —

The parts are copied and go to you on Monday.

Gustav Holst
"""


def test_a_records_label_does_not_swallow_the_heading_under_it() -> None:
    letter = parse_letter(source(RECORD_HEADED))
    assert spoken(RECORD_HEADED, letter.heading_sender) == "Gustav Holst"
    assert letter.date is not None and letter.date.iso == "1913-05-04"


DAYBOOK = """THE HALE CHRONICLE
A day-by-day record of his life
Home › The Log › 1861 › March

12 March 1861. Salem, Mass.

Hale writes to J. T. Fields:
Dear Fields,—
The proofs are corrected and go back by the evening post.

Yours ever,
E. Hale
"""


def test_a_chronologys_day_with_its_place_dates_the_letter() -> None:
    day = parse_letter(source(DAYBOOK))
    assert day.date is not None and day.date.iso == "1861-03-12"


def test_a_firms_name_in_a_letterhead_is_no_place_and_deer_greets() -> None:
    letterhead = "S.S. WESTERN STAR\nUnited States Lines\n\nMay 3, 1925\n\nDearest Mother,\n\n" + (
        "The sea is flat and the food is good.\n\nLove,\nRuth\n"
    )
    assert _place_label(letterhead) != "United States"
    spelt = "Kaskaskia Illinois\nJune the 2 1810\n\nDeer Brother\n\nWe are all well.\n\nJohn Hale\n"
    letter = parse_letter(source(spelt))
    assert spoken(spelt, letter.salutation) is not None
    assert "Deer" in (spoken(spelt, letter.salutation) or "")


RECORD_NOTES = """Charles Sorley to Arthur Watts, 12 March 1915

Collection: Letters of Charles Sorley
Format: postcard
Postmark: FIELD POST OFFICE 14 MR 15
Notes: Written at Ploegsteert, where Sorley was serving with his battalion.

Dear Arthur,

All well here, and the mud is drying.

Charles
"""


def test_a_records_note_says_where_the_letter_was_written() -> None:
    letter = parse_letter(source(RECORD_NOTES))
    assert spoken(RECORD_NOTES, letter.place) == "Ploegsteert"


def test_a_lots_bracketed_town_before_the_date_is_the_place() -> None:
    lot = (
        'Autograph letter signed ("Gideon Hale") to Professor Amos Lane of Yale College, '
        "4 pages, 8vo, 7 Eaton Square, [London], 3 March 1846, with the address panel."
    )
    dated = lot_dateline(lot)
    assert dated is not None and lot[dated[0] : dated[1]] == "[London], 3 March 1846"
