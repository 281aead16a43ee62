"""Letters as editions print them, more shapes of the top of a letter: a running head and a
chapter number over "TO X, 1873.", a synopsis and a bracketed note before a year-less
dateline, and what each gives the letter's metadata.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.extract.name_match import fullest, without_title
from kgraph.model import LetterResult
from kgraph.text.dates import find_date, unmark
from kgraph.text.editorial import footnote_markers
from kgraph.text.headings import addressee_name, parties, writer_year
from kgraph.text.lead_in_names import catalogue_lot, lead_in_recipient
from kgraph.text.letters import parse_letter
from kgraph.text.line_patterns import without_rank
from tests.helpers import source, spoken

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


TRANSCRIPTION_SITE = """Volunteer Transcriptions  |  Home  |  Projects  |  Help

Letter from Maria Thornbury to Edward Pellew Thornbury, 3 March 1851 [page 1 of 2]

[begin page 1 of 2] [printed letterhead:] GLENFIELD HOUSE, BATH. My dear Edward The boxes \
came safely by the Bristol coach, & Aunt Lucy sends her love. [end page 1 of 2]

[begin page 2 of 2] Write soon to your loving mother M. T. [end page 2 of 2]

Transcription status: Reviewed. Last edited by volunteer 212 on 2020-05-01.
"""


def test_a_long_heading_naming_both_parties_is_the_heading() -> None:
    text = TRANSCRIPTION_SITE
    letter = parse_letter(source(text))
    assert spoken(text, letter.heading_sender) == "Maria Thornbury"
    assert spoken(text, letter.heading_recipient) == "Edward Pellew Thornbury"
    assert letter.date is not None and letter.date.iso == "1851-03-03"
    # the pages in brackets are the letter's text, not editor's notes
    assert any("Bristol coach" in part.text for part in letter.body)


def test_an_office_named_with_its_holder() -> None:
    heading = "From Silas Deane to the President of Congress (Henry Laurens), 2 March 1778"
    found = parties(heading)
    assert found is not None
    assert [heading[a:b] for a, b in found] == ["Silas Deane", "Henry Laurens"]


MEMOIR_APPENDIX = """                          APPENDIX.

               THE SURVEY OF THE UPPER NILE, 1862.

Extracts from Letters written by Captain Hardcastle to his Wife during
               the Survey of the Upper Nile in 1862.

[Only those passages are given which tell of the march.—M. H.]

             Camp below the Falls, near Gondokoro,
                                        March 3, 1862.

The post goes down the river tomorrow, and I write by a lamp with Baker
snoring at my elbow. Petherick has not come.
"""


def test_a_dateline_with_its_day_beats_a_headline_with_a_year() -> None:
    letter = parse_letter(source(MEMOIR_APPENDIX))
    assert letter.date is not None and letter.date.iso == "1862-03-03"
    assert letter.body and letter.body[0].text.startswith("The post goes down")


SALE_LOT = """RARE BOOKS AND LETTERS
Sale 3108 · 14 May 2021 · Lot 77

HARDCASTLE, Captain (1820-1871). Autograph letter signed, to his wife, 2 pages, 8vo, \
with an envelope, a few spots, otherwise fine.

"Gondokoro.
March 3. 1862.

The post goes down the river tomorrow, and I write by a lamp with Baker snoring at my elbow.

J. H."
"""


def test_a_sale_line_is_no_dateline() -> None:
    letter = parse_letter(source(SALE_LOT))
    assert letter.date is not None and letter.date.iso == "1862-03-03"  # not the sale's day
    assert "Sale 3108 · 14 May 2021 · Lot 77" in [m.text for m in letter.edition_matter]


PLAIN_TEXT_EDITION = """{212}

_To_ MRS. HALLORAN.

DUBLIN, _March 9, 1811._

My dear aunt, the snow has kept us at home all week, and my father reads aloud to us.

