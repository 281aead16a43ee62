"""Datelines and closings as documentary editions and old printed volumes set them: an
editor's bracketed place after a camp, a state abbreviated after the town, "St:" written with
a colon, a date in two calendars closed by a full stop, an abbreviated college, an
editor's parenthesis above the letter, a servant's closing run on to a second line, a
surname that is also a word, and the edition's "Notes" under the signature.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import pytest

import kgraph
from kgraph.text.datelines import without_region
from kgraph.text.head_lines import addressee_of
from kgraph.text.headings import parties
from kgraph.text.lead_in_names import lead_in_recipient, lot_dateline
from kgraph.text.letter_lines import looks_like_name
from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken


def parsed(text: str) -> dict[str, str | None]:
    letter = parse_letter(source(text))
    return {
        "place": spoken(text, letter.place),
        "date": letter.date.iso if letter.date else None,
        "sender": spoken(text, letter.sender_name),
    }


def letter(dateline: str) -> str:
    body = "The waggons are come at last."
    return f"{dateline}\n\nSir\n\n{body}\n\nI am, Sir, your servant\n\nJ. Pell\n"


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("Camp [Morristown] April 3d 1777", "Morristown"),  # the editor names the camp
        ("Head Quarters [Newburgh] June 2, 1782", "Newburgh"),
        ("Salem [Mass.] 4th Mo. 9th [1835]", "Salem"),  # the editor's state is no place
        ("Hagerstown Md. Sept. 30th 1862", "Hagerstown"),
        ("Albany N. Y. May 4, 1850", "Albany"),
        ("Olney Bucks. Decr. 3. 1781", "Olney"),
        ("Monticello [Virginia] May 1, 1795", "Monticello"),
        ("Paris, May 1, 1795", "Paris"),
    ],
)
def test_place_of_a_dateline_with_editors_brackets_or_a_state(dateline: str, place: str) -> None:
    assert parsed(letter(dateline))["place"] == place


def test_st_with_a_colon_and_two_calendars_closed_by_a_stop() -> None:
    found = parsed(letter("St: Petersbourg April 2d/13th. 1781"))
    assert found["place"] == "St: Petersbourg"
    assert found["date"] == "1781-04-02"  # the writer's own calendar first


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("Frederick Md.", "Frederick"),
        ("Concord Mass.", "Concord"),
        ("Isle of Man.", "Isle of Man."),  # "of Man" follows no town
        ("Castel Mo", "Castel Mo"),  # no full stop: not an abbreviation
    ],
)
def test_a_region_is_cut_only_abbreviated_after_a_town(value: str, kept: str) -> None:
    assert without_region(value) == kept


COLLEGE = """                              Trin. Coll., Cambridge,
                                   Oct. 5, 1839.

My dear Lyell,

The museum is in a sad state and I have no one to help me.

Ever yours,
A. Thorne
"""


def test_an_abbreviated_college_is_no_place_before_its_town() -> None:
    result = kgraph.process([COLLEGE], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is not None and label[result.place] == "Cambridge"


DESPATCH = """              GOVERNOR HALLAM TO EARL BRAYBROOKE.
(Despatch No. 9, per ship Eliza; acknowledged by Earl
Braybrooke, 2nd March, 1821.)

                    Government House, Hobart Town,
My Lord,                                       4th August, 1820.

               I have the honor to report the arrival of the Eliza with
            stores for the settlement.

               I have the honor to be, My Lord,
                    Your Lordship's Most Obedient
                         and Most Humble Servant,
                              W. HALLAM.
"""


def test_a_despatch_under_an_editors_parenthesis() -> None:
    found = parsed(DESPATCH)
    assert found["date"] == "1820-08-04"  # not the date it was acknowledged
    assert found["sender"] == "W. HALLAM"  # not "and Most Humble Servant"


NOTES = """12. To P. A. Orlov

Rome, 2 (14) May 1838

I have your letter and the money, for which I thank you.

Wholly yours,
N. Varin.

Notes

