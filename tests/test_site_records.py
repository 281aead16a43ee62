"""Letters as editions print them, the shapes of session eight: a transcription site's record
with the dates of its own work ("Transcription completed: …", "Revision as of …", a blog's
comments), headings that name a kinship or an office rather than a name, a heading set as a
salutation would be, a signature that is no first line, and two calendars in one date.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import pytest

from kgraph.text.dates import find_date
from kgraph.text.fields import read_field
from kgraph.text.headings import addressee_name, parties
from kgraph.text.letter_lines import Line
from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken

TRANSCRIPTION_SITE = """Seaboard Papers Online > Volunteers > Marsh family letters

Letter from Edward Marsh to his wife Anne, 3 June 1811
Date range: 1811
Scanned: 2007 | Transcription completed: 22 May 2015

[Page 1]

My dear Anne

We came into the roads at noon after a fortnight of head winds, and the Captain
has let me ashore to find the agent and a bed that does not roll.

Your loving husband
Edw. Marsh

Plymouth
June 3d 1811

[Page 2 — blank; address leaf]

This page is marked Completed and can no longer be edited.
"""


def test_a_sites_record_of_its_own_work_gives_no_date_or_place() -> None:
    letter = parse_letter(source(TRANSCRIPTION_SITE))
    assert letter.date is not None and letter.date.iso == "1811-06-03"
    assert spoken(TRANSCRIPTION_SITE, letter.dateline) == "June 3d 1811"
    assert letter.place is None or "Transcription" not in letter.place.text
    assert spoken(TRANSCRIPTION_SITE, letter.heading_recipient) == "Anne"


WIKI_PAGE = """Letter 402
From Baltic Musicians' Letters Wiki
Revision as of 11:02, 9 June 2019 by Archivist3 (talk | contribs)

Addressed to  Marta Kalnina
Where written  Riga

                                        Riga, 2 March (14 March) 1881.

My dear Marta,

The concert is fixed for Sunday and the hall is already half sold.

Your Janis.
"""


def test_a_wiki_revision_line_is_no_dateline_and_two_calendars_give_the_first() -> None:
    letter = parse_letter(source(WIKI_PAGE))
    assert letter.date is not None and letter.date.iso == "1881-03-02"
    assert spoken(WIKI_PAGE, letter.place) == "Riga"
    assert spoken(WIKI_PAGE, letter.heading_recipient) == "Marta Kalnina"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Riga, 2 March (14 March) 1881.", "1881-03-02"),
        ("2 March/14 March 1881", "1881-03-02"),
        ("March 2 (March 14), 1881", "1881-03-02"),
    ],
)
def test_a_date_in_two_calendars_is_the_first(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


BLOG_POST = """# Attic Finds

## A card from camp, 1917

Posted by **hollis_w** on June 2, 2012 · 2 comments

My grandmother kept this card in her sewing box. I have typed it as it is.

**Message:**

> July 9
>
> Dear Mother —
> All well here, the drill is hard but the food is good. Tell Dad the corn looks fine.
> Love
> Walt

---

**2 comments:**

**Ruth B.** said... Lovely card. *June 3, 2012 at 8:15 AM*
"""


def test_a_blogs_comments_under_the_letter_give_no_date() -> None:
    letter = parse_letter(source(BLOG_POST))
    assert letter.date is None or not letter.date.iso.startswith("2012")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("TO HIS WIFE.", None),
        ("TO HIS FATHER IN BREMEN", None),
        ("SECOND JOURNEY TO NEW ORLEANS", None),
        ("PAPERS RELATING TO THE WAR IN THE NORTHERN PROVINCES.", None),
        ("Letter from Hegel to Niethammer in Munich, 3 May 1808", ("Hegel", "Niethammer")),
        (
            "Letter from Walter Scott, Abbotsford, to Joanna Baillie, 1820 May 2 : letter signed.",
            ("Walter Scott", "Joanna Baillie"),
        ),
        (
            "GOVERNOR SIR G. GREY, K.C.B., to the RIGHT HON. SIR E. LYTTON, BART.",
            ("SIR G. GREY", "SIR E. LYTTON"),
        ),
        (
            "Mr. Jay to the President of Congress (Samuel Huntington)",
            ("Mr. Jay", "Samuel Huntington"),
        ),
    ],
)
def test_a_heading_names_people_not_kinships_places_or_offices(
    heading: str, expected: tuple[str, str] | None
) -> None:
    found = parties(heading)
    got = (heading[slice(*found[0])], heading[slice(*found[1])]) if found else None
    named = addressee_name(heading)
    assert got == expected
    if expected is None:
        assert named is None


STAEL_SHAPE = """Madame de Courcelles to John Adams, 9 March 1786