Your affectionate niece,
HARRIET M.
"""


def test_a_printed_italics_underscores_are_read_as_spaces() -> None:
    letter = parse_letter(source(PLAIN_TEXT_EDITION))
    assert letter.date is not None and letter.date.iso == "1811-03-09"
    assert spoken(PLAIN_TEXT_EDITION, letter.place) == "DUBLIN"
    assert spoken(PLAIN_TEXT_EDITION, letter.heading_recipient) == "MRS. HALLORAN"
    # every part keeps the source's own text at its offsets
    for part in (letter.dateline, letter.addressee, *letter.body):
        assert part is not None
        assert part.text == PLAIN_TEXT_EDITION[part.start : part.end]
    assert letter.dateline is not None and "_" in letter.dateline.text


def test_an_editors_angle_brackets_around_a_year() -> None:
    text = "To Anna Kerr\n\n4 Sutton Row | W. | Jan. 14th 〈1871〉\n\nDear Miss Kerr,\n\n" + (
        "The committee met again and the money is nearly found.\n\nYours | Jane Pell\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1871-01-14"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Braintree Novbr. 15th. 1775", "1775-11-15"),
        ("Philadelphia Septbr 3 1777", "1777-09-03"),
        ("Decbr. 24. 1790", "1790-12-24"),
        ("Janry 2d 1781", "1781-01-02"),
        ("Marsh 12, 1850", "1850"),  # no month: its letters are not in order
        ("Octavia 3 1801", "1801"),
    ],
)
def test_a_month_abbreviated_by_dropping_letters(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


def test_a_records_fields_are_no_parts_of_an_address(
    run: Callable[[str], LetterResult],
) -> None:
    text = (
        "Reference code: HX 12/4\nDate(s): [n.d.]\nRepository: Library of the Royal Society\n"
        "(TO THE EDITOR OF THE GLOBE.)\n\nDear Sir, I write from the hills above Malvern "
        "where the air is good and the company better than in town.\n\nYours truly,\nA. Pell\n"
    )
    result = run(text)
    places = {e.key: e.label for e in result.entities if e.type == "Place"}
    assert not {"Date(s", "Repository", "TO THE EDITOR OF THE GLOBE"} & set(places.values())
    assert result.place is None  # no line of this head is the writer's address


@pytest.mark.parametrize(
    ("heading", "recipient"),
    [
        ("XIV. — TO HIS SISTER, MOTHER AGNES, AT BRUGES.", "MOTHER AGNES"),
        ("XIV.—TO HIS SISTER, MOTHER AGNES.", "MOTHER AGNES"),
    ],
)
def test_a_roman_number_and_a_spaced_dash_before_the_addressee(
    heading: str, recipient: str
) -> None:
    found = addressee_name(heading)
    assert found is not None and heading[found[0] : found[1]] == recipient


def test_a_number_set_apart_by_spaces_before_the_parties() -> None:
    heading = "No. 212   Lambert to Bernoulli"
    found = parties(heading)
    assert found is not None
    assert [heading[a:b] for a, b in found] == ["Lambert", "Bernoulli"]


def test_an_auction_lots_subject_before_the_writers_name() -> None:
    line = (
        '(CANALS.) BRINDLEY, JAMES. Autograph Letter Signed ("Jas Brindley"), to John Gilbert, '
        "on the progress of the aqueduct."
    )
    found = catalogue_lot(line)
    assert found is not None and found[0] is not None
    assert line[found[0][0] : found[0][1]] == "BRINDLEY, JAMES"
    assert line[found[1][0] : found[1][1]] == "John Gilbert"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Berolini, d. 9. Martii 1761.", "1761-03-09"),
        ("Basileae die 12 Septembris 1744", "1744-09-12"),
        ("Petropoli, 3. Iulii 1735", "1735-07-03"),
    ],
)
def test_a_latin_month(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


DAYBOOK = """THE OAKWOOD DAYBOOK
A day-by-day record of his life

Previous entry | Next entry

Hawthorne writes in his notebook:
A wet morning; the river high and brown, and the meadows under water as far as the mill.

Hawthorne writes to G. S. Hillard:
Mr. Hillard,—
The roads are too deep for the stage, so I send this by Ellery, who goes to Boston on Monday.
Your friend,
Nath. Hawthorne
"""


def test_a_short_lead_in_and_a_title_with_a_dash_as_salutation() -> None:
    letter = parse_letter(source(DAYBOOK))
    assert spoken(DAYBOOK, letter.salutation) == "Mr. Hillard,—"
    assert spoken(DAYBOOK, letter.heading_recipient) == "G. S. Hillard"  # as the lead-in has it
    assert letter.address is None  # the lead-in is the editor's, not the writer's address
    assert any(part.text.startswith("Hawthorne writes to") for part in letter.introduction)


LETTER_TO_A_PAPER = """THE HARBOUR WORKS.

(To the Editor of the Evening Star.)

Sir,—In your issue of Monday it is said that the new mole will cost
twice the estimate. The figures laid before the Board show otherwise,
and I enclose them for any reader who may wish to see them, with the
engineer's report of the soundings taken in the spring.—I am, Sir,
your obedient
servant,
JOHN MACANDREW.
The Laurels, Port Chalmers, Otago,
12th June, 1883.
"""

OFFICIAL_FOOT = """(To the Editor of the Evening Star.)

Sir,—The men sent to the works were one hundred, not two hundred, and
every party took its own tents and tools with it, as the list I enclose
will show to any of your readers who may wish to see it.

The men unfit for bush work have been brought back and will be found
work on the roads near the town.—I am, &c.,