Dated by the writer in the Old Style.
"""


def test_wholly_yours_closes_and_notes_sign_nothing() -> None:
    assert parsed(NOTES)["sender"] == "N. Varin"


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("L. Maria Child", True),  # a surname that is also a word, after an initial
        ("Mary Love", True),  # after a given name
        ("Your friend", False),
        ("My dear Mother", False),
        ("Affectionate Brother", False),
    ],
)
def test_a_surname_that_is_also_a_word(value: str, name: bool) -> None:
    assert looks_like_name(value) is name


LETTERS_SITE = """22 To Henri Cross. Collioure, Monday, 9 July 1894.

metadata
No. 22
From: Louis Hayet
To: Henri Cross
Date: Collioure, Monday, 9 July 1894

Location
Private collection

Date
{REASONING}

translation

Collioure, lundi 9 juillet 94

My dear Cross,

The boats came in at last and I have three studies of them drying on the wall.

Yours ever,
L. Hayet
""".replace(
    "{REASONING}",
    "Hayet speaks of the storm 'of last Friday', which was 6 July 1894, and writes on the "
    "Monday after; the year is written with two figures in his hand.",  # one line, as printed
)


def test_a_letters_sites_record_gives_the_fields_under_its_label_not_its_reasoning() -> None:
    letter = parse_letter(source(LETTERS_SITE))
    assert letter.date is not None and letter.date.iso == "1894-07-09"  # not 6 July
    assert spoken(LETTERS_SITE, letter.place) == "Collioure"
    assert spoken(LETTERS_SITE, letter.heading_sender) == "Louis Hayet"  # "From:" under "metadata"


LOT_BELOW_NAME = """Lot 88

HOLST, GUSTAV (1874-1934)

{LOT}

Estimate: £800 - 1,200
""".replace(
    "{LOT}",
    'Autograph letter signed ("Gustav Holst") to the Thaxted vicar Conrad Noel, Dunmow, '
    "3 June 1916, 2 pages, 8vo",
)

LOT_ONE_PARAGRAPH = """Sale 3102 · 9 May 2008 · London, Mayfair

Lot 41

{LOT}

"... I send back the sheets by this post ..."
""".replace(
    "{LOT}",
    'GASKELL, ELIZABETH (1810-1865), novelist. Autograph letter signed ("E. C. Gaskell") to '
    'the publisher George Smith ("My dear Sir"), 3 pages, 8vo, Plymouth Grove, Manchester, '
    "17 October 1859, on the proofs of a story; old folds.",  # one paragraph, as printed
)


@pytest.mark.parametrize(
    ("text", "sender", "recipient", "date", "place"),
    [
        (LOT_BELOW_NAME, "Gustav Holst", "Conrad Noel", "1916-06-03", "Dunmow"),
        (LOT_ONE_PARAGRAPH, "GASKELL, ELIZABETH", "George Smith", "1859-10-17", "Manchester"),
    ],
)
def test_an_auction_lot_gives_the_parties_the_date_and_the_town(
    text: str, sender: str, recipient: str, date: str, place: str
) -> None:
    letter = parse_letter(source(text))
    assert spoken(text, letter.heading_sender) == sender
    assert spoken(text, letter.heading_recipient) == recipient
    assert letter.date is not None and letter.date.iso == date  # not the sale's
    assert spoken(text, letter.place) == place  # the town, written last before the date


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        ("Herschel, Caroline → Maskelyne, Nevil", ("Herschel, Caroline", "Maskelyne, Nevil")),
        ("Mary Somerville -> J. F. W. Herschel", ("Mary Somerville", "J. F. W. Herschel")),
        ("Paris → London", None),  # a journey, no parties
    ],
)
def test_a_correspondence_databases_arrow_heading_names_the_parties(
    heading: str, found: tuple[str, str] | None
) -> None:
    spans = parties(heading)
    assert (tuple(heading[a:b] for a, b in spans) if spans else None) == found


def test_a_name_written_surname_first_is_labelled_in_natural_order() -> None:
    text = (
        "Herschel, Caroline → Maskelyne, Nevil\n\nSlough, 8 May 1796.\n\nSir,\n\n"
        "I have found another comet this morning.\n\nYour obliged servant,\nC. Herschel\n"
    )
    result = kgraph.process([text], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.recipient is not None and label[result.recipient] == "Nevil Maskelyne"


def test_his_excellency_with_a_comma_and_a_letter_mailed_to_someone() -> None:
    assert addressee_of("To His Excellency, Andrew Jackson, President of the") is not None
    line = "which she has mailed to Governor Altgeld at his home in Springfield:"
    found = lead_in_recipient(line)
    assert found is not None and line[found[0] : found[1]] == "Governor Altgeld"


QUOTED_CLOSING = """To Mr. Lowell, at Elmwood, she wrote in the spring:

                              "Plymouth Grove, Manchester,
                                    "May 2nd, 1860.