From Madame de Courcelles

                                             Auteuil ce 9 mars 1786

I do not know, Sir, whether this will find you in London, but I send it by a friend.

Permanent link for this document: papers.example.org/documents/Adams/1786-03-09
"""


def test_a_heading_with_parties_and_a_date_is_no_salutation() -> None:
    letter = parse_letter(source(STAEL_SHAPE))
    assert letter.salutation is None
    assert spoken(STAEL_SHAPE, letter.heading_sender) == "Madame de Courcelles"
    assert spoken(STAEL_SHAPE, letter.heading_recipient) == "John Adams"
    assert letter.date is not None and letter.date.iso == "1786-03-09"


UNSIGNED_CLOSE = """To Mary Hollis

                                   Savannah, April 2d, 1806.

The river is up again and the boats cannot come down, so I
write while I wait. I have seen Mr. Grant, who sends his
respects, and I go on to Augusta in a week.

                                                  J. Hollis.

ALS, private collection.

Endorsed by Mary Hollis: "From my brother, recd. Apr. 20."

1. Alexander Grant, a merchant of Savannah and the family's agent.
2. The money had been lent in 1804 by his partner in Charleston, and
the family's debt to the house was not paid until the estate was settled in 1819.
"""


def test_a_to_line_first_is_no_signature_and_notes_under_a_name_leave_it_signed() -> None:
    letter = parse_letter(source(UNSIGNED_CLOSE))
    assert spoken(UNSIGNED_CLOSE, letter.sender_name) == "J. Hollis"
    assert spoken(UNSIGNED_CLOSE, letter.heading_recipient) == "Mary Hollis"


def test_a_record_key_of_two_words_may_stand_two_spaces_from_its_value() -> None:
    line = "Addressed to  Marta Kalnina"
    found = read_field(Line(0, len(line), line, 0))
    assert found is not None and (found.kind, found.value.text) == ("recipient", "Marta Kalnina")
    line = "To  MRS. HOLME."  # a "To" line printed with two spaces is no record's field
    assert read_field(Line(0, len(line), line, 0)) is None


BESIDE = """FURTHER PAPERS RESPECTING THE CAPE FRONTIER.
(In continuation of [C.—1961] of 1878.)

No. 12.

GOVERNOR SIR G. GREY to the RIGHT HON. SIR E. LYTTON.

                                        Government House, Cape Town,
SIR,                                              Cape Colony, March 4, 1877.

I HAVE the honour to report the arrival of the mail.

I have, &c.
G. GREY.
"""


def test_a_dateline_beside_the_salutation_beats_a_year_above_the_heading() -> None:
    letter = parse_letter(source(BESIDE))
    assert letter.date is not None and letter.date.iso == "1877-03-04"


TRIAL_EXHIBIT = """                      THE KING v. JOHN MORROW.

                                   York, Tuesday, 4th May, 1813.

Q. Was any paper handed to you for the Colonel?—A. It was, in the store.

Mr. Baldwin.—We admit the hand.

Exhibit No. 4 put in, and read by the Clerk, as follows:—

                                      Sainte-Croix, 12 avril 1813.

To Colonel Brock, commanding at Fort George.

COLONEL,—The committee has the honour to tell you that the boats will not be
given up, and that the men who carry this are our friends.

                         JOHN "LE GRAND" MORROW, Syndic.