WILLIAM ROLLESTON,
Under-Secretary for Works.

Public Works Office, Dunedin,
14th May, 1884.
"""


def test_a_closing_run_on_to_its_last_word_and_a_house_above_the_town(
    run: Callable[[str], LetterResult],
) -> None:
    letter = parse_letter(source(LETTER_TO_A_PAPER))
    assert spoken(LETTER_TO_A_PAPER, letter.sender_name) == "JOHN MACANDREW"
    assert letter.date is not None and letter.date.iso == "1883-06-12"
    result = run(LETTER_TO_A_PAPER)
    places = {e.key: e.label for e in result.entities}
    assert result.place is not None and places[result.place] == "Port Chalmers"


def test_an_office_under_the_name_is_no_note_before_the_dated_address(
    run: Callable[[str], LetterResult],
) -> None:
    letter = parse_letter(source(OFFICIAL_FOOT))
    assert letter.date is not None and letter.date.iso == "1884-05-14"
    assert [n.text for n in letter.notes] == ["Under-Secretary for Works."]
    result = run(OFFICIAL_FOOT)
    places = {e.key: e.label for e in result.entities}
    assert result.place is not None and places[result.place] == "Dunedin"


def test_a_chapter_title_with_a_possessive_names_no_parties() -> None:
    assert parties("HIS REMOVAL TO BARLEY WOOD.") is None
    assert parties("HER RETIREMENT TO COWSLIP GREEN.") is None
    assert parties("Hannah More to William Wilberforce.") is not None


def test_a_kinship_word_signed_alone_names_no_writer() -> None:
    text = (
        "To Jim Hollis\n\nDear Jim:\n\nThe jury is nearly chosen and I think we shall be home "
        "by Christmas, if the judge allows it.\n\nAffectionately,\nDad\n"
    )
    letter = parse_letter(source(text))
    assert letter.signature is not None and letter.sender_name is None


def test_a_given_name_signed_is_not_anothers_last_name(
    run: Callable[[str], LetterResult],
) -> None:
    text = (
        "Dear Marcel,\n\nYou saw my boys at Easter and found Hans Albert so grown up. "
        "Tete sends drawings instead of letters.\n\nYours, Albert\n"
    )
    result = run(text)
    labels = {e.key: e.label for e in result.entities}
    assert result.sender is None or labels[result.sender] != "Hans Albert"


def test_a_telegrams_words_name_no_parties() -> None:
    assert parties("SUMMIT REACHED ELEVEN TO FOURTEEN NOVEMBER") is None
    assert parties("ARRIVED HOBART TWELVE TO SIXTEEN OCTOBER") is None
    assert parties("Ludwig Leichhardt to William Macarthur") is not None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("HAWORTH, _May_ 4_th_, 1849.", "1849-05-04"),  # a printed italic's underscores
        ("Avignon, March 3, N.S. 1740.", "1740-03-03"),  # the calendar after the day
        ("London, 12 Feb. O.S. 1741", "1741-02-12"),
        ("Burlington 4 mo. 17th 1851", "1851-04-17"),  # the Friends' numbered months
        ("17th of 4th mo. 1851", "1851-04-17"),
        ("Tromsø, 2dje juni 1888.", "1888-06-02"),  # a Norwegian ordinal
    ],
)
def test_more_dateline_forms(line: str, iso: str) -> None:
    found = find_date(unmark(line))
    assert found is not None and found.iso == iso


@pytest.mark.parametrize(
    ("dateline", "town"),
    [
        ("Central Jail, Naini, 14 March 1931", "Naini"),
        ("Physics Laboratory, McGill University, Montreal, 3 May 1904", "Montreal"),
    ],
)
def test_an_institution_before_its_town(
    run: Callable[[str], LetterResult], dateline: str, town: str
) -> None:
    text = f"{dateline}\n\nDear Mother,\n\nAll is well here.\n\nYour son,\nR.\n"
    result = run(text)
    labels = {e.key: e.label for e in result.entities}
    assert result.place is not None and labels[result.place] == town


LIFE_AND_LETTERS = """The party reached Lucerne at the end of June, and it was from there,
on the 2nd of July 1851, that he wrote to his sister, Agnes Whitlow, who
then kept house for their father in
Bedford Row:—

"LUCERNE, July 2nd.

"DEAR SISTER,—The lake is all they promised and more.

"Your affectionate brother,
"R. WHITLOW."
"""

BLOG_POST = """Posted on May 9, 2012 by Ruth · 2 Comments

Here is another letter from my great-aunt's trunk. Nora wrote it to her father, \
Thomas Keane, from the ship on the way home, and the envelope is postmarked Cobh.

---

R.M.S. BALTIC

June 3, 1921

Dearest Father,

We sail into Queenstown tomorrow and I shall see you all on Sunday.