"MY DEAR MR. LOWELL,--Your letter came on a wet morning and made it a fine one.

"Give my love to your wife, and tell her I have not forgotten the
recipe. Yours ever most truly,
                                          "E. C. HARLOW."
"""

UNSIGNED_ENDORSED = """To the Rev. Mr. Penrose, of Redruth.

                                        BRISTOL, March 3, 1757.

REVEREND AND DEAR SIR,

I had your letter of the 20th, and rejoice in what you tell me of the society.

I am, Reverend and dear Sir,
  Your affectionate brother and servant.

(Endorsed by Mr. Penrose: "From Mr. C. Tolley, concerning the field preaching.
Rec'd March 9.")
"""


def test_a_closing_at_the_end_of_a_quoted_paragraph_leaves_the_name_signed() -> None:
    assert parsed(QUOTED_CLOSING)["sender"] == "E. C. HARLOW"


def test_an_unsigned_letter_takes_its_writer_from_the_receivers_endorsement() -> None:
    letter = parse_letter(source(UNSIGNED_ENDORSED))
    assert letter.sender_name is None
    assert spoken(UNSIGNED_ENDORSED, letter.heading_sender) == "Mr. C. Tolley"


TELEGRAM_PAGE = """PAGE FOUR. MONDAY, OCTOBER 3, 1910.

WELLMAN WIRES HIS
BACKERS FROM SEA

All Safe After the Airship Is Aban-
doned Off Nantucket.

WILL WRITE FULLY LATER

BOSTON, Oct. 2.—Edward R. Mott, secre-
tary of the Airship Company, received
this evening the following telegram from
Walter Wellman, the first word from him
since the airship was given up at sea:

"Steamer Trent, off Nantucket,
Oct. 2.
"Edward R. Mott, Boston, Mass.:
"Picked up this morning by the Trent.
All six well. Airship abandoned in a
heavy sea after three days. Tell the
company the engines did all we asked
of them. Notify the newspapers and
the families of the crew at once.
                                 "WELLMAN."

Mr. Mott said that the message was all
he had hoped for and that the company
would meet to-morrow to hear the full
report when Mr. Wellman reached port.
"""


def test_a_telegram_in_a_papers_narrow_column() -> None:
    letter = parse_letter(source(TELEGRAM_PAGE))
    assert spoken(TELEGRAM_PAGE, letter.sender_name) == "WELLMAN"  # not the headline
    assert letter.date is not None and letter.date.iso == "1910-10-02"
    result = kgraph.process([TELEGRAM_PAGE], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is not None and label[result.place] == "Nantucket"  # where it lay


def test_a_lead_in_names_whoever_received_the_telegram() -> None:
    line = "Edward Mott, secretary of the company, received to-day the following telegram from"
    found = lead_in_recipient(line)
    assert found is not None and line[found[0] : found[1]] == "Edward Mott"


def test_a_lots_quoted_day_is_passed_over_for_the_town_before_it() -> None:
    line = (
        "RENOIR, Auguste (1841-1919). Autograph letter signed ('Renoir') to his wife Aline at "
        "Essoyes, Hotel Bristol, Nice, 'Jeudi soir' [4 March 1909], in French, 2 pages."
    )
    found = lot_dateline(line)
    assert found is not None and line[found[0] : found[1]].startswith("Nice,")