Q. What did the Colonel say?—A. He would not answer it.
"""


def test_a_letter_read_into_a_trial_record() -> None:
    letter = parse_letter(source(TRIAL_EXHIBIT))
    assert letter.date is not None and letter.date.iso == "1813-04-12"
    assert spoken(TRIAL_EXHIBIT, letter.place) == "Sainte-Croix"
    assert spoken(TRIAL_EXHIBIT, letter.salutation) == "COLONEL,—"
    assert spoken(TRIAL_EXHIBIT, letter.sender_name) == 'JOHN "LE GRAND" MORROW'
    assert letter.addressee is not None and letter.addressee.text.startswith("To Colonel Brock")


@pytest.mark.parametrize(
    "dateline", ["Ce mardi 8 octobre 1889.", "Sonntag, den 3. März 1878.", "Jueves 4 de mayo 1871"]
)
def test_a_weekday_in_another_language_is_no_place(dateline: str) -> None:
    text = f"{dateline}\n\nMy dear Paul,\n\nThe pictures are finished at last.\n\nYour Rosa.\n"
    letter = parse_letter(source(text))
    assert letter.date is not None
    assert letter.place is None


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("A DON ANDRÉS BELLO", "ANDRÉS BELLO"),
        ("À Monsieur Victor Cousin", "Victor Cousin"),
        ("An Herrn Robert Franz", "Robert Franz"),
        ("A bordo del vapore", None),
    ],
)
def test_a_heading_in_another_language_with_a_style_names_the_addressee(
    heading: str, name: str | None
) -> None:
    found = addressee_name(heading)
    assert (heading[slice(*found)] if found else None) == name


BLOG_FAMILY = """Old Trunk Letters

"The mill is running again" - Nell to her mother, March 1869

Another of Nell's letters from Lowell. For new readers: Nell was my great-great-aunt, and
her letters went home to her mother, Abigail Dorr Pratt, at Concord.

Dear Mother

The mill is running again and I am back on the looms. Tell Father I am well.

Your loving daughter
Nell
"""


def test_a_kin_greeting_takes_the_name_the_editor_gives_that_kin() -> None:
    letter = parse_letter(source(BLOG_FAMILY))
    assert spoken(BLOG_FAMILY, letter.heading_recipient) == "Abigail Dorr Pratt"


LOT_LINE = (
    'BRUNEL, Marc Isambard (1769-1849), engineer. Autograph letter signed ("M. I. Brunel") '
    "to Thomas Telford, London, 2 May 1825"
)
AUCTION_LOT = f"""Lot 88
Sale 4410 · Autographs · 3 May 2011 · London

{LOT_LINE}

2 pages, 4to, integral address leaf.

My dear Sir,

The shield is ordered and the men are engaged; we begin at Rotherhithe next month.

I remain, my dear Sir,
Your very obedient servant,
M. I. Brunel

Thomas Telford Esq.
Abingdon Street
Westminster
"""


def test_an_auction_lot_with_a_trade_names_the_parties_and_the_cover_names_the_addressee() -> None:
    letter = parse_letter(source(AUCTION_LOT))
    assert spoken(AUCTION_LOT, letter.heading_sender) == "BRUNEL, Marc Isambard"
    assert spoken(AUCTION_LOT, letter.heading_recipient) == "Thomas Telford"
    assert letter.addressee is not None
    assert letter.addressee.text.splitlines() == [
        "Thomas Telford Esq.",
        "Abingdon Street",
        "Westminster",
    ]
    assert letter.address is None or "Westminster" not in letter.address.text


def test_an_inverted_catalogue_name_is_labelled_in_natural_order() -> None:
    from kgraph.extract.name_match import fullest

    assert fullest(["BRUNEL, Marc Isambard", "M. I. Brunel"]) == "Marc Isambard Brunel"
    assert fullest(["Paris, France"]) == "Paris, France"


def test_a_lead_in_names_a_friend_and_patron_without_the_town() -> None:
    from kgraph.text.lead_in_names import lead_in_recipient

    line = "Of those months she wrote often to her friend and patron, Amos Lane of Albany, who"
    found = lead_in_recipient(line)
    assert found is not None and line[slice(*found)] == "Amos Lane"


def test_his_honor_before_an_addressees_name() -> None:
    from kgraph.text.head_lines import addressee_of

    line = "To his Honor J. B. MARTIN, Mayor of the City of Boston :"
    found = addressee_of(line)
    assert found is not None and line[slice(*found)] == "J. B. MARTIN"


def test_a_bracketed_signed_before_the_name() -> None:
    text = (
        "Dear Sir:\n\nThe convention meets on Monday.\n\nYours fraternally,\n[signed] Saml Hart\n"
    )
    letter = parse_letter(source(text))
    assert spoken(text, letter.sender_name) == "Saml Hart"