Your loving daughter,
Nora
"""


@pytest.mark.parametrize(
    ("text", "recipient"),
    [(LIFE_AND_LETTERS, "Agnes Whitlow"), (BLOG_POST, "Thomas Keane")],
)
def test_the_narrative_names_the_addressee_of_the_letter_below(text: str, recipient: str) -> None:
    letter = parse_letter(source(text))
    assert spoken(text, letter.heading_recipient) == recipient


def test_the_following_letter_to_his_father_names_him() -> None:
    found = lead_in_recipient(
        "The following letter to his father, Sir Edward Pine, then Professor of Botany at "
        "Leeds, gives his first impressions:--"
    )
    assert found is not None


def test_a_titled_writer_after_from_the() -> None:
    heading = "To Benjamin Franklin from the Comte de Sartine, 2 March 1779"
    found = parties(heading)
    assert found is not None
    assert [heading[a:b] for a, b in found] == ["Comte de Sartine", "Benjamin Franklin"]


def test_a_closing_after_the_last_sentence_and_a_line_break_bar() -> None:
    text = (
        "To Anna Kerr\n\n4 Sutton Row | W. | Jan. 14th 1871\n\nDear Miss Kerr,\n\n"
        "The committee met again and the money is nearly found. "
        "I hope you are resting. Yours affectly | Jane Pell\n"
    )
    letter = parse_letter(source(text))
    assert spoken(text, letter.sender_name) == "Jane Pell"
    assert spoken(text, letter.valediction) == "Yours affectly"


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("Tell Mr. Wragge[463] that the books came", ["[463]"]),
        ("the letter to Louis Roux[2] has done more", ["[2]"]),
        ("My old friend Mr Pellow*2 has drawn a plan", ["*2"]),
        ("whether the *Dial* is to appear again", []),  # the asterisk closes an italic
        ("in [1860] and after", []),  # an editor's year, set apart
    ],
)
def test_a_notes_number_glued_to_a_name(text: str, markers: list[str]) -> None:
    assert [text[a:b] for a, b in footnote_markers(text)] == markers


STAMPED = """EVD to Rose Karsner

[Censor's stamp:] EXAMINED — MAR 14 1921

Dear Rose:

The days are long here, but your letters make them shorter, and the books came safely.

Yours always,
Gene

ALS, InTH, Debs Collection.

1. Rose Karsner kept the office of the defence committee in New York.
"""


def test_a_censors_stamp_and_a_source_note_are_not_the_writers(
    run: Callable[[str], LetterResult],
) -> None:
    letter = parse_letter(source(STAMPED))
    assert letter.date is None  # the censor's day is not the letter's
    assert "[Censor's stamp:] EXAMINED — MAR 14 1921" in [m.text for m in letter.edition_matter]
    assert letter.address is None  # "ALS, InTH, …" is the edition's note of the manuscript
    assert [n.text[:14] for n in letter.notes] == ["1. Rose Karsne"]  # the note still counts
    result = run(STAMPED)
    assert result.place is None
    assert not any(e.label in ("ALS", "InTH") for e in result.entities)


def test_a_newspapers_page_line_is_no_dateline() -> None:
    text = (
        "Below is the OCR text representation for this newspapers page.\n\n"
        "PAGE FOUR. TUESDAY, MAY 3, 1910.\n\nA LETTER FROM THE CAPTAIN\n\n"
        "To the Editor of the Herald:\n\nSir,—The ship is safe and all well aboard.\n\n"
        "Yours truly,\nJ. HALL.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is None  # the paper's day, not the letter's
    assert "PAGE FOUR. TUESDAY, MAY 3, 1910." in [m.text for m in letter.edition_matter]


def test_a_name_in_capitals_keeps_its_particles_small() -> None:
    assert fullest(["GONZALO DE QUESADA Y ARÓSTEGUI"]) == "Gonzalo de Quesada y Aróstegui"
    assert fullest(["DUKE OF WELLINGTON"]) == "Duke of Wellington"
    assert without_title("M. Alexis de Marsan") == "Alexis de Marsan"  # Monsieur
    assert without_title("M. Faraday") is None  # an initial, or a surname alone


@pytest.mark.parametrize(
    ("signed", "name"),
    [
        ("GERARD M. HOPKINS S.J.", "GERARD M. HOPKINS"),  # the letters after the name
        ("W. Osler, F.R.S.", "W. Osler"),
        ("John Smith, Colonel", "John Smith"),
        ("Mary R. M.", "Mary R. M."),  # a given name and her initials
        ("T. H. Huxley", "T. H. Huxley"),
    ],
)
def test_the_letters_and_rank_after_a_signed_name(signed: str, name: str) -> None:
    assert without_rank(signed) == name
